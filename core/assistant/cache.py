"""Semantic answer cache (docs/architecture.md): a near-identical question in the same
scope, with the same models, gets the stored answer back. Answers are ciphertext; a note
change in the scope drops its entries in the same transaction as the change."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, text

from core.retrieval.vector import literal
from core.security.crypto import CellCipher

WORKSPACE_SCOPE = "workspace"


def scope_key(client_id: UUID | None) -> str:
    return f"client:{client_id}" if client_id else WORKSPACE_SCOPE


def lookup(
    conn: Connection,
    cipher: CellCipher,
    scope: str,
    model_ids: str,
    query_vector: Sequence[float],
    min_similarity: float,
    now: dt.datetime,
) -> tuple[uuid.UUID, dict[str, Any]] | None:
    """The nearest live entry's id and stored answer JSON, if it is similar enough. A read
    only: the ask marks the hit (`mark_hit`) in its one write transaction."""
    row = conn.execute(
        text(
            "SELECT id, answer, 1 - (query_vector <=> CAST(:q AS vector)) AS sim "
            "FROM query_cache WHERE workspace_id = :ws AND scope_key = :scope "
            "AND model_ids = :models AND expires_at > :now "
            "ORDER BY query_vector <=> CAST(:q AS vector) LIMIT 1"
        ),
        {
            "q": literal(query_vector),
            "ws": cipher.workspace_id,
            "scope": scope,
            "models": model_ids,
            "now": now,
        },
    ).first()
    if row is None or float(row.sim) < min_similarity:
        return None
    answer = json.loads(cipher.decrypt("query_cache", "answer", row.id, bytes(row.answer)))
    return row.id, dict(answer)


def mark_hit(conn: Connection, entry_id: uuid.UUID, now: dt.datetime) -> None:
    """A hit keeps its entry among the most recently used (`store`'s cap)."""
    conn.execute(
        text("UPDATE query_cache SET last_hit_at = :now WHERE id = :id"),
        {"now": now, "id": entry_id},
    )


def store(
    conn: Connection,
    cipher: CellCipher,
    scope: str,
    model_ids: str,
    query_vector: Sequence[float],
    answer: dict[str, Any],
    *,
    now: dt.datetime,
    ttl: dt.timedelta,
    cap: int,
) -> None:
    """Add an entry, then keep only the `cap` most recently used of the workspace."""
    entry = uuid.uuid4()
    blob = cipher.encrypt_row("query_cache", entry, {"answer": json.dumps(answer)})["answer"]
    conn.execute(
        text(
            "INSERT INTO query_cache (id, workspace_id, scope_key, model_ids, query_vector, "
            "answer, created_at, last_hit_at, expires_at) VALUES (:id, :ws, :scope, :models, "
            "CAST(:q AS vector), :answer, :now, :now, :expires)"
        ),
        {
            "id": entry,
            "ws": cipher.workspace_id,
            "scope": scope,
            "models": model_ids,
            "q": literal(query_vector),
            "answer": blob,
            "now": now,
            "expires": now + ttl,
        },
    )
    conn.execute(
        text(
            "DELETE FROM query_cache WHERE workspace_id = :ws AND (expires_at <= :now OR id IN ("
            "SELECT id FROM query_cache WHERE workspace_id = :ws "
            "ORDER BY last_hit_at DESC, created_at DESC OFFSET :cap))"
        ),
        {"ws": cipher.workspace_id, "now": now, "cap": cap},
    )


def invalidate(conn: Connection, client_ids: Iterable[UUID]) -> None:
    """A note of these clients changed: answers about them, or about the whole workspace,
    may now be wrong."""
    scopes = [WORKSPACE_SCOPE, *(scope_key(c) for c in set(client_ids))]
    conn.execute(text("DELETE FROM query_cache WHERE scope_key = ANY(:s)"), {"s": scopes})


def invalidate_all(conn: Connection) -> None:
    conn.execute(text("DELETE FROM query_cache"))  # row-level security keeps it to this workspace
