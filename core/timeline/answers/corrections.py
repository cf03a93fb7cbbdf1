"""A question that corrects itself as it is typed: "The first HR - no, sorry, I mean the
latest one", "מתי היא הפסיקה - סליחה, מתי היא התחילה?", "When did he start Januvia?
Actually, never mind that: is he still taking it?". What it takes back is not asked; what
it named still is: the words before the correction keep their names and lose their asks.

The words that take back are data (`taken_back` in resources/*/question_cues.toml), read
only where a clause begins, so that "sorry" or "I mean" inside a clause asks nothing."""

from __future__ import annotations

import re

from core.timeline.answers import cues
from core.timeline.answers.asked import names_a_measure
from core.timeline.answers.named import named

_TAKEN_BACK = re.compile(
    rf"(?:^|(?<=[.?!;:,—–-])|(?<=[.?!;:,—–-]\s))\s*(?:no,?\s+)?"
    rf"{cues.alternatives('taken_back')}{cues.E}[\s,:.!—–-]*",
    re.IGNORECASE,
)
# What a question asks, as against what it names: set aside in the words it takes back.
_ASKS = tuple(
    cues.cue(name)
    for name in (
        "first",
        "latest",
        "last",
        "highest",
        "lowest",
        "worst",
        "best",
        "change",
        "count",
        "stopped",
        "started",
        "still",
        "when",
        "since",
        "how_long",
    )
)


def taken_back(question: str) -> str:
    """`question` as it stands after its last correction: the words before it without
    their asks, a dash, then the words after it. Unchanged where nothing is taken back, or
    where the correction opens the question ("Sorry, what was her last BP?")."""
    found = list(_TAKEN_BACK.finditer(question))
    if not found:
        return question
    start, end = found[-1].span()
    for earlier in reversed(found[:-1]):  # "no, sorry, I mean": one correction
        if earlier.end() < start:
            break
        start = earlier.start()
    before, after = question[:start], question[end:]
    if not before.strip(" ,.-—–") or not _replaces(after):
        return question
    for ask in _ASKS:
        before = ask.sub(" ", before)
    return f"{' '.join(before.split()).strip(' ,.;:-—–')} - {after.strip()}"


def _replaces(after: str) -> bool:
    """Whether the words after a correction ask or name anew: "I mean the latest", "מתי
    היא התחילה". Words that only say more ("I mean in kilograms") correct nothing."""
    if any(ask.search(after) for ask in _ASKS) or names_a_measure(after):
        return True
    found = named(after)  # a unit ("kilograms") implies a measure; it does not name one
    return bool(found.drug or found.condition or found.procedure)
