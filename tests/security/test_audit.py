"""The audit log: who did what, append-only, and every kind of tampering detected."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.domain import ClientData, SessionData
from core.security import audit
from core.security.audit import Anchor, chain_hash, verify_events
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE
from tests.factories import document


class Row(NamedTuple):
    seq: int
    ts_us: int
    actor: str
    action: str
    target: str | None
    details: str
    prev_hash: bytes | None
    hash: bytes


KEY = bytes(range(32))


def make_chain(n: int) -> list[Row]:
    rows: list[Row] = []
    prev = None
    t0 = audit.micros(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    for seq in range(1, n + 1):
        ts = t0 + seq * 1_000_000
        details = audit.details_text({"n": seq % 7})
        h = chain_hash(KEY, prev, seq, ts, "dr.a", "client.read", f"t{seq}", details)
        rows.append(Row(seq, ts, "dr.a", "client.read", f"t{seq}", details, prev, h))
        prev = h
    return rows


def _edit(rows: list[Row], i: int) -> list[Row]:
    r = rows[i]
    n = json.loads(r.details)["n"]
    return [*rows[:i], r._replace(details=audit.details_text({"n": n + 1})), *rows[i + 1 :]]


def _edit_actor(rows: list[Row], i: int) -> list[Row]:
    return [*rows[:i], rows[i]._replace(actor="someone.else"), *rows[i + 1 :]]


def _delete(rows: list[Row], i: int) -> list[Row]:
    return rows[:i] + rows[i + 1 :]


def _reorder(rows: list[Row], i: int) -> list[Row]:
    j = i + 1 if i + 1 < len(rows) else i - 1
    out = list(rows)
    out[i], out[j] = out[j], out[i]
    return out


def _truncate(rows: list[Row], i: int) -> list[Row]:
    return rows[: max(i, 1) - 1] if i else rows[:-1]


def _rehash_after_edit(rows: list[Row], i: int) -> list[Row]:
    """An attacker without the key recomputes plain SHA-256 links: still caught."""
    import hashlib

    out = list(rows)
    r = out[i]._replace(target="forged")
    out[i] = r._replace(hash=hashlib.sha256(repr(r).encode()).digest())
    return out


TAMPERS: dict[str, Callable[[list[Row], int], list[Row]]] = {
    "edit details": _edit,
    "edit actor": _edit_actor,
    "delete": _delete,
    "reorder": _reorder,
    "truncate tail": _truncate,
    "forge without key": _rehash_after_edit,
}


def test_ten_thousand_events_every_tampering_detected_no_false_positives() -> None:
    rows = make_chain(10_000)
    anchor = Anchor(len(rows), rows[-1].hash.hex())
    clean = verify_events(KEY, rows, anchor)
    assert clean.ok and clean.count == 10_000 and clean.problems == []
    rng = random.Random(3)
    detected = attempts = 0
    for name, tamper in TAMPERS.items():
        positions = [0, 1, 4_999, 9_998, 9_999, *rng.sample(range(10_000), 45)]
        for i in positions:
            attempts += 1
            report = verify_events(KEY, tamper(rows, i), anchor)
            detected += not report.ok
            assert not report.ok, f"{name} at {i} went unnoticed"
    assert detected == attempts == len(TAMPERS) * 50
    # The wrong key never verifies: the chain is keyed, not a plain hash list.
    assert not verify_events(bytes(32), rows, anchor).ok


def test_tail_truncation_needs_the_anchor() -> None:
    rows = make_chain(50)
    cut = rows[:40]
    assert verify_events(KEY, cut, None).ok  # without an anchor a cut tail looks whole...
    report = verify_events(KEY, cut, Anchor(50, rows[-1].hash.hex()))
    assert not report.ok and "removed from the end" in report.problems[0]


def _actions(svc: ChartsideService) -> list[tuple[str, str | None]]:
    # The export's own event is written after it reads the log, so it is not in the list.
    return [(e["action"], e["target"]) for e in svc.health.audit_export()]


def test_every_read_and_write_is_recorded(service: ChartsideService, tmp_path: Any) -> None:
    c = service.notes.create_client(ClientData(full_name="Audited"))
    service.notes.get_client(c.id)
    s = service.notes.create_session(c.id, SessionData(date="2024-01-01", plan="p"))
    service.notes.get_session(s.id)
    service.notes.update_session(s.id, SessionData(date="2024-01-01", plan="q"))
    service.notes.list_sessions(c.id)
    service.notes.delete_session(s.id)
    service.notes.update_client(c.id, ClientData(full_name="Audited 2"))
    service.notes.delete_client(c.id)
    src = tmp_path / "in.json"
    src.write_text(json.dumps(document(1, 1)))
    service.notes.import_file(src)
    service.notes.export_doc()
    service.lock()
    service.unlock(PASSPHRASE)
    got = _actions(service)
    assert got[0] == ("init", None)
    assert got[1:] == [
        ("client.create", str(c.id)),
        ("client.read", str(c.id)),
        ("session.create", str(s.id)),
        ("session.read", str(s.id)),
        ("session.update", str(s.id)),
        ("session.list", str(c.id)),
        ("session.delete", str(s.id)),
        ("client.update", str(c.id)),
        ("client.delete", str(c.id)),
        ("import", None),
        ("export", None),
        ("lock", None),
        ("unlock", None),
    ]
    events = service.health.audit_export()
    assert {e["actor"] for e in events} == {service.actor}
    imp = next(e for e in events if e["action"] == "import")
    assert imp["details"]["sessions_created"] == 1
    assert service.health.audit_verify().ok


def test_ai_queries_keep_only_an_hmac(service: ChartsideService) -> None:
    question = "Did the patient mention chest pain in March?"
    service.assistant.record_ai_query(
        question, retrieved=["a", "b"], cited=["a"], timings_ms={"total": 812}
    )
    (event,) = [e for e in service.health.audit_export() if e["action"] == "ai.query"]
    assert event["details"]["retrieved"] == ["a", "b"] and event["details"]["cited"] == ["a"]
    assert event["details"]["query_hmac"] == audit.query_hmac(service.cipher(), question)
    with service.db.owner.connect() as conn:
        raw = conn.execute(text("SELECT details::text FROM audit_events")).scalars().all()
    assert not any("chest" in r for r in raw)


def test_runtime_role_cannot_change_or_remove_events(service: ChartsideService) -> None:
    service.notes.create_client(ClientData(full_name="X"))
    for sql in (
        "UPDATE audit_events SET actor = 'x'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
    ):
        with (
            pytest.raises(DBAPIError, match="permission denied"),
            service.db.tx(service.workspace_id) as conn,
        ):
            conn.execute(text(sql))
    # Even the owner is stopped by the trigger.
    for sql in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), service.db.owner.begin() as conn:
            conn.execute(text(sql))
    assert service.health.audit_verify().ok


@pytest.mark.parametrize(
    "attack",
    [
        "UPDATE audit_events SET details = '{\"count\": 99}' WHERE seq = 2",
        "DELETE FROM audit_events WHERE seq = 2",
        "UPDATE audit_events SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END WHERE seq IN (2, 3)",
        "DELETE FROM audit_events WHERE seq >= (SELECT max(seq) - 1 FROM audit_events)",
    ],
)
def test_tampering_in_the_database_is_detected(service: ChartsideService, attack: str) -> None:
    for i in range(4):
        service.notes.create_client(ClientData(full_name=f"C{i}"))
    assert service.health.audit_verify().ok
    with service.db.owner.begin() as conn:  # a superuser who switches the trigger off
        conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        conn.execute(text("ALTER TABLE audit_events DROP CONSTRAINT uq_audit_events_seq"))
        conn.execute(text(attack))
    report = service.health.audit_verify()
    assert not report.ok and report.problems


def test_details_round_trip_exactly_whatever_they_hold(service: ChartsideService) -> None:
    """Floats, key order and non-ASCII would all be rewritten by JSONB; text keeps them."""
    service.assistant.record_ai_query("q", ["é"], [], {"total": 1e20, "z": 0.1, "a": 3})  # type: ignore[dict-item]
    (event,) = [e for e in service.health.audit_export() if e["action"] == "ai.query"]
    assert event["details"]["timings_ms"] == {"total": 1e20, "z": 0.1, "a": 3}
    assert service.health.audit_verify().ok
