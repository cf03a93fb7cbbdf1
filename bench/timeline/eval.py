"""`make eval`, the timeline's part: facts read from notes, and questions over time.

Data come from a generator of our own (bench/timeline/sets/labelled/), independent of the retrieval
eval's clinosim patients and unseen by the extractor's author.

(a) Extraction: `core.timeline.extract.extract(text, field)` on about 400 labelled note
fields in English and Hebrew (at least ten written styles per measure). Precision and
recall per kind of fact (measurement, medication, diagnosis, procedure, visit), flags for
implausible values, recall per written style, English against Hebrew, and the first 50
fields with a miss. Matching rules: bench/timeline/sets/labelled/fields.py. Seconds, no database.
Beside it, the same scores on hand-written fields in many more clinical styles
(bench/timeline/sets/labelled/varied.py: range of motion in its forms, problem lists and ICD codes,
sections, negation, procedures by their verb, medication lists under a heading).

(b) Questions over time: 17 patients with 8 to 14 visits each are imported into a fresh,
encrypted data dir with the default setup (the real embedded PostgreSQL, the packaged
models), indexed once, and asked about 190 questions with known answers through the
service's own `ask`, the cache off: latest value, last N values, change since a date or
between visits, first and last prescription, what was prescribed at a visit, current
medications, first diagnosis, last visit, visits in a period, time since the last visit,
any record of X, and things no note mentions. Outcomes (bench/timeline/kit/scoring.py)
per kind and language, seconds per answer (p50, p95), and which path answered
(`path` of the answer: "timeline" or "model").

Goals, each a check: extraction precision and recall >= 0.95 per kind; over time correct
>= 0.90 and wrong <= 0.03 of all questions; the timeline path's p50 <= 1 s. Exit status 1
when a goal is missed, or when the extractor cannot be imported.

Writes bench/results/eval_timeline.json (per-question details included) and prints a table.
`--extraction-only` runs just (a), prints it and writes nothing (a partial result must not
pass for the whole one).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from uuid import UUID

from bench.common import (
    PASSPHRASE,
    bench_settings,
    check,
    client_ids,
    code_state,
    isolate,
    offline,
    write_result,
)
from bench.timeline.kit.facts import LabelledField
from bench.timeline.kit.scoring import (
    OUTCOMES,
    cited_sessions,
    score_answer,
    score_extraction,
)
from bench.timeline.sets.labelled.fields import SEED as FIELDS_SEED
from bench.timeline.sets.labelled.fields import dataset_summary, labelled_fields
from bench.timeline.sets.labelled.questions import (
    QUESTION_KINDS,
    OverTimeQuestion,
    OverTimeSet,
    over_time_set,
)
from bench.timeline.sets.labelled.questions import SEED as QUESTIONS_SEED
from bench.timeline.sets.labelled.varied import varied_fields

NAME = "eval_timeline"
EXTRACTION_GOAL = 0.95
CORRECT_GOAL = 0.90
WRONG_GOAL = 0.03
TIMELINE_P50_GOAL_S = 1.0
WARM_UP = "When was the last visit?"


class ExtractorMissing(RuntimeError):
    pass


def load_extract() -> Callable[[str, str], Any]:
    try:
        from core.timeline.extract import extract
    except ModuleNotFoundError as exc:
        if exc.name in ("core.timeline.extract", "core.timeline"):
            raise ExtractorMissing(
                "core/timeline/extract.py does not exist yet: the timeline eval scores "
                "`core.timeline.extract.extract(text, field)`; write it, then run this again"
            ) from None
        raise
    return extract


# -- (a) extraction -------------------------------------------------------------------------
def extraction_part(fields: Sequence[LabelledField]) -> dict[str, Any]:
    extract = load_extract()
    t0 = time.perf_counter()
    scores = score_extraction(fields, extract)
    return {
        "dataset": dataset_summary(list(fields)),
        "run_s": round(time.perf_counter() - t0, 2),
        **scores,
    }


def extraction_checks(part: dict[str, Any], label: str = "extraction") -> list[dict[str, Any]]:
    out = []
    for kind, s in part["per_kind"].items():
        out.append(check(f"{label} {kind}: precision", s["precision"], ">=", EXTRACTION_GOAL))
        out.append(check(f"{label} {kind}: recall", s["recall"], ">=", EXTRACTION_GOAL))
    return out


# -- (b) questions over time ----------------------------------------------------------------
def _settings(root: Path) -> Any:
    # No rate limit (a run asks ~200 questions), and a generation timeout a busy 2-core
    # machine does not hit: the eval measures answers, not patience.
    return bench_settings(
        root / "data",
        assistant={"rate_limit_per_minute": 0},
        models={"generation_timeout_s": 900},
    )


def _close(svc: Any) -> None:
    try:
        if (gen := svc.assistant.generator()) is not None:
            gen.close()
        if svc.embedder is not None and hasattr(svc.embedder, "close"):
            svc.embedder.close()
    finally:
        svc.close()


def _request(text: str, client: UUID, today: str | None) -> Any:
    """The request; with the fixed "today" where the app's request takes one (a question
    of time since must not depend on the day the eval runs)."""
    from core.assistant.types import AskRequest

    names = {f.name for f in dataclasses.fields(AskRequest)}
    extra: dict[str, Any] = {"today": today} if today and "today" in names else {}
    return AskRequest(text, client_id=client, use_cache=False, **extra)


def ask_all(
    svc: Any, questions: Sequence[OverTimeQuestion], ids: dict[str, UUID], today: str
) -> list[dict[str, Any]]:
    from core.errors import ChartsideError

    rows = []
    t_all = time.perf_counter()
    for i, q in enumerate(questions, start=1):
        row: dict[str, Any] = q.to_json()
        t0 = time.perf_counter()
        try:
            res = svc.assistant.ask(
                _request(q.question, ids[q.client_external_id], q.today or today)
            )
        except ChartsideError as exc:
            row.update(outcome="wrong", error=f"{type(exc).__name__}: {exc.message}")
            row.update(seconds=round(time.perf_counter() - t0, 3), path=None)
            rows.append(row)
            continue
        seconds = time.perf_counter() - t0
        js = res.to_json()
        row.update(
            outcome=score_answer(q, js),
            answer=js.get("answer"),
            refused=js.get("refused"),
            cited=sorted(cited_sessions(js)),
            path=js.get("path") or getattr(res, "path", None),
            seconds=round(seconds, 3),
            generator=(js.get("models") or {}).get("generator"),
        )
        rows.append(row)
        if i % 10 == 0 or i == len(questions):
            rate = (time.perf_counter() - t_all) / i
            print(f"  over time: {i}/{len(questions)} ({rate:.1f} s a question)", file=sys.stderr)
    return rows


def ask_part(data: OverTimeSet, limit: int | None = None) -> dict[str, Any]:
    questions = data.questions[:limit] if limit is not None else data.questions
    offline()  # `make eval` runs this module directly, not through bench/__main__.py
    info: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="chartside-eval-timeline-") as tmp:
        root = Path(tmp)
        isolate(root)
        from app.compose import build_service

        svc = build_service(_settings(root))
        svc.initialise(PASSPHRASE)
        try:
            path = root / "import.json"
            path.write_text(json.dumps(data.doc, ensure_ascii=False), encoding="utf-8")
            t0 = time.perf_counter()
            svc.notes.import_file(path)
            status = svc.search.index_now()
            info["index"] = {
                **status.to_json(),
                "import_index_s": round(time.perf_counter() - t0, 1),
            }
            ids = client_ids(svc)
            today = data.today.isoformat()
            # One throwaway question loads the models before the timed ones.
            t0 = time.perf_counter()
            svc.assistant.ask(_request(WARM_UP, ids[questions[0].client_external_id], today))
            info["warm_up_s"] = round(time.perf_counter() - t0, 1)
            t0 = time.perf_counter()
            rows = ask_all(svc, questions, ids, today)
            info["run_s"] = round(time.perf_counter() - t0)
        finally:
            _close(svc)
    from core.assistant.types import AskRequest

    info["today_passed_to_app"] = "today" in {f.name for f in dataclasses.fields(AskRequest)}
    return {**info, **summarise(rows), "details": rows}


def _seconds(xs: Sequence[float]) -> dict[str, Any]:
    if not xs:
        return {"n": 0, "p50_s": None, "p95_s": None}
    p95 = statistics.quantiles(xs, n=100, method="inclusive")[94] if len(xs) > 1 else xs[0]
    return {"n": len(xs), "p50_s": round(statistics.median(xs), 3), "p95_s": round(p95, 3)}


def _outcomes(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    c = Counter(r["outcome"] for r in rows)
    n = len(rows)
    out: dict[str, Any] = {"n": n, **{o: c[o] for o in OUTCOMES}}
    out.update({f"{o}_rate": round(c[o] / n, 4) if n else 0.0 for o in OUTCOMES})
    out["paths"] = dict(Counter(str(r.get("path")) for r in rows))
    return out


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    paths = sorted({str(r.get("path")) for r in rows})
    return {
        "overall": _outcomes(rows),
        "per_kind": {k: _outcomes([r for r in rows if r["kind"] == k]) for k in QUESTION_KINDS},
        "by_language": {
            lang: _outcomes([r for r in rows if r["language"] == lang]) for lang in ("en", "he")
        },
        "latency": _seconds([r["seconds"] for r in rows if "seconds" in r]),
        "by_path": {
            p: {
                **_outcomes([r for r in rows if str(r.get("path")) == p]),
                **_seconds([r["seconds"] for r in rows if str(r.get("path")) == p]),
            }
            for p in paths
        },
        "errors": sum("error" in r for r in rows),
    }


def over_time_checks(part: dict[str, Any]) -> list[dict[str, Any]]:
    overall = part["overall"]
    out = [
        check("over time: correct", overall["correct_rate"], ">=", CORRECT_GOAL),
        check("over time: wrong", overall["wrong_rate"], "<=", WRONG_GOAL),
    ]
    p50 = part["by_path"].get("timeline", {}).get("p50_s")
    timed = check("over time: timeline answer p50 s", p50 or 0.0, "<=", TIMELINE_P50_GOAL_S)
    if p50 is None:  # no answer came by the timeline: the goal cannot be met
        timed.update(value=None, met=False)
    return [*out, timed]


# -- the run ------------------------------------------------------------------------------------
def _extraction_table(ex: dict[str, Any], title: str) -> list[str]:
    lines = [f"{title}: {ex['fields']} fields ({ex['dataset']['hebrew_share']:.0%} Hebrew)"]
    lines.append(
        f"  {'kind':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    )
    for kind, s in [*ex["per_kind"].items(), ("flags", ex["flags"])]:
        lines.append(
            f"  {kind:<12} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} "
            f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}"
        )
    for lang, kinds in ex["by_language"].items():
        cells = ", ".join(f"{k} P{s['precision']:.2f}/R{s['recall']:.2f}" for k, s in kinds.items())
        lines.append(f"  {lang}: {cells}")
    return lines


def over_time_table(ot: dict[str, Any]) -> list[str]:
    lines = [f"over time: {ot['overall']['n']} questions"]
    lines.append(f"  {'kind':<17} {'n':>4} {'correct':>8} {'wrong':>6} {'refused':>8}")
    for kind, s in [*ot["per_kind"].items(), ("all", ot["overall"])]:
        lines.append(
            f"  {kind:<17} {s['n']:>4} {s['correct']:>8} {s['wrong']:>6} {s['refused']:>8}"
        )
    for p, s in ot["by_path"].items():
        lines.append(f"  path {p}: {s['n']} answers, p50 {s['p50_s']} s, p95 {s['p95_s']} s")
    return lines


def table(report: dict[str, Any]) -> str:
    lines: list[str] = []
    for key, title in (("extraction", "extraction"), ("extraction_varied", "varied styles")):
        if report.get(key):
            lines += _extraction_table(report[key], title)
    if report.get("over_time"):
        lines += over_time_table(report["over_time"])
    for c in report["checks"]:
        state = "met" if c["met"] else "MISSED"
        lines.append(f"{c['name']}: {c['value']} (goal {c['goal']}) {state}")
    return "\n".join(lines)


def run(extraction_only: bool = False, limit: int | None = None) -> dict[str, Any]:
    fields = labelled_fields(seed=FIELDS_SEED)
    report: dict[str, Any] = {"extraction": extraction_part(fields)}
    report["extraction_varied"] = extraction_part(varied_fields())
    checks = extraction_checks(report["extraction"])
    checks += extraction_checks(report["extraction_varied"], "varied styles")
    if not extraction_only:
        data = over_time_set(QUESTIONS_SEED)
        report["over_time_dataset"] = data.summary()
        report["over_time"] = ask_part(data, limit)
        checks += over_time_checks(report["over_time"])
    report["checks"] = checks
    report["goals_met"] = all(c["met"] for c in checks)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeline.eval", description=__doc__)
    parser.add_argument(
        "--extraction-only", action="store_true", help="score the extractor only (no database)"
    )
    parser.add_argument("--limit", type=int, help="ask only the first N questions (a quick look)")
    args = parser.parse_args(argv)
    code = code_state(NAME)  # before the run: the code it imports is the code measured
    try:
        report = run(args.extraction_only, args.limit)
    except ExtractorMissing as exc:
        print(f"eval_timeline: {exc}", file=sys.stderr)
        return 1
    print(table(report))
    if not args.extraction_only:
        report["run"] = {
            "limit": args.limit,
            "fields_seed": FIELDS_SEED,
            "questions_seed": QUESTIONS_SEED,
        }
        report["code"] = code
        path = write_result("eval_timeline", report)
        print(f"wrote {path}")
    return 0 if report["goals_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
