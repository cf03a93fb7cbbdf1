"""Chunks for notes that have none: notes saved before indexing existed (migration 0004
clears the derived chunks table), or saved by a build without it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from uuid import UUID

from sqlalchemy import Connection, text

from core.records.repos import ClientRepo, SessionRepo
from core.retrieval.chunks import Chunker, ChunkWriter, Owner, client_owner, session_owner
from core.security.crypto import CellCipher

BATCH = 200

# Keyset pages (`id > :after`): a note whose fields are all empty gains no chunks, so an
# OFFSET-free walk is what keeps the loop finite.
_SESSIONS = (
    "SELECT s.id FROM sessions s WHERE s.id > :after AND NOT EXISTS "
    "(SELECT 1 FROM chunks c WHERE c.session_id = s.id) ORDER BY s.id LIMIT :n"
)
_CLIENTS = (
    "SELECT cl.id FROM clients cl WHERE cl.id > :after AND NOT EXISTS (SELECT 1 FROM chunks c "
    "WHERE c.client_id = cl.id AND c.session_id IS NULL) ORDER BY cl.id LIMIT :n"
)


def backfill(conn: Connection, cipher: CellCipher, chunker: Chunker) -> int:
    """Write the missing chunks in the caller's transaction; returns rows written."""
    writer = ChunkWriter(cipher, chunker)
    crepo, srepo = ClientRepo(cipher), SessionRepo(cipher)

    def client(i: UUID) -> Owner:
        return client_owner(i, crepo.get(conn, i).data)

    def session(i: UUID) -> Owner:
        s = srepo.get(conn, i)
        return session_owner(s.client_id, s.id, s.data)

    written = 0
    walks: tuple[tuple[str, Callable[[UUID], Owner]], ...] = (
        (_CLIENTS, client),
        (_SESSIONS, session),
    )
    for sql, owner_of in walks:
        after = uuid.UUID(int=0)
        while ids := conn.execute(text(sql), {"n": BATCH, "after": after}).scalars().all():
            written += writer.sync(conn, [owner_of(i) for i in ids])
            after = ids[-1]
    return written
