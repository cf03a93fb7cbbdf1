"""Facts from the pages of attached documents: the note extractor over each page's
text, written in the transaction that saves the page, and by a backfill for pages read
before (or by an older extractor).

A page's own text layer is what its author wrote, so its facts join the timeline as read. A
scanned page's text is OCR's, which drops decimal points and misreads digits: its facts
wait ("pending") until the clinician checks each against the page image and confirms it.
Each is a row of its own so that it can be confirmed or rejected alone. A re-read (a newer
extractor) keeps each fact's verdict where it reads the same words to the same value."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from typing import Any, Literal
from uuid import UUID

from sqlalchemy import Connection, delete, func, select, text, update

from core.db import schema as s
from core.db.bulk import INSERT, bulk
from core.db.engine import Database
from core.documents.types import PageSource
from core.security.crypto import CellCipher
from core.timeline.extract import VERSION, extract
from core.timeline.loading import read
from core.timeline.store import line_of
from core.timeline.types import Fact, TimelineFact

f, p, d = s.facts, s.document_pages, s.documents
FIELD = "document"  # the `field` of a document's facts
# How the extractor reads a page: as the client's free-text record (a drug listed, not
# started; a condition present unless the text says otherwise).
READ_AS = "notes"

Verdict = Literal["confirmed", "rejected"]


def _key(kind: str, item: dict[str, Any]) -> tuple[Any, ...]:
    return (kind, item["name"], item["value"], item["unit"], item["start"], item["end"])


def _items(fact: Fact, body: str) -> dict[str, Any]:
    return {
        "name": fact.name, "start": fact.start, "end": fact.end, "text": fact.text,
        "value": fact.value, "unit": fact.unit, "status": fact.status, "dose": fact.dose,
        "detail": fact.detail, "written": fact.written,
        "line": line_of(body, fact.start, fact.end),
    }  # fmt: skip


def write_page(
    conn: Connection,
    cipher: CellCipher,
    *,
    client_id: UUID,
    document_id: UUID,
    page: int,
    source: PageSource,
    body: str,
) -> int:
    """Replaces the page's facts with what `body` says now; returns the facts written.
    A scan's values that are not believable (flags) are left out: the clinician reads the
    page itself, and a flag is nothing to confirm."""
    found = extract(body, READ_AS)
    facts = list(found.facts)
    if source == "text":
        facts += [
            Fact("flag", x.name, x.start, x.end, x.text, status="flagged", detail=x.reason)
            for x in found.flags
        ]
    kept = _verdicts(conn, cipher, document_id, page)
    conn.execute(delete(f).where(f.c.document_id == document_id, f.c.page == page))
    rows: list[dict[str, Any]] = []
    for fact in facts:
        item = _items(fact, body)
        row_id = uuid.uuid4()
        review, at = (
            (None, None) if source == "text" else kept.get(_key(fact.kind, item), ("pending", None))
        )
        rows.append(
            {
                "id": row_id, "workspace_id": cipher.workspace_id, "client_id": client_id,
                "session_id": None, "document_id": document_id, "page": page, "field": FIELD,
                "kind": fact.kind, "review": review, "reviewed_at": at,
                "payload": cipher.encrypt("facts", "payload", row_id, json.dumps([item])),
            }
        )  # fmt: skip
    bulk(conn, f, rows, INSERT)
    conn.execute(
        update(p)
        .where(p.c.document_id == document_id, p.c.page == page)
        .values(facts_version=VERSION)
    )
    return len(rows)


def _verdicts(
    conn: Connection, cipher: CellCipher, document_id: UUID, page: int
) -> dict[tuple[Any, ...], tuple[str, Any]]:
    """The clinician's verdicts on the page's facts as stored, by what each fact read."""
    rows = conn.execute(
        select(f.c.id, f.c.kind, f.c.payload, f.c.review, f.c.reviewed_at).where(
            f.c.document_id == document_id,
            f.c.page == page,
            f.c.review.in_(("confirmed", "rejected")),
        )
    )
    out: dict[tuple[Any, ...], tuple[str, Any]] = {}
    for r in rows:
        for item in json.loads(cipher.decrypt("facts", "payload", r.id, bytes(r.payload))):
            out[_key(r.kind, item)] = (r.review, r.reviewed_at)
    return out


_STALE = (
    "SELECT p.document_id, p.page, p.id, p.source, p.text, d.client_id FROM document_pages p "
    "JOIN documents d ON d.id = p.document_id WHERE p.read_at IS NOT NULL "
    "AND (p.facts_version IS NULL OR p.facts_version <> :v) {client} "
    "ORDER BY p.document_id, p.page LIMIT :n"
)


def backfill(db: Database, cipher: Callable[[], CellCipher], client_id: UUID | None = None) -> int:
    """Reads the facts of every page read without them (or by an older extractor), of one
    client or all; a few pages a transaction, so a kill loses one batch. Returns pages."""
    k = cipher()
    sql = text(_STALE.format(client="AND d.client_id = :c" if client_id else ""))
    done = 0
    while True:
        with db.tx(k.workspace_id) as conn:
            rows = list(conn.execute(sql, {"v": VERSION, "c": client_id, "n": 20}))
            for r in rows:
                body = k.decrypt("document_pages", "text", r.id, bytes(r.text)) if r.text else ""
                write_page(
                    conn, k, client_id=r.client_id, document_id=r.document_id, page=r.page,
                    source=r.source, body=body,
                )  # fmt: skip
        done += len(rows)
        if not rows:
            return done


def pending(conn: Connection, cipher: CellCipher, document_id: UUID) -> list[TimelineFact]:
    """The document's facts read by OCR and not yet checked, page by page in reading order."""
    where = (f.c.document_id == document_id) & (f.c.review == "pending")
    out = read(conn, cipher, where)
    out.sort(key=lambda t: (t.document.page if t.document else 0, t.fact.start, t.fact.kind))
    return out


def review(
    conn: Connection, document_id: UUID, page: int, fact_ids: Iterable[UUID], verdict: Verdict
) -> tuple[UUID | None, int]:
    """Marks those pending facts of the page confirmed (into the timeline) or rejected:
    (the document's client, or None when none was pending; how many were marked)."""
    ids = list(fact_ids)
    if not ids:
        return None, 0
    done = conn.execute(
        update(f)
        .where(
            f.c.document_id == document_id,
            f.c.page == page,
            f.c.review == "pending",
            f.c.id.in_(ids),
        )
        .values(review=verdict, reviewed_at=func.now())
        .returning(f.c.client_id)
    ).all()
    return (done[0].client_id if done else None), len(done)
