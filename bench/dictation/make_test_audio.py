"""Writes tests/data/dictation/'s recordings from its manifest.json with espeak-ng:

    python -m bench.dictation.make_test_audio

The files are committed; this is only needed to change them. Each has half a second of
silence either side, as a real recording would."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from bench.dictation.speak import RATE, espeak_version, speak

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "dictation"


def main() -> None:
    import soundfile

    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    for item in manifest["recordings"]:
        audio = speak(item["text"], item["voice"], item["speed"], pause_s=0.5)
        samples = np.frombuffer(audio.samples, dtype="<i2")
        out = DATA / item["file"]
        fmt = "FLAC" if out.suffix == ".flac" else "WAV"
        soundfile.write(out, samples, RATE, format=fmt, subtype="PCM_16")
        print(f"{out.name}: {audio.duration_s:.1f} s")
    print(f"espeak-ng: {espeak_version()}")


if __name__ == "__main__":
    main()
