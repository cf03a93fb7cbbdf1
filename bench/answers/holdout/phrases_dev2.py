"""Single-visit wordings written blind, a second set: tuned on; never the test half. Its
tables are phrases_dev2.toml beside this module, read as phrases.py reads its own; those
it does not hold (names, date forms) are phrases.py's."""

from __future__ import annotations

from pathlib import Path

from bench.answers.holdout.phrases import Absent, Names, Tables

_tables = Tables(Path(__file__).with_suffix(".toml"))

ASK_EN: Names = _tables.names("ask_en")
ASK_HE: Names = _tables.names("ask_he")
ABSENT_EN: Absent = _tables.absent("absent_en")
ABSENT_HE: Absent = _tables.absent("absent_he")
ABSENT_READING_EN: tuple[str, ...] = _tables.strings("absent_reading_en")
ABSENT_READING_HE: tuple[str, ...] = _tables.strings("absent_reading_he")
