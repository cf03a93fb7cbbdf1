"""Synthetic speech for dictation tests and evals, from espeak-ng (Debian's package; GPL-3,
so it only makes data here and is never shipped or imported). The audio comes back in
memory as 16 kHz PCM: nothing is written unless the caller writes it."""

from __future__ import annotations

import shutil
import subprocess

from core.dictation.types import PcmAudio

RATE = 16_000


def espeak_version() -> str | None:
    exe = shutil.which("espeak-ng")
    if exe is None:
        return None
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip() or None


def speak(text: str, voice: str = "en-us", speed: int = 150, pause_s: float = 0.0) -> PcmAudio:
    """`text` read by espeak-ng with `voice` at `speed` words a minute, resampled to 16 kHz,
    with `pause_s` of silence before and after (a recording starts before the speech)."""
    from models.speech_audio import read_audio

    exe = shutil.which("espeak-ng")
    if exe is None:
        raise RuntimeError("espeak-ng is not installed: apt-get install espeak-ng")
    wav = subprocess.run(
        [exe, "-v", voice, "-s", str(speed), "--stdout", text], capture_output=True, check=True
    ).stdout
    return with_silence(read_audio(wav), pause_s)


def with_silence(audio: PcmAudio, pause_s: float) -> PcmAudio:
    """`audio` at 16 kHz with `pause_s` of digital silence before and after it."""
    import numpy as np

    from models.speech_signal import to_float16k

    samples = to_float16k(audio)
    silence = np.zeros(int(pause_s * RATE), dtype=np.float32)
    joined = np.concatenate([silence, samples, silence])
    pcm = np.clip(np.round(joined * 32767.0), -32768, 32767).astype("<i2")
    return PcmAudio(pcm.tobytes(), RATE)
