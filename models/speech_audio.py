"""WAV and FLAC recordings to PCM, with libsndfile (the `soundfile` wheel: BSD-3, its
bundled libraries LGPL or BSD). No FFmpeg: PyAV's wheels carry GPL codecs.

Reads from a path or from bytes already in memory, so a recording that is kept encrypted
is decrypted into memory and decoded from there, never written out in the clear."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from core.dictation.types import AudioUnreadable, PcmAudio
from core.messages import Message

# libsndfile's names for the containers Chartside reads; it would read more (Ogg, MP3),
# but what a clinician's recorder and the tests hand over is WAV or FLAC.
_FORMATS = {"WAV", "WAVEX", "FLAC", "RF64"}


def read_audio(source: Path | bytes) -> PcmAudio:
    """The recording as mono 16-bit PCM at its own sample rate (channels averaged)."""
    import soundfile

    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with soundfile.SoundFile(handle) as f:
            if f.format not in _FORMATS:
                raise AudioUnreadable(Message("runtime.recording_not_wav", value=f.format))
            rate = int(f.samplerate)
            data = f.read(dtype="float32", always_2d=True)
    except soundfile.LibsndfileError as exc:  # not audio, or damaged; the text names no file
        raise AudioUnreadable(
            Message("runtime.recording_unreadable", detail=exc.error_string)
        ) from exc
    mono = data.mean(axis=1) if data.shape[1] > 1 else data[:, 0]
    pcm = np.clip(np.round(mono * 32767.0), -32768, 32767).astype("<i2")
    return PcmAudio(pcm.tobytes(), rate)
