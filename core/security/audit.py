"""Tamper-evident audit log: a keyed HMAC chain per workspace, plus an anchor outside the
database so that cutting off the newest events is detected too.

Each event's hash is HMAC(audit key, previous hash ‖ canonical event). Appends take a
per-workspace advisory lock, so concurrent writers still form one chain. The audit key is
derived from the workspace data key: only an unlocked workspace can extend or check it.

`details` is stored as the exact JSON text that was hashed, and the time as integer
microseconds in the hash: nothing the database normalises can break a link, and a
verifier never has to re-serialise (100,000 events check in about a second).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, insert, select, text

from core.db import schema as s
from core.security.crypto import CellCipher

AUDIT_KEY_PURPOSE = b"chartside/audit/v1"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_GENESIS = b"\x00" * 32


def audit_key(cipher: CellCipher) -> bytes:
    return cipher.subkey(AUDIT_KEY_PURPOSE)


def query_hmac(cipher: CellCipher, query: str) -> str:
    """What the log keeps of an AI question: enough to match a known query, never its text."""
    return hmac.new(
        cipher.subkey(b"chartside/audit-query/v1"), query.encode(), hashlib.sha256
    ).hexdigest()


def ai_query_details(
    cipher: CellCipher,
    query: str,
    retrieved: list[str],
    cited: list[str],
    timings_ms: dict[str, int],
) -> dict[str, Any]:
    """The `ai.query` event's details: the query only as an HMAC, the chunks it used."""
    return {
        "query_hmac": query_hmac(cipher, query),
        "retrieved": retrieved,
        "cited": cited,
        "timings_ms": timings_ms,
    }


def micros(ts: dt.datetime) -> int:
    return (ts - _EPOCH) // dt.timedelta(microseconds=1)


def details_text(details: dict[str, Any]) -> str:
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _canonical(
    seq: int, ts_us: int, actor: str, action: str, target: str | None, details: str
) -> bytes:
    # Length-prefixed fields: no value can be shifted from one field into the next.
    parts = (str(seq), str(ts_us), actor, action, "\x00" if target is None else target, details)
    return "".join(f"{len(p)}:{p};" for p in parts).encode()


def chain_hash(
    key: bytes,
    prev: bytes | None,
    seq: int,
    ts_us: int,
    actor: str,
    action: str,
    target: str | None,
    details: str,
) -> bytes:
    msg = (prev or _GENESIS) + _canonical(seq, ts_us, actor, action, target, details)
    return hmac.digest(key, msg, "sha256")


@dataclass(frozen=True)
class Anchor:
    count: int
    head: str  # hex


class AnchorStore:
    """(count, head hash) per workspace, in a file beside the data, not in the database.
    It only moves forward, so a reader in another process can never roll it back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._mutex = threading.Lock()

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            return json.loads(self.path.read_text())
        except (OSError, ValueError):
            return {}

    def get(self, workspace_id: UUID) -> Anchor | None:
        row = self._load().get(str(workspace_id))
        return Anchor(int(row["count"]), str(row["head"])) if row else None

    def advance(self, workspace_id: UUID, anchor: Anchor) -> None:
        with self._mutex:
            data = self._load()
            cur = data.get(str(workspace_id))
            if cur and int(cur["count"]) >= anchor.count:
                return
            data[str(workspace_id)] = {"count": anchor.count, "head": anchor.head}
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                json.dump(data, f)
            os.replace(tmp, self.path)


@dataclass
class AuditWriter:
    """Appends inside the caller's transaction; remembers the newest event for the anchor,
    which the caller advances only after the transaction commits."""

    cipher: CellCipher
    actor: str
    head: Anchor | None = None
    _key: bytes = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._key = audit_key(self.cipher)

    def append(
        self,
        conn: Connection,
        action: str,
        target: str | UUID | None = None,
        details: dict[str, Any] | None = None,
    ) -> Anchor:
        ws = self.cipher.workspace_id
        # Serialise appends per workspace until commit: one chain, no forks.
        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": f"audit:{ws}"}
        )
        t = s.audit_events
        last = conn.execute(
            select(t.c.seq, t.c.hash)
            .where(t.c.workspace_id == ws)
            .order_by(t.c.seq.desc())
            .limit(1)
        ).first()
        seq = (last.seq + 1) if last else 1
        prev = bytes(last.hash) if last else None
        ts = dt.datetime.now(dt.UTC)
        tgt = None if target is None else str(target)
        det = details_text(details or {})
        h = chain_hash(self._key, prev, seq, micros(ts), self.actor, action, tgt, det)
        conn.execute(
            insert(t).values(
                workspace_id=ws,
                seq=seq,
                ts=ts,
                actor=self.actor,
                action=action,
                target=tgt,
                details=det,
                prev_hash=prev,
                hash=h,
            )
        )
        self.head = Anchor(seq, h.hex())
        return self.head


@dataclass
class VerifyReport:
    ok: bool
    count: int
    problems: list[str]


def verify_events(key: bytes, rows: Iterable[Any], anchor: Anchor | None) -> VerifyReport:
    """Checks sequence, links and HMACs; then that the anchor's head is still there.
    Rows carry (seq, ts_us, actor, action, target, details, prev_hash, hash)."""
    problems: list[str] = []
    prev: bytes | None = None
    expected = 1
    count = 0
    head_at_anchor = b""
    for seq, ts_us, actor, action, target, details, stored_prev, stored in rows:
        count += 1
        if seq != expected:
            problems.append(f"event {expected} is missing or out of order (found {seq})")
            expected = seq
        stored_prev = bytes(stored_prev) if stored_prev is not None else None
        if stored_prev != prev:
            problems.append(f"event {seq} does not link to the event before it")
        msg = (stored_prev or _GENESIS) + _canonical(seq, ts_us, actor, action, target, details)
        if not hmac.compare_digest(hmac.digest(key, msg, "sha256"), stored):
            problems.append(f"event {seq} was altered")
        prev = bytes(stored)
        if anchor is not None and seq == anchor.count:
            head_at_anchor = prev
        expected += 1
        if len(problems) > 100:
            break
    if anchor is not None:
        if anchor.count > count:
            problems.append(
                f"the log ends at event {count}, but {anchor.count} were recorded "
                "(events were removed from the end)"
            )
        elif head_at_anchor.hex() != anchor.head:
            problems.append(f"event {anchor.count} differs from the recorded anchor")
    return VerifyReport(not problems, count, problems)


_EVENTS_SQL = (
    "SELECT seq, (extract(epoch FROM ts) * 1000000)::bigint, actor, action, target, details, "
    "prev_hash, hash FROM audit_events WHERE workspace_id = %(ws)s ORDER BY seq"
)


def load_events(conn: Connection, workspace_id: UUID) -> list[tuple[Any, ...]]:
    # Straight from the driver: at 100,000 events SQLAlchemy's compiled-statement and
    # JSONB processing cost more than the HMACs.
    return list(conn.exec_driver_sql(_EVENTS_SQL, {"ws": workspace_id}))


def export_rows(conn: Connection, workspace_id: UUID) -> list[dict[str, Any]]:
    return [
        {
            "seq": seq,
            "ts": (_EPOCH + dt.timedelta(microseconds=ts_us)).isoformat(),
            "actor": actor,
            "action": action,
            "target": target,
            "details": json.loads(details),
            "prev_hash": bytes(prev).hex() if prev else None,
            "hash": bytes(h).hex(),
        }
        for seq, ts_us, actor, action, target, details, prev, h in load_events(conn, workspace_id)
    ]
