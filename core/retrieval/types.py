"""Plain values that cross the retrieval boundary (service, CLI, GUI, assistant)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal
from uuid import UUID

from core.domain import IndexStatus

SESSION_FIELDS = ("subjective", "objective", "assessment", "plan")
CLIENT_FIELDS = ("medical_history", "notes")
FIELDS = SESSION_FIELDS + CLIENT_FIELDS

Mode = Literal["hybrid", "vector", "lexical"]
Order = Literal["first", "latest"]


@dataclass(frozen=True)
class SearchQuery:
    text: str
    client_id: UUID | None = None  # None: the whole workspace
    k: int = 10
    fields: tuple[str, ...] = ()  # empty: every field
    date_from: dt.date | None = None  # sessions only; client fields have no date
    date_to: dt.date | None = None
    mode: Mode = "hybrid"
    # The sessions that match the question's words, earliest or latest first ("when was it
    # started", "the most recent A1c"): relevance picks them, the date orders them.
    order: Order | None = None


@dataclass(frozen=True)
class SearchHit:
    rank: int
    score: float
    type: Literal["session", "client"]
    chunk_id: UUID
    client_id: UUID
    client_external_id: str | None
    session_id: UUID | None
    session_external_id: str | None
    session_date: dt.datetime | None
    field: str
    snippet: str
    text: str = dataclasses.field(
        repr=False, default=""
    )  # the whole chunk, for the assistant's prompt
    vector_score: float | None = None  # cosine similarity, when the vector side found it
    # BM25 score as a share of the best chunk's in this search (1.0: the best match of the
    # question's words), when the lexical side found it
    lexical_share: float | None = None
    # The chunk names every term of the question, abbreviations folded ("HR 73" for "heart
    # rate"): a match however BM25 weighed a stray word elsewhere ("heart disease").
    names_all: bool = False

    def to_json(self) -> dict[str, Any]:
        """The `search --json` shape (docs/usage.md)."""
        return {
            "rank": self.rank,
            "score": round(self.score, 6),
            "type": self.type,
            "client_external_id": self.client_external_id,
            "session_external_id": self.session_external_id,
            "session_date": self.session_date.isoformat() if self.session_date else None,
            "field": self.field,
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    index: IndexStatus
    timings_ms: dict[str, float] = dataclasses.field(default_factory=dict[str, float])
