"""How a clinician might type each single-visit question, in English and in Hebrew: the
tables of phrases.toml beside this module, read and checked here.

Several forms a kind, drawn by the seeded generator, so no kind is one template. Names in
questions are the generic (or, now and then, the brand a note writes); measures and
procedures have a couple of names each, the way people shorten them. A further set's
wordings (phrases_<name>.py, over its own TOML) are read with the same `Tables`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

Names = dict[str, tuple[str, ...]]
# An absent subject: the terms it may ask about, and the forms it asks in.
Absent = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]


class Tables:
    """A TOML file of this set's tables, each value checked for its shape as it is taken
    (lists become tuples), so a malformed file names itself and the key. `keys` is the
    path to a value: `("absent_en", "lab", "terms")` is `[absent_en.lab]`'s `terms`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = read_toml(path)

    def _at(self, keys: tuple[str, ...]) -> Any:
        value: Any = self.data
        for n, key in enumerate(keys):
            if not isinstance(value, dict) or key not in value:
                raise VocabError(f"{self.path}: no {_where(keys[: n + 1])}")
            value = value[key]
        return value

    def _wrong(self, keys: tuple[str, ...], shape: str) -> VocabError:
        return VocabError(f"{self.path}: {_where(keys)}: {shape}")

    def text(self, *keys: str) -> str:
        value = self._at(keys)
        if not isinstance(value, str):
            raise self._wrong(keys, "a string")
        return value

    def strings(self, *keys: str) -> tuple[str, ...]:
        value = self._at(keys)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._wrong(keys, "a list of strings")
        return tuple(value)

    def table(self, *keys: str) -> dict[str, Any]:
        value = self._at(keys)
        if not isinstance(value, dict):
            raise self._wrong(keys, "a table")
        return value

    def texts(self, *keys: str) -> dict[str, str]:
        return {key: self.text(*keys, key) for key in self.table(*keys)}

    def counts(self, *keys: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for key, value in self.table(*keys).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise self._wrong((*keys, key), "a whole number")
            out[key] = value
        return out

    def names(self, *keys: str) -> Names:
        return {name: self.strings(*keys, name) for name in self.table(*keys)}

    def absent(self, key: str) -> Absent:
        return {
            subject: (self.strings(key, subject, "terms"), self.strings(key, subject, "forms"))
            for subject in self.table(key)
        }


def _where(keys: tuple[str, ...]) -> str:
    """A value's path as TOML writes it: `therapy."type 2 diabetes"`."""
    bare = re.compile(r"[A-Za-z0-9_-]+")
    return ".".join(k if bare.fullmatch(k) else json.dumps(k, ensure_ascii=False) for k in keys)


_tables = Tables(Path(__file__).with_suffix(".toml"))

MONTHS = _tables.strings("months_en")
MONTHS_HE = _tables.strings("months_he")
DATE_FORMS_EN = _tables.strings("date_forms_en")
DATE_FORMS_HE = _tables.strings("date_forms_he")
DATE_WORDS = _tables.texts("date_words")
MEASURE_EN = _tables.names("measure_en")
MEASURE_HE = _tables.names("measure_he")
CONDITION_EN = _tables.names("condition_en")
PROCEDURE_EN = _tables.names("procedure_en")
PROCEDURE_HE = _tables.names("procedure_he")
SPECIALTY_EN = _tables.names("specialty_en")
ASK_EN = _tables.names("ask_en")
ASK_HE = _tables.names("ask_he")
ABSENT_EN = _tables.absent("absent_en")
ABSENT_HE = _tables.absent("absent_he")
ABSENT_READING_EN = _tables.strings("absent_reading_en")
ABSENT_READING_HE = _tables.strings("absent_reading_he")
BLOOD_PRESSURE_EN = _tables.text("blood_pressure_en")
BLOOD_PRESSURE_HE = _tables.text("blood_pressure_he")
if len(MONTHS) != 12 or len(MONTHS_HE) != 12:
    raise VocabError(f"{_tables.path}: months_en and months_he: twelve months each")


def date_words(day: dt.date, form: str) -> str:
    month = MONTHS[day.month - 1]
    return DATE_WORDS[form].format(
        iso=day.isoformat(),
        day=day.day,
        month_number=day.month,
        year=day.year,
        month=month,
        mon=month[:3],
        month_he=MONTHS_HE[day.month - 1],
    )
