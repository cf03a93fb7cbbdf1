"""The port a speech runtime implements (`models/speech.py`). Like `core.ports`' runtimes,
a call may block for a long time (a lazy load on first use): never on the GUI thread.
Calls from several threads are safe; the runtime serialises them on its owning thread."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from core.dictation.types import PcmAudio, Transcript
from core.progress import CancelToken, Progress


@runtime_checkable
class Transcriber(Protocol):
    @property
    def model_id(self) -> str: ...

    @property
    def languages(self) -> tuple[str, ...]:
        """ISO 639-1 codes the weights can transcribe (English-only weights: ("en",))."""
        ...

    def load(self, progress: Progress | None = None) -> None: ...

    def transcribe(
        self,
        audio: PcmAudio,
        *,
        prompt: str = "",
        language: str = "en",
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Transcript:
        """The words heard in `audio`, with times and confidences. `prompt` is text the
        speaker is likely to say (the client's drug and problem names): it steers spelling,
        never adds words. Raises `ModelError` for an unsupported language, `Cancelled`
        between pieces of the recording."""
        ...

    def close(self) -> None: ...
