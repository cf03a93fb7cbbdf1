"""Where a procedure's or a referral's name is no act of this visit, in ways the first reading
(`core.timeline.conditions.reader`, `core.timeline.procedures.orders`) did not know.

- A referral or a procedure that waits on a condition ("Refer hand surgeon if symptoms
  persist after 6 weeks of splinting", "Refer gynaecology if US shows fibroids") is only
  planned for a case that may not come (docs/timeline.md: a plan that waits on a
  condition is no fact).
- What a referral is for ("Letter to GP re: nerve conduction studies", "Refer to psychology
  for CBT", "הפניה לפסיכולוג לטיפול CBT", "Baseline eye exam - ophthalmology referral") is
  the referral's reason: the other clinic does it, not this visit.
- An operation given with its year or as long ago ("ACL reconstruction R knee 2015", "ORIF
  3 months ago") or listed under a surgical history ("PSH: cataract surgery") is the
  patient's past, not this visit's act: a fact is dated by its note.
- A home exercise programme in the plan ("nerve gliding HEP", "תרגילי בית") is what the
  patient is to do at home, not an act of the visit, unless a word of the deed says it was
  taught or given.
- A screening test written with its score ("MMSE 21/30", "MoCA 24/30") is a result, as a
  PHQ-9 score is; the timeline keeps no procedure for it.
"""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
_IF_AFTER = re.compile(
    rf"^[^.;\n]{{0,12}}?{_W}(?:if|unless|should|אם|במידה ו|במידה ש){_E}", re.IGNORECASE
)
_IF_BEFORE = re.compile(rf"{_W}(?:if|unless|אם|במידה ו|במידה ש){_E}[^.;\n]*$", re.IGNORECASE)
_REASON_GAP = re.compile(
    r"^\s*(?:[-–:]\s*)?(?:re:?|regarding|about|for|to|ל|לטיפול|לבירור|לשם|לצורך|עבור)?"
    r"(?:\s+(?:an?|the|further|possible|ב))?\s*$|"
    # "Refer vascular re venous ablation": a few words of the reason before its name.
    r"^\s*(?:[-–:]\s*)?(?:re:?|regarding|about|for)\s+(?:[a-z][\w-]*\s+){1,3}$",
    re.IGNORECASE,
)
_BEFORE_REFERRAL = re.compile(r"^\s*[-–:]\s*$")
_PAST = re.compile(
    rf"^(?:[\s,(]*[\w{HEB}'.]+){{0,4}}?[\s,(]*(?:(?:in|ב-?|בשנת)\s*)?(?:19|20)\d\d(?!\d)|"
    rf"^(?:[\s,(]*[\w{HEB}'.]+){{0,3}}?[\s,(]*\d+\s*(?:days?|weeks?|months?|years?)\s+ago{_E}|"
    rf"^(?:[\s,(]*[\w{HEB}'.]+){{0,3}}?[\s,(]*לפני\s+\d*\s*(?:ימים|שבועות|חודשים|שנים|שנה|חודש)",
    re.IGNORECASE,
)
_SURGERY_HEADING = re.compile(
    rf"{_W}(?:psh|pshx|past surgical history|surgical history|surgeries|operations|ניתוחים|"
    rf"ניתוחים בעבר|היסטוריה ניתוחית)\s*:[^.;\n]*$",
    re.IGNORECASE,
)
_SCORE = re.compile(r"^\s*[:=]?\s*\d{1,2}\s*/\s*30(?!\d)")
_SCORED_TESTS = frozenset({"cognitive assessment"})


def waits_on_condition(body: str, start: int, end: int) -> bool:
    """Whether the act at `start:end` of the sentence `body` is for a case ("if ...")."""
    return bool(_IF_AFTER.match(body[end:]) or _IF_BEFORE.search(body[:start]))


def referral_reason(body: str, start: int, end: int, referrals: list[tuple[int, int]]) -> bool:
    """Whether the procedure at `start:end` is what a referral beside it is for."""
    for a, b in referrals:
        if b <= start and _REASON_GAP.match(body[b:start]):
            return True
        if end <= a and _BEFORE_REFERRAL.match(body[end:a]):
            return True
    return False


def past_operation(body: str, start: int, end: int) -> bool:
    """Whether the procedure at `start:end` is dated in the past or listed as an operation
    of the patient's surgical history."""
    return bool(_PAST.match(body[end:]) or _SURGERY_HEADING.search(body[:start]))


def only_a_score(name: str, after: str) -> bool:
    """Whether the screening test `name` is written with its score ("MMSE 21/30")."""
    return name in _SCORED_TESTS and bool(_SCORE.match(after))


_HOME = re.compile(
    r"^(?:hep|home exercise program(?:me)?|home exercises|תרגילי בית)$", re.IGNORECASE
)


def home_advice(words: str, field: str, done_said: bool) -> bool:
    """Whether `words`, a procedure's name as written, is a home programme advised in the
    plan."""
    return field == "plan" and not done_said and bool(_HOME.match(words))
