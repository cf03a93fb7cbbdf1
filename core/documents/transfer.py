"""A client's documents in the `chartside.v1` export (docs/usage.md): each file whole, as
base64, with its title, kind, date and SHA-256. An import checks every document as an
attach does (`core/documents/files.py`) before anything is written, and skips a file the
client already holds, so importing the same export twice adds nothing. Imported pages
start unread: the reader reads them as it reads an attached file."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Connection, select

from core.db import schema as s
from core.documents import store
from core.documents.files import inspect
from core.documents.types import (
    KINDS,
    MAX_TITLE_CHARS,
    AttachRequest,
    DocumentKind,
    DocumentRejected,
    Inspected,
)
from core.errors import ImportFormatError
from core.messages import Message
from core.security.crypto import CellCipher

_KEYS = {"title", "kind", "date", "media_type", "sha256", "data"}


@dataclass(frozen=True)
class ImportedDocument:
    kind: DocumentKind
    title: str
    date: dt.date | None
    data: bytes = field(repr=False)
    sha256: str
    found: Inspected


def export_documents(conn: Connection, cipher: CellCipher, client_id: UUID) -> list[dict[str, Any]]:
    """The client's documents, in a stable order (date, then content)."""
    out: list[dict[str, Any]] = []
    for info in store.documents_of(conn, cipher, client_id):
        data, media_type = store.content(conn, cipher, info.id)
        out.append(
            {
                "title": info.title,
                "kind": info.kind,
                "date": info.date.isoformat() if info.date else None,
                "media_type": media_type,
                "sha256": hashlib.sha256(data).hexdigest(),
                "data": base64.b64encode(data).decode("ascii"),
            }
        )
    return sorted(out, key=lambda d: (d["date"] or "", d["sha256"]))


def parse_documents(items: list[Any], record: str) -> list[ImportedDocument]:
    """Each document checked whole. Raises `ImportFormatError` naming the record and the
    field, never what the file holds."""
    return [_parse(item, f"{record}.documents[{i}]") for i, item in enumerate(items)]


def _fail(message: Message | str, field_name: str, record: str) -> ImportFormatError:
    return ImportFormatError(message, field=field_name, record=record)


def _parse(item: object, rec: str) -> ImportedDocument:
    if not isinstance(item, dict):
        raise _fail(Message("records.must_be_object"), "document", rec)
    d = cast("dict[str, Any]", item)
    unknown = sorted(set(d) - _KEYS)
    if unknown:
        raise _fail(Message("records.unknown_field"), unknown[0][:40], rec)
    kind = d.get("kind", "other")
    if kind not in KINDS:
        kinds = ", ".join(KINDS)
        raise _fail(Message("records.must_be_one_of", name=kinds), "kind", rec)
    title = d.get("title", "")
    if not isinstance(title, str) or len(" ".join(title.split())) > MAX_TITLE_CHARS:
        raise _fail(Message("documents.text_at_most", n=MAX_TITLE_CHARS), "title", rec)
    try:
        date = dt.date.fromisoformat(d["date"]) if d.get("date") is not None else None
    except (TypeError, ValueError):
        raise _fail(Message("documents.must_be_date"), "date", rec) from None
    try:
        data = base64.b64decode(str(d.get("data", "")), validate=True)
    except (binascii.Error, ValueError):
        raise _fail(Message("documents.must_be_base64"), "data", rec) from None
    digest = hashlib.sha256(data).hexdigest()
    if d.get("sha256") not in (None, digest):
        raise _fail(Message("documents.sha_mismatch"), "sha256", rec)
    try:
        found = inspect(data)
    except DocumentRejected as exc:
        raise _fail(exc.msg or Message("documents.file_unreadable"), "data", rec) from None
    return ImportedDocument(kind, " ".join(title.split()), date, data, digest, found)


def write_documents(
    conn: Connection, cipher: CellCipher, client_id: UUID, documents: list[ImportedDocument]
) -> int:
    """Stores the documents the client does not hold yet (by content), unread. Returns how
    many were added."""
    held = {_digest(conn, cipher, doc_id) for doc_id in _ids(conn, client_id)}
    added = 0
    for doc in documents:
        if doc.sha256 in held:
            continue
        req = AttachRequest(client_id, doc.data, doc.kind, doc.date, doc.title)
        title = doc.title or store.default_title(req, dt.date.today())
        store.insert_document(conn, cipher, req, doc.found, title)
        held.add(doc.sha256)
        added += 1
    return added


def _ids(conn: Connection, client_id: UUID) -> list[UUID]:
    d = s.documents
    return list(conn.execute(select(d.c.id).where(d.c.client_id == client_id)).scalars())


def _digest(conn: Connection, cipher: CellCipher, doc_id: UUID) -> str:
    return hashlib.sha256(store.content(conn, cipher, doc_id)[0]).hexdigest()
