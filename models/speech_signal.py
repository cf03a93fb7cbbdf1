"""Whisper's input, computed with numpy alone: 16 kHz samples, the log-mel spectrogram, and
the pieces of a recording that hold speech.

Whisper's reference features come from torch (or transformers, which imports torch: about
3 s and 200 MB before the first word). These are the same formulas (Whisper's
`log_mel_spectrogram`, librosa's Slaney mel filters); `tests/test_dictation_signal.py`
holds them to transformers' `WhisperFeatureExtractor`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import gcd

import numpy as np
import numpy.typing as npt

from core.dictation.types import PcmAudio

SAMPLE_RATE = 16_000
N_FFT = 400
HOP = 160
N_MELS = 80
WINDOW_S = 30  # Whisper hears 30 s at a time
WINDOW_SAMPLES = WINDOW_S * SAMPLE_RATE
WINDOW_FRAMES = WINDOW_SAMPLES // HOP  # 3000 mel frames

Floats = npt.NDArray[np.float32]


def to_float16k(audio: PcmAudio) -> Floats:
    """The recording as float32 in [-1, 1] at 16 kHz (polyphase resampling, as sox and
    scipy do, so a 22.05 or 44.1 kHz file is not aliased)."""
    samples = np.frombuffer(audio.samples, dtype="<i2").astype(np.float32) / 32768.0
    if audio.sample_rate == SAMPLE_RATE or samples.size == 0:
        return samples
    from scipy.signal import resample_poly  # only for a rate other than 16 kHz

    g = gcd(SAMPLE_RATE, audio.sample_rate)
    out = resample_poly(samples, SAMPLE_RATE // g, audio.sample_rate // g)
    return np.asarray(out, dtype=np.float32)


@lru_cache(maxsize=1)
def mel_filters() -> Floats:
    """80 Slaney-scale triangular filters over 0..8 kHz, area-normalised (librosa's
    `filters.mel(sr=16000, n_fft=400, n_mels=80)`, which Whisper ships as a table)."""
    fft_freqs = np.linspace(0, SAMPLE_RATE / 2, 1 + N_FFT // 2)
    mel_points = np.linspace(_hz_to_mel(0.0), _hz_to_mel(SAMPLE_RATE / 2), N_MELS + 2)
    hz_points = _mel_to_hz(mel_points)
    widths = np.diff(hz_points)
    ramps = hz_points[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (hz_points[2:] - hz_points[:-2]))[:, None]
    return weights.astype(np.float32)


def _hz_to_mel(hz: float | npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    hz = np.asarray(hz, dtype=np.float64)
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    logstep = np.log(6.4) / 27.0
    linear = hz / f_sp
    log = min_log_hz / f_sp + np.log(np.maximum(hz, min_log_hz) / min_log_hz) / logstep
    return np.where(hz >= min_log_hz, log, linear)


def _mel_to_hz(mel: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    linear = mel * f_sp
    log = min_log_hz * np.exp(logstep * (np.maximum(mel, min_log_mel) - min_log_mel))
    return np.where(mel >= min_log_mel, log, linear)


def log_mel(samples: Floats) -> Floats:
    """(80, 3000) log-mel features of at most 30 s of 16 kHz audio, zero-padded to 30 s,
    scaled as Whisper was trained (log10, floored 8 below the peak, then (x + 4) / 4)."""
    padded = np.zeros(WINDOW_SAMPLES, dtype=np.float32)
    padded[: min(samples.size, WINDOW_SAMPLES)] = samples[:WINDOW_SAMPLES]
    # torch.stft(center=True): reflect-pad half a window each side.
    framed_input = np.pad(padded, N_FFT // 2, mode="reflect")
    frames = np.lib.stride_tricks.sliding_window_view(framed_input, N_FFT)[::HOP]
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)  # periodic Hann
    spectrum = np.fft.rfft(frames * window, axis=-1)
    power = (np.abs(spectrum) ** 2)[:-1].T  # Whisper drops the last frame
    mel = mel_filters() @ power.astype(np.float32)
    log_spec = np.log10(np.maximum(mel, 1e-10))
    log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
    return ((log_spec + 4.0) / 4.0).astype(np.float32)


@dataclass(frozen=True)
class Piece:
    """A stretch of the recording sent to the model at once: sample offsets at 16 kHz."""

    start: int
    end: int

    @property
    def start_s(self) -> float:
        return self.start / SAMPLE_RATE


_FRAME = SAMPLE_RATE // 50  # 20 ms energy frames
_MIN_GAP_FRAMES = 15  # pauses shorter than 0.3 s stay inside speech
_MIN_SPEECH_FRAMES = 5  # bursts shorter than 0.1 s are clicks, not words
_PAD_FRAMES = 10  # 0.2 s kept either side of speech, for soft word starts and ends


def speech_pieces(samples: Floats, max_s: float = 28.0) -> list[Piece]:
    """Where the recording holds speech, cut into pieces of at most `max_s` seconds at
    the quietest pauses. Silence is never sent: Whisper given silence writes words that
    were never said (the issue's "loops on silence").

    An energy detector: a 20 ms frame is speech when it is 12 dB above the recording's
    quiet floor (its 10th percentile) and louder than -55 dBFS."""
    n = samples.size // _FRAME
    if n == 0:
        return []
    frames = samples[: n * _FRAME].reshape(n, _FRAME)
    db = 10 * np.log10(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-12)
    threshold = max(float(np.percentile(db, 10)) + 12.0, -55.0)
    runs = _runs(db > threshold)
    runs = _merge_close(runs)
    runs = [(a, b) for a, b in runs if b - a >= _MIN_SPEECH_FRAMES]
    runs = _merge_close([(max(0, a - _PAD_FRAMES), min(n, b + _PAD_FRAMES)) for a, b in runs])
    limit = int(max_s * 50)
    pieces: list[Piece] = []
    for a, b in _pack(runs, limit, db):
        pieces.append(Piece(a * _FRAME, min(b * _FRAME, samples.size)))
    return pieces


def _runs(flags: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    edges = np.diff(np.concatenate(([0], flags.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def _merge_close(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in runs:
        if merged and a - merged[-1][1] < _MIN_GAP_FRAMES:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _pack(
    runs: list[tuple[int, int]], limit: int, db: npt.NDArray[np.float64]
) -> list[tuple[int, int]]:
    """Consecutive runs joined while they fit in `limit` frames (fewer, longer pieces give
    the model context); a run longer than `limit` is cut at its quietest frame in the
    last quarter of the limit."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        while b - a > limit:
            lo = a + (3 * limit) // 4
            cut = lo + int(np.argmin(db[lo : a + limit]))
            out.append((a, cut))
            a = cut
        if out and b - out[-1][0] <= limit:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
