"""One live take: the sound an `AudioSource` hands over, held in memory only,
its level for a meter, and the words heard so far.

Whisper hears a whole stretch at once, so the words come by transcribing again as the
take grows (`update`, from a worker thread, about once a second). To keep each pass short
however long the take, a stretch is closed at a pause: its words are final and only the
sound after it is heard again. The first words thus come one pass after they are said.

Two models may share a take: a light one (`transcriber`) for the words shown while the
clinician speaks, and the chosen one (`final`) that hears the whole take once it stops.
Whisper base makes half tiny.en's word errors but shows the first words too late on two
busy cores (docs/dictation.md), so each does what it is good at.
"""

from __future__ import annotations

import math
import threading
from array import array
from dataclasses import dataclass, replace
from typing import Literal

from core.dictation.ports import AudioSource, Transcriber
from core.dictation.types import SAMPLE_WIDTH, PcmAudio, Transcript, Word
from core.progress import CancelToken

State = Literal["recording", "stopped", "cancelled"]

# The meter shows the last ~0.3 s: a word's loudness, not a syllable's.
LEVEL_WINDOW_S = 0.3
# A block is quiet 12 dB above the take's quietest blocks, or below -55 dBFS: the rule
# models/speech_signal.py uses to find speech, so a closed stretch ends where it sees none.
QUIET_ABOVE_FLOOR_DB = 12.0
SILENT_DBFS = -55.0
# A pause this long closes a stretch, once the stretch holds this much sound: shorter
# ones would lose the context a word gets from its sentence.
PAUSE_S = 0.4
MIN_STRETCH_S = 4.0


@dataclass(frozen=True)
class _Block:
    end: int  # frame just after the block
    dbfs: float


class Recording:
    """A take from `source` start to `finish` or `cancel`. Blocks arrive on the source's
    thread; `level` and `elapsed_s` are cheap, for the GUI thread; `update` and `finish`
    run the model and block, for a worker (one at a time: they serialise)."""

    def __init__(
        self,
        source: AudioSource,
        transcriber: Transcriber,
        *,
        prompt: str = "",
        language: str = "en",
        final: Transcriber | None = None,
    ) -> None:
        """`final`: the model whose words `finish` returns, hearing the whole take; None:
        `transcriber`'s closed stretches and a last pass over the open one."""
        self._source, self._transcriber = source, transcriber
        self._final = final
        self._prompt, self._language = prompt, language
        self._rate = source.sample_rate
        self._lock = threading.Lock()  # the sound, against the source's thread
        self._hearing = threading.Lock()  # one pass of the model at a time
        self._pcm = bytearray()
        self._blocks: list[_Block] = []
        self._closed_at = 0  # frame where the open stretch begins
        self._closed: list[Word] = []
        self._open: tuple[Word, ...] = ()
        self._state: State = "recording"
        self._final_words: Transcript | None = None  # `final`'s, once the take stopped
        source.start(self._on_block)
        self._rate = source.sample_rate  # a device may settle on its own rate as it opens

    # -- the source's thread -------------------------------------------------------------
    def _on_block(self, block: bytes) -> None:
        samples = array("h")
        samples.frombytes(block[: len(block) - len(block) % SAMPLE_WIDTH])
        if not samples:
            return
        power = sum(s * s for s in samples) / len(samples)
        dbfs = 10 * math.log10(power / 32768.0**2 + 1e-12)
        with self._lock:
            if self._state != "recording":
                return
            self._pcm += samples.tobytes()
            self._blocks.append(_Block(len(self._pcm) // SAMPLE_WIDTH, dbfs))

    # -- any thread ----------------------------------------------------------------------
    @property
    def state(self) -> State:
        return self._state

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def elapsed_s(self) -> float:
        """Seconds of sound taken so far (the sound's own clock, not the wall's)."""
        with self._lock:
            return len(self._pcm) / SAMPLE_WIDTH / self._rate

    @property
    def level(self) -> float:
        """The last ~0.3 s's loudness, 0 (silence, -60 dBFS or less) to 1 (full scale)."""
        with self._lock:
            if not self._blocks:
                return 0.0
            since = self._blocks[-1].end - int(LEVEL_WINDOW_S * self._rate)
            recent = [b.dbfs for b in self._blocks if b.end > since][-16:]
        mean_power = sum(10 ** (db / 10) for db in recent) / len(recent)
        return min(1.0, max(0.0, (10 * math.log10(mean_power + 1e-12) + 60.0) / 60.0))

    # -- a worker thread -----------------------------------------------------------------
    def update(self, cancel: CancelToken | None = None) -> Transcript:
        """The words heard so far: the closed stretches' and the open one's, heard again.
        Raises `Cancelled` when `cancel` trips between pieces."""
        with self._hearing:
            pcm, blocks, state = self._snapshot()
            if state == "cancelled":
                return self._transcript([], len(pcm))
            if self._final_words is not None:
                return self._final_words
            if state == "recording":
                pause = self._last_pause(blocks)
                if pause is not None:
                    words = self._hear(pcm, self._closed_at, pause, cancel)
                    self._closed.extend(words)
                    self._closed_at = pause
            self._open = tuple(self._hear(pcm, self._closed_at, len(pcm) // SAMPLE_WIDTH, cancel))
            return self._transcript([*self._closed, *self._open], len(pcm))

    def finish(self, cancel: CancelToken | None = None) -> Transcript:
        """Stop taking sound and hear what is left: the take's final words."""
        self.stop()
        if self._final is None:
            return self.update(cancel)
        with self._hearing:
            pcm, _blocks, state = self._snapshot()
            if state == "cancelled":
                return self._transcript([], len(pcm), self._final)
            if self._final_words is None:
                words = self._hear(pcm, 0, len(pcm) // SAMPLE_WIDTH, cancel, self._final)
                self._final_words = self._transcript(words, len(pcm), self._final)
            return self._final_words

    def stop(self) -> None:
        with self._lock:
            if self._state == "recording":
                self._state = "stopped"
        self._source.stop()

    def audio(self) -> PcmAudio:
        """The take's sound so far, a copy in memory (to keep with the note when the
        clinician chose to); nothing once cancelled."""
        with self._lock:
            return PcmAudio(bytes(self._pcm), self._rate)

    def cancel(self) -> None:
        """Stop, and forget the sound and the words."""
        with self._lock:
            self._state = "cancelled"
            self._pcm = bytearray()
            self._blocks = []
        self._source.stop()
        with self._hearing:  # after any pass in flight, which would put words back
            self._closed, self._open, self._final_words = [], (), None

    # -- helpers -------------------------------------------------------------------------
    def _snapshot(self) -> tuple[bytes, list[_Block], State]:
        with self._lock:
            return bytes(self._pcm), list(self._blocks), self._state

    def _last_pause(self, blocks: list[_Block]) -> int | None:
        """The middle of the latest pause that ends a long enough open stretch (frames)."""
        if not blocks:
            return None
        floor = sorted(b.dbfs for b in blocks)[len(blocks) // 10]
        quiet_below = max(floor + QUIET_ABOVE_FLOOR_DB, SILENT_DBFS)
        best: int | None = None
        run_start: int | None = None
        previous_end = 0
        for block in blocks:
            start, previous_end = previous_end, block.end
            if block.end <= self._closed_at:
                continue
            if block.dbfs < quiet_below:
                run_start = start if run_start is None else run_start
                continue
            if run_start is not None and start - run_start >= PAUSE_S * self._rate:
                middle = (run_start + start) // 2
                if middle - self._closed_at >= MIN_STRETCH_S * self._rate:
                    best = middle
            run_start = None
        return best

    def _hear(
        self,
        pcm: bytes,
        start: int,
        end: int,
        cancel: CancelToken | None,
        model: Transcriber | None = None,
    ) -> list[Word]:
        if end <= start:
            return []
        piece = PcmAudio(pcm[start * SAMPLE_WIDTH : end * SAMPLE_WIDTH], self._rate)
        heard = (model or self._transcriber).transcribe(
            piece, prompt=self._prompt, language=self._language, cancel=cancel
        )
        offset = start / self._rate
        return [
            replace(w, start=round(w.start + offset, 3), end=round(w.end + offset, 3))
            for w in heard.words
        ]

    def _transcript(
        self, words: list[Word], pcm_bytes: int, model: Transcriber | None = None
    ) -> Transcript:
        return Transcript(
            text=" ".join(w.text for w in words),
            words=tuple(words),
            duration_s=round(pcm_bytes / SAMPLE_WIDTH / self._rate, 3),
            language=self._language,
            model_id=(model or self._transcriber).model_id,
        )
