"""The eval's voices beside espeak-ng: the dictation scripts read by piper's neural `joe`
voice, and a person reading the opening of A Tale of Two Cities. Both come from the
throwaway build/eval-voices (bench/dictation/voices.sh; pinned by hash): piper runs in that
venv's own Python (bench/dictation/piper_child.py), so neither it (GPL-3) nor its
onnxruntime is ever imported here; the human recording is read out of the moonshine-voice
wheel in memory. Nothing is written to disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from core.dictation.types import PcmAudio

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("CHARTSIDE_EVAL_VOICES", ROOT / "build" / "eval-voices"))
PIPER_VOICE = "piper en_US-joe-medium"
HUMAN_WHEEL = "moonshine_voice-0.1.5-py3-none-manylinux_2_34_x86_64.whl"
HUMAN_FILE = "moonshine_voice/assets/two_cities.wav"
HUMAN_SHA256 = "f3348494d77cb74a02862f5e685ed09faf3e75832c5cc5c80703282c2cd8b52e"
# The opening paragraph of Charles Dickens, A Tale of Two Cities (1859; public domain),
# as Project Gutenberg's eBook #98 prints it. The recording reads exactly this and stops:
# Whisper base and tiny.en, each without a prompt, both heard these 119 words and nothing
# after them, word for word (issue 29).
TWO_CITIES = (
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was "
    "the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it "
    "was the season of Light, it was the season of Darkness, it was the spring of hope, it "
    "was the winter of despair, we had everything before us, we had nothing before us, we "
    "were all going direct to Heaven, we were all going direct the other way--in short, the "
    "period was so far like the present period, that some of its noisiest authorities "
    "insisted on its being received, for good or for evil, in the superlative degree of "
    "comparison only."
)


@dataclass(frozen=True)
class HumanRecording:
    name: str
    audio: PcmAudio
    text: str  # what was read
    source: str


def available() -> str | None:
    """Why the voices cannot be used, or None when they can."""
    if not (VENV / "bin" / "python").is_file():
        return f"{VENV} is missing: run bench/dictation/voices.sh"
    if not (VENV / "wheels" / HUMAN_WHEEL).is_file():
        return f"{VENV / 'wheels' / HUMAN_WHEEL} is missing: run bench/dictation/voices.sh"
    return None


def piper_speak(items: list[tuple[str, int]], pause_s: float = 0.5) -> list[PcmAudio]:
    """Each (text, words a minute) read by piper's `joe` voice, at 16 kHz with `pause_s` of
    silence either side. The pace is espeak-ng's speed for the same script mapped onto
    piper's length scale (150 words a minute = its own pace). Piper draws noise inside its
    model, so the audio differs slightly from run to run."""
    from bench.dictation.speak import with_silence
    from models.speech_audio import read_audio

    request = [{"text": text, "length_scale": round(150 / speed, 3)} for text, speed in items]
    done = subprocess.run(
        [str(VENV / "bin" / "python"), str(Path(__file__).with_name("piper_child.py"))],
        input=json.dumps(request).encode(), capture_output=True, check=False, timeout=3600,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"piper failed (exit {done.returncode}): {done.stderr[-800:]!r}")
    out, at = [], 0
    for _ in items:
        size = int.from_bytes(done.stdout[at : at + 8], "big")
        out.append(with_silence(read_audio(done.stdout[at + 8 : at + 8 + size]), pause_s))
        at += 8 + size
    return out


def human_recordings() -> list[HumanRecording]:
    """The read speech whose words are known for certain (docs/dictation.md says how)."""
    from models.speech_audio import read_audio

    with zipfile.ZipFile(VENV / "wheels" / HUMAN_WHEEL) as wheel:
        data = wheel.read(HUMAN_FILE)
    if hashlib.sha256(data).hexdigest() != HUMAN_SHA256:
        raise RuntimeError(f"{HUMAN_FILE} in {HUMAN_WHEEL} is not the recording pinned")
    source = "moonshine-voice 0.1.5 assets/two_cities.wav (MIT): Dickens, A Tale of Two Cities"
    return [HumanRecording("human-two-cities", read_audio(data), TWO_CITIES, source)]
