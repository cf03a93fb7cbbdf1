"""The timeline's backfill against a bare run of the same extractor (issue 27).

10,000 imported sessions (an import leaves their facts to the backfill) are read into the
timeline by `TimelineService.backfill`: a batch a transaction, each note decrypted, read,
and its facts encrypted and written. The raw side runs `core.timeline.extract.extract` over
the same texts held in memory, nothing else. Rounds alternate, the facts cleared between
them, and the ratio raw / ours is the share of the backfill's time the extractor itself
takes. Goals: the backfill within 5 minutes on 2 cores, at >= 0.8x the bare extractor;
the brief before a visit (20 clients of 20 visits, no model) within a second."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.common import alternate, check, code_state, latency_ms, write_result
from bench.store.speed import _service
from core.retrieval.types import SESSION_FIELDS
from core.services.service import ChartsideService
from core.timeline.extract import extract
from tests.factories import document

CLIENTS, SESSIONS_PER_CLIENT = 500, 20  # 10,000 sessions
BACKFILL_GOAL_S = 300.0
RATIO_GOAL = 0.8
BRIEF_GOAL_MS = 1000.0


def _texts(doc: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for c in doc["clients"]:
        out += [(c[f], f) for f in ("medical_history", "notes") if c.get(f)]
        out += [(s[f], f) for s in c["sessions"] for f in SESSION_FIELDS if s.get(f)]
    return out


def _clear(svc: ChartsideService) -> None:
    with svc.db.owner.begin() as conn:
        conn.execute(text("DELETE FROM facts"))
        conn.execute(text("UPDATE sessions SET facts_version = NULL"))
        conn.execute(text("UPDATE clients SET facts_version = NULL"))


def run(rounds: int = 3, write: bool = True, clients: int = CLIENTS) -> dict[str, Any]:
    code = code_state("timeline")
    doc = document(clients, SESSIONS_PER_CLIENT)
    texts = _texts(doc)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        svc = _service(root, "data")
        try:
            path = root / "import.json"
            path.write_text(json.dumps(doc), encoding="utf-8")
            svc.notes.import_file(path)
            rows: list[int] = []  # one a note, field and kind

            def ours() -> float:
                _clear(svc)
                t = time.perf_counter()
                svc.timeline.backfill()
                elapsed = time.perf_counter() - t
                with svc.db.owner.connect() as conn:
                    rows.append(conn.execute(text("SELECT count(*) FROM facts")).scalar_one())
                return elapsed

            def raw() -> float:
                t = time.perf_counter()
                for body, field in texts:
                    extract(body, field)
                return time.perf_counter() - t

            ours_s, raw_s = alternate(rounds, ours, raw)
            brief_s = _brief_times(svc)
        finally:
            svc.close()
    ratios = [r / o for r, o in zip(raw_s, ours_s, strict=True)]
    result: dict[str, Any] = {
        "benchmark": "timeline",
        **code,
        "sessions": clients * SESSIONS_PER_CLIENT,
        "fields": len(texts),
        "fact_rows": rows[-1],
        "backfill_s": [round(x, 2) for x in ours_s],
        "bare_extract_s": [round(x, 2) for x in raw_s],
        "ratio_bare_over_backfill": round(statistics.median(ratios), 3),
        "ratios": [round(x, 3) for x in ratios],
        # "Since the last visit" of 20 clients (20 visits each), read from the timeline
        "brief": latency_ms(brief_s),
    }
    result["checks"] = checks(result)
    if write:
        write_result("timeline", result)
    return result


def _brief_times(svc: ChartsideService) -> list[float]:
    times: list[float] = []
    for summary in svc.notes.list_clients()[:20]:
        t = time.perf_counter()
        svc.timeline.brief(summary.id)
        times.append(time.perf_counter() - t)
    return times


def checks(result: dict[str, Any]) -> list[dict[str, Any]]:
    worst = max(result["backfill_s"])
    scale = 10_000 / result["sessions"]  # a quick run on fewer sessions, scaled
    return [
        check("timeline backfill bare/ours", result["ratio_bare_over_backfill"], ">=", RATIO_GOAL),
        check("timeline backfill of 10,000 sessions s", round(worst * scale, 1), "<=",
              BACKFILL_GOAL_S, gated=False),
        check("timeline brief p95 ms", result["brief"]["p95_ms"], "<=", BRIEF_GOAL_MS,
              gated=False),
    ]  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
