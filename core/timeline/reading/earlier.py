"""A value quoted from before this visit: no reading of this visit.

"Last month's pain 7/10", "wt 3 months ago 92 kg", "HbA1c was 8.2% in March", "previous
LDL 141", "בביקור הקודם ל"ד 150/95", "משקל לפני חצי שנה 88 ק"ג": a fact is dated by its
note, so such a value stored as a measurement would stand as this visit's, and "what was
her most recent pain score" would answer with last month's. The convention
(docs/timeline.md, "Not facts") is the safe one: no fact. A date written beside the value
could date it, but a month with no year or "a few months ago" cannot be turned into a day,
and an answer must not guess one.

A word of the past counts only in the value's own clause (up to a comma, a semicolon, a
full stop or a line's end) and, after the value, only right after it: in "weight 82 kg
(previous 85 kg)" the "previous" is the second value's, not the first's. "Last month's
pain" is a value of last month; "last month pain was 8/10" is a symptom over the month up
to now, as a questionnaire asks about the last two weeks, and stays a reading."""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_SPAN = r"(?:\d+|a|an|one|two|three|six|a few|few|several)\s+(?:days?|weeks?|months?|years?)"
_HE_SPAN = r"(?:\d+\s+)?(?:יום|יומיים|שבוע|שבועיים|חודש|חודשיים|חודשים|שנה|שנתיים|שנים|חצי שנה)"
# In the value's clause before it: the clause speaks of an earlier time.
_BEFORE = re.compile(
    rf"{_W}(?:previous|previously|prior|earlier|last (?:week|month|year)(?:'s|’s)|"
    rf"(?<!since )(?<!since the )last (?:visit|time|review|appointment)|ago|before the|"
    rf"at (?:the )?last visit|בביקור הקודם|בפגישה הקודמת|במפגש הקודם|בבדיקה הקודמת|"
    rf"at the (?:start|beginning) of|בתחילת השנה|בתחילת החודש|בתחילת|"
    rf"at (?:the )?(?:intake|baseline|diagnosis|first visit|initial visit)|"
    rf"(?<!since )in (?:19|20)\d\d|בקבלה|בביקור הראשון|"
    rf"קודם לכן|לפני {_HE_SPAN}|בעבר|"
    # A weight from before the pregnancy, a pain at its worst ever: not this visit's.
    rf"pre-?pregnancy|before (?:the |her )?pregnancy|לפני ה?הריון|worst ever|ever worst){_E}",
    re.IGNORECASE,
)
# Right after the value: when it was measured, if before today.
_AFTER = re.compile(
    rf"^[ \t,(]*(?:(?:was|were)\s+)?(?:in\s+(?:{_MONTHS}|(?:19|20)\d\d)|\(?(?:19|20)\d\d\)|"
    rf"(?:{_SPAN}|days?|weeks?|months?|years?) ago|(?:at )?(?:the )?last (?:visit|time)|"
    rf"previously|last (?:week|month|year)|at (?:the )?(?:intake|baseline)|"
    rf"before (?:the|treatment|starting|surgery)|at the (?:start|beginning) of "
    rf"(?:the )?(?:year|month)|לפני {_HE_SPAN}|בביקור הקודם|"
    rf"בעבר|ב-?(?:19|20)\d\d)(?![\w{HEB}])",
    re.IGNORECASE,
)
# A sentence that opens on an earlier time and a comma ("At baseline, LDL 160", "In 2019,
# weight 101 kg", "בביקור הקודם, משקל 90") speaks of that time to its end.
_OPENING = re.compile(
    rf"^\s*(?:at (?:the )?(?:intake|baseline|diagnosis|first visit|initial visit|last visit)|"
    rf"in (?:19|20)\d\d|last (?:week|month|year)|previously|בביקור הקודם|בקבלה|"
    rf"לפני {_HE_SPAN}|בעבר)\s*,",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"\.(?=\s|$)|\n|;")
# Where a value's clause begins and ends: a comma (not a decimal one), a semicolon, a full
# stop that ends a sentence, a bar or a line's end.
_CLAUSE = re.compile(r",(?!\d)|;|\.(?=\s|$)|\||\n| {2,}|\t")
# After a comma or a run of spaces, a word of the past followed by a value of its own is
# that value's: "BP=149/77, last visit 106/88".
_OWN_VALUE = re.compile(r"[^,;.|\n]*?\d")


def earlier_value(text: str, start: int, end: int) -> bool:
    """Whether the value read at `start:end` of `text` is quoted from an earlier time."""
    begins = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
    before = text[begins[-1] if begins else 0 : start]
    # "wt 3 months ago 92 kg": "wt 3" is misread too, and "months ago" follows it.
    after = _AFTER.match(text[end : end + 60])
    gap = after.group(0) if after is not None else ""
    if ("," in gap or "  " in gap) and _OWN_VALUE.match(text, end + len(gap)):
        after = None
    sentence = [m.end() for m in _SENTENCE.finditer(text, 0, start)]
    opening = _OPENING.match(text, sentence[-1] if sentence else 0, start)
    return bool(_BEFORE.search(before) or after or opening)
