"""Facts on disk: written beside the note that holds them, read back with their visit.

A note's facts are replaced whole whenever the note is written (a save, an edit), in that
transaction, and its `facts_version` records which extractor read it. A note written
without them (an import, an older build, a newer extractor) keeps `facts_version` at NULL
or older, and `backfill` reads it later: in batches of their own transactions, so a kill
loses one batch and the next run carries on, as the indexer does with chunks."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, DateTime, bindparam, delete, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID

from core.db import schema as s
from core.db.bulk import INSERT, bulk
from core.db.engine import Database
from core.progress import CancelToken, Progress
from core.records.repos import ClientRepo, SessionRepo
from core.retrieval.chunks import Owner, client_owner, session_owner
from core.security.crypto import CellCipher
from core.timeline.extract import VERSION, read_fields
from core.timeline.loading import load
from core.timeline.types import Extraction, Fact

__all__ = ["FactWriter", "backfill", "line_of", "load", "pending"]

BATCH = 200
f = s.facts


def line_of(text: str, start: int, end: int) -> str:
    """The whole line (between newlines) that holds `start:end`: what a citation shows."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b >= 0 else len(text)].strip()


def _fields(owners: Sequence[Owner]) -> list[tuple[str, str]]:
    return [(value, name) for o in owners for name, value in o.fields.items() if value]


class FactWriter:
    """Replaces the facts of notes with what their fields say now. The reading (`read_fields`
    over `_fields(owners)`) is apart from `rows` and `write`, so that a backfill reads one
    batch in a process of its own while it encrypts and writes the one before."""

    def __init__(self, cipher: CellCipher) -> None:
        self.cipher = cipher

    def rows(self, owners: Sequence[Owner], read: list[Extraction]) -> list[dict[str, Any]]:
        """`read[i]` is what `_fields(owners)[i]` holds: one row for each note, field and
        kind, its facts one encrypted JSON list (a row a fact cost a third of a backfill's
        time in encryption and inserts). Flags are kept too, as kind "flag"."""
        sources = [(o, name, value) for o in owners for name, value in o.fields.items() if value]
        out: list[dict[str, Any]] = []
        for (owner, field, value), found in zip(sources, read, strict=True):
            by_kind: dict[str, list[dict[str, Any]]] = {}
            for fact in found.facts:
                by_kind.setdefault(fact.kind, []).append(_payload(fact, value))
            for flag in found.flags:
                flagged = Fact("flag", flag.name, flag.start, flag.end, flag.text,
                               status="flagged", detail=flag.reason)  # fmt: skip
                by_kind.setdefault("flag", []).append(_payload(flagged, value))
            out += [self._row(owner, field, kind, items) for kind, items in by_kind.items()]
        return out

    def write(
        self,
        conn: Connection,
        owners: Sequence[Owner],
        stamps: Sequence[dt.datetime],
        rows: list[dict[str, Any]],
    ) -> None:
        """Each owner's facts replaced by `rows`, and the owner marked read where it is as
        it was read (`stamps`, its updated_at then): a note saved again meanwhile keeps its
        mark for the next pass."""
        marked = list(zip(owners, stamps, strict=True))
        sessions = [(o.session_id, t) for o, t in marked if o.session_id is not None]
        clients = [(o.client_id, t) for o, t in marked if o.session_id is None]
        if sessions:
            conn.execute(delete(f).where(f.c.session_id.in_([i for i, _ in sessions])))
        if clients:
            ids = [i for i, _ in clients]
            own = f.c.session_id.is_(None) & f.c.document_id.is_(None)  # not a document's
            conn.execute(delete(f).where(own & f.c.client_id.in_(ids)))
        bulk(conn, f, rows, INSERT)
        for table, marks in (("sessions", sessions), ("clients", clients)):
            if marks:
                conn.execute(
                    text(
                        f"UPDATE {table} AS t SET facts_version = :v FROM unnest(:ids, :stamps) "
                        "AS r(id, stamp) WHERE t.id = r.id AND t.updated_at = r.stamp"
                    ).bindparams(
                        bindparam("ids", type_=ARRAY(PG_UUID(as_uuid=True))),
                        bindparam("stamps", type_=ARRAY(DateTime(timezone=True))),
                    ),
                    {"v": VERSION, "ids": [i for i, _ in marks], "stamps": [t for _, t in marks]},
                )

    def _row(
        self, owner: Owner, field: str, kind: str, items: list[dict[str, Any]]
    ) -> dict[str, Any]:
        row_id = uuid.uuid4()
        blob = self.cipher.encrypt_row("facts", row_id, {"payload": json.dumps(items)})
        return {
            "id": row_id,
            "workspace_id": self.cipher.workspace_id,
            "client_id": owner.client_id,
            "session_id": owner.session_id,
            "field": field,
            "kind": kind,
            "payload": blob["payload"],
        }


def _payload(fact: Fact, source: str) -> dict[str, Any]:
    return {
        "name": fact.name,
        "start": fact.start,
        "end": fact.end,
        "text": fact.text,
        "value": fact.value,
        "unit": fact.unit,
        "status": fact.status,
        "dose": fact.dose,
        "detail": fact.detail,
        "written": fact.written,
        "line": line_of(source, fact.start, fact.end),
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


# Fewer notes than this are read in this process: a reading process costs ~0.3 s to start.
PROCESS_FROM = 2 * BATCH
# Reading processes: with two, the extractor runs on both cores while this process waits on
# the database; they run at a lower priority, so the window stays responsive meanwhile.
READERS = 2


def _reader_start() -> None:
    nice = getattr(os, "nice", None)  # POSIX only
    if nice is not None:
        nice(5)


def backfill(
    db: Database,
    cipher: Callable[[], CellCipher],
    client_id: UUID | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Reads every note that has no facts of this extractor (or one client's), a batch a
    transaction. A large backfill hands each batch's reading to processes of their own
    while this one decrypts the next batch and encrypts and writes the last. A cancel lets
    the batches in hand commit. Returns the notes read."""
    k = cipher()
    writer = FactWriter(k)
    crepo, srepo = ClientRepo(k), SessionRepo(k)
    with db.tx(k.workspace_id) as conn:
        total = pending(conn, client_id)
    if not total:
        return 0
    done = 0

    def clients(c: Connection, ids: list[UUID]) -> tuple[list[Owner], list[dt.datetime]]:
        got = crepo.many(c, ids)
        return [client_owner(x.id, x.data) for x in got], [x.updated_at for x in got]

    def sessions(c: Connection, ids: list[UUID]) -> tuple[list[Owner], list[dt.datetime]]:
        got = srepo.many(c, ids)
        return [session_owner(x.client_id, x.id, x.data) for x in got], [x.updated_at for x in got]

    walks = (
        (_STALE_CLIENTS.format(client="AND id = :c" if client_id else ""), clients),
        (_STALE_SESSIONS.format(client="AND client_id = :c" if client_id else ""), sessions),
    )
    with contextlib.ExitStack() as stack:
        pool = (
            stack.enter_context(
                ProcessPoolExecutor(
                    READERS, mp_context=get_context("spawn"), initializer=_reader_start
                )
            )
            if total >= PROCESS_FROM
            else None
        )
        # Read but not yet written, oldest first: one more in hand than there are readers
        # keeps them busy while this process writes.
        held: deque[tuple[list[Owner], list[dt.datetime], Future[list[Extraction]]]] = deque()

        def finish(keep: int) -> None:
            nonlocal done
            while len(held) > keep:
                owners, stamps, facts = held.popleft()
                try:
                    found = facts.result()
                except BrokenProcessPool:  # the reading process died: read here instead
                    found = read_fields(_fields(owners))
                rows = writer.rows(owners, found)
                with db.tx(k.workspace_id) as conn:
                    writer.write(conn, owners, stamps, rows)
                done += len(owners)
                if progress is not None:
                    progress(min(1.0, done / total), "reading the timeline")

        for sql, read in walks:
            after = uuid.UUID(int=0)
            while True:
                if cancel is not None and cancel.cancelled:
                    finish(0)
                    cancel.raise_if_cancelled()
                with db.tx(k.workspace_id) as conn:
                    params = {"v": VERSION, "after": after, "n": BATCH, "c": client_id}
                    ids = list(conn.execute(text(sql), params).scalars())
                    if not ids:
                        break
                    owners, stamps = read(conn, ids)
                fields = _fields(owners)
                try:
                    facts = pool.submit(read_fields, fields) if pool is not None else None
                except BrokenProcessPool:  # a reader died: read the rest here
                    pool, facts = None, None
                if facts is None:
                    facts = Future[list[Extraction]]()
                    facts.set_result(read_fields(fields))
                held.append((owners, stamps, facts))
                finish(READERS + 1 if pool is not None else 0)
                after = ids[-1]
        finish(0)
    return done
