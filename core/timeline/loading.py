"""Facts read back with where they came from: a visit, the client's own record, or a page of
an attached document. Only facts in the timeline are loaded: a note's, a text page's, and a
scanned page's once the clinician has confirmed it (`review`, migration 0010)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, or_, select

from core.db import schema as s
from core.retrieval.types import DocumentRef
from core.security.crypto import CellCipher
from core.timeline.types import Fact, Kind, TimelineFact

f, d, p = s.facts, s.documents, s.document_pages

# In the timeline: read from a note or a page's own text (no review), or confirmed.
IN_TIMELINE = or_(f.c.review.is_(None), f.c.review == "confirmed")


def load(
    conn: Connection,
    cipher: CellCipher,
    client_id: UUID,
    kind: Kind | None = None,
    name: str | None = None,
) -> list[TimelineFact]:
    """The client's facts, oldest visit first (the client's own record before any visit),
    then in the order the note wrote them."""
    where = (f.c.client_id == client_id) & IN_TIMELINE
    if kind is not None:
        where = where & (f.c.kind == kind)
    out = read(conn, cipher, where, name)
    out.sort(key=_order)
    return out


def read(
    conn: Connection, cipher: CellCipher, where: ColumnElement[bool], name: str | None = None
) -> list[TimelineFact]:
    """The facts of the rows `where` picks, decrypted, in no particular order. A document's
    facts are a row each, so such a fact's id is its row's (what a confirmation names)."""
    q = (
        select(
            f.c.id, f.c.client_id, f.c.session_id, f.c.field, f.c.kind, f.c.payload,
            f.c.document_id, f.c.page, s.sessions.c.session_date, s.sessions.c.external_id,
            d.c.title, d.c.document_date, d.c.created_at, p.c.source,
        )
        .select_from(
            f.outerjoin(s.sessions, s.sessions.c.id == f.c.session_id)
            .outerjoin(d, d.c.id == f.c.document_id)
            .outerjoin(p, (p.c.document_id == f.c.document_id) & (p.c.page == f.c.page))
        )
        .where(where)
    )  # fmt: skip
    out: list[TimelineFact] = []
    wanted = name.casefold() if name else None
    external: dict[UUID, str | None] = {}
    documents: dict[tuple[UUID, int], DocumentRef] = {}
    for row in conn.execute(q):
        items = json.loads(cipher.decrypt("facts", "payload", row.id, bytes(row.payload)))
        sid = row.session_id
        if sid is not None and sid not in external:
            blob = row.external_id
            external[sid] = (
                cipher.decrypt("sessions", "external_id", sid, bytes(blob)) if blob else None
            )
        doc = _document(cipher, row, documents) if row.document_id is not None else None
        day = row.session_date if doc is None else _doc_day(row)
        for i, item in enumerate(items):
            if wanted is not None and item["name"].casefold() != wanted:
                continue
            fid = row.id if doc is not None else uuid.uuid5(row.id, str(i))
            out.append(
                TimelineFact(
                    fid, row.client_id, sid, day, row.field, _fact(row.kind, item), item["line"],
                    external.get(sid) if sid else None, doc,
                )
            )  # fmt: skip
    return out


def _fact(kind: Any, p: dict[str, Any]) -> Fact:
    return Fact(
        kind, p["name"], p["start"], p["end"], p["text"], value=p["value"], unit=p["unit"],
        status=p["status"], dose=p["dose"], detail=p["detail"], written=p.get("written"),
    )  # fmt: skip


def _document(
    cipher: CellCipher, row: Any, seen: dict[tuple[UUID, int], DocumentRef]
) -> DocumentRef:
    key = (row.document_id, row.page)
    if key not in seen:
        title = cipher.decrypt("documents", "title", row.document_id, bytes(row.title))
        seen[key] = DocumentRef(
            row.document_id, title, row.document_date, row.page, row.source == "ocr"
        )
    return seen[key]


def _doc_day(row: Any) -> dt.datetime:
    """A document's facts are dated by the document; one without a date, by the day it was
    attached (naive, like a session's date, so the two sort together)."""
    day: dt.date = row.document_date or row.created_at.date()
    return dt.datetime.combine(day, dt.time())


_FIELDS = ("medical_history", "notes", "subjective", "objective", "assessment", "plan")


def _order(t: TimelineFact) -> tuple[bool, dt.datetime, int, int, int]:
    field = _FIELDS.index(t.field) if t.field in _FIELDS else len(_FIELDS)
    page = t.document.page if t.document is not None else 0
    return (
        t.session_date is not None,
        t.session_date or dt.datetime.min,
        field,
        page,
        t.fact.start,
    )
