"""One clinic desktop for tests/db/test_clinic_desktops.py: the real service with the real
packaged embedder and its background indexer, on a data dir of its own, signed in as one
practitioner of a workspace on the shared clinic server.

It saves sessions for `duration_s`, and searches, asks (extractive) and verifies the
audit log in between. Each save the service acknowledged (returned) is appended to
`acks-N.txt` before the next starts. Then it writes a marker note, waits for the other
desktops' markers and for the shared queue to drain, and searches for each other
desktop's marker by vector only. Results go to `result-N.json`.

argv: config.json (see the test for its keys)
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from app.compose import migrations_dir
from core.assistant.types import AskRequest
from core.domain import ClientData, SessionData
from core.errors import ChartsideError
from core.retrieval.types import SearchQuery
from core.services.service import ChartsideService
from core.settings import load_settings
from models import packaged
from models.embedder import SentenceTransformerEmbedder

MARKERS = {
    1: "Fractured left wrist after a skiing fall; cast applied, review in six weeks.",
    2: "Panic attacks on crowded trains, racing heart and fear of fainting.",
    3: "Dry cough and wheezing at night since winter; inhaler technique reviewed.",
}
_NOTES = (
    "Lower back stiff in the morning, eases with walking.",
    "Knee swelling reduced; continue quadriceps strengthening.",
    "Sleep improved with the new routine; mood steadier.",
    "Shoulder range of motion up ten degrees since last visit.",
    "Headaches twice this week, linked to long screen time.",
)


class CountingEmbedder:
    """The real embedder, counting the texts the indexer had it embed (the work done)."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner
        self.embedded = 0
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed_documents(self, texts: list[str], cancel: Any = None) -> Any:
        with self._lock:
            self.embedded += len(texts)
        return self.inner.embed_documents(texts, cancel=cancel)


def _wait_for(cond: Any, timeout_s: float, step_s: float = 0.25) -> float | None:
    """Seconds it took `cond()` to hold, or None when it did not within `timeout_s`."""
    start = time.monotonic()
    while time.monotonic() - start < timeout_s:
        try:
            if cond():
                return time.monotonic() - start
        except ChartsideError:
            pass  # the server may be restarting: ask again
        time.sleep(step_s)
    return None


def main(config_path: str) -> None:
    cfg = json.loads(Path(config_path).read_text())
    desk: int = cfg["desk"]
    out = Path(cfg["out_dir"])
    settings = load_settings(data_dir=Path(cfg["data_dir"]), database=cfg["database"])
    pm = packaged.embedder()
    embedder = CountingEmbedder(SentenceTransformerEmbedder(pm.path, name=pm.name))
    svc = ChartsideService(settings, migrations_dir(), embedder=embedder)  # type: ignore[arg-type]
    t0 = time.monotonic()
    states: list[tuple[float, str]] = []
    result: dict[str, Any] = {"desk": desk}
    try:
        svc.unlock(cfg["passphrase"], username=cfg["username"])
        svc.db.state.subscribe(lambda s: states.append((time.monotonic() - t0, s.value)))
        embedder.load()
        svc.search.watch_index(lambda status: None)  # the background indexer, as the window runs it
        client = svc.notes.create_client(ClientData(full_name=f"Desk {desk} client", notes="x"))
        (out / f"started-{desk}").write_text("")
        while not all((out / f"started-{d}").exists() for d in cfg["desks"]):
            time.sleep(0.1)
        acks = (out / f"acks-{desk}.txt").open("a")
        failed: dict[str, int] = {}
        searches = asks = 0
        verifies: list[bool] = []
        day = dt.datetime(2025, 1, 1, 9, 0)
        deadline = time.monotonic() + cfg["duration_s"]
        i = 0
        while time.monotonic() < deadline:
            i += 1
            note = _NOTES[i % len(_NOTES)]
            try:
                saved = svc.notes.create_session(
                    client.id,
                    SessionData(
                        date=day + dt.timedelta(hours=i),
                        subjective=f"Desk {desk}, visit {i}. {note}",
                        plan=f"Plan {i}: {_NOTES[(i + 2) % len(_NOTES)]}",
                    ),
                )
                acks.write(f"{saved.id}\n")
                acks.flush()
                if i % 10 == 0:
                    svc.search.query(SearchQuery(text="knee swelling", k=5))
                    searches += 1
                if i % 30 == 0:
                    svc.assistant.ask(AskRequest("How is the knee swelling?", extractive=True))
                    asks += 1
                if i % 25 == 0:
                    verifies.append(svc.health.audit_verify().ok)
            except ChartsideError as exc:
                failed[type(exc).__name__] = failed.get(type(exc).__name__, 0) + 1
                time.sleep(0.2)
            time.sleep(cfg["pace_s"])
        acks.close()
        result.update(writes_tried=i, failed=failed, searches=searches, asks=asks)
        result["verifies_during"] = verifies

        # Cross-desktop visibility: each desktop's marker, found by the others by vector.
        marker = svc.notes.create_client(
            ClientData(full_name=f"Marker {desk}", notes=MARKERS[desk])
        )
        (out / f"marker-{desk}").write_text(str(marker.id))
        while not all((out / f"marker-{d}").exists() for d in cfg["desks"]):
            time.sleep(0.1)
        status = svc.search.index_status()
        result["queue_at_markers"] = status.total - status.current
        result["drain_s"] = _wait_for(
            lambda: svc.search.index_status().complete, cfg["drain_timeout_s"]
        )
        seen: dict[str, bool] = {}
        for other in cfg["desks"]:
            cid = svc.notes.resolve_client(
                (out / f"marker-{other}").read_text()
            )  # an internal id resolves too
            hits = svc.search.query(
                SearchQuery(text=MARKERS[other], client_id=cid, k=3, mode="vector")
            ).hits
            seen[str(other)] = bool(hits) and hits[0].client_id == cid
        result["markers_seen"] = seen
        report = svc.health.audit_verify()
        anchor = svc.anchors.get(svc.require_workspace())
        result.update(
            audit_ok=report.ok,
            audit_problems=report.problems[:5],
            audit_events=report.count,
            anchor_count=anchor.count if anchor else None,
            embedded_texts=embedder.embedded,
            states=states,
            final_state=svc.db.state.status.value,
        )
    finally:
        svc.close()
        (out / f"result-{desk}.json").write_text(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
