"""What the extractor reads out of a note field, before it is stored."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal
from uuid import UUID

from core.retrieval.types import DocumentRef

# "flag": a value read but not believed ("BP 1280/82"), kept to be shown as such and never
# used as a measurement (its `detail` says why).
Kind = Literal["measurement", "medication", "diagnosis", "procedure", "visit", "flag"]
KINDS: tuple[Kind, ...] = ("measurement", "medication", "diagnosis", "procedure", "visit", "flag")

# Medication events, by the verb and section that record them.
MedStatus = Literal["started", "stopped", "continued", "listed"]
# A diagnosis or problem: recorded as present, negated ("denies", "ruled out"), or past.
DxStatus = Literal["present", "negated", "history"]

# Measurement names and the unit each is stored in (values are converted to it).
MEASURES: dict[str, str] = {
    "bp_systolic": "mmHg",
    "bp_diastolic": "mmHg",
    "heart_rate": "/min",
    "respiratory_rate": "/min",
    "weight": "kg",
    "height": "cm",
    "bmi": "kg/m2",
    "temperature": "°C",
    "spo2": "%",
    "pain": "/10",
    "a1c": "%",
    "ldl": "mg/dL",
    "hdl": "mg/dL",
    "total_cholesterol": "mg/dL",
    "glucose": "mg/dL",
    "creatinine": "mg/dL",
    "egfr": "mL/min/1.73m2",
    "sodium": "mmol/L",
    "potassium": "mmol/L",
    "hemoglobin": "g/dL",
    "tsh": "mIU/L",
    "triglycerides": "mg/dL",
    "phq2": "score",
    "phq9": "score",
    "gad7": "score",
    "rom": "°",
}

# Each measure as the clinician reads it, in English: the command line's words, the same as
# the window's (ui/timeline/timeline_text.py translates these).
LABELS: dict[str, str] = {
    "bp_systolic": "Systolic BP",
    "bp_diastolic": "Diastolic BP",
    "heart_rate": "Heart rate",
    "respiratory_rate": "Respiratory rate",
    "weight": "Weight",
    "height": "Height",
    "bmi": "BMI",
    "temperature": "Temperature",
    "spo2": "Oxygen saturation",
    "pain": "Pain",
    "a1c": "HbA1c",
    "ldl": "LDL cholesterol",
    "hdl": "HDL cholesterol",
    "total_cholesterol": "Total cholesterol",
    "glucose": "Glucose",
    "creatinine": "Creatinine",
    "egfr": "eGFR",
    "sodium": "Sodium",
    "potassium": "Potassium",
    "hemoglobin": "Hemoglobin",
    "tsh": "TSH",
    "triglycerides": "Triglycerides",
    "phq2": "PHQ-2",
    "phq9": "PHQ-9",
    "gad7": "GAD-7",
    "rom": "Range of motion",
}


# A number and a unit with no number in it: "185 lb", "3.1 mmol/L".
_ONE_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*([^\d\s][^\d]*)")


@dataclass(frozen=True)
class Fact:
    """One fact of a note field. `start:end` is its span in the field's text, and `text`
    that span: the words it was read from. For a measurement `name` is a key of MEASURES
    and `value` is in MEASURES[name]; for a medication `name` is the drug's generic name in
    lower case, `status` a MedStatus and `dose` as written ("50 mg"); for a diagnosis
    `name` is the condition in lower case and `status` a DxStatus; for a procedure or a
    referral `name` is what was done ("referral: cardiology" for a referral); a visit's
    `name` is its type ("follow-up", "initial", "telehealth")."""

    kind: Kind
    name: str
    start: int
    end: int
    text: str
    value: float | None = None
    unit: str | None = None
    status: str | None = None
    dose: str | None = None
    detail: str | None = None  # a measurement's site or side ("left knee flexion")
    # A measurement the note wrote in another unit than MEASURES's, or with digits the
    # stored number drops, as written ("3.1 mmol/L", "185 lb", "4.0 mmol/L"): `value` is
    # it converted, for comparing and plotting; this is what is shown. None where the
    # stored number and MEASURES's unit say it as the note did.
    written: str | None = None

    @property
    def kept_digits(self) -> str | None:
        """The digits as written where the note wrote the kept unit itself ("4.0" of "4.0
        mmol/L", a trailing zero the stored number drops); None otherwise."""
        kept = MEASURES.get(self.name, "")
        if self.written and kept and self.written.endswith(kept):
            return self.written.removesuffix(kept).strip()
        return None

    @property
    def written_unit(self) -> tuple[str, str] | None:
        """(digits, unit) where the note wrote one number in another unit than the kept one
        ("185", "lb" of "185 lb"); None otherwise: the kept unit, or a value written in two
        ("12 st 4 lb", "5' 6\"")."""
        if not self.written or self.kept_digits is not None:
            return None
        found = _ONE_NUMBER.fullmatch(self.written.strip())
        return (found.group(1), found.group(2).strip()) if found else None


@dataclass(frozen=True)
class Flag:
    """A value that was read but is not believable ("BP 1280/82", "weight 8200 kg") or has
    no unit where one is needed: shown to the clinician as such, never stored as a fact."""

    name: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Extraction:
    facts: list[Fact]
    flags: list[Flag]


@dataclass(frozen=True)
class TimelineFact:
    """A stored fact with where it came from: the note (a session, or the client's own
    record when `session_id` and `document` are None) or a document's page, its date, and
    the field. `line` is the whole line of
    the field that holds the span: what a citation shows and highlights."""

    id: UUID
    client_id: UUID
    session_id: UUID | None
    session_date: dt.datetime | None
    field: str
    fact: Fact
    line: str
    session_external_id: str | None = None
    # A page of an attached document instead of a note: `session_id` is None,
    # `session_date` the document's date (else the day it was attached), `field` "document".
    document: DocumentRef | None = None


BriefKind = Literal["changed", "started", "stopped", "new_diagnosis", "plan"]


@dataclass(frozen=True)
class BriefLine:
    """One line of "Since the last visit". Core speaks in ids: `kind` and `params` say what
    the line means, and each front end words it (core.timeline.answers.brief.render_en is the
    English; the window has its own Hebrew for each kind). `facts` are its citations.

    params by kind:
    - changed: name (a MEASURES key), before, after, delta (after - before), unit,
      direction ("up" | "down" | "same")
    - started / stopped: name (the drug), dose ("" when none was written)
    - new_diagnosis: name
    - plan: text (one item of the last visit's plan, as written)"""

    kind: BriefKind
    params: dict[str, str | float]
    facts: list[TimelineFact]


@dataclass(frozen=True)
class Brief:
    """What changed between the client's last two visits, and the last plan. `last` and
    `previous` are those visits' dates (None when the client has fewer visits)."""

    client_id: UUID
    last: dt.datetime | None
    previous: dt.datetime | None
    lines: list[BriefLine]


Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Claimed:
    """The spans of a sentence that its referrals and procedures took: a condition's name
    inside them is part of their words, not a diagnosis."""

    referrals: Spans
    procedures: Spans


def within(start: int, spans: Spans) -> bool:
    return any(a <= start < b for a, b in spans)
