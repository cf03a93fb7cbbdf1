"""What the words around a condition's name say it is, beyond the name.

Each rule reads a shape of the sentence, never a clinic's words, and each names what the
same place also holds:

- An abbreviation that is the complement of a joint ("מפרק SI", "SI joint") names the
  joint, not the condition the letters also stand for.
- An eponymous sign with its result ("Dix-Hallpike positive", "Hoffmann's positive") is an
  examination's test; a condition named after a person ("Raynaud's") has no result after it.
- In the plan, the reason an order or a referral is made ("US requested because of the
  bleeding", "referral to psychiatry - severe anxiety", "CBT for social anxiety" in Hebrew's
  "ל-") is what the assessment diagnoses, as "for" and "re" already were; a reason a
  medicine is changed for ("Switch X to Y - ankle swelling") is still a finding.
- A condition as the subject of information given ("tinnitus leaflet") is the leaflet's.
- The illness a past admission was for ("ICU admission 02/2025 for influenza",
  "אושפז בשל אלח דם לפני 4 חודשים") is over when it is an event, as "h/o" makes it.
- A qualified name ("CF-related diabetes", "steroid-induced diabetes", "סוכרת הקשורה ל-CF")
  is a condition of its own, named by the words written, not the lexicon's bare one.
"""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
_ABBREVIATION = re.compile(r"[A-Z]{2,3}")
_JOINT_BEFORE = re.compile(
    rf"(?<![\w{HEB}])[בלמוה]?(?:מפרק|מפרקי)\s*$|{_W}(?:joint of|joints of)\s*$", re.IGNORECASE
)
_JOINT_AFTER = re.compile(rf"^\s*(?:joint|joints|מפרק){_E}", re.IGNORECASE)
_EPONYM = re.compile(r"[A-Z][a-z]+(?:['’]s)?(?:-[A-Z][a-z]+(?:['’]s)?)*")
_RESULT_AFTER = re.compile(
    r"^\s*(?:(?:sign|test|manoeuvre|maneuver)\s+)?(?:(?:is|was)\s+)?"
    rf"(?:positive|negative|\+ve|-ve|\+|חיובי|שלילי){_E}",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[.;\n]")
_ORDER_WORD = re.compile(
    rf"{_W}(?:refer|referred|referral|letter to|wrote to|requested|request|booked|book|"
    r"arranged|arrange|ordered|"
    r"order|sent|הוזמן|הוזמנה|הוזמנו|להזמין|לתאם|הפניה|הפנייה|הופנה|הופנתה|להפנות|טיפול|CBT"
    rf"){_E}",
    re.IGNORECASE,
)
_REASON_BEFORE = re.compile(
    rf"{_W}(?:because of|due to|in view of|בשל|עקב|בגלל|לאור)\s*(?:the\s+|ה)?$", re.IGNORECASE
)
_TREATED_IN_BEFORE = re.compile(rf"{_W}ל?טיפול\s+ב-?$")
_TREATMENT_FOR_BEFORE = re.compile(rf"{_W}(?:טיפול|הפניה|הפנייה)(?:\s+[^\s.;]+){{0,2}}\s+ל$")
_SPACED_DASH = re.compile(r"\s[-–—]\s")
_SHORT_REASON = re.compile(rf"^(?:[\w{HEB}'-]+\s+){{0,3}}$")
_INFORMATION_AFTER = re.compile(
    rf"^\s*(?:leaflets?|information|info|handouts?|booklets?|education|resources|עלון|דף מידע){_E}",
    re.IGNORECASE,
)


# "epilepsy (last seizure 2021)": the bracket dates the named condition's last episode.
_LAST_IN_BRACKETS = re.compile(r"\(\s*(?:last|latest|most recent)\s+$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^\s*(?:in\s+|ב-?)?(?:19|20)\d\d(?!\d)")


# "hernia on coughing": the act that brings a sign out, not a complaint.
_MANOEUVRE_BEFORE = re.compile(r"(?<![\w-])(?:on|during|when)\s+$", re.IGNORECASE)


def dated_in_background(after: str, field: str) -> bool:
    """Whether a name of the medical history field has its year right after it
    ("Pneumothorax 2019"): the field is the background, so its status is the background's."""
    return field == "medical_history" and bool(_YEAR_AFTER.match(after))


def _clause_before(body: str, start: int) -> str:
    head = body[:start]
    ends = [m.end() for m in _CLAUSE_START.finditer(head)]
    return head[ends[-1] if ends else 0 :]


def _plan_reason(body: str, start: int) -> bool:
    clause = _clause_before(body, start)
    if _TREATED_IN_BEFORE.search(clause) or _TREATMENT_FOR_BEFORE.search(clause):
        return True
    if _REASON_BEFORE.search(clause) and _ORDER_WORD.search(clause):
        return True
    dashes = list(_SPACED_DASH.finditer(clause))
    if not dashes:
        return False
    left, right = clause[: dashes[-1].start()], clause[dashes[-1].end() :]
    # Only the words of the reason's own list before the name ("weight loss and smoker").
    right = re.sub(r"(?:,|\band\b|\s+ו)", " ", right)
    return bool(_ORDER_WORD.search(left)) and bool(_SHORT_REASON.match(right))


def not_this_condition(body: str, start: int, end: int, field: str) -> bool:
    """Whether the name written at `start:end` of `body` is a joint's, a sign's test, the
    reason of an order in the plan, or the subject of information given."""
    written, before, after = body[start:end], body[max(0, start - 20) : start], body[end:]
    if _ABBREVIATION.fullmatch(written) and (
        _JOINT_BEFORE.search(before) or _JOINT_AFTER.match(after)
    ):
        return True
    if (
        _EPONYM.fullmatch(written)
        and ("-" in written or "'" in written or "’" in written)
        and _RESULT_AFTER.match(after)
    ):
        return True
    if _INFORMATION_AFTER.match(after) or _LAST_IN_BRACKETS.search(before):
        return True
    if written.lower().endswith("ing") and _MANOEUVRE_BEFORE.search(before):
        return True
    return field == "plan" and _plan_reason(body, start)


_ADMISSION = re.compile(
    rf"{_W}(?:admitted|admission|admissions|icu stay|hospitali[sz]ed|hospitali[sz]ation|"
    rf"אושפז|אושפזה|אשפוז){_E}[^.;\n]{{0,40}}?"
    rf"(?:for|with|due to|because of|secondary to|:|בשל|עקב|עם)\s",
    re.IGNORECASE,
)
_PAST_TIME = re.compile(
    rf"{_W}(?:(?:19|20)\d\d|\d{{1,2}}/\d{{4}}|ago|after|last (?:year|month|week)|"
    rf"לפני\s+\d+|לפני\s+(?:שנה|חודש|שבוע|שנתיים|חודשיים|שבועיים)){_E}",
    re.IGNORECASE,
)


def past_admission(body: str, start: int) -> bool:
    """Whether the name at `start` of `body` is the illness a past admission of its clause
    was for (its status is then the background one: an event's is history)."""
    clause = _clause_before(body, start)
    return bool(_ADMISSION.search(clause[-80:])) and bool(_PAST_TIME.search(body))


_QUALIFIER_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][\w]*-(?:related|induced|associated))\s+$")
_QUALIFIER_AFTER = re.compile(
    rf"^\s+(ה?(?:קשורה|קשור|מושרית|מושרה|משנית|משני)\s+ל-?[\w{HEB}-]+)", re.IGNORECASE
)


def qualified_name(body: str, start: int, end: int, name: str) -> str:
    """The name, or the written qualified one ("cf-related diabetes")."""
    written = body[start:end]
    m = _QUALIFIER_BEFORE.search(body[max(0, start - 30) : start])
    if m:
        return f"{m.group(1)} {written}".lower()
    m = _QUALIFIER_AFTER.match(body[end:])
    if m:
        return f"{written} {m.group(1)}".lower()
    return name
