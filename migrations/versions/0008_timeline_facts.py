"""The clinical timeline: facts read from every note, encrypted and under the
workspace's row-level security like the notes, removed with them. `facts_version` on
clients and sessions says which extractor read a note, so the backfill finds the notes
still to read (and re-reads them when the extractor changes).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

RUNTIME_GROUP = "chartside_runtime"
_POLICY = "NULLIF(current_setting('app.workspace_id', true), '')::uuid"


def upgrade() -> None:
    op.add_column("clients", sa.Column("facts_version", sa.Integer(), nullable=True))
    op.add_column("sessions", sa.Column("facts_version", sa.Integer(), nullable=True))
    op.create_table(
        "facts",
        sa.Column("id", sa.UUID(), primary_key=True),
        sa.Column(
            "workspace_id",
            sa.UUID(),
            sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "client_id", sa.UUID(), sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "session_id", sa.UUID(), sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=True
        ),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
    )
    for column in ("workspace_id", "client_id", "session_id"):
        op.create_index(op.f(f"ix_facts_{column}"), "facts", [column], unique=False)
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON facts TO {RUNTIME_GROUP}")
    op.execute("ALTER TABLE facts ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE facts FORCE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY workspace_isolation ON facts "
        f"USING (workspace_id = {_POLICY}) WITH CHECK (workspace_id = {_POLICY})"
    )


def downgrade() -> None:
    op.drop_table("facts")
    op.drop_column("sessions", "facts_version")
    op.drop_column("clients", "facts_version")
