"""The tables. PHI columns are BYTEA ciphertext (core.security.crypto); nothing else
holds PHI.

The Alembic migrations in `migrations/versions` create exactly this; a test compares them.
"""

from __future__ import annotations

import datetime as dt
import uuid

from pgvector.sqlalchemy import Vector
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

metadata = MetaData()

RUNTIME_GROUP = "chartside_runtime"


def _ws() -> Column[uuid.UUID]:
    return Column(
        "workspace_id",
        UUID(as_uuid=True),
        ForeignKey("workspaces.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _ts(name: str) -> Column[dt.datetime]:
    return Column(name, DateTime(timezone=True), nullable=False, server_default=func.now())


workspaces = Table(
    "workspaces",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("name", Text, nullable=False),
    _ts("created_at"),
    # The embedding model's id every desktop of the workspace uses (migration 0007).
    Column("embedder", Text),
)

key_wrappers = Table(
    "key_wrappers",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    # "passphrase" (per practitioner), "recovery", "keyring", or "data" (versioned).
    Column("kind", Text, nullable=False),
    Column("key_version", Integer, nullable=False),
    Column("kdf", JSONB, nullable=False),
    Column("wrapped_key", LargeBinary, nullable=False),
    _ts("created_at"),
    Column(
        "practitioner_id",
        UUID(as_uuid=True),
        ForeignKey("practitioners.id", ondelete="CASCADE"),
        nullable=True,
    ),
    UniqueConstraint(
        "workspace_id",
        "kind",
        "key_version",
        "practitioner_id",
        name="uq_key_wrappers_source",
        postgresql_nulls_not_distinct=True,
    ),
)

# How an unlock finds its workspace: usernames are not PHI, so no RLS here (migration 0003).
logins = Table(
    "logins",
    metadata,
    Column("username", Text, primary_key=True),
    Column(
        "workspace_id",
        UUID(as_uuid=True),
        ForeignKey("workspaces.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column(
        "practitioner_id",
        UUID(as_uuid=True),
        ForeignKey("practitioners.id", ondelete="CASCADE"),
        nullable=False,
    ),
)

practitioners = Table(
    "practitioners",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column("username", Text, nullable=False),
    Column("display_name", LargeBinary, nullable=False),
    _ts("created_at"),
    UniqueConstraint("workspace_id", "username"),
)

clients = Table(
    "clients",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    # Keyed hash for idempotent import; the id itself is ciphertext (it may be an MRN).
    Column("external_id_hash", LargeBinary, nullable=True),
    Column("external_id", LargeBinary, nullable=True),
    Column("full_name", LargeBinary, nullable=False),
    Column("date_of_birth", LargeBinary, nullable=True),
    Column("medical_history", LargeBinary, nullable=False),
    Column("notes", LargeBinary, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    # The extractor version whose facts this note has (migration 0008); NULL: none yet.
    Column("facts_version", Integer, nullable=True),
    UniqueConstraint("workspace_id", "external_id_hash"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "client_id",
        UUID(as_uuid=True),
        ForeignKey("clients.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("external_id_hash", LargeBinary, nullable=True),
    Column("external_id", LargeBinary, nullable=True),
    Column("session_date", DateTime(timezone=False), nullable=False),
    Column("subjective", LargeBinary, nullable=False),
    Column("objective", LargeBinary, nullable=False),
    Column("assessment", LargeBinary, nullable=False),
    Column("plan", LargeBinary, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    Column("facts_version", Integer, nullable=True),
    UniqueConstraint("workspace_id", "external_id_hash"),
)

chunks = Table(
    "chunks",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "client_id",
        UUID(as_uuid=True),
        ForeignKey("clients.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "session_id",
        UUID(as_uuid=True),
        ForeignKey("sessions.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    Column("field", Text, nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("content_hash", LargeBinary, nullable=False),
    Column("model_id", Text, nullable=True),
    Column("dim", Integer, nullable=True),
    Column("embedding", Vector(), nullable=True),
    Column("content", LargeBinary, nullable=False),  # ciphertext of the chunk's text
    _ts("updated_at"),
    # A page of an attached document (migration 0009); NULL for a note's chunks.
    Column(
        "document_id",
        UUID(as_uuid=True),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    Column("page", Integer, nullable=True),
    UniqueConstraint(
        "client_id",
        "session_id",
        "document_id",
        "page",
        "field",
        "ordinal",
        name="uq_chunks_position",
        postgresql_nulls_not_distinct=True,
    ),
)
Index("ix_chunks_stale", chunks.c.model_id)
# The indexer reuses a vector already computed for the same text (migration 0005).
Index("ix_chunks_content_hash", chunks.c.content_hash, chunks.c.model_id)
Index("ix_chunks_changes", chunks.c.workspace_id, chunks.c.updated_at)

conversations = Table(
    "conversations",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "client_id", UUID(as_uuid=True), ForeignKey("clients.id", ondelete="CASCADE"), nullable=True
    ),
    Column("title", LargeBinary, nullable=True),
    _ts("created_at"),
)

messages = Table(
    "messages",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "conversation_id",
        UUID(as_uuid=True),
        ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("role", Text, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("meta", LargeBinary, nullable=True),  # ciphertext JSON: warnings, refusal, timings
    _ts("created_at"),
)

message_sources = Table(
    "message_sources",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "message_id",
        UUID(as_uuid=True),
        ForeignKey("messages.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("n", Integer, nullable=False),
    Column("chunk_id", UUID(as_uuid=True), nullable=True),
    Column("used", Boolean, nullable=False),
    Column("reason", LargeBinary, nullable=True),
    Column("support", Float, nullable=True),
    Column("detail", LargeBinary, nullable=True),  # ciphertext JSON: what the source pointed at
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    # No foreign key: the trail outlives the workspace it describes (migration 0002).
    Column("workspace_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("seq", BigInteger, nullable=False),
    _ts("ts"),
    Column("actor", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("target", Text, nullable=True),
    # The exact JSON text that was hashed (migration 0002): JSONB would normalise it.
    Column("details", Text, nullable=False, server_default="{}"),
    Column("prev_hash", LargeBinary, nullable=True),
    Column("hash", LargeBinary, nullable=True),
    UniqueConstraint("workspace_id", "seq", name="uq_audit_events_seq"),
)

query_cache = Table(
    "query_cache",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column("scope_key", Text, nullable=False),
    Column("model_ids", Text, nullable=False),
    Column("query_vector", Vector(), nullable=False),
    Column("answer", LargeBinary, nullable=False),
    _ts("created_at"),
    _ts("last_hit_at"),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)
Index("ix_query_cache_scope", query_cache.c.workspace_id, query_cache.c.scope_key)

# Unsaved editor contents, one per (practitioner, editor), kept encrypted so that auto-lock,
# a crash or a logout loses nothing; `content` is ciphertext JSON of the form.
drafts = Table(
    "drafts",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "practitioner_id",
        UUID(as_uuid=True),
        ForeignKey("practitioners.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("kind", Text, nullable=False),
    Column("content", LargeBinary, nullable=False),
    _ts("updated_at"),
    UniqueConstraint("workspace_id", "practitioner_id", "kind", name="uq_drafts_owner"),
)

# The clinical timeline (docs/timeline.md): facts read from note fields, derived like chunks and
# removed with their note, one row for each note, field and kind. `kind` is plain so a
# flowsheet can ask for measurements alone; everything the note said (each fact's name,
# value, dose, span and words) is one ciphertext JSON list.
facts = Table(
    "facts",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "client_id",
        UUID(as_uuid=True),
        ForeignKey("clients.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "session_id",
        UUID(as_uuid=True),
        ForeignKey("sessions.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    Column("field", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("payload", LargeBinary, nullable=False),
    # A page of an attached document (migration 0010): its facts are a row each,
    # so that each can be confirmed on its own, and go with the document.
    Column(
        "document_id",
        UUID(as_uuid=True),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    Column("page", Integer, nullable=True),
    # NULL: part of the timeline as read (a note, a page's own text layer). A page read by
    # OCR: "pending" until the clinician checks it against the page image, then
    # "confirmed" (in the timeline) or "rejected" (kept, so a re-read does not ask again).
    Column("review", Text, nullable=True),
    Column("reviewed_at", DateTime(timezone=True), nullable=True),
    CheckConstraint("session_id IS NULL OR document_id IS NULL", name="ck_facts_owner"),
    CheckConstraint("(document_id IS NULL) = (page IS NULL)", name="ck_facts_page"),
    CheckConstraint(
        "review IS NULL OR (document_id IS NOT NULL "
        "AND review IN ('pending', 'confirmed', 'rejected'))",
        name="ck_facts_review",
    ),
)

# Documents attached to a client (migration 0009): the file, its title and every
# page's text (and a scan's OCR words, boxes and confidences) are ciphertext; kind, date,
# sizes and how a page was read are plain.
DOCUMENT_KINDS = ("referral", "lab", "imaging", "letter", "other")

documents = Table(
    "documents",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "client_id",
        UUID(as_uuid=True),
        ForeignKey("clients.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("kind", Text, nullable=False),
    Column("document_date", Date, nullable=True),
    Column("title", LargeBinary, nullable=False),
    Column("media_type", Text, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("page_count", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),  # ciphertext of the file's bytes
    _ts("created_at"),
    CheckConstraint(
        "kind IN ('referral', 'lab', 'imaging', 'letter', 'other')", name="ck_documents_kind"
    ),
    CheckConstraint("page_count > 0", name="ck_documents_pages"),
)

document_pages = Table(
    "document_pages",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "document_id",
        UUID(as_uuid=True),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("page", Integer, nullable=False),
    # "text": the PDF's own text layer; "ocr": read from the page's image. NULL: unread.
    Column("source", Text, nullable=True),
    Column("text", LargeBinary, nullable=True),
    Column("words", LargeBinary, nullable=True),  # ciphertext JSON: OCR words and boxes
    Column("confidence", Float, nullable=True),  # the OCR's mean word confidence, 0-100
    Column("read_at", DateTime(timezone=True), nullable=True),
    # The extractor version whose facts the page has (migration 0010); NULL: none yet.
    Column("facts_version", Integer, nullable=True),
    UniqueConstraint("document_id", "page", name="uq_document_pages_page"),
    CheckConstraint("source IN ('text', 'ocr')", name="ck_document_pages_source"),
)
Index(
    "ix_document_pages_unread",
    document_pages.c.workspace_id,
    postgresql_where=document_pages.c.read_at.is_(None),
)

# Dictation kept with its note (migration 0011): the take's sound as a WAV file,
# ciphertext, removed with the session; its length, rate and size are plain.
session_recordings = Table(
    "session_recordings",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    _ws(),
    Column(
        "session_id",
        UUID(as_uuid=True),
        ForeignKey("sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("media_type", Text, nullable=False),
    Column("sample_rate", Integer, nullable=False),
    Column("duration_ms", BigInteger, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),  # ciphertext of the WAV file
    _ts("created_at"),
    CheckConstraint("duration_ms >= 0", name="ck_session_recordings_duration"),
)

app_meta = Table(
    "app_meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", JSONB, nullable=False),
)

# Every table that belongs to a practice: Row-Level Security with FORCE on each.
WORKSPACE_TABLES = (
    "key_wrappers",
    "practitioners",
    "clients",
    "sessions",
    "chunks",
    "conversations",
    "messages",
    "message_sources",
    "audit_events",
    "query_cache",
    "drafts",
    "facts",
    "documents",
    "document_pages",
    "session_recordings",
)
