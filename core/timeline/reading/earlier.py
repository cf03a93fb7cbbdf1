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

from core.timeline.reading.cues import cues
from core.timeline.resources import WORD_END, WORD_START

# The words of an earlier time are data (resources/{en,he}/context.toml, `earlier_*`); how
# they stand to the value is here. In the value's clause before it:
_BEFORE = re.compile(rf"{WORD_START}(?:{cues('earlier_before')}){WORD_END}", re.IGNORECASE)
# Right after the value ("was" or "were" may come first):
_AFTER = re.compile(
    rf"^[ \t,(]*(?:(?:was|were)\s+)?(?:{cues('earlier_after')}){WORD_END}", re.IGNORECASE
)
# Opening its sentence, before a comma:
_OPENING = re.compile(rf"^\s*(?:{cues('earlier_opening')})\s*,", re.IGNORECASE)
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
