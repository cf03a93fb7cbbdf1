"""Readings tied to a visit date, and dates written the ways people write them.

A clinician asks "A1c on 2021-07-13?" or "BP at the visit on 7 May 2025": a value that
only the date singles out, since the same test is in many visits. Both evals ask these:
the retrieval eval (is that day's session in the top five?) and the answer eval (is the
value in the answer?). A reading is kept only when the question is well posed: one visit
on that day, one value of that test in it, and the value written in its text.

What a clinician calls each test, the ways a date is written (DATE_FORMS, in the file's
order) and the questions' wordings are data/dated.toml beside this module.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from bench.retrieval.evalset.patients import Patient, Visit
from bench.retrieval.evalset.text import mentions
from bench.timeline.kit.vocab import VocabFile

Kind = Literal["lab", "vital", "bp"]

_FILE = VocabFile(Path(__file__).parent / "data" / "dated.toml")
LAB_NAMES = _FILE.texts("lab_names")
VITAL_NAMES = _FILE.texts("vital_names")
_MONTHS = _FILE.strings("dates", "months")
if len(_MONTHS) != 12:
    raise _FILE.wrong(("dates", "months"), "the twelve months, January first")
_DATE_TEXTS = _FILE.texts("dates", "forms")
DATE_FORMS = tuple(_DATE_TEXTS)
BP_NAME, BP_UNIT = _FILE.text("blood_pressure", "name"), _FILE.text("blood_pressure", "unit")
PHRASES = _FILE.lists("phrases")
if set(PHRASES) != set(get_args(Kind)):
    raise _FILE.wrong(("phrases",), f"one list for each kind of reading: {get_args(Kind)}")


def lab_name(display: str) -> str:
    return LAB_NAMES.get(display, display)


def write_date(day: dt.date, form: str) -> str:
    """`day` after a preposition, in one of DATE_FORMS (English month names whatever the
    locale)."""
    month = _MONTHS[day.month - 1]
    return _DATE_TEXTS[form].format(
        iso=day.isoformat(), day=day.day, month=month, mon=month[:3], year=day.year
    )


def visit_day(v: Visit) -> dt.date:
    return dt.date.fromisoformat(v.date[:10])


def single_days(p: Patient) -> set[dt.date]:
    """Days on which the client had exactly one visit: a date names one session."""
    count = Counter(visit_day(v) for v in p.visits)
    return {d for d, n in count.items() if n == 1}


@dataclass(frozen=True)
class Reading:
    visit: Visit
    kind: Kind
    name: str  # as a clinician says it: "HbA1c", "heart rate", "blood pressure"
    value: str  # as the generator recorded it: "7.1", "89", "136/80"
    unit: str = ""

    @property
    def day(self) -> dt.date:
        return visit_day(self.visit)


def visit_readings(v: Visit) -> list[Reading]:
    """Every reading of a visit whose value is written in its text, once per test; a test
    measured twice in one visit is left out (which value would be "the" one?)."""
    found = [Reading(v, "lab", lab_name(n), x, u) for n, x, u in v.labs]
    found += [Reading(v, "vital", VITAL_NAMES.get(n, n.lower()), x) for n, x in v.vitals]
    if v.bp:
        found.append(Reading(v, "bp", BP_NAME, v.bp, BP_UNIT))
    count = Counter(r.name for r in found)
    return [
        r for r in found if count[r.name] == 1 and _distinct(r.value) and mentions(v.text, r.value)
    ]


def _distinct(value: str) -> bool:
    """At least two digits: "6" turns up in too many answers by chance."""
    return sum(ch.isdigit() for ch in value) >= 2


def dated_readings(p: Patient) -> list[Reading]:
    """Readings that the visit's date alone singles out."""
    days = single_days(p)
    return [r for v in p.visits if visit_day(v) in days for r in visit_readings(v)]


def ask_on_date(r: Reading, rng: random.Random) -> str:
    when = write_date(r.day, rng.choice(DATE_FORMS))
    phrase = rng.choice(PHRASES[r.kind])
    name = r.name
    return phrase.format(name=name, Name=name[:1].upper() + name[1:], when=when)
