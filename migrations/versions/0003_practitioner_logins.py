"""Practitioners with their own credentials: a login table (no PHI, no RLS: it is how an
unlock finds its workspace) and passphrase wrappers per practitioner.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

RUNTIME_GROUP = "chartside_runtime"


def upgrade() -> None:
    op.create_table(
        "logins",
        sa.Column("username", sa.Text(), primary_key=True),
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
    )
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON logins TO {RUNTIME_GROUP}")
    op.add_column(
        "key_wrappers",
        sa.Column(
            "practitioner_id",
            sa.UUID(),
            sa.ForeignKey("practitioners.id", ondelete="CASCADE"),
            nullable=True,
        ),
    )
    op.drop_constraint(
        "key_wrappers_workspace_id_kind_key_version_key", "key_wrappers", type_="unique"
    )
    # One wrapper per (source, version, practitioner); workspace-wide ones have no practitioner.
    op.execute(
        "ALTER TABLE key_wrappers ADD CONSTRAINT uq_key_wrappers_source UNIQUE NULLS NOT "
        "DISTINCT (workspace_id, kind, key_version, practitioner_id)"
    )


def downgrade() -> None:
    op.drop_constraint("uq_key_wrappers_source", "key_wrappers", type_="unique")
    op.drop_column("key_wrappers", "practitioner_id")
    op.create_unique_constraint(
        "key_wrappers_workspace_id_kind_key_version_key",
        "key_wrappers",
        ["workspace_id", "kind", "key_version"],
    )
    op.drop_table("logins")
