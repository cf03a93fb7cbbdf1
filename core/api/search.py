"""The search part's Protocol (`ChartsideApi.search`)."""

from __future__ import annotations

from typing import Protocol

from core.progress import CancelToken, IndexProgress
from core.retrieval.types import EmbedderAdvice, IndexStatus, SearchQuery, SearchResult


class SearchPart(Protocol):
    """The index of the notes and the search over it (`ChartsideApi.search`,
    docs/architecture.md)."""

    def query(self, query: SearchQuery) -> SearchResult:
        """Hybrid (vector + BM25, fused by reciprocal rank) search in the unlocked
        workspace, or one client, audited. `result.index` says how current the vector side
        is."""
        ...

    def index_status(self) -> IndexStatus:
        """How many chunks carry a vector from the current embedder, of how many."""
        ...

    def index_now(
        self, progress: IndexProgress | None = None, cancel: CancelToken | None = None
    ) -> IndexStatus:
        """Embed every stale chunk now and return when none is left (or on `cancel`,
        raising `Cancelled`). Safe beside the background indexer: they share the queue."""
        ...

    def watch_index(self, listener: IndexProgress | None) -> None:
        """Report the background indexer's progress to `listener` (from its thread); None
        stops reporting. The background indexer runs while unlocked and an embedder exists."""
        ...

    def embedder_advice(self) -> EmbedderAdvice | None:
        """When the workspace's notes are mostly Hebrew and it uses another embedder than
        the multilingual one installed here: the advice to switch, with its reason. None
        otherwise, or once declined on this computer. Reads a sample of the notes."""
        ...

    def take_advice(self) -> str:
        """Take the embedder advice: the workspace (every desktop) switches to the advised
        embedder and its notes are re-embedded in the background. Its model id."""
        ...

    def decline_advice(self) -> None:
        """Not now: this computer stops offering it (the models screen still can)."""
        ...
