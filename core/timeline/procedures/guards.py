"""More ways a procedure's name is written with no act of this visit (docs/timeline.md, "No
act of the visit"). Each is said by the words around the name, not by
the name, so each holds for a test no list knows as for one it does:

- A time anchor for something else ("paracetamol before dressing changes", "stopped the
  antihistamine ahead of skin testing", "לקראת תבחיני עור"): the procedure sets when the
  other thing happens; it is not done now.
- A device's state ("cast intact", "גבס תקין", "catheter in situ"): the device was put on
  before; its state is an examination finding. A test's normal result ("hearing test
  normal") stays an act: only devices have a state.
- Results talked of ("results of bloods", "תוצאות בדיקות דם"), a suitability work-up
  ("assessment for bariatric surgery", "בירור התאמה לניתוח בריאטרי"), and a study done
  elsewhere ("ED x-ray negative", "outside MRI"): the act is another's or still a question.
- Due a month or more away ("flu vaccine day next month", "חיסון שפעת בחודש הבא").
- In the examination, the study a finding is seen on ("stenosis on duplex"), as in the
  assessment: the finding is read, the study is its source.
"""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
_ANCHOR_BEFORE = re.compile(
    rf"{_W}(?:before|prior to|ahead of|in preparation for|pre|לפני|לקראת)[\s-]+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|next\s+)?(?:ה)?$",
    re.IGNORECASE,
)
_DEVICES = frozenset(
    {
        *("cast", "splinting", "sling", "brace fitting", "wound dressing", "port insertion"),
        *("urinary catheterisation", "pacemaker insertion", "iud insertion", "taping"),
    }
)
_DEVICE_STATE_AFTER = re.compile(
    r"^\s*(?:(?:is|was|remains)\s+)?(?:intact|in situ|in place|in good condition|"
    rf"clean and dry|dry and intact|well fitting|תקין|תקינה|שלם|שלמה|במקומו|במקום){_E}",
    re.IGNORECASE,
)
_ABOUT_BEFORE = re.compile(
    rf"{_W}(?:results? of|result from|report of|suitability for|candidacy for|work-?up for|"
    r"assessment for|eligibility for|תוצאות|תוצאת|התאמה ל|בירור התאמה ל|הערכה ל|מועמדות ל)"
    r"\s*(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:ה)?$",
    re.IGNORECASE,
)
# "results of core biopsy", "results of his knee MRI": a qualifying word or two may stand
# between the cue and the study's name (round 7); "review of MRI result" says it after.
_RESULTS_OF_BEFORE = re.compile(
    rf"{_W}(?:results? of|result from|report of|תוצאות|תוצאת)\s+(?:the\s+|his\s+|her\s+)?"
    rf"(?:[A-Za-z][\w-]*\s+){{1,2}}$",
    re.IGNORECASE,
)
_RESULT_AFTER = re.compile(rf"^\s*(?:results?|report){_E}", re.IGNORECASE)
_ELSEWHERE_BEFORE = re.compile(
    rf"{_W}(?:ed|a&e|er|outside|external|private|hospital|מיון|חיצוני)\s*$", re.IGNORECASE
)
# "MRI brain from 3/2025", "MRI מוח מ-3/2025": a study with a date of its own is an earlier
# one whose result is talked of (round 7).
_DATED_AFTER = re.compile(
    r"^(?:\s+[\w\u05d0-\u05ea-]+){0,2}?\s+(?:from|dated|of|מ-?|מתאריך)\s*\d{1,2}[/.]\d{2,4}",
    re.IGNORECASE,
)
# In the plan, "after the CT" sets when another act is done.
_AFTER_BEFORE = re.compile(
    rf"{_W}(?:after|following|אחרי|לאחר)[\s-]+(?:the\s+|his\s+|her\s+)?(?:ה-?)?$",
    re.IGNORECASE,
)
_FAR_LATER_AFTER = re.compile(
    r"^(?:\s+[\w-]+)?\s+(?:next (?:month|year|season|winter|autumn)|in the autumn|"
    rf"בחודש הבא|בשנה הבאה|בחורף|בסתיו){_E}",
    re.IGNORECASE,
)
_SEEN_ON_BEFORE = re.compile(
    rf"{_W}(?:seen on|shown on|on|per|as per|noted on|demonstrated on)\s+$", re.IGNORECASE
)
# "stenosis on duplex" follows a finding: a word, not a heading or a list's start.
_FINDING_BEFORE = re.compile(rf"[\w{HEB}%)]\s+(?:seen |shown |noted |demonstrated )?on\s+$")


def no_act_here(name: str, body: str, start: int, end: int, field: str) -> bool:
    """Whether the procedure `name` written at `start:end` of the sentence `body` of `field`
    is an anchor of time, a device's state, a result talked of (before or after it), a
    suitability work-up, a study done elsewhere, one due a month or more away, or the source
    of a finding."""
    before, after = body[max(0, start - 40) : start], body[end:]
    if field == "objective" and _SEEN_ON_BEFORE.search(before) and _FINDING_BEFORE.search(before):
        return True
    return bool(
        _ANCHOR_BEFORE.search(before)
        or (name in _DEVICES and _DEVICE_STATE_AFTER.match(after))
        or _ABOUT_BEFORE.search(before)
        or _RESULTS_OF_BEFORE.search(before)
        or _RESULT_AFTER.match(after)
        or _ELSEWHERE_BEFORE.search(before)
        or _FAR_LATER_AFTER.match(after)
        or _DATED_AFTER.match(after)
        or (field == "plan" and _AFTER_BEFORE.search(before))
    )


# "Needs repeat of omeprazole - sent to GP": what is sent is a request or a paper.
_PAPER_BEFORE = re.compile(
    rf"{_W}(?:repeat|repeats|prescription|prescriptions|script|scripts|rx|form|forms|results?|"
    rf"copy|sick note|certificate|מרשם|מרשמים|טופס|טפסים|תוצאות|אישור){_E}[^.;\n]*$",
    re.IGNORECASE,
)
_SENT = re.compile(r"^(?:sent|send|נשלח|נשלחה|נשלחו|ישלח|יישלח|תישלח)", re.IGNORECASE)
_FOR_GAP = re.compile(r"^\s+(?:for|re:?|regarding|about)\s+[^.;,\n]*$", re.IGNORECASE)


def paper_sent(body: str, start: int, word: str) -> bool:
    """Whether the referral word `word` at `start` of `body` is "sent" said of a request, a
    prescription or a form rather than of the patient."""
    return bool(_SENT.match(word.strip())) and bool(_PAPER_BEFORE.search(body[:start]))


def what_a_referral_is_for(body: str, start: int, referrals: list[tuple[int, int]]) -> bool:
    """Whether a specialty's name at `start` ("Refer orthopaedics for bunion surgery
    opinion") is in what an earlier referral of its clause is for."""
    return any(b <= start and _FOR_GAP.match(body[b:start]) for _, b in referrals)
