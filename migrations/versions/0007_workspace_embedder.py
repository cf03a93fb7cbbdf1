"""The workspace's embedding model: recorded in the database, not per data dir,
so that the desktops of a clinic sharing one workspace embed with the same model instead of
each re-embedding the others' chunks to its own.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The model id ("name@sha256-prefix"); NULL until a desktop first unlocks the workspace
    # with an embedder, which then records its own.
    op.add_column("workspaces", sa.Column("embedder", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("workspaces", "embedder")
