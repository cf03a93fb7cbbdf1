"""A stand-in microphone for the dictation tests (issue 29): a real recording, handed over
as `app/microphone.py` hands over the microphone's sound, in 0.1 s blocks of 16-bit PCM
from a thread of its own, then silence until stopped, as a microphone goes on."""

from __future__ import annotations

import threading
from pathlib import Path

from core.dictation.ports import BlockListener
from core.dictation.types import SAMPLE_WIDTH
from models.speech_audio import read_audio

DATA = Path(__file__).parent / "data" / "dictation"


class WavSource:
    """`path` played at `speed` times its own pace (1: as said). `played` is set once the
    whole recording has been handed over; `stopped` once `stop` was called."""

    def __init__(self, path: Path, *, speed: float = 1.0, block_s: float = 0.1) -> None:
        audio = read_audio(path)
        self._pcm, self._rate = audio.samples, audio.sample_rate
        self._block = int(self._rate * block_s) * SAMPLE_WIDTH
        self._pause = block_s / speed
        self.played = threading.Event()
        self.stopped = threading.Event()
        self.starts = 0
        self._thread: threading.Thread | None = None

    @property
    def sample_rate(self) -> int:
        return self._rate

    def start(self, on_block: BlockListener) -> None:
        self.starts += 1
        self._thread = threading.Thread(target=self._play, args=(on_block,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.stopped.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def _play(self, on_block: BlockListener) -> None:
        offset = 0
        while not self.stopped.wait(self._pause):
            block = self._pcm[offset : offset + self._block]
            offset += self._block
            if len(block) < self._block:
                self.played.set()
                block += bytes(self._block - len(block))  # the room's silence after
            on_block(block)
