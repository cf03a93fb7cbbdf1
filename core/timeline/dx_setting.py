"""Where a condition's name names a setting or a study's result rather than the patient's
condition (issue 27, round 6).

- "Epilepsy clinic follow-up", "HF nurse review", "ביקור במרפאת אי ספיקת לב", "ביחידת
  הדיאליזה": a condition (or a treatment) that names a clinic, a service, a unit or its
  nurse says where the visit is, not what the patient has today; what the patient has is
  written elsewhere in the note, as itself.
- "X-ray L ankle: no fracture", "צילום כף יד - ללא שבר": a condition a study did not show is
  the study's result, as "CXR: no consolidation" already is for a phrase read by its place.
"""

from __future__ import annotations

import re

from core.timeline.dx_phrase import procedure_named
from core.timeline.text import HEB

_E = rf"(?![\w{HEB}])"
# A word after the name that makes it a clinic's or a service's: "TB clinic", "HF nurse",
# "seizure service". Up to one qualifier between ("epilepsy surgery team" is a referral's).
_SETTING_AFTER = re.compile(
    rf"\s*(?:[-/]\s*)?(?:specialist\s+|liaison\s+|outpatient\s+)?(?:clinic|clinics|service|"
    rf"services|unit|nurse|nurses|team|centre|center|ward|pathway){_E}",
    re.IGNORECASE,
)
# Hebrew writes the setting before the name: "במרפאת X", "ביחידת ה-X", "מכון ל-X".
SETTING_BEFORE = re.compile(
    r"(?:[בל]?מרפאת|[בל]?יחידת|[בל]?מחלקת|[בל]?מכון\s+ל|[בל]?מרפאה\s+ל|[בל]?מרפאות|"
    r"אחות|אחות\s+ל)\s*-?\s*(?:ה-?)?\s*$"
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


def no_condition_here(body: str, start: int, end: int) -> bool:
    """A setting's name or a study's negative result (the two guards above)."""
    return names_a_setting(body, start, end) or study_result(body, start)
