"""Single-visit wordings written blind, a second set: tuned on; never the test half. Its
tables are phrases_dev2.toml beside this module, read as phrases.py reads its own; those
it does not hold (names, date forms) are phrases.py's."""

from __future__ import annotations

from pathlib import Path

from bench.answers.holdout.phrases import Absent, Names, absent
from bench.timeline.kit.vocab import VocabFile

_words = VocabFile(Path(__file__).with_suffix(".toml"))

ASK_EN: Names = _words.lists("ask_en")
ASK_HE: Names = _words.lists("ask_he")
ABSENT_EN: Absent = absent(_words, "absent_en")
ABSENT_HE: Absent = absent(_words, "absent_he")
ABSENT_READING_EN: tuple[str, ...] = _words.strings("absent_reading_en")
ABSENT_READING_HE: tuple[str, ...] = _words.strings("absent_reading_he")
