"""Readings tied to a visit date, and dates written the ways people write them.

A clinician asks "A1c on 2021-07-13?" or "BP at the visit on 7 May 2025": a value that
only the date singles out, since the same test is in many visits. Both evals ask these:
the retrieval eval (is that day's session in the top five?) and the answer eval (is the
value in the answer?). A reading is kept only when the question is well posed: one visit
on that day, one value of that test in it, and the value written in its text.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from bench.retrieval.evalset.patients import Patient, Visit
from bench.retrieval.evalset.text import mentions

# The generator's LOINC names (brackets dropped) as a clinician says them.
LAB_NAMES = {
    "Hemoglobin A1c/Hemoglobin.total in Blood": "HbA1c",
    "Creatinine in Serum or Plasma": "creatinine",
    "Potassium in Serum or Plasma": "potassium",
    "Glucose in Serum or Plasma": "glucose",
    "Hemoglobin in Blood": "hemoglobin",
    "Leukocytes in Blood by Automated count": "white cell count",
    "Aspartate aminotransferase in Serum or Plasma": "AST",
    "Alanine aminotransferase in Serum or Plasma": "ALT",
    "Total protein": "total protein",
    "C reactive protein in Serum or Plasma": "CRP",
    "Sodium in Serum or Plasma": "sodium",
    "Estimated GFR": "eGFR",
    "Bicarbonate in Serum or Plasma": "bicarbonate",
    "Triglyceride in Serum or Plasma": "triglyceride level",
    "Total cholesterol": "total cholesterol",
    "Platelets in Blood by Automated count": "platelet count",
    "Cholesterol in LDL in Serum or Plasma by calculation": "LDL cholesterol",
    "Cholesterol in HDL in Serum or Plasma": "HDL cholesterol",
    "Urea nitrogen in Serum or Plasma": "BUN",
    "Troponin I.cardiac in Serum or Plasma": "troponin",
    "Procalcitonin in Serum or Plasma by Immunoassay": "procalcitonin",
    "Calcium in Serum or Plasma": "calcium",
    "Natriuretic peptide B in Blood": "BNP",
    "INR in Platelet poor plasma by Coagulation assay": "INR",
    "Albumin in Serum or Plasma": "albumin",
    "Lactate in Serum or Plasma": "lactate",
    "Oxygen in Arterial blood": "arterial pO2",
    "pH of Arterial blood": "arterial pH",
    "Carbon dioxide in Arterial blood": "arterial pCO2",
}
VITAL_NAMES = {
    "Heart rate": "heart rate",
    "Oxygen saturation": "oxygen saturation",
    "Body temperature": "temperature",
    "Respiratory rate": "respiratory rate",
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
# "on 2025-03-04", "at the visit on 4 March 2025", "on March 4, 2025", "on 4 Mar 2025".
DATE_FORMS = ("iso", "visit_day_month", "month_day", "day_mon")


def lab_name(display: str) -> str:
    return LAB_NAMES.get(display, display)


def write_date(day: dt.date, form: str) -> str:
    """`day` after a preposition, in one of DATE_FORMS (English month names whatever the
    locale)."""
    month = _MONTHS[day.month - 1]
    return {
        "iso": f"on {day.isoformat()}",
        "visit_day_month": f"at the visit on {day.day} {month} {day.year}",
        "month_day": f"on {month} {day.day}, {day.year}",
        "day_mon": f"on {day.day} {month[:3]} {day.year}",
    }[form]


def visit_day(v: Visit) -> dt.date:
    return dt.date.fromisoformat(v.date[:10])


def single_days(p: Patient) -> set[dt.date]:
    """Days on which the client had exactly one visit: a date names one session."""
    count = Counter(visit_day(v) for v in p.visits)
    return {d for d, n in count.items() if n == 1}


@dataclass(frozen=True)
class Reading:
    visit: Visit
    kind: Literal["lab", "vital", "bp"]
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
        found.append(Reading(v, "bp", "blood pressure", v.bp, "mmHg"))
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


PHRASES = {
    "lab": ("What was the {name} {when}?", "{Name} {when}?", "What {name} was recorded {when}?"),
    "vital": ("What was the {name} {when}?", "What {name} was recorded {when}?"),
    "bp": (
        "What was the blood pressure {when}?",
        "BP {when}?",
        "What was the patient's BP {when}?",
    ),
}


def ask_on_date(r: Reading, rng: random.Random) -> str:
    when = write_date(r.day, rng.choice(DATE_FORMS))
    phrase = rng.choice(PHRASES[r.kind])
    name = r.name
    return phrase.format(name=name, Name=name[:1].upper() + name[1:], when=when)
