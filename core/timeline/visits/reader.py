"""The visit's type, from the subjective's first phrase that names one (moved out of
`core.timeline.conditions.reader`), and from how the opener is written.

A named type ("Follow-up visit", "Telehealth consult") counts wherever the subjective has it
first. The opener, its first line past a heading, says more by its shape: a first encounter
is "new" with what is new ("New pt", "New referral: ...", "New ... meeting"), a booking, a
"pre-X" assessment or consultation ("Pre-employment assessment", "Pre-travel
consultation"), or a first consultation in Hebrew ("ייעוץ ראשון", "בדיקה טרום העסקה"); a
known patient seen again or seen for a review is a follow-up ("Seen in the health room -
known asthma", "Seen for 6-week review"). These
count only in the opener: "new" and "known" later in a subjective are the history's
("known essential hypertension" alone opens no visit)."""

from __future__ import annotations

import re

from core.timeline.reading.negation import E, W
from core.timeline.types import Fact
from core.timeline.visits.series import series_visit

_VISITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"{W}(?:{words}){E}", re.IGNORECASE))
    for name, words in (
        (
            "telehealth",
            r"telehealth|tele-health|telemedicine|tele-?visit|tele-?consult\w*|telephonic|"
            r"(?:phone|telephone|video) (?:f/u|f/up|fu|follow[- ]?up)|"
            r"e-?visit|virtual|via (?:video|zoom|teams|phone|telephone)|by (?:video|phone|"
            r"telephone)|over the (?:phone|telephone)|on zoom|zoom|(?:video|phone|telephone|"
            r"remote) (?:visit|call|consult\w*|appointment|session|review|follow[- ]?up|check-?in)|"
            r"טלרפואה|ביקור מרחוק|ייעוץ מרחוק|מפגש מרחוק|שיחת וידאו|שיחת וידיאו|בוידאו|בווידאו|"
            r"(?:מעקב|בירור) (?:טלפוני|בטלפון|בוידאו|בווידאו)|טלפוני|"
            r"ביקור טלפוני|שיחה טלפונית|שיחת טלפון|מפגש טלפוני|מפגש וידאו|ייעוץ טלפוני|טלפונית|"
            r"בזום|זום|מפגש מקוון|פגישה מקוונת|ביקור וירטואלי|ברפואה מרחוק|רפואה מרחוק",
        ),
        (
            "initial",
            r"initial (?:assessment|visit|consult\w*|evaluation|appointment|session|review|"
            r"encounter|interview|meeting)|new patient|new client|first (?:visit|appointment|"
            r"session|consult\w*|meeting|encounter|assessment)|(?<!at )(?<!since )intake|"
            r"establish(?:ing)? care|first presentation|פנייה ראשונה|פניה ראשונה|"
            r"new to (?:clinic|practice|the clinic|the practice)|הערכה ראשונית|ביקור ראשון|"
            r"ביקור ראשוני|מפגש ראשון|מפגש ראשוני|פגישה ראשונה|פגישה ראשונית|קבלה ראשונית|"
            r"פגישת היכרות|מפגש היכרות|ביקור היכרות|פגישת אינטייק|אינטייק|מטופל חדש|מטופלת חדשה",
        ),
        (
            "follow-up",
            r"follow[- ]?up|f/u|f/up|f-up|(?-i:FU)|review visit|return visit|re-?assessment|"
            r"re-?visit|review (?:appt|appointment|consult\w*)|ביקור מעקב|מפגש מעקב|ביקורת|מעקב|"
            r"למעקב|ביקור חוזר|מפגש חוזר|פגישת מעקב|"
            r"פגישת המשך|מפגש המשך|ביקור המשך",
        ),
    )
)


_OPENER: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"{W}(?:{words}){E}", re.IGNORECASE))
    for name, words in (
        (
            "initial",
            r"new (?:pt|patient|client|referral|consult\w*|presentation)|"
            # "New school health plan meeting"; not "new symptoms since last review".
            r"new (?:(?!(?:since|last|previous|prior|after|at|from|for|of|in|on|to|the|her|"
            r"his|their|and|or|with)\b)[\w-]+ ){1,3}?"
            r"(?:meeting|visit|appointment|consult\w*|assessment|review|session)|"
            r"(?:antenatal|obstetric|maternity|pregnancy|midwife) booking|"
            r"booking (?:visit|appointment|consultation)|"
            # "Pre-travel", "pre-op": the hyphen, not "prenatal" or "preventive".
            r"(?:pre-[a-z]+|preop|preoperative) (?:assessment|consult\w*|medical|evaluation|"
            r"visit|screening|check)|"
            r"(?:ייעוץ|יעוץ|בדיקה|הערכה|מפגש|פגישה|ביקור) (?:ראשון|ראשונה|ראשוני|ראשונית)|"
            r"(?:ייעוץ|יעוץ|בדיקה|בדיקת|הערכה|ביקור) טרום|"
            # Round 6: the first of its kind ("1st appt", "First epilepsy clinic", "First
            # review in unit"), a new attender, an assessment before an operation, and a
            # visit nobody booked ahead ("Walk-in appointment", "Urgent appt").
            r"(?:first|1st) (?:[\w/-]+ ){0,2}?(?:clinic|appt|appointment|visit|review|"
            r"consult\w*|assessment|session|attendance|meeting)|"
            r"new attend\w*|pre-?assessment|"
            r"(?:emergency|urgent|walk-?in|same[- ]day|unscheduled) (?:appt|appointment|visit|"
            r"attendance|consult\w*)",
        ),
        (
            "telehealth",
            # Round 6: a phone or video contact by its kind ("Telephone clinic", "Phone
            # results call", "Video DOT check", "Telephone pre-assessment").
            r"(?:phone|telephone|video|virtual|zoom) (?:[\w/-]+ ){0,2}?(?:call|clinic|"
            r"check\w*|review|consult\w*|pre-?assessment|assessment|appt|appointment|visit|"
            r"session|f/u|follow[- ]?up)",
        ),
        (
            "follow-up",
            r"(?:seen|visited|reviewed|attends|attended|home visit)\b[^.\n]{0,40}?"
            r"(?<!no )\bknown|known (?:pt|patient|client) (?:of|to)|seen again|"
            r"(?:seen|here|attends|attending|came|comes|returns) for (?:an? |her |his |the )?"
            r"(?:[\w-]+ ){0,2}?review|"
            # Round 6: one visit of a series ("Weekly weigh-in", "Re-attendance for wound
            # check", "ביקור חודשי", "Post-transplant clinic").
            r"weigh-?in|re-?attend\w*|post-[a-z]+ (?:clinic|check|visit)|"
            r"(?:ביקור|מפגש|פגישה|בדיקה) (?:חודשי|חודשית|שבועי|שבועית|שנתי|שנתית|תקופתי|"
            r"תקופתית|רבעוני|שגרתי|שגרתית)",
        ),
    )
)
# Round 6: a review named in the opener's first phrase ("HF nurse review.", "Review 1 week
# post extraction", "Month 2 review on X", "Hx: 3 month HRT review") is a follow-up; not a
# review of systems, one planned ("to review", "next review") or one past ("since last
# review").
_REVIEW_FIRST = re.compile(
    r"^(?:[^\n:]{0,12}:\s*)?(?:(?!\b(?:since|last|previous|prior|earlier|next|to)\b)"
    r"[^.;,:\n]){0,40}?\breview(?:ed)?\b(?!\s+of\b)",
    re.IGNORECASE,
)
# A heading line ("אנמנזה:", "HPI:", "סיבת הפנייה:") is no opener; the line after it is.
_HEADING_LINE = re.compile(r"^\s*[^\n:]{0,25}:\s*$")


def _opener(text: str) -> tuple[int, str]:
    """(offset, words) of the subjective's opener: its first line past a heading, up to a
    dictated run-on's "...")."""
    at = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and not _HEADING_LINE.match(line):
            return at, line.split("...")[0]
        at += len(line)
    return 0, ""


def read_visit(text: str, field: str) -> list[Fact]:
    """The visit's type, from the first phrase of the subjective that names one ("Follow-up
    visit.", "Telehealth consult"). The plan's "f/u in 2 weeks" is the next visit's."""
    if field != "subjective":
        return []
    best: tuple[int, int, str] | None = None
    for name, pattern in _VISITS:
        m = pattern.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), name)
    at, opener = _opener(text)
    for name, pattern in _OPENER:
        m = pattern.search(opener)
        if m is not None and (best is None or at + m.start() < best[0]):
            best = (at + m.start(), at + m.end(), name)
    review = _REVIEW_FIRST.match(opener)
    if review is not None:
        # The word "review" or "reviewed" itself, the match's last word.
        start = at + review.end() - len(re.split(r"\W", review.group(0))[-1])
        if best is None or start < best[0]:
            best = (start, at + review.end(), "follow-up")
    series = series_visit(opener)
    if series is not None and (best is None or at + series[0] < best[0]):
        best = (at + series[0], at + series[1], series[2])
    if best is None:
        return []
    a, b, name = best
    return [Fact("visit", name, a, b, text[a:b])]
