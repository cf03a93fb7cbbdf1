"""Where a procedure's name is written but no procedure was done or ordered at this visit, in
ways the clinics' notes showed (docs/timeline.md, "No act of the visit"):

- The patient's history: a procedure or a referral in the medical history field or under
  a background heading ("PMH: MI 2017, stents x2", "רקע: ... כריתה חלקית והקרנות")
  happened before the visit, whoever did it; a fact is dated by its note, so it would
  stand as this visit's act. A word of today in its sentence ("injected today") keeps it.
  The subjective is not history as a whole: "knee injection performed" there is read.
- The cause or setting of a condition ("neutropenia on a background of chemotherapy",
  "DVT during chemo", "post-chemo fatigue"): a past treatment named to explain a finding.
- An adjective of a diagnosis ("biopsy-proven BCC", "CT-confirmed stone").
- An old study a finding is compared with ("stable vs 2023 CT", "לעומת CT קודם").
- In the assessment, the study a finding is read from ("Kidney stone on CT KUB").
- A state of the record rather than an act ("Vaccines up to date", "חיסונים מעודכנים").
"""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
_TOLD_FIELDS = frozenset({"medical_history"})
_TODAY = re.compile(
    rf"{_W}(?:today|this visit|this morning|in clinic|היום|בביקור זה|במרפאה){_E}", re.IGNORECASE
)
_CAUSE_BEFORE = re.compile(
    rf"{_W}(?:on a background of|background of|secondary to|due to|related to|following|"
    r"after|post|during|s/p|status post|induced by|caused by|על רקע|בעקבות|לאחר|אחרי|בזמן|"
    r"במהלך|כתוצאה מ|משני ל)[\s-]*(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:ה)?$",
    re.IGNORECASE,
)
_ADJECTIVE_AFTER = re.compile(
    r"^[\s-]*(?:proven|confirmed|proved|guided)(?![\w])",
    re.IGNORECASE,
)
_COMPARED_BEFORE = re.compile(
    rf"{_W}(?:vs\.?|versus|compared (?:with|to)|cf\.?|since|unchanged from|stable from|"
    r"than|from|לעומת|בהשוואה ל|ביחס ל|מאז)\s+(?:the\s+|a\s+|an\s+)?(?:(?:19|20)\d\d\s+|"
    r"(?:previous|prior|last|old|earlier|baseline)\s+|(?:[\d/.]+\s+))*(?:ה)?$",
    re.IGNORECASE,
)
# "Kidney stone on CT KUB", "effusion seen on US": in the assessment, the study a finding
# was read from, cited as its source (often a report from elsewhere), not the visit's act.
_SOURCE_BEFORE = re.compile(
    rf"{_W}(?:on|per|as per|seen on|shown on|noted on|according to|confirmed on)\s+$"
    # Hebrew writes "on" as a letter joined to the study: "ללא עדות לחזרה ב-CT" (round 7).
    rf"|[\w{HEB}]\s+ב-?(?:ה)?$",
    re.IGNORECASE,
)
_STATE_AFTER = re.compile(
    r"^\s*(?:(?:are|is|were)\s+)?(?:up to date|up-to-date|utd|current|complete|"
    rf"מעודכנים|מעודכן|בתוקף|מלאים)(?![\w{HEB}])",
    re.IGNORECASE,
)


def told_not_done(body: str, field: str, in_history_section: bool) -> bool:
    """Whether a procedure or referral in the sentence `body` of `field` is the patient's
    history rather than this visit's act."""
    if not (field in _TOLD_FIELDS or in_history_section):
        return False
    return _TODAY.search(body) is None


def not_an_act(body: str, start: int, end: int, field: str) -> bool:
    """Whether the procedure named at `start:end` of `body` is a cause, an adjective, an
    old study compared with, a finding's source in the assessment or a state of the record
    rather than an act."""
    before, after = body[max(0, start - 40) : start], body[end:]
    if field == "assessment" and _SOURCE_BEFORE.search(before):
        return True
    return bool(
        _CAUSE_BEFORE.search(before)
        or _ADJECTIVE_AFTER.match(after)
        or _COMPARED_BEFORE.search(before)
        or _STATE_AFTER.match(after)
    )
