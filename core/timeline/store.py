"""Facts on disk: written beside the note that holds them, read back with their visit.

A note's facts are replaced whole whenever the note is written (a save, an edit), in that
transaction, and its `facts_version` records which extractor read it. A note written
without them (an import, an older build, a newer extractor) keeps `facts_version` at NULL
or older, and `backfill` reads it later: in batches of their own transactions, so a kill
loses one batch and the next run carries on, as the indexer does with chunks."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, delete, select, text, update

from core.db import schema as s
from core.db.bulk import INSERT, bulk
from core.db.engine import Database
from core.progress import CancelToken, Progress
from core.records.repos import ClientRepo, SessionRepo
from core.retrieval.chunks import Owner, client_owner, session_owner
from core.security.crypto import CellCipher
from core.timeline.extract import VERSION, extract
from core.timeline.types import Fact, Kind, TimelineFact

BATCH = 200
f = s.facts


def line_of(text: str, start: int, end: int) -> str:
    """The whole line (between newlines) that holds `start:end`: what a citation shows."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)].strip()


class FactWriter:
    """Replaces the facts of notes with what their fields say now."""

    def __init__(self, cipher: CellCipher) -> None:
        self.cipher = cipher

    def sync(self, conn: Connection, owners: Sequence[Owner]) -> int:
        """Returns the facts written."""
        if not owners:
            return 0
        sessions = [o.session_id for o in owners if o.session_id is not None]
        clients = [o.client_id for o in owners if o.session_id is None]
        old = [o for o in owners if not o.new]
        if any(o.session_id is not None for o in old):
            conn.execute(delete(f).where(f.c.session_id.in_(sessions)))
        if any(o.session_id is None for o in old):
            conn.execute(delete(f).where(f.c.session_id.is_(None) & f.c.client_id.in_(clients)))
        rows = [
            self._row(o, name, fact, value)
            for o in owners
            for name, value in o.fields.items()
            if value
            for fact in extract(value, name).facts
        ]
        bulk(conn, f, rows, INSERT)
        if sessions:
            conn.execute(
                update(s.sessions)
                .where(s.sessions.c.id.in_(sessions))
                .values(facts_version=VERSION)
            )
        if clients:
            conn.execute(
                update(s.clients).where(s.clients.c.id.in_(clients)).values(facts_version=VERSION)
            )
        return len(rows)

    def _row(self, owner: Owner, field: str, fact: Fact, source: str) -> dict[str, Any]:
        fid = uuid.uuid4()
        payload = {
            "name": fact.name,
            "start": fact.start,
            "end": fact.end,
            "text": fact.text,
            "value": fact.value,
            "unit": fact.unit,
            "status": fact.status,
            "dose": fact.dose,
            "detail": fact.detail,
            "line": line_of(source, fact.start, fact.end),
        }
        blob = self.cipher.encrypt_row("facts", fid, {"payload": json.dumps(payload)})
        return {
            "id": fid,
            "workspace_id": self.cipher.workspace_id,
            "client_id": owner.client_id,
            "session_id": owner.session_id,
            "field": field,
            "kind": fact.kind,
            "payload": blob["payload"],
        }


_STALE_SESSIONS = (
    "SELECT id FROM sessions WHERE (facts_version IS NULL OR facts_version <> :v) "
    "AND id > :after {client} ORDER BY id LIMIT :n"
)
_STALE_CLIENTS = (
    "SELECT id FROM clients WHERE (facts_version IS NULL OR facts_version <> :v) "
    "AND id > :after {client} ORDER BY id LIMIT :n"
)


def pending(conn: Connection, client_id: UUID | None = None) -> int:
    """Notes whose facts are missing or from an older extractor."""
    where = "(facts_version IS NULL OR facts_version <> :v)"
    params: dict[str, Any] = {"v": VERSION}
    if client_id is not None:
        where += " AND {col} = :c"
        params["c"] = client_id
    total = 0
    for table, col in (("sessions", "client_id"), ("clients", "id")):
        sql = f"SELECT count(*) FROM {table} WHERE {where.format(col=col)}"
        total += int(conn.execute(text(sql), params).scalar_one())
    return total


def backfill(
    db: Database,
    cipher: Callable[[], CellCipher],
    client_id: UUID | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Reads every note that has no facts of this extractor (or one client's), a batch a
    transaction. Returns the notes read."""
    k = cipher()
    writer = FactWriter(k)
    crepo, srepo = ClientRepo(k), SessionRepo(k)
    with db.tx(k.workspace_id) as conn:
        total = pending(conn, client_id) or 1
    done = 0
    walks: tuple[tuple[str, Callable[[Connection, UUID], Owner]], ...] = (
        (
            _STALE_CLIENTS.format(client="AND id = :c" if client_id else ""),
            lambda c, i: client_owner(i, crepo.get(c, i).data),
        ),
        (
            _STALE_SESSIONS.format(client="AND client_id = :c" if client_id else ""),
            lambda c, i: _session_owner(srepo, c, i),
        ),
    )
    for sql, owner_of in walks:
        after = uuid.UUID(int=0)
        while True:
            if cancel is not None:
                cancel.raise_if_cancelled()
            with db.tx(k.workspace_id) as conn:
                params = {"v": VERSION, "after": after, "n": BATCH, "c": client_id}
                ids = list(conn.execute(text(sql), params).scalars())
                if not ids:
                    break
                writer.sync(conn, [owner_of(conn, i) for i in ids])
            after = ids[-1]
            done += len(ids)
            if progress is not None:
                progress(min(1.0, done / total), "reading the timeline")
    return done


def _session_owner(repo: SessionRepo, conn: Connection, session_id: UUID) -> Owner:
    got = repo.get(conn, session_id)
    return session_owner(got.client_id, got.id, got.data)


def load(
    conn: Connection,
    cipher: CellCipher,
    client_id: UUID,
    kind: Kind | None = None,
    name: str | None = None,
) -> list[TimelineFact]:
    """The client's facts, oldest visit first (the client's own record before any visit),
    then in the order the note wrote them."""
    q = (
        select(
            f.c.id, f.c.session_id, f.c.field, f.c.kind, f.c.payload,
            s.sessions.c.session_date, s.sessions.c.external_id,
        )
        .select_from(f.outerjoin(s.sessions, s.sessions.c.id == f.c.session_id))
        .where(f.c.client_id == client_id)
    )  # fmt: skip
    if kind is not None:
        q = q.where(f.c.kind == kind)
    out: list[TimelineFact] = []
    wanted = name.casefold() if name else None
    external: dict[UUID, str | None] = {}
    for row in conn.execute(q):
        p = json.loads(cipher.decrypt("facts", "payload", row.id, bytes(row.payload)))
        if wanted is not None and p["name"].casefold() != wanted:
            continue
        fact = Fact(
            row.kind, p["name"], p["start"], p["end"], p["text"], value=p["value"],
            unit=p["unit"], status=p["status"], dose=p["dose"], detail=p["detail"],
        )  # fmt: skip
        sid = row.session_id
        if sid is not None and sid not in external:
            blob = row.external_id
            external[sid] = (
                cipher.decrypt("sessions", "external_id", sid, bytes(blob)) if blob else None
            )
        out.append(
            TimelineFact(
                row.id, client_id, sid, row.session_date, row.field, fact, p["line"],
                external.get(sid) if sid else None,
            )
        )  # fmt: skip
    out.sort(key=_order)
    return out


_FIELDS = ("medical_history", "notes", "subjective", "objective", "assessment", "plan")


def _order(t: TimelineFact) -> tuple[bool, dt.datetime, int, int]:
    field = _FIELDS.index(t.field) if t.field in _FIELDS else len(_FIELDS)
    return (t.session_date is not None, t.session_date or dt.datetime.min, field, t.fact.start)
