"""Chunks carry their text as ciphertext, one row per (owner, field, ordinal); messages and
their sources get an encrypted detail blob for the assistant.

HNSW indexes are not created here: there is one per embedding dimension, and the dimension
is only known once an embedder is chosen (`core.retrieval.vector.ensure_index`).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Chunks are derived data: rebuilt from the notes (core.retrieval.chunks.backfill).
    op.execute("DELETE FROM chunks")
    op.add_column("chunks", sa.Column("content", sa.LargeBinary(), nullable=False))
    op.execute(
        "ALTER TABLE chunks ADD CONSTRAINT uq_chunks_position "
        "UNIQUE NULLS NOT DISTINCT (client_id, session_id, field, ordinal)"
    )
    op.add_column("messages", sa.Column("meta", sa.LargeBinary(), nullable=True))
    op.add_column("message_sources", sa.Column("detail", sa.LargeBinary(), nullable=True))
    op.create_index("ix_query_cache_scope", "query_cache", ["workspace_id", "scope_key"])
    # The in-memory BM25 index checks (count, newest change) before each search.
    op.create_index("ix_chunks_changes", "chunks", ["workspace_id", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_chunks_changes", table_name="chunks")
    op.drop_index("ix_query_cache_scope", table_name="query_cache")
    op.drop_column("message_sources", "detail")
    op.drop_column("messages", "meta")
    op.execute("ALTER TABLE chunks DROP CONSTRAINT uq_chunks_position")
    op.drop_column("chunks", "content")
