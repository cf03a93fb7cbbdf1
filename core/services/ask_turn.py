"""One ask as its steps fill it in (`Asking`), who hears its answer (`Listeners`), and the
turn it ends in (`Turn`), which `AskService._finish` stores, audits and counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from uuid import UUID

from sqlalchemy import Connection

from core.assistant import answer as grounding
from core.assistant import cache as answer_cache
from core.assistant.types import AskProgress, AskRequest, AskSource
from core.messages import Message
from core.ports import Generator
from core.progress import CancelToken
from core.retrieval.reading import Reading
from core.security.crypto import CellCipher
from core.services.timeline_ops import Unmentioned

OnText = Callable[[str], None]
OnProgress = Callable[[AskProgress], None]


@dataclass(frozen=True)
class Turn:
    """One ask as `_finish` stores, audits and counts it."""

    request: AskRequest
    question: str  # as sanitised
    client_id: UUID | None
    started: float  # time.perf_counter() when the ask began
    timings: dict[str, float]
    result: grounding.Grounded
    retrieved: Sequence[Any] = ()
    models: dict[str, str | None] | None = None
    cache_hit: bool = False
    extractive: bool = False  # the notes' own words: no generator wrote the answer
    # the answer cache's change (a new entry, or a hit marked), written with the turn
    cache_write: Callable[[Connection, CellCipher], None] | None = None
    path: Literal["timeline", "model"] = "model"  # which answered (ask JSON's "path")

    @property
    def outcome(self) -> str:
        if self.result.refused:
            return "refused"
        if self.path == "timeline":
            return "timeline"
        return "extractive" if self.extractive else "answered"


@dataclass(frozen=True)
class Listeners:
    """Who hears the answer as it is written, and may stop it."""

    on_text: OnText | None
    cancel: CancelToken | None
    on_progress: OnProgress | None


@dataclass
class Asking:
    """One ask as its steps fill it in."""

    request: AskRequest
    question: str  # as sanitised
    client_id: UUID | None
    history: list[tuple[str, str]]
    started: float  # time.perf_counter() when the ask began
    timings: dict[str, float] = field(default_factory=dict[str, float])
    unmentioned: Unmentioned | None = None
    hebrew: bool = False
    generator: Generator | None = None
    models: dict[str, str | None] = field(default_factory=dict[str, str | None])
    reading: Reading | None = None
    qvec: Sequence[float] = ()

    def cache_key(self) -> tuple[str, str]:
        """The cache's scope (the client) and key: the models and the question's dates and
        order ("ids|": entries from before warnings were message ids are not found)."""
        r = self.reading
        assert r is not None
        models = f"{self.models['embedder']}|{self.models['generator'] or 'extractive'}"
        key = f"ids|{models}|{r.date_from}|{r.date_to}|{r.order}"
        return answer_cache.scope_key(self.client_id), key

    def turn(self, result: grounding.Grounded, **kw: Any) -> Turn:
        return Turn(
            self.request, self.question, self.client_id, self.started, self.timings, result, **kw
        )


def source_ref(source: AskSource) -> str:
    """What the audit names a source by: its chunk, or for a value read from the timeline
    (no chunk), its session or the client's record."""
    if source.chunk_id is not None:
        return str(source.chunk_id)
    if source.session_id is not None:
        return f"session:{source.session_id}"
    return f"client:{source.client_id}"


def model_id(model: Any) -> str | None:
    return None if model is None else str(model.model_id)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def index_warning(index: Any) -> list[Message]:
    if index.complete:
        return []
    return [Message("answer.index_incomplete", current=index.current, total=index.total)]


def reading_progress(on_progress: OnProgress | None) -> Callable[[int, int], None] | None:
    """How far the model has read the prompt, as the ask's progress."""
    if on_progress is None:
        return None

    def read(done: int, total: int) -> None:
        on_progress(AskProgress("reading", read=done / total if total else 1.0))

    return read
