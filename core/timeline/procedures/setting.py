"""Where a procedure's name names the visit's setting, a finding's source, the operation the
visit prepares for or an act of the past, rather than an act of this visit. Each is said by
the words around the name, so each holds for a procedure no list knows as for one it does:

- A setting: "Monthly dialysis review", "pacemaker clinic", "ביחידת הדיאליזה", and a
  treatment the patient is on ("no chest pain on dialysis"): the visit or the symptom is
  placed by it; nothing is done at this visit.
- A finding's source, in any field: "AF excluded on 72 h Holter", "new AF picked up on
  ECG", "התגלה בהולטר", "לפי DEXA", and the evidence in brackets after an exclusion
  ("TB excluded (CXR normal)"); round 4 and 5 read this only in the assessment and the
  examination.
- What the visit prepares for: "Pre-op assessment for elective R TKR", "לקראת ניתוח
  להחלפת מפרק ירך"; the operation is still to come, as a referral's reason is.
- An act of the past in a clause that opens with "post" or "after" ("5/52 post NSTEMI
  treated with PCI", "חודש לאחר אוטם וצנתור"): it dates the visit, as "s/p" does.
"""

from __future__ import annotations

import re

from core.timeline.reading.places import SETTING_BEFORE
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
_SETTING_AFTER = re.compile(
    rf"\s*(?:review|reviews|clinic|clinics|unit|session|sessions|nurse|nurses|team|"
    rf"programme|program|centre|center){_E}",
    re.IGNORECASE,
)
_ON_BEFORE = re.compile(rf"{_W}(?:on|during)\s+(?:the\s+)?$", re.IGNORECASE)
_SOURCE_BEFORE = re.compile(
    rf"{_W}(?:seen|shown|noted|found|picked up|detected|confirmed|excluded|ruled out|"
    r"diagnosed|demonstrated|visible|evident|identified)\s+(?:on|by|at|with|in)\s+"
    rf"(?:[\w/-]+\s+){{0,3}}$|{_W}(?:התגלה|התגלתה|התגלו|הודגם|הודגמה|הודגמו|נמצא|נמצאה|"
    rf"אובחן|אובחנה|נשלל|נשללה|נראה|נראתה)\s+ב-?$|{_W}(?:לפי|according to|as per)\s+$|"
    rf"{_W}(?:excluded|ruled out|confirmed|נשלל|נשללה)\s*\(\s*$",
    re.IGNORECASE,
)
_PREPARES_FOR = re.compile(
    rf"{_W}(?:assessment|pre-?op|pre-?operative|pre-?assessment|work-?up|preparation)\s+"
    r"for\s+(?:(?:elective|planned|an?|the|his|her|[RL]|left|right|"
    rf"bilateral|urgent|day-?case)\s+){{0,3}}$|{_W}לקראת\s+(?:ניתוח\s+)?(?:ל|ה)?-?$",
    re.IGNORECASE,
)
_AFTER_OPENS = re.compile(
    rf"{_W}(?:post|s/p|status post|following|לאחר|אחרי){_E}(?P<rest>[^,;.\n]*)$",
    re.IGNORECASE,
)


def no_act_in_setting(body: str, start: int, end: int, field: str) -> bool:
    """Whether the procedure at `start:end` of the sentence `body` names a setting, a
    finding's source, what the visit prepares for, or an act of the past (above)."""
    before = body[max(0, start - 60) : start]
    if _SETTING_AFTER.match(body, end) or SETTING_BEFORE.search(before[-16:]):
        return True
    if _ON_BEFORE.search(before) or _SOURCE_BEFORE.search(before):
        return True
    if _PREPARES_FOR.search(before):
        return True
    past = _AFTER_OPENS.search(before)
    return field != "plan" and past is not None and len(past.group("rest").split()) <= 8
