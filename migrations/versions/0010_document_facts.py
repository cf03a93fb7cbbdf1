"""Facts from attached documents: the timeline extractor reads each page, and
its facts are stored like a note's, encrypted and under the same row-level security, but
owned by the document's page and removed with the document. A page read by OCR gives
facts that wait for the clinician's check (`review` 'pending') before they join the
timeline. `facts_version` on a page says which extractor read it, as on notes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("document_pages", sa.Column("facts_version", sa.Integer(), nullable=True))
    op.add_column(
        "facts",
        sa.Column(
            "document_id",
            sa.UUID(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=True,
        ),
    )
    op.add_column("facts", sa.Column("page", sa.Integer(), nullable=True))
    op.add_column("facts", sa.Column("review", sa.Text(), nullable=True))
    op.add_column("facts", sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(op.f("ix_facts_document_id"), "facts", ["document_id"], unique=False)
    op.create_check_constraint(
        "ck_facts_owner", "facts", "session_id IS NULL OR document_id IS NULL"
    )
    op.create_check_constraint("ck_facts_page", "facts", "(document_id IS NULL) = (page IS NULL)")
    op.create_check_constraint(
        "ck_facts_review",
        "facts",
        "review IS NULL OR (document_id IS NOT NULL "
        "AND review IN ('pending', 'confirmed', 'rejected'))",
    )


def downgrade() -> None:
    op.execute("DELETE FROM facts WHERE document_id IS NOT NULL")
    op.drop_constraint("ck_facts_review", "facts", type_="check")
    op.drop_constraint("ck_facts_page", "facts", type_="check")
    op.drop_constraint("ck_facts_owner", "facts", type_="check")
    op.drop_index(op.f("ix_facts_document_id"), table_name="facts")
    op.drop_column("facts", "reviewed_at")
    op.drop_column("facts", "review")
    op.drop_column("facts", "page")
    op.drop_column("facts", "document_id")
    op.drop_column("document_pages", "facts_version")
