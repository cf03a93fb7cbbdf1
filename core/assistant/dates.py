"""Calendar dates as an answer writes them: 2013-01-27, 27 Jan 2013, January 27, 2013,
01/27/2013. The grounding check (a date must be the cited session's date or stand in its
text) and the answer eval both need to see the same date behind different spellings.

Answers come from our own prompt in English, so a handful of written forms covers them;
questions, which people type in any form and in Hebrew, are read by `dateparser`
(`core.retrieval.reading`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTH_NAMES = (
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec",
)  # fmt: skip
_MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names.split()}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FORMS = (
    rf"(?P<iso>{_YEAR}-(?P<m>[01]?\d)-(?P<d>[0-3]?\d))(?:[T ][\d:]+)?",
    rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"(?P<us_m>[01]?\d)/(?P<us_d>[0-3]?\d)/{_YEAR}",
)
# Each form on its own: `re` allows a group name once per pattern.
_PATTERNS = tuple(re.compile(rf"(?<![\w/-])(?:{f})(?![\w/-])", re.IGNORECASE) for f in _FORMS)


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    start: int
    end: int
    text: str


def _parse(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    if g.get("mon"):
        month, day = _MONTHS[g["mon"].lower().rstrip(".")], int(g["day"])
    elif g.get("us_m"):
        month, day = int(g["us_m"]), int(g["us_d"])
    else:
        month, day = int(g["m"]), int(g["d"])
    try:
        return dt.date(int(g["year"]), month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Every calendar date written in `text`, in order. Impossible dates are skipped."""
    found: list[DateMention] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            day = _parse(m)
            if day is not None and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(DateMention(day, m.start(), m.end(), m.group()))
    return sorted(found, key=lambda f: f.start)


def without_dates(text: str) -> str:
    """`text` with its calendar dates blanked out, so that their digits are not read as
    doses or values."""
    pieces: list[str] = []
    last = 0
    for mention in find_dates(text):
        pieces.append(text[last : mention.start])
        pieces.append(" ")
        last = mention.end
    pieces.append(text[last:])
    return "".join(pieces)


def mentions_date(text: str, day: dt.date) -> bool:
    return any(m.date == day for m in find_dates(text))


def spoken(day: dt.date) -> str:
    """`27 January 2013`: unambiguous in every locale, unlike 01/02/2013."""
    return f"{day.day} {day:%B %Y}"
