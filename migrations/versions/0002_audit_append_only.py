"""Audit log: a per-workspace sequence for the hash chain, details as the hashed text,
append-only for the runtime role, and no cascade from workspaces (an audit trail
outlives the workspace it describes).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

RUNTIME_GROUP = "chartside_runtime"


def upgrade() -> None:
    op.drop_constraint("audit_events_workspace_id_fkey", "audit_events", type_="foreignkey")
    op.add_column("audit_events", sa.Column("seq", sa.BigInteger(), nullable=False))
    # The hashed JSON text itself: JSONB would reorder keys and rewrite numbers.
    _retype_details(sa.Text(), "details::text")
    op.create_unique_constraint("uq_audit_events_seq", "audit_events", ["workspace_id", "seq"])
    op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {RUNTIME_GROUP}")
    # Grants can be changed by whoever owns the table; the trigger also stops the owner's
    # own accidents. Only a superuser who disables triggers gets past it, and the hash chain
    # plus the anchor outside the database then still show what changed.
    op.execute(
        """
        CREATE FUNCTION audit_events_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER audit_events_no_truncate ON audit_events")
    op.execute("DROP TRIGGER audit_events_no_change ON audit_events")
    op.execute("DROP FUNCTION audit_events_append_only()")
    op.execute(f"GRANT UPDATE, DELETE ON audit_events TO {RUNTIME_GROUP}")
    op.drop_constraint("uq_audit_events_seq", "audit_events", type_="unique")
    op.drop_column("audit_events", "seq")
    _retype_details(postgresql.JSONB(), "details::jsonb")
    op.create_foreign_key(
        "audit_events_workspace_id_fkey",
        "audit_events",
        "workspaces",
        ["workspace_id"],
        ["id"],
        ondelete="CASCADE",
    )


def _retype_details(type_: sa.types.TypeEngine, using: str) -> None:
    # PostgreSQL cannot cast a column default along with the column: drop it, then restore.
    op.alter_column("audit_events", "details", server_default=None)
    op.alter_column("audit_events", "details", type_=type_, postgresql_using=using)
    op.alter_column("audit_events", "details", server_default="{}")
