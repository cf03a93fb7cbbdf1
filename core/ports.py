"""Ports that local model runtimes implement (docs/architecture.md). `models/` provides the
adapters.

Core stays free of ML libraries, and ports carry no numpy: vectors are plain
`list[float]` (numpy is allowed only inside core's BM25 index: docs/architecture.md, "The
layers").
Every call may block for a long time (a lazy model load on first use): call them off the
GUI thread. Runtimes serialise work on their own owning thread, so calls from several
threads are safe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Generator as _Gen
from typing import Any, Protocol, TypedDict, runtime_checkable

from core.progress import CancelToken, Progress


class ChatMessage(TypedDict):
    role: str  # "system" | "user" | "assistant"
    content: str


TextStream = _Gen[str, None, None]
"""Text pieces as they are generated; closing it early stops the generation."""

Prompt = str | Sequence[ChatMessage]
"""A raw prompt string, or chat messages that the runtime renders with the model's
chat template (or a plain transcript when the model has none)."""


@runtime_checkable
class Embedder(Protocol):
    """Turns text into unit-length vectors (cosine similarity == dot product)."""

    @property
    def model_id(self) -> str:
        """Stable id, `<name>@<sha256 prefix of the weights>`; stored beside each vector so
        a model change marks chunks stale."""
        ...

    @property
    def dimension(self) -> int: ...

    @property
    def max_input_tokens(self) -> int:
        """Longest input (as counted by `count_tokens`) embedded without truncation."""
        ...

    def load(self, progress: Progress | None = None) -> None:
        """Load now instead of on first use. Raises a `ChartsideError` subclass."""
        ...

    def embed_documents(
        self,
        texts: Sequence[str],
        batch_size: int = 32,
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> list[list[float]]:
        """One vector per text, in order. Raises `Cancelled` between batches."""
        ...

    def embed_query(self, text: str) -> list[float]: ...

    def tokenize(self, text: str) -> list[int]:
        """Token ids without special tokens. Does not need the model weights loaded."""
        ...

    def count_tokens(self, text: str) -> int: ...

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Character (start, end) of each token, without special tokens: chunking counts
        tokens with the embedder's own tokenizer. Does not need the weights loaded."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class Generator(Protocol):
    """A local text generator (llama.cpp)."""

    @property
    def model_id(self) -> str: ...

    @property
    def context_length(self) -> int:
        """Tokens the runtime's context holds: prompt plus completion must fit."""
        ...

    @property
    def has_chat_template(self) -> bool:
        """False for base models: chat messages are then rendered as a plain transcript."""
        ...

    def load(self, progress: Progress | None = None) -> None: ...

    def prepare(self, prompt: Prompt, progress: Progress | None = None) -> None:
        """Load, and read `prompt`'s leading messages (the instructions and worked
        examples) into the state the generator keeps, so that the next prompt that starts
        the same reads only the rest. Returns when done."""
        ...

    def tokenize(self, text: str) -> list[int]:
        """Token ids from the model's own tokenizer, without BOS."""
        ...

    def count_tokens(self, text: str) -> int: ...

    def count_prompt_tokens(self, prompt: Prompt) -> int:
        """Tokens `prompt` occupies once rendered (template, BOS and all)."""
        ...

    def stream(
        self,
        prompt: Prompt,
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        stop: Sequence[str] = (),
        cancel: CancelToken | None = None,
        timeout_s: float | None = None,
        on_read: Callable[[int, int], None] | None = None,
    ) -> TextStream:
        """Yield text pieces as they are generated. `on_read(read, total)` hears, from the
        generator's own thread, how many of the prompt's tokens it has read before the
        first piece (a long prompt takes tens of seconds on a busy laptop).

        Raises `core.errors.Cancelled` soon (< 200 ms) after `cancel` trips, and a
        timeout error (a `ChartsideError`) when `timeout_s` passes; the time limit counts
        from this call, so it includes waiting for the model to load. Closing the iterator
        early stops the generation too. Work starts at the first `next()`."""
        ...

    def generate(
        self,
        prompt: Prompt,
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        stop: Sequence[str] = (),
        json_schema: Mapping[str, Any] | None = None,
        grammar: str | None = None,
        cancel: CancelToken | None = None,
        timeout_s: float | None = None,
    ) -> str:
        """The whole completion, optionally constrained by a JSON schema or a GBNF grammar."""
        ...

    def close(self) -> None: ...
