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
# "onset" asks since when ("when was X diagnosed", "how long has she had X"): ordered as
# "first", with the client's record, where onsets are written, ahead of the visits.
Order = Literal["first", "onset", "latest"]


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


# Said wherever a number read by OCR from a scanned page is shown or quoted:
# OCR drops decimal points, so such a number is a lead to check, never a value to act on.
SCAN_CAUTION = "from a scan — check against the original"


@dataclass(frozen=True)
class DocumentRef:
    """Where a passage of an attached document is: the document, its date and the page."""

    id: UUID
    title: str
    date: dt.date | None
    page: int
    from_scan: bool = False  # the page was read by OCR

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "document_id": str(self.id),
            "document_title": self.title,
            "document_date": self.date.isoformat() if self.date else None,
            "page": self.page,
            "from_scan": self.from_scan,
        }
        if self.from_scan:
            out["caution"] = f"Numbers here are {SCAN_CAUTION}."
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> DocumentRef:
        day = d.get("document_date")
        return cls(
            UUID(d["document_id"]),
            d.get("document_title") or "",
            dt.date.fromisoformat(day) if day else None,
            int(d["page"]),
            bool(d.get("from_scan", False)),
        )


@dataclass(frozen=True)
class SearchHit:
    rank: int
    score: float
    type: Literal["session", "client", "document"]
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
    # The chunk names every thing the question names, in any of its names: "יתר לחץ דם" for
    # "hypertension", "atorvastatin" for "Lipitor" (`core.retrieval.thesaurus`).
    names_asked: bool = False
    document: DocumentRef | None = None  # a page of an attached document

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
            **(self.document.to_json() if self.document else {}),
        }


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    index: IndexStatus
    timings_ms: dict[str, float] = dataclasses.field(default_factory=dict[str, float])
    # The other names the query's words were searched by (`thesaurus`): "metformin" for
    # "מטפורמין", "atorvastatin" for "Lipitor". A front end marks them in a row as it marks
    # the query's own words: they are why the row was found.
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class EmbedderAdvice:
    """Another embedder would find this workspace's notes better."""

    current: str | None  # the workspace's embedder's model id (None: none is chosen)
    suggested: str  # the model id to switch to
    hebrew_share: float  # share of the notes sampled that are Hebrew
    notes: int  # how many were sampled

    @property
    def suggested_name(self) -> str:
        return self.suggested.split("@", 1)[0]

    @property
    def current_name(self) -> str | None:
        return None if self.current is None else self.current.split("@", 1)[0]

    @property
    def reason(self) -> str:
        return (
            f"{self.hebrew_share:.0%} of this workspace's notes are in Hebrew. "
            f"{self.suggested_name}, made for Hebrew as well as English, finds them better "
            f"than {self.current_name or 'searching by words alone'}. Switching re-embeds "
            "the notes in the background; search keeps working meanwhile."
        )
