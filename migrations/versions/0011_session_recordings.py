"""Kept dictation recordings: when the clinician chooses "Keep the recording
with this note", the take's sound is stored with the session it was dictated into, as a
WAV file encrypted like a document's file, under the workspace's row-level security and
removed with the session (and so with the client). Length, rate and size are plain: they
say nothing a session's date does not.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

RUNTIME_GROUP = "chartside_runtime"
_POLICY = "NULLIF(current_setting('app.workspace_id', true), '')::uuid"
TABLE = "session_recordings"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.UUID(), primary_key=True),
        sa.Column(
            "workspace_id",
            sa.UUID(),
            sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "session_id",
            sa.UUID(),
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("sample_rate", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.BigInteger(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint("duration_ms >= 0", name="ck_session_recordings_duration"),
    )
    for column in ("workspace_id", "session_id"):
        op.create_index(op.f(f"ix_{TABLE}_{column}"), TABLE, [column], unique=False)
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {TABLE} TO {RUNTIME_GROUP}")
    op.execute(f"ALTER TABLE {TABLE} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {TABLE} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY workspace_isolation ON {TABLE} "
        f"USING (workspace_id = {_POLICY}) WITH CHECK (workspace_id = {_POLICY})"
    )


def downgrade() -> None:
    op.drop_table(TABLE)
