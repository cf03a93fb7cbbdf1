"""How a clinician might type each single-visit question, in English and in Hebrew: the
tables of phrases.toml beside this module, read and checked here.

Several forms a kind, drawn by the seeded generator, so no kind is one template. Names in
questions are the generic (or, now and then, the brand a note writes); measures and
procedures have a couple of names each, the way people shorten them. A further set's
wordings (phrases_<name>.py, over its own TOML) are read the same way (`absent`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bench.timeline.kit.vocab import VocabFile

Names = dict[str, tuple[str, ...]]
# An absent subject: the terms it may ask about, and the forms it asks in.
Absent = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]


def absent(words: VocabFile, key: str) -> Absent:
    """The absent subjects of table `key`: each subject's `terms` and `forms`."""
    return {
        subject: (words.strings(key, subject, "terms"), words.strings(key, subject, "forms"))
        for subject in words.table(key)
    }


_words = VocabFile(Path(__file__).with_suffix(".toml"))

MONTHS = _words.strings("months_en")
MONTHS_HE = _words.strings("months_he")
DATE_FORMS_EN = _words.strings("date_forms_en")
DATE_FORMS_HE = _words.strings("date_forms_he")
DATE_WORDS = _words.texts("date_words")
MEASURE_EN = _words.lists("measure_en")
MEASURE_HE = _words.lists("measure_he")
CONDITION_EN = _words.lists("condition_en")
PROCEDURE_EN = _words.lists("procedure_en")
PROCEDURE_HE = _words.lists("procedure_he")
SPECIALTY_EN = _words.lists("specialty_en")
ASK_EN = _words.lists("ask_en")
ASK_HE = _words.lists("ask_he")
ABSENT_EN = absent(_words, "absent_en")
ABSENT_HE = absent(_words, "absent_he")
ABSENT_READING_EN = _words.strings("absent_reading_en")
ABSENT_READING_HE = _words.strings("absent_reading_he")
BLOOD_PRESSURE_EN = _words.text("blood_pressure_en")
BLOOD_PRESSURE_HE = _words.text("blood_pressure_he")
if len(MONTHS) != 12:
    raise _words.wrong(("months_en",), "a list of twelve months")
if len(MONTHS_HE) != 12:
    raise _words.wrong(("months_he",), "a list of twelve months")


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
