"""What a recording and its transcript are, in memory only: both are PHI, so nothing here
writes them anywhere, and their `repr` shows sizes, never words or samples."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from core.errors import ChartsideError
from core.messages import Message

SAMPLE_WIDTH = 2  # bytes: signed 16-bit little-endian PCM, what a microphone hands over


@dataclass(frozen=True)
class PcmAudio:
    """Mono signed 16-bit little-endian PCM. Plain bytes, not an array: core carries no
    numpy, and a recorder's buffer is already this."""

    samples: bytes = field(repr=False)
    sample_rate: int

    def __post_init__(self) -> None:
        if self.sample_rate <= 0:
            raise ValueError("sample_rate must be positive")
        if len(self.samples) % SAMPLE_WIDTH:
            raise ValueError("16-bit PCM has an even number of bytes")

    @property
    def frames(self) -> int:
        return len(self.samples) // SAMPLE_WIDTH

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


@dataclass(frozen=True)
class Word:
    """One recognised word with the punctuation that follows it ("metformin,"), its time
    in the recording (seconds) and the recogniser's confidence (0..1, the mean probability
    of its tokens). `repaired`: written as a drug name, a number or a dose's frequency
    that the recogniser bent (`core/dictation/repair.py` and its neighbours), not as heard;
    always shown for review."""

    text: str = field(repr=False)
    start: float
    end: float
    confidence: float
    repaired: bool = False


@dataclass(frozen=True)
class Transcript:
    """The words of one recording in order; `text` is them joined as the model wrote
    them. `model_id` names the weights (`name@sha256 prefix`) that heard it."""

    text: str = field(repr=False)
    words: tuple[Word, ...] = field(repr=False)
    duration_s: float
    language: str
    model_id: str


@dataclass(frozen=True)
class KeptRecording:
    """A take's sound kept with the session it was dictated into (`core/dictation/kept.py`),
    as the session pane shows it: its length and size, never its sound."""

    id: UUID
    session_id: UUID
    duration_s: float
    sample_rate: int
    size_bytes: int
    media_type: str
    created_at: dt.datetime


class AudioUnreadable(ChartsideError):
    """A recording that is not WAV or FLAC, or is damaged. The message never repeats the
    file's name: a name can carry a patient's."""

    remedy = Message("remedy.dictation_audio_unreadable")


class DictationUnavailable(ChartsideError):
    """No speech model or no sound input: dictation cannot start."""

    remedy = Message("remedy.dictation_unavailable")
