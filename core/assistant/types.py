"""Values the assistant hands to front ends (`ask --json`, docs/usage.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal
from uuid import UUID

from core.messages import Message
from core.retrieval.types import DocumentRef, SearchHit


@dataclass(frozen=True)
class AskRequest:
    question: str
    client_id: UUID | None = None  # None: the whole workspace
    conversation_id: UUID | None = None  # a follow-up in this conversation
    use_cache: bool = True
    extractive: bool = False  # quote the best passages instead of generating


@dataclass(frozen=True)
class AskSource:
    """One numbered source shown with an answer: what it points at, and how it was used."""

    n: int
    type: Literal["session", "client", "document"]
    chunk_id: UUID | None
    client_id: UUID
    client_external_id: str | None
    session_id: UUID | None
    session_external_id: str | None
    session_date: dt.datetime | None
    field: str
    snippet: str
    score: float
    used: bool = False
    reason: str | None = None  # the answer's sentence that cites it
    support: float | None = None  # similarity of that sentence to the source text
    document: DocumentRef | None = None  # a page of an attached document

    @classmethod
    def from_hit(cls, n: int, hit: SearchHit) -> AskSource:
        return cls(
            n=n,
            type=hit.type,
            chunk_id=hit.chunk_id,
            client_id=hit.client_id,
            client_external_id=hit.client_external_id,
            session_id=hit.session_id,
            session_external_id=hit.session_external_id,
            session_date=hit.session_date,
            field=hit.field,
            snippet=hit.snippet,
            score=hit.score,
            document=hit.document,
        )

    def to_record(self) -> dict[str, Any]:
        """Everything but `reason`, as JSON-safe values, for storage (encrypted)."""
        return {
            "n": self.n,
            "type": self.type,
            "chunk_id": str(self.chunk_id) if self.chunk_id else None,
            "client_id": str(self.client_id),
            "client_external_id": self.client_external_id,
            "session_id": str(self.session_id) if self.session_id else None,
            "session_external_id": self.session_external_id,
            "session_date": self.session_date.isoformat() if self.session_date else None,
            "field": self.field,
            "snippet": self.snippet,
            "score": self.score,
            "used": self.used,
            "support": self.support,
            **(self.document.to_json() if self.document else {}),
        }

    @classmethod
    def from_record(cls, d: dict[str, Any], reason: str | None = None) -> AskSource:
        def uid(v: str | None) -> UUID | None:
            return UUID(v) if v else None

        return cls(
            n=int(d["n"]),
            type=d["type"],
            chunk_id=uid(d.get("chunk_id")),
            client_id=UUID(d["client_id"]),
            client_external_id=d.get("client_external_id"),
            session_id=uid(d.get("session_id")),
            session_external_id=d.get("session_external_id"),
            session_date=dt.datetime.fromisoformat(d["session_date"])
            if d.get("session_date")
            else None,
            field=d["field"],
            snippet=d["snippet"],
            score=float(d["score"]),
            used=bool(d.get("used", False)),
            reason=reason if reason is not None else d.get("reason"),
            support=d.get("support"),
            document=DocumentRef.from_json(d) if d.get("document_id") else None,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "type": self.type,
            "client_external_id": self.client_external_id,
            "session_external_id": self.session_external_id,
            "session_date": self.session_date.isoformat() if self.session_date else None,
            "field": self.field,
            "score": round(self.score, 6),
            "used": self.used,
            "reason": self.reason,
            "support": None if self.support is None else round(self.support, 4),
            **(self.document.to_json() if self.document else {}),
        }


@dataclass(frozen=True)
class AskProgress:
    """An answer on its way, for a window to show within a second of asking.

    "reading": the numbered notes the answer is read from (`sources`, none cited yet),
    as soon as they are found; then, without sources, how much of the prompt the model
    has read (`read`, 0 to 1). "writing": the model has written `written` tokens, at
    most `limit`; `seconds_left` estimates the rest from its pace and the length of
    earlier answers (None until the pace is known). Nothing here is the answer itself:
    the checked answer arrives as the `AskResult`."""

    stage: Literal["reading", "writing"]
    sources: tuple[AskSource, ...] = ()
    written: int = 0
    limit: int = 0
    seconds_left: float | None = None
    read: float | None = None


@dataclass(frozen=True)
class AskResult:
    answer: str  # plain text with [n] markers; render as text or sanitised markdown only
    refused: bool
    cache_hit: bool
    sources: list[AskSource]
    # What to know about the answer, as message ids (rendered in the window's language).
    warnings: list[Message] = field(default_factory=list[Message])
    timings_ms: dict[str, float] = field(
        default_factory=dict[str, float]
    )  # embed, retrieve, generate, total
    models: dict[str, str | None] = field(
        default_factory=dict[str, str | None]
    )  # embedder, generator
    conversation_id: UUID | None = None
    message_id: UUID | None = None
    # "timeline": built from the clinical timeline; "model": retrieval and the generator
    # (or the notes' own words when there is none).
    path: Literal["timeline", "model"] = "model"
    # How the check corrected the model, for diagnostics; never shown to the clinician.
    details: list[str] = field(default_factory=list[str])
    # (supported, sentences) of a generated answer, as the check found them.
    checked: tuple[int, int] | None = None
    # The answer as messages, one a line, when it is the assistant's own words (a refusal,
    # the notes quoted); empty when a model or the timeline wrote it.
    answer_lines: tuple[Message, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "refused": self.refused,
            "cache_hit": self.cache_hit,
            "sources": [s.to_json() for s in self.sources],
            "warnings": [str(w) for w in self.warnings],
            "warning_ids": [w.to_json() for w in self.warnings],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
            "models": dict(self.models),
            "conversation_id": str(self.conversation_id) if self.conversation_id else None,
            "path": self.path,
            "details": list(self.details),
            "checked": list(self.checked) if self.checked else None,
        }


@dataclass(frozen=True)
class StoredMessage:
    """A turn of a stored conversation. Messages from before source tracking have no
    sources and no warnings, and those from before message ids keep their warnings as the
    English text they were stored as (no `lines`); they display all the same."""

    id: UUID
    role: Literal["user", "assistant"]
    content: str
    created_at: dt.datetime
    sources: list[AskSource] = field(default_factory=list[AskSource])
    warnings: list[Message | str] = field(default_factory=list[Message | str])
    refused: bool = False
    lines: tuple[Message, ...] = ()  # as `AskResult.answer_lines`


@dataclass(frozen=True)
class ConversationSummary:
    id: UUID
    client_id: UUID | None
    title: str
    created_at: dt.datetime
