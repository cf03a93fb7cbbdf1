"""The documents repository: encrypt on the way in, decrypt on the way out, inside a
caller's transaction (so an attach and its audit event commit together, or neither).

A page's text is cut into chunks like a note's fields (same chunker, same ciphertext and
keyed hash), owned by the document and its page, so search and the assistant find and
cite it with the notes and the indexer embeds it like any other chunk."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Connection, delete, func, insert, select, text, update

from core.db import schema as s
from core.db.bulk import INSERT, bulk
from core.documents.types import (
    AttachRequest,
    DocumentInfo,
    DocumentKind,
    DocumentPage,
    Inspected,
    OcrWord,
    PageSource,
)
from core.errors import NotFound
from core.messages import Message
from core.retrieval.chunks import NOTIFY_CHANNEL, Chunker
from core.security.crypto import CellCipher

d, p = s.documents, s.document_pages
DOCUMENT_FIELD = "document"  # the `field` of a document's chunks


def client_exists(conn: Connection, client_id: UUID) -> bool:
    return (
        conn.execute(select(s.clients.c.id).where(s.clients.c.id == client_id)).first() is not None
    )


def insert_document(
    conn: Connection, cipher: CellCipher, req: AttachRequest, found: Inspected, title: str
) -> UUID:
    """The document and one unread row per page."""
    doc_id = uuid.uuid4()
    conn.execute(
        insert(d).values(
            id=doc_id,
            workspace_id=cipher.workspace_id,
            client_id=req.client_id,
            kind=req.kind,
            document_date=req.date,
            title=cipher.encrypt("documents", "title", doc_id, title),
            media_type=found.media_type,
            size_bytes=len(req.data),
            page_count=found.page_count,
            content=cipher.encrypt_bytes("documents", "content", doc_id, req.data),
        )
    )
    rows: list[dict[str, Any]] = [
        {"id": uuid.uuid4(), "workspace_id": cipher.workspace_id, "document_id": doc_id, "page": n}
        for n in range(1, found.page_count + 1)
    ]
    bulk(conn, p, rows, INSERT)
    return doc_id


_INFO_SQL = text(
    "SELECT d.id, d.client_id, d.kind, d.document_date, d.title, d.media_type, d.size_bytes, "
    "d.page_count, d.created_at, "
    "count(p.read_at) AS pages_read, count(*) FILTER (WHERE p.source = 'ocr') AS from_scan "
    "FROM documents d LEFT JOIN document_pages p ON p.document_id = d.id "
    "WHERE {where} GROUP BY d.id ORDER BY d.document_date DESC NULLS LAST, d.created_at DESC"
)


def _info(cipher: CellCipher, r: Any) -> DocumentInfo:
    return DocumentInfo(
        id=r.id,
        client_id=r.client_id,
        kind=cast(DocumentKind, r.kind),
        title=cipher.decrypt("documents", "title", r.id, bytes(r.title)),
        date=r.document_date,
        media_type=r.media_type,
        size_bytes=int(r.size_bytes),
        page_count=int(r.page_count),
        pages_read=int(r.pages_read),
        pages_from_scan=int(r.from_scan),
        created_at=r.created_at,
    )


def documents_of(conn: Connection, cipher: CellCipher, client_id: UUID) -> list[DocumentInfo]:
    rows = conn.execute(text(_INFO_SQL.text.format(where="d.client_id = :c")), {"c": client_id})
    return [_info(cipher, r) for r in rows]


def get_document(conn: Connection, cipher: CellCipher, doc_id: UUID) -> DocumentInfo:
    row = conn.execute(text(_INFO_SQL.text.format(where="d.id = :i")), {"i": doc_id}).first()
    if row is None:
        raise NotFound(Message("documents.no_document_id"))
    return _info(cipher, row)


def content(conn: Connection, cipher: CellCipher, doc_id: UUID) -> tuple[bytes, str]:
    """The file's bytes and media type."""
    row = conn.execute(select(d.c.content, d.c.media_type).where(d.c.id == doc_id)).first()
    if row is None:
        raise NotFound(Message("documents.no_document_id"))
    return cipher.decrypt_bytes("documents", "content", doc_id, bytes(row.content)), row.media_type


def get_page(conn: Connection, cipher: CellCipher, doc_id: UUID, page: int) -> DocumentPage:
    row = conn.execute(select(p).where(p.c.document_id == doc_id, p.c.page == page)).first()
    if row is None:
        raise NotFound(Message("documents.document_no_such_page"))
    body = cipher.decrypt("document_pages", "text", row.id, bytes(row.text)) if row.text else ""
    words: tuple[OcrWord, ...] = ()
    if row.words is not None:
        raw = json.loads(cipher.decrypt("document_pages", "words", row.id, bytes(row.words)))
        words = tuple(OcrWord(*w) for w in raw)
    return DocumentPage(doc_id, page, row.source, body, words, row.confidence)


def unread(conn: Connection, document_id: UUID | None = None) -> list[tuple[UUID, int]]:
    """(document, page) of every page not read yet, a document's pages in order."""
    q = select(p.c.document_id, p.c.page).where(p.c.read_at.is_(None))
    if document_id is not None:
        q = q.where(p.c.document_id == document_id)
    rows = conn.execute(q.order_by(p.c.document_id, p.c.page))
    return [(r.document_id, r.page) for r in rows]


def claim(conn: Connection, doc_id: UUID, page: int) -> tuple[UUID, UUID] | None:
    """Locks an unread page for this transaction: (page row id, client id), or None when
    another reader holds it or has read it (several desktops on one clinic server)."""
    row = conn.execute(
        text(
            "SELECT p.id, d.client_id FROM document_pages p JOIN documents d "
            "ON d.id = p.document_id WHERE p.document_id = :d AND p.page = :n "
            "AND p.read_at IS NULL FOR UPDATE OF p SKIP LOCKED"
        ),
        {"d": doc_id, "n": page},
    ).first()
    return None if row is None else (row.id, row.client_id)


def save_page(
    conn: Connection,
    cipher: CellCipher,
    chunker: Chunker,
    *,
    page_row: UUID,
    client_id: UUID,
    doc_id: UUID,
    page: int,
    source: PageSource,
    body: str,
    words: tuple[OcrWord, ...] = (),
    confidence: float | None = None,
) -> int:
    """The page's text (and OCR words) and its chunks; returns chunks written."""
    words_blob = None
    if source == "ocr":
        raw = json.dumps([dataclasses.astuple(w) for w in words], ensure_ascii=False)
        words_blob = cipher.encrypt("document_pages", "words", page_row, raw)
    conn.execute(
        update(p)
        .where(p.c.id == page_row)
        .values(
            source=source,
            text=cipher.encrypt("document_pages", "text", page_row, body),
            words=words_blob,
            confidence=confidence,
            read_at=func.now(),
        )
    )
    rows: list[dict[str, Any]] = []
    for ordinal, piece in enumerate(chunker.split(body)):
        cid = uuid.uuid4()
        rows.append(
            {
                "id": cid,
                "workspace_id": cipher.workspace_id,
                "client_id": client_id,
                "session_id": None,
                "document_id": doc_id,
                "page": page,
                "field": DOCUMENT_FIELD,
                "ordinal": ordinal,
                "content_hash": cipher.lookup_hash("chunk", piece),
                "content": cipher.encrypt("chunks", "content", cid, piece),
            }
        )
    bulk(conn, s.chunks, rows, INSERT)
    if rows:
        conn.execute(text("SELECT pg_notify(:ch, '')"), {"ch": NOTIFY_CHANNEL})
    return len(rows)


def delete_document(conn: Connection, doc_id: UUID) -> UUID:
    """Removes the document, its pages and chunks; returns its client's id."""
    row = conn.execute(delete(d).where(d.c.id == doc_id).returning(d.c.client_id)).first()
    if row is None:
        raise NotFound(Message("documents.no_document_id"))
    return row.client_id


def default_title(req: AttachRequest, today: dt.date) -> str:
    """The file's name without its extension, else the kind and the date."""
    stem = req.filename.rsplit("/", 1)[-1].rsplit(".", 1)[0].strip()
    return stem or f"{req.kind.capitalize()} of {(req.date or today).isoformat()}"
