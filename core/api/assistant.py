"""The assistant part's Protocol (`ChartsideApi.assistant`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol
from uuid import UUID

from core.assistant.types import (
    AskProgress,
    AskRequest,
    AskResult,
    ConversationSummary,
    StoredMessage,
)
from core.domain import AssistantStatus
from core.progress import CancelToken


class AssistantPart(Protocol):
    """Questions answered from the notes (`ChartsideApi.assistant`, docs/architecture.md)."""

    def ask(
        self,
        request: AskRequest,
        on_text: Callable[[str], None] | None = None,
        cancel: CancelToken | None = None,
        on_progress: Callable[[AskProgress], None] | None = None,
    ) -> AskResult:
        """Answer from the notes with numbered citations. `on_text` receives the answer's
        text as it streams (from the calling thread); `cancel` stops generation within
        200 ms and raises `Cancelled`. `on_progress` hears the notes being read as soon as
        they are found, then the model's pace (`AskProgress`), for a window to show.
        Raises `QueryRejected` (bad or injected question), `RateLimited`,
        `GenerationTimeout`. A refusal is a result, not an error."""
        ...

    def warm(self, on_progress: Callable[[float], None] | None = None) -> None:
        """Open the models the first answer needs (the question's embedder, the generator
        with its instructions read), so that answer does not wait for them. For a
        background thread at unlock; `on_progress` hears the share done, 0 to 1. Raises
        what loading a model raises."""
        ...

    def conversations(self, client_id: UUID | None) -> list[ConversationSummary]:
        """Stored conversations about a client (or the whole workspace), newest first."""
        ...

    def conversation(self, conversation_id: UUID) -> list[StoredMessage]:
        """The turns of one conversation, oldest first, with their sources."""
        ...

    def status(self) -> AssistantStatus:
        """Whether the local models can answer questions; the reason when they cannot."""
        ...

    def metrics(self) -> dict[str, dict[str, float]]:
        """Latency histograms (embed, retrieve, generate, total: count, sum, p50, p95 in
        ms), token counts and cache hits, for the diagnostics view."""
        ...
