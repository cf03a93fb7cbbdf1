"""Documents in the chart: referral letters, lab reports and scans attached to a
client. The file itself, its title and each page's text (and, for a scan, the OCR's words
with their boxes and confidences) are ciphertext, under the workspace's row-level security
like the notes, and removed with the client. Kind, date, page count and how each page was
read are plain: they say nothing a session's date does not.

Chunks gain `document_id` and `page`, so a page's passages are searched with the notes
and cited to the page; the position constraint takes them in, so two documents of one
client never collide.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

RUNTIME_GROUP = "chartside_runtime"
_POLICY = "NULLIF(current_setting('app.workspace_id', true), '')::uuid"
KINDS = "('referral', 'lab', 'imaging', 'letter', 'other')"


def _ws() -> sa.Column[object]:
    return sa.Column(
        "workspace_id",
        sa.UUID(),
        sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
        nullable=False,
    )


def _isolate(table: str) -> None:
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {RUNTIME_GROUP}")
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY workspace_isolation ON {table} "
        f"USING (workspace_id = {_POLICY}) WITH CHECK (workspace_id = {_POLICY})"
    )


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.UUID(), primary_key=True),
        _ws(),
        sa.Column(
            "client_id", sa.UUID(), sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("document_date", sa.Date(), nullable=True),
        sa.Column("title", sa.LargeBinary(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint(f"kind IN {KINDS}", name="ck_documents_kind"),
        sa.CheckConstraint("page_count > 0", name="ck_documents_pages"),
    )
    op.create_table(
        "document_pages",
        sa.Column("id", sa.UUID(), primary_key=True),
        _ws(),
        sa.Column(
            "document_id",
            sa.UUID(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("text", sa.LargeBinary(), nullable=True),
        sa.Column("words", sa.LargeBinary(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("document_id", "page", name="uq_document_pages_page"),
        sa.CheckConstraint("source IN ('text', 'ocr')", name="ck_document_pages_source"),
    )
    for table, columns in (
        ("documents", ("workspace_id", "client_id")),
        ("document_pages", ("workspace_id", "document_id")),
    ):
        for column in columns:
            op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)
        _isolate(table)
    # The reader's queue: pages not read yet.
    op.create_index(
        "ix_document_pages_unread",
        "document_pages",
        ["workspace_id"],
        postgresql_where=sa.text("read_at IS NULL"),
    )
    op.add_column(
        "chunks",
        sa.Column(
            "document_id",
            sa.UUID(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=True,
        ),
    )
    op.add_column("chunks", sa.Column("page", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_chunks_document_id"), "chunks", ["document_id"], unique=False)
    op.execute("ALTER TABLE chunks DROP CONSTRAINT uq_chunks_position")
    op.execute(
        "ALTER TABLE chunks ADD CONSTRAINT uq_chunks_position "
        "UNIQUE NULLS NOT DISTINCT (client_id, session_id, document_id, page, field, ordinal)"
    )


def downgrade() -> None:
    op.execute("DELETE FROM chunks WHERE document_id IS NOT NULL")
    op.execute("ALTER TABLE chunks DROP CONSTRAINT uq_chunks_position")
    op.execute(
        "ALTER TABLE chunks ADD CONSTRAINT uq_chunks_position "
        "UNIQUE NULLS NOT DISTINCT (client_id, session_id, field, ordinal)"
    )
    op.drop_index(op.f("ix_chunks_document_id"), table_name="chunks")
    op.drop_column("chunks", "page")
    op.drop_column("chunks", "document_id")
    op.drop_table("document_pages")
    op.drop_table("documents")
