"""Where a condition's name names a setting or a study's result rather than the patient's
condition.

- "Epilepsy clinic follow-up", "HF nurse review", "ביקור במרפאת אי ספיקת לב", "ביחידת
  הדיאליזה": a condition (or a treatment) that names a clinic, a service, a unit or its
  nurse says where the visit is, not what the patient has today; what the patient has is
  written elsewhere in the note, as itself.
- "X-ray L ankle: no fracture", "צילום כף יד - ללא שבר": a condition a study did not show is
  the study's result, as "CXR: no consolidation" already is for a phrase read by its place.
- "Diabetic foot screen", "febrile convulsion": a condition's adjective qualifies the noun
  after it. "HIV test sent": a test for the condition, still to come. "גלי חום": the
  Hebrew word for fever as a construct noun's complement is heat.
- "Painful shoulder since stroke", "post-stroke review": an event named only to date what is
  described is a time anchor.
- "Coeliac screen negative", "Hep B sAg positive": a test for a disease with its result
  says whether the patient has it (`test_result`), where a test's name alone is none.
"""

from __future__ import annotations

import re

from core.timeline.conditions.course import is_event
from core.timeline.conditions.phrase import procedure_named
from core.timeline.reading.places import SETTING_BEFORE
from core.timeline.resources import WORD_END

_E = WORD_END
# A word after the name that makes it a clinic's or a service's: "TB clinic", "HF nurse",
# "seizure service". Up to one qualifier between ("epilepsy surgery team" is a referral's).
_SETTING_AFTER = re.compile(
    rf"\s*(?:[-/]\s*)?(?:specialist\s+|liaison\s+|outpatient\s+)?(?:clinic|clinics|service|"
    rf"services|unit|nurse|nurses|team|centre|center|ward|pathway){_E}",
    re.IGNORECASE,
)
# A study's name, a colon or a spaced dash, and the negative word before the name.
_RESULT_NEGATIVE = re.compile(
    rf"([^,;:.\n]{{2,40}}?)\s*(?::|\s[-–—])\s*(?:no|nil|ללא|אין|לא נראה|לא נראית){_E}\s*"
    r"$",
    re.IGNORECASE,
)


def names_a_setting(body: str, start: int, end: int) -> bool:
    """Whether the name at `start:end` of `body` names the clinic, unit or service."""
    if _SETTING_AFTER.match(body, end):
        return True
    return bool(SETTING_BEFORE.search(body, max(0, start - 16), start))


def study_result(body: str, start: int) -> bool:
    """Whether the name at `start` is what a study named just before it did not show."""
    m = _RESULT_NEGATIVE.search(body, max(0, start - 60), start)
    return m is not None and procedure_named(m.group(1))


# "HIV test sent", "hepatitis serology requested": a test for the condition, still to come.
_TEST_ORDERED = re.compile(
    r"\s*(?:serology|antigen|pcr|swab|culture|screen|screening|test|testing|bloods)\s*[:\-]?\s*"
    r"(?:\([^()]{0,20}\)\s*)?(?:sent|requested|ordered|booked|arranged|taken|offered|declined|"
    r"planned|due|to be|pending|awaited)\b",
    re.IGNORECASE,
)


# "גלי חום" (hot flashes), "פרכוסי חום" (febrile seizures), "מכת חום" (heat stroke): the
# Hebrew word for fever as a construct noun's complement is heat, not the patient's fever.
_CONSTRUCT_BEFORE = re.compile(
    r"(?<![\w\u05d0-\u05ea])(?![ו]?(?:בלי|לפני|אחרי|מפני|כדי|עדיי?ן|כמעט|שלי)\s)"
    r"(?:[\u05d0-\u05ea]{2,}י|[בו]?מכת)\s+(?:ה)?$"
)


def _heat_not_fever(body: str, start: int, end: int, name: str) -> bool:
    word = body[start:end]
    return (
        name == "fever"
        and word.endswith("חום")
        and bool(_CONSTRUCT_BEFORE.search(body, max(0, start - 20), start))
    )


# "Painful shoulder since stroke", "6 week post-stroke review", "Post-stroke depression": an
# event named only to date what is described is a time anchor, not this visit's diagnosis.
_ANCHOR_BEFORE = re.compile(
    r"(?:(?<![\w-])since\s+(?:the\s+|his\s+|her\s+)?|(?<![\w-])post-)$", re.IGNORECASE
)


def _time_anchor(body: str, start: int, name: str) -> bool:
    return is_event(name) and bool(_ANCHOR_BEFORE.search(body, max(0, start - 12), start))


def no_condition_here(body: str, start: int, end: int, name: str) -> bool:
    """A setting's name, a study's negative result, an adjective of another noun, or a test
    for the condition that is ordered or awaited."""
    return (
        names_a_setting(body, start, end)
        or study_result(body, start)
        or qualifies_a_noun(body, start, end, name)
        or bool(_TEST_ORDERED.match(body, end))
        or _heat_not_fever(body, start, end, name)
        or _time_anchor(body, start, name)
    )


# "Diabetic foot screen", "febrile convulsion", "hemiplegic shoulder pain": a condition's
# adjective before a noun qualifies that noun's phrase, which is a condition (or a test) of
# its own; "diabetic patient", "febrile, unwell" and "asthmatic since 5" still name it.
_ADJECTIVE = re.compile(r"[a-z]{4,}(?:ic|ile|ive|al)$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:patient|pt|man|woman|male|female|child|boy|girl|lady|gentleman|adult|person|"
    r"and|or|but|with|on|since|for|in|at|to|of|from|now|today|again|still|episode|episodes|"
    r"illness|and|is|was|has|had|but|controlled|uncontrolled|known)\b)[a-z]{3,}\b"
)


def qualifies_a_noun(body: str, start: int, end: int, name: str) -> bool:
    """Whether the condition at `start:end` is written as an adjective of a noun after it."""
    word = body[start:end]
    if " " in word or word.casefold() == name or not _ADJECTIVE.match(word.casefold()):
        return False
    return bool(_NOUN_AFTER.match(body, end))


# "Syphilis serology negative", "coeliac screen negative", "Hep B sAg positive": a test for
# an infection or a disease, with its result, says whether the patient has it. An antibody
# says only immunity ("Hep B surface antibody"), and a questionnaire's screen is a score.
_TEST_RESULT = re.compile(
    r"\s*(?:surface\s+)?(?:serology|sag|hbsag|antigen|ag|pcr|naat|swab|culture|screen|test|"
    r"rdt|smear)\s*[:\-]?\s*(?:(?P<pos>positive|pos|\+ve|\+|detected)|(?P<neg>negative|neg|"
    r"-ve|not detected|undetectable))(?![\w+])",
    re.IGNORECASE,
)
_SCORED = frozenset({"depression", "anxiety", "postpartum depression", "alcohol use disorder"})


def test_result(body: str, end: int, name: str) -> str | None:
    """ "present" or "negated" where a test's result follows the condition at `end`."""
    m = _TEST_RESULT.match(body, end)
    if m is None or name in _SCORED:
        return None
    return "present" if m.group("pos") else "negated"
