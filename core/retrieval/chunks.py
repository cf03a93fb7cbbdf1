"""Note fields → chunks, written in the transaction that saves the note (docs/architecture.md).

A chunk row holds owner ids, field, position, a keyed hash of its text and the text itself
as ciphertext; never plaintext. Unchanged chunks keep their rows (and so their vectors):
editing one field of a session re-embeds only what changed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, any_, bindparam, delete, or_, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql.elements import ColumnElement

from core.db import schema as s
from core.db.bulk import INSERT, bulk
from core.domain import ClientData, SessionData
from core.retrieval.types import CLIENT_FIELDS, SESSION_FIELDS
from core.security.crypto import CellCipher

TokenSpans = Callable[[str], list[tuple[int, int]]]
NOTIFY_CHANNEL = "chartside_index"
_SENTENCE_END = re.compile(r"[.!?;:]$")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Stand-in tokenizer when no embedder is installed: chunks stay close to what a
    subword tokenizer would cut, and a later model change re-chunks nothing it needs."""
    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]


@dataclass(frozen=True)
class Chunker:
    """Token windows of `max_tokens`, each starting `overlap` tokens before the previous
    one ended. A window ends early at a sentence end in its last quarter, so chunks rarely
    cut a sentence in two."""

    spans: TokenSpans = word_spans
    max_tokens: int = 128
    overlap: int = 16

    def split(self, value: str | None) -> list[str]:
        body = (value or "").strip()
        if not body:
            return []
        if len(body) < self.max_tokens and body.isascii():
            # Fits whatever the tokenizer: no token of ASCII text is shorter than one
            # character, save one marker a SentencePiece tokenizer may put in front. Most
            # fields are this short ("No change.", a vitals line), and tokenising them was
            # a fifth of an import's time.
            return [body]
        sp = self.spans(body)
        if len(sp) <= self.max_tokens:
            return [body]

        def joins(j: int) -> bool:
            """Token j continues a word (a subword piece): no cut before it."""
            a, b = sp[j - 1][1], sp[j][0]
            return a == b and body[a - 1].isalnum() and body[b].isalnum()

        out: list[str] = []
        start = 0
        while True:
            end = min(start + self.max_tokens, len(sp))
            if end < len(sp):
                floor = start + (self.max_tokens * 3) // 4
                sentence = next(
                    (
                        j
                        for j in range(end, floor, -1)
                        if _SENTENCE_END.search(body[slice(*sp[j - 1])])
                    ),
                    None,
                )
                word = next((j for j in range(end, start, -1) if not joins(j)), end)
                end = sentence or word
            out.append(body[sp[start][0] : sp[end - 1][1]])
            if end >= len(sp):
                return out
            nxt = max(end - self.overlap, start + 1)
            # Re-tokenised, a chunk that starts mid-word would count differently.
            while nxt > start + 1 and joins(nxt):
                nxt -= 1
            start = nxt


@dataclass(frozen=True)
class Owner:
    """A note whose fields are chunked: a client (session_id None) or one session."""

    client_id: UUID
    session_id: UUID | None
    fields: Mapping[str, str | None]
    # Inserted in this transaction: it has no chunks yet, so there are none to compare.
    new: bool = False


_Key = tuple[UUID, UUID | None, str, int]


class ChunkWriter:
    def __init__(self, cipher: CellCipher, chunker: Chunker) -> None:
        self.cipher = cipher
        self.chunker = chunker

    def _hash(self, piece: str) -> bytes:
        # Keyed: a plain hash of a short note ("No change.") would be a dictionary away.
        return self.cipher.lookup_hash("chunk", piece)

    def sync(self, conn: Connection, owners: Sequence[Owner]) -> int:
        """Make the chunks of `owners` match their fields; returns rows written."""
        if not owners:
            return 0
        wanted: dict[_Key, tuple[str, bytes]] = {}
        # Notes repeat themselves ("No change.", templated vitals): each distinct value is
        # tokenised, and each distinct piece hashed, once per call.
        pieces: dict[str, list[str]] = {}
        digests: dict[str, bytes] = {}
        for o in owners:
            for name, value in o.fields.items():
                key = value or ""
                split = pieces.get(key)
                if split is None:
                    split = pieces[key] = self.chunker.split(value)
                for i, piece in enumerate(split):
                    digest = digests.get(piece)
                    if digest is None:
                        digest = digests[piece] = self._hash(piece)
                    wanted[(o.client_id, o.session_id, name, i)] = (piece, digest)
        keep: set[_Key] = set()
        stale: list[UUID] = []
        for row in _existing(conn, owners):
            key = (row.client_id, row.session_id, row.field, row.ordinal)
            if key in wanted and wanted[key][1] == bytes(row.content_hash):
                keep.add(key)
            else:
                stale.append(row.id)
        if stale:
            ids = bindparam("ids", stale, type_=ARRAY(s.chunks.c.id.type))
            conn.execute(delete(s.chunks).where(s.chunks.c.id == any_(ids)))
        rows = [
            self._row(key, piece, digest)
            for key, (piece, digest) in wanted.items()
            if key not in keep
        ]
        bulk(conn, s.chunks, rows, INSERT)
        if rows:
            # Delivered on commit: the indexer wakes only for work that really exists.
            conn.execute(text("SELECT pg_notify(:ch, '')"), {"ch": NOTIFY_CHANNEL})
        return len(rows)

    def _row(self, key: _Key, piece: str, digest: bytes) -> dict[str, Any]:
        cid = uuid.uuid4()
        client_id, session_id, name, ordinal = key
        return {
            "id": cid,
            "workspace_id": self.cipher.workspace_id,
            "client_id": client_id,
            "session_id": session_id,
            "field": name,
            "ordinal": ordinal,
            "content_hash": digest,
            "content": self.cipher.encrypt_row("chunks", cid, {"content": piece})["content"],
        }


def _existing(conn: Connection, owners: Sequence[Owner]) -> Any:
    c = s.chunks
    owners = [o for o in owners if not o.new]
    if not owners:
        return []
    sessions = [o.session_id for o in owners if o.session_id is not None]
    clients = [o.client_id for o in owners if o.session_id is None]
    conds: list[ColumnElement[bool]] = []
    if sessions:
        conds.append(c.c.session_id.in_(sessions))
    if clients:
        # A client's own fields, not the pages of its documents (session_id NULL too).
        conds.append(
            c.c.session_id.is_(None) & c.c.document_id.is_(None) & c.c.client_id.in_(clients)
        )
    return conn.execute(
        select(c.c.id, c.c.client_id, c.c.session_id, c.c.field, c.c.ordinal, c.c.content_hash)
        .where(or_(*conds))
        .with_for_update()
    )


def decrypt_content(cipher: CellCipher, chunk_id: UUID, blob: bytes) -> str:
    return cipher.decrypt("chunks", "content", chunk_id, bytes(blob))


def client_owner(client_id: UUID, d: ClientData, *, new: bool = False) -> Owner:
    return Owner(client_id, None, {f: getattr(d, f) for f in CLIENT_FIELDS}, new)


def session_owner(client_id: UUID, session_id: UUID, d: SessionData, *, new: bool = False) -> Owner:
    return Owner(client_id, session_id, {f: getattr(d, f) for f in SESSION_FIELDS}, new)
