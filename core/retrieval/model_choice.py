"""Which embedding model a workspace uses: one per workspace, kept in the database.

Desktops sharing a clinic's workspace must embed with the same model: an indexer treats
every chunk embedded by another model as stale, so two desktops on two models would each
re-embed the other's chunks forever. The choice is recorded on the workspace's row; a
desktop follows it on unlock, and its background indexer checks it before each batch.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import Connection, select, text, update

from core.db import schema as s
from core.errors import EmbedderChanged
from core.retrieval.chunks import NOTIFY_CHANNEL


def chosen_embedder(conn: Connection, ws: UUID) -> str | None:
    """The workspace's embedder's model id; None before any desktop recorded one."""
    row = conn.execute(select(s.workspaces.c.embedder).where(s.workspaces.c.id == ws)).first()
    return None if row is None else row.embedder


def record_embedder(conn: Connection, ws: UUID, model_id: str) -> None:
    """Make `model_id` the workspace's embedder, and wake every desktop's indexer (the
    NOTIFY is delivered at commit) so that each switches now rather than at its next poll."""
    conn.execute(update(s.workspaces).where(s.workspaces.c.id == ws).values(embedder=model_id))
    conn.execute(text("SELECT pg_notify(:ch, '')"), {"ch": NOTIFY_CHANNEL})


def check_embedder(conn: Connection, ws: UUID, model_id: str) -> None:
    """Raise `EmbedderChanged` when the workspace has chosen another embedder."""
    chosen = chosen_embedder(conn, ws)
    if chosen is not None and chosen != model_id:
        raise EmbedderChanged(chosen)
