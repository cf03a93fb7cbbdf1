"""Drafts: unsaved editor contents, encrypted like every other PHI field, so that auto-lock,
a crash or a logout loses nothing the user typed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

RUNTIME_GROUP = "chartside_runtime"
_POLICY = "NULLIF(current_setting('app.workspace_id', true), '')::uuid"


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.UUID(), primary_key=True),
        sa.Column(
            "workspace_id",
            sa.UUID(),
            sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "practitioner_id",
            sa.UUID(),
            sa.ForeignKey("practitioners.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.UniqueConstraint("workspace_id", "practitioner_id", "kind", name="uq_drafts_owner"),
    )
    op.create_index(op.f("ix_drafts_workspace_id"), "drafts", ["workspace_id"], unique=False)
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON drafts TO {RUNTIME_GROUP}")
    op.execute("ALTER TABLE drafts ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE drafts FORCE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY workspace_isolation ON drafts "
        f"USING (workspace_id = {_POLICY}) WITH CHECK (workspace_id = {_POLICY})"
    )


def downgrade() -> None:
    op.drop_table("drafts")
