"""An index on chunks' keyed content hash: the indexer looks up a vector already computed
for the same text (templated notes repeat themselves) instead of embedding it again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_chunks_content_hash", "chunks", ["content_hash", "model_id"])


def downgrade() -> None:
    op.drop_index("ix_chunks_content_hash", table_name="chunks")
