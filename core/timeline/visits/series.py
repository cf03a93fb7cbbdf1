"""Which visit of a series the opener names: its number or ordinal, a
renewal, a results visit, and the nouns a visit goes by.

A visit's noun comes after its adjective in English ("Initial medical", "First X clinic")
and before it in Hebrew ("טיפול ראשון", "בדיקה חוזרת"), so both orders are read with one
list of nouns each. The number of a session tells its place: the first is initial, any
later one a follow-up ("Session 3 of 10", "Appt 2", "טיפול רביעי"). A renewal or
revalidation of a licence or certificate, a repeat examination, and a visit for the results
of an earlier test are follow-ups: each answers an earlier visit. These are read only in the
opener, like `core.timeline.visits.reader`' other shapes."""

from __future__ import annotations

import re

from core.timeline.reading.negation import E, W

# What an English opener calls the visit itself.
NOUN = (
    r"(?:assessment|visit|consult\w*|evaluation|appt|appointment|session|review|encounter|"
    r"interview|meeting|medical|exam|examination|check|check-?up|screen|screening|clinic|"
    r"attendance)"
)
# ... and a Hebrew one.
_HE_NOUN = r"(?:ייעוץ|יעוץ|בדיקה|בדיקת|הערכה|מפגש|פגישה|ביקור|טיפול|קבלה|שיחה|פנייה|פניה)"
_HE_FIRST = r"(?:ראשון|ראשונה|ראשוני|ראשונית)"
_HE_LATER = (
    r"(?:חוזר|חוזרת|המשך|שני|שנייה|שניה|שלישי|שלישית|רביעי|רביעית|חמישי|חמישית|שישי|שישית|"
    r"שביעי|שביעית|שמיני|שמינית|תשיעי|תשיעית|עשירי|עשירית)"
)
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"

_INITIAL = re.compile(
    rf"{W}(?:(?:first|initial) (?:[\w/-]+ ){{0,2}}?{NOUN}|{_HE_NOUN} {_HE_FIRST}|"
    # The first coming to a service ("New to the X clinic", "new arrival").
    rf"new to (?:the |our |this )?(?:[\w/-]+ ){{0,3}}?(?:clinic|practice|service|team|unit)|"
    rf"new (?:arrival|registration)|"
    # A visit nobody booked ahead, "Drop-in clinic" as "Walk-in appointment".
    rf"(?:emergency|urgent|walk-?in|drop-?in|same[- ]day|unscheduled) {NOUN})"
    rf"{E}",
    re.IGNORECASE,
)
_LATER = re.compile(
    rf"{W}(?:{_ORDINAL} (?:[\w/-]+ ){{0,2}}?{NOUN}|{_HE_NOUN} {_HE_LATER}|"
    r"renewal|revalidation|re-?certification|re-?licen[cs]\w*|"
    rf"repeat (?:[\w/-]+ ){{0,1}}?{NOUN}|"
    r"(?:seen|here|attends|attending|came|comes|returns|returned) for (?:the |her |his |"
    r"their )?(?:[\w-]+ ){0,2}?results|results (?:appt|appointment|visit|clinic|consult\w*))"
    rf"{E}",
    re.IGNORECASE,
)
# "Session 4 of 12", "Appt 3": the number of a course's session says which. Not a visit's
# own count ("Home visit #6"): dev set #4 names no type for it.
_NUMBERED = re.compile(
    r"\b(?:session|appt|appointment|treatment|sitting)\s*(?:#|no\.?\s*)?"
    r"(\d{1,2})\b(?!\s*(?:/|:|\.\d|%|mg|ml|min|h\b|hours?|days?|weeks?|months?|years?))",
    re.IGNORECASE,
)


def series_visit(opener: str) -> tuple[int, int, str] | None:
    """(start, end, type) of the first place-in-series the opener names, or None."""
    best: tuple[int, int, str] | None = None
    for name, pattern in (("initial", _INITIAL), ("follow-up", _LATER)):
        m = pattern.search(opener)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), name)
    n = _NUMBERED.search(opener)
    if n is not None and int(n.group(1)) > 0 and (best is None or n.start() < best[0]):
        best = (n.start(), n.end(), "initial" if int(n.group(1)) == 1 else "follow-up")
    return best
