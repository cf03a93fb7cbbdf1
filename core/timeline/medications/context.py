"""Words around a drug's name that make it no medication event, or only one the note
lists: a level or a nutrient rather than a drug ("vitamin D
deficiency", "low B12", "B12, folate, TFTs normal", "הגבלת אשלגן"), the anaesthetist's ASA
class ("ASA 3"), a drug the patient is on named in the plan's reason for a check ("Monitor
BP on amlodipine"), and a participle that tells the drug's past ("X started by the
out-of-hours doctor yesterday"), not an order."""

from __future__ import annotations

import re

from core.timeline.medications.intent import ANALYTES
from core.timeline.reading.text import HEB

_NOT_A_DRUG_AFTER = re.compile(
    r"^\s*(?:deficiency|deficient|insufficiency|level|levels|status|toxicity|low|high|normal|"
    # "potassium restriction", "calcium intake": the diet's, not a prescription.
    r"restriction|restricted|intake|"
    # "nicotine dependence", "opioid withdrawal": what the patient depends on, not a dose.
    r"dependence|dependency|addiction|withdrawal|cravings?|"
    rf"בדם|נמוך|נמוכה|תקין|תקינה)(?![\w{HEB}])",
    re.IGNORECASE,
)
_NOT_A_DRUG_BEFORE = re.compile(
    r"(?:low|deficiency of|deficient in|level of|low-?|diet low in|חוסר|מחסור ב|רמת|רמות|דל|דלת|"
    r"דיאטה דלת|עשיר ב|עשירה ב|תלות ב|"
    # "Restrict potassium", "הגבלת אשלגן בתזונה": a nutrient kept down in the diet.
    r"restrict|restricted|restriction of|limit|הגבלת|הגבלה של|להגביל)\s*-?\s*$",
    re.IGNORECASE,
)
# "B12, folate, TFTs normal": an analyte among tests whose result ends the list.
_TESTS_RESULT = re.compile(
    r"(?:\s*(?:,|and|&|ו)\s*[\w/-]{1,12}){0,4}\s*(?:normal|nad|wnl|unremarkable|low|high|raised|"
    rf"borderline|תקין|תקינים|תקינות|תקינה)(?![\w{HEB}])",
    re.IGNORECASE,
)
# "ASA 3", "ASA II", "ASA grade 2": the physical status class, not aspirin.
_ASA_CLASS = re.compile(
    r"\s*(?:grade|class|status|score)?\s*[:=]?\s*(?:[1-6]|i{1,3}|iv|vi?)(?:e)?\b"
    r"(?!\s*(?:mg|tabs?|tablets?|x\b|\d))",
    re.IGNORECASE,
)


def not_a_drug(name: str, body: str, start: int, end: int) -> bool:
    """Whether the name at `start:end` of the sentence `body` is a level, a nutrient or a
    class rather than a drug taken."""
    if _NOT_A_DRUG_AFTER.match(body[end:]) or _NOT_A_DRUG_BEFORE.search(body[:start]):
        return True  # "vitamin D deficiency", "low B12": a level, not a drug
    if name in ANALYTES and _TESTS_RESULT.match(body, end):
        return True
    return body[start:end].casefold() == "asa" and bool(_ASA_CLASS.match(body, end))


# "Monitor BP on amlodipine", "visual acuity on ethambutol": the plan names a drug the
# patient is on as the reason for a check, and orders nothing.
_ON_BEFORE = re.compile(r"(?<![\w-])(?:on|while on|whilst on)\s+$", re.IGNORECASE)


def on_it_in_the_plan(body: str, start: int) -> bool:
    return _ON_BEFORE.search(body, max(0, start - 12), start) is not None


# A participle after the drug with its agent or its time is the drug's past ("X started by
# the GP last week", "Y stopped in 2019"); a verb before the drug gives its status.
_PAST_AFTER = re.compile(
    r"\s+(?:by|yesterday|last|ago|earlier|previously|in\s+\d|on\s+\d|\d)", re.IGNORECASE
)


def tells_the_past(body: str, after_end: int) -> bool:
    return _PAST_AFTER.match(body, after_end) is not None


# "X 1 g IM given in clinic", "Y given on dialysis today": a dose given in the room during
# the visit, wherever it is written, is a treatment recorded, not an order.
_HERE = re.compile(
    r"\s+(?:(?:im|iv|sc|po|sl|stat)\s+)?(?:today|here|stat|now|in (?:the )?(?:clinic|room|"
    r"surgery|department|unit|ed|a&e|practice)|on (?:dialysis|the ward)|during (?:the )?"
    rf"(?:visit|session|dialysis|appointment)|היום|במרפאה|בחדר|בדיאליזה)(?![\w{HEB}])",
    re.IGNORECASE,
)
_GIVEN_AFTER = re.compile(r"(?:given|administered|ניתן|ניתנה)$", re.IGNORECASE)


def given_here(body: str, cue_end: int) -> bool:
    """Whether the cue ending at `cue_end` is "given" with the visit's place or day after it."""
    return bool(_GIVEN_AFTER.search(body, 0, cue_end)) and bool(_HERE.match(body, cue_end))
