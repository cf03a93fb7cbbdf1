"""The clinical timeline on the real database (issue 27, point 1): facts are written with
the note, encrypted and scoped like it, re-derived on edit, removed with it, and read back
for notes an import left without them; the backfill resumes after a cancel."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.domain import ClientData, SessionData
from core.errors import Cancelled
from core.progress import CancelToken
from core.services.service import ChartsideService
from core.timeline import store
from core.timeline.extract import VERSION

DAY = dt.datetime(2024, 3, 2, 10)


def _client(svc: ChartsideService) -> Any:
    return svc.notes.create_client(
        ClientData(full_name="Rivka Tal", medical_history="Hypertension since 2015.")
    ).id


def _rows(svc: ChartsideService, sql: str, **params: Any) -> list[Any]:
    with svc.db.owner.connect() as conn:
        return list(conn.execute(text(sql), params))


def test_a_saved_note_has_its_facts_encrypted_with_field_span_and_words(
    service: ChartsideService,
) -> None:
    client = _client(service)
    objective = "Vitals: BP 128/82, Wt 82kg.\nPain 6/10 on stairs."
    saved = service.notes.create_session(
        client,
        SessionData(date=DAY, objective=objective, plan="Start sertraline 50 mg daily."),
    )
    facts = service.timeline.facts(client)
    by_name = {t.fact.name: t for t in facts}
    bp = by_name["bp_systolic"]
    assert (bp.fact.value, bp.session_id, bp.field) == (128.0, saved.id, "objective")
    assert objective[bp.fact.start : bp.fact.end] == bp.fact.text == "BP 128/82"
    assert bp.line == "Vitals: BP 128/82, Wt 82kg."
    assert by_name["pain"].line == "Pain 6/10 on stairs."
    assert by_name["weight"].fact.value == 82.0
    med = by_name["sertraline"]
    assert (med.fact.kind, med.fact.status, med.fact.dose, med.field) == (
        "medication", "started", "50 mg", "plan",
    )  # fmt: skip
    # The client's own record is read too, with no visit date.
    htn = by_name["hypertension"]
    assert (htn.session_id, htn.session_date, htn.fact.detail) == (None, None, "onset 2015")
    # At rest: ciphertext only, no word of the note and no value.
    rows = _rows(service, "SELECT id, kind, payload FROM facts")
    assert {r.kind for r in rows} >= {"measurement", "medication", "diagnosis"}
    blob = b"".join(bytes(r.payload) for r in rows)
    plain_text = "".join(
        service.cipher().decrypt("facts", "payload", r.id, bytes(r.payload)) for r in rows
    ).encode()
    # Needles of five bytes or more: a two-byte one ("BP") turns up in a few kilobytes of
    # random ciphertext about once in twenty runs.
    for plain in (b"sertraline", b"128.0", b"BP 128", b"Vitals", b"Hypertension"):
        assert plain in plain_text and plain not in blob


def test_an_edit_rederives_and_a_delete_removes_the_facts(service: ChartsideService) -> None:
    client = _client(service)
    s = service.notes.create_session(client, SessionData(date=DAY, objective="BP 150/95"))
    assert [t.fact.value for t in service.timeline.facts(client, "measurement", "bp_systolic")] == [
        150.0
    ]
    service.notes.update_session(s.id, SessionData(date=DAY, objective="BP 132/84 on recheck"))
    assert [t.fact.value for t in service.timeline.facts(client, "measurement", "bp_systolic")] == [
        132.0
    ]
    service.notes.delete_session(s.id)
    assert service.timeline.facts(client, "measurement") == []
    assert _rows(service, "SELECT id FROM facts WHERE session_id = :s", s=s.id) == []
    service.notes.delete_client(client)
    assert _rows(service, "SELECT id FROM facts") == []


def test_an_implausible_value_is_never_a_fact(service: ChartsideService) -> None:
    client = _client(service)
    service.notes.create_session(client, SessionData(date=DAY, objective="BP 1280/82, HR 72"))
    names = {t.fact.name for t in service.timeline.facts(client, "measurement")}
    assert names == {"heart_rate"}
    # Kept to be shown as what it is, with the reason, never as a reading.
    [flag] = service.timeline.facts(client, "flag")
    assert (flag.fact.name, flag.fact.text, flag.fact.status) == (
        "bp_systolic", "BP 1280/82", "flagged",
    )  # fmt: skip
    assert flag.fact.detail == "1280 is outside 50–260" and flag.fact.value is None
    answer = service.timeline.answer("What was the latest systolic?", client)
    assert answer is not None and answer.refused  # no reading to give


def _document(sessions: int) -> dict[str, Any]:
    return {
        "format": "chartside.v1",
        "clients": [
            {
                "external_id": "c-1",
                "full_name": "Imported Client",
                "medical_history": "",
                "notes": "",
                "sessions": [
                    {
                        "external_id": f"s-{i}",
                        "date": (DAY + dt.timedelta(days=7 * i)).isoformat(),
                        "subjective": "Follow-up.",
                        "objective": f"Weight {80 + i} kg",
                        "assessment": "",
                        "plan": "",
                    }
                    for i in range(sessions)
                ],
            }
        ],
    }


def test_imported_notes_get_their_facts_before_any_read(
    service: ChartsideService, tmp_path: Path
) -> None:
    path = tmp_path / "import.json"
    path.write_text(json.dumps(_document(5)))
    service.notes.import_file(path)
    # An import leaves the reading to the backfill: nothing is extracted on its path.
    assert _rows(service, "SELECT id FROM sessions WHERE facts_version IS NOT NULL") == []
    client = service.notes.resolve_client("c-1")
    weights = service.timeline.facts(client, "measurement", "weight")
    assert [t.fact.value for t in weights] == [80.0, 81.0, 82.0, 83.0, 84.0]
    assert [t.session_external_id for t in weights] == [f"s-{i}" for i in range(5)]
    versions = {r.facts_version for r in _rows(service, "SELECT facts_version FROM sessions")}
    assert versions == {VERSION}


def test_the_backfill_commits_per_batch_and_resumes_after_a_cancel(
    service: ChartsideService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "BATCH", 2)
    path = tmp_path / "import.json"
    path.write_text(json.dumps(_document(7)))
    service.notes.import_file(path)
    token = CancelToken()
    seen: list[float] = []

    def cancel_after_two_batches(fraction: float, message: str) -> None:
        seen.append(fraction)
        if len(seen) == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        service.timeline.backfill(progress=cancel_after_two_batches, cancel=token)
    # Committed: the client record (a batch of one) and the batch of two sessions whose
    # progress cancelled; nothing after it was read.
    with service.db.owner.connect() as conn:
        left = store.pending(conn)
    assert left == 5  # of 8 notes: the client and 7 sessions
    assert service.timeline.backfill() == 5
    with service.db.owner.connect() as conn:
        assert store.pending(conn) == 0
    assert seen[-1] < 1.0


def test_a_save_leaves_the_reading_to_the_next_indexer_cycle(
    indexed_service: ChartsideService,
) -> None:
    """Extraction is off the save path (its 15 ms p95): the save marks the note, and the
    indexer's cycle, which the save's NOTIFY wakes, reads it."""
    svc = indexed_service
    client = _client(svc)
    s = svc.notes.create_session(client, SessionData(date=DAY, objective="Wt 90 kg"))
    [row] = _rows(svc, "SELECT facts_version FROM sessions WHERE id = :s", s=s.id)
    assert row.facts_version is None
    svc.search.index_now()
    [row] = _rows(svc, "SELECT facts_version FROM sessions WHERE id = :s", s=s.id)
    assert row.facts_version == VERSION
    assert len(_rows(svc, "SELECT id FROM facts WHERE session_id = :s", s=s.id)) == 1


def test_a_large_backfill_reads_in_processes_of_its_own_to_the_same_facts(
    service: ChartsideService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spawned readers (core.timeline.store.READERS) give what reading here gives."""
    path = tmp_path / "import.json"
    path.write_text(json.dumps(_document(7)))
    service.notes.import_file(path)
    monkeypatch.setattr(store, "BATCH", 2)
    monkeypatch.setattr(store, "PROCESS_FROM", 1)  # every backfill uses the readers
    assert service.timeline.backfill() == 8
    client = service.notes.resolve_client("c-1")
    spawned = [(t.session_external_id, t.fact) for t in service.timeline.facts(client)]
    with service.db.owner.begin() as conn:
        conn.execute(text("UPDATE sessions SET facts_version = NULL"))
    monkeypatch.setattr(store, "PROCESS_FROM", 10_000)  # read here
    assert service.timeline.backfill() == 7
    assert [(t.session_external_id, t.fact) for t in service.timeline.facts(client)] == spawned
    assert len(spawned) == 14  # a weight and a follow-up visit in each of 7 sessions
