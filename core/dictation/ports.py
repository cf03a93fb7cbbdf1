"""The port a speech runtime implements (`models/speech.py`). Like `core.ports`' runtimes,
a call may block for a long time (a lazy load on first use): never on the GUI thread.
Calls from several threads are safe; the runtime serialises them on its owning thread."""

from __future__ import annotations

from collections.abc import Callable
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


BlockListener = Callable[[bytes], None]


@runtime_checkable
class AudioSource(Protocol):
    """Where a live take's sound comes from: the microphone (`app/microphone.py`), or in
    the tests a recording played at its own pace. It hands `on_block` mono signed 16-bit
    PCM (the bytes of `PcmAudio`), a block at a time, from a thread of its own, between
    `start` and `stop`. 16-bit rather than float: core carries no numpy, and PortAudio
    converts for free. Nothing it hands over is written anywhere."""

    @property
    def sample_rate(self) -> int: ...

    def start(self, on_block: BlockListener) -> None:
        """Open the device and begin; raises `ChartsideError` when there is no microphone."""
        ...

    def stop(self) -> None:
        """Close the device; no block arrives after it returns. Idempotent."""
        ...
