"""Periods a question names that dateparser does not read: quarters ("Q2 2024", "ברבעון
השני של 2024"), halves ("H1 2025", "the second half of 2023", "המחצית הראשונה של 2024") and
windows back from today ("in the past 6 months", "בשלושת החודשים האחרונים"). It reads
"Q2 2024" as the whole of 2024 and "the past 6 months" as one month, six months ago: a
count over either came out wrong, not refused.

Also how Hebrew glues a preposition to a date: "ממאי 2024" (from May), "לאוגוסט" (to
August), "ל-26/07/2025". dateparser reads none of them until a space parts the letter from
the month or the number."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

HE_MONTHS = frozenset(
    ("ינואר", "פברואר", "מרץ", "מרס", "אפריל", "מאי", "יוני", "יולי", "אוגוסט", "ספטמבר",
     "אוקטובר", "נובמבר", "דצמבר")
)  # fmt: skip
_HE_MONTHS = "|".join(sorted(HE_MONTHS))
# A glued ב/מ/ל before a number, or מ/ל before a whole month's name ("מאי", May, is not
# מ + אי). dateparser knows "במרץ" (in March) as it is written.
_GLUED = re.compile(rf"(?<!\w)(?:([במל])([-־]?)(?=\d)|([מל])([-־]?)(?=(?:{_HE_MONTHS})(?!\w)))")

_ORDINAL = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "ראשון": 1, "ראשונה": 1, "שני": 2, "שנייה": 2, "שניה": 2, "שלישי": 3, "רביעי": 4,
}  # fmt: skip
_LAST = ("last", "final", "latter", "אחרון", "אחרונה")
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_EN_ORD = r"first|second|third|fourth|1st|2nd|3rd|4th|last|final|latter"
_HE_ORD = r"ראשון|ראשונה|שני|שנייה|שניה|שלישי|רביעי|אחרון|אחרונה"

_QUARTER = re.compile(
    rf"(?<!\w)(?:(?:in|during|for|of)\s+)?(?:the\s+)?"
    rf"(?:q(?P<q>[1-4])|(?P<qw>{_EN_ORD})\s+quarter)(?:\s+of|\s*[-/,]|\s+in)?\s*{_YEAR}"
    rf"|(?<!\w){_YEAR.replace('year', 'year2')}\s*[-/ ]?\s*q(?P<q2>[1-4])(?!\w)"
    rf"|(?<!\w)[בו]?ה?רבעון\s+(?:ה?(?P<qh>{_HE_ORD})|(?P<qn>[1-4]))\s+(?:של\s+|ב-?\s*)?"
    rf"{_YEAR.replace('year', 'year3')}",
    re.IGNORECASE,
)
_HALF = re.compile(
    rf"(?<!\w)(?:(?:in|during|for|of)\s+)?(?:the\s+)?"
    rf"(?:h(?P<h>[12])|(?P<hw>{_EN_ORD})\s+half)(?:\s+of|\s*[-/,]|\s+in)?\s*{_YEAR}"
    rf"|(?<!\w)[בו]?ה?(?:מחצית|חצי(?:\s+ה?שנה)?)\s+ה?(?P<hh>{_HE_ORD})\s+(?:של\s+|ב-?\s*)?"
    rf"{_YEAR.replace('year', 'year2')}",
    re.IGNORECASE,
)
_NUMBER = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "שני": 2, "שתי": 2, "שלושת": 3, "ארבעת": 4, "חמשת": 5, "ששת": 6, "שבעת": 7, "שמונת": 8,
    "תשעת": 9, "עשרת": 10, "שנים עשר": 12, "שניים עשר": 12,
}  # fmt: skip
_UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "יום": "day", "ימים": "day",
    "שבוע": "week", "שבועות": "week", "חודש": "month", "חודשים": "month", "שנה": "year",
    "שנים": "year",
}  # fmt: skip
_EN_N = r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HE_N = r"\d{1,3}|שני|שתי|שלושת|ארבעת|חמשת|ששת|שבעת|שמונת|תשעת|עשרת|שנים עשר|שניים עשר"
_WINDOW = re.compile(
    rf"(?<!\w)(?:(?:in|over|during|within|for|from)\s+)?(?P<the>the\s+)?(?P<w>past|last|previous|"
    rf"preceding|recent)\s+(?:(?P<n>{_EN_N})\s+)?(?P<unit>days?|weeks?|months?|years?)(?!\w)"
    rf"(?:\s+(?:to|until|up\s+to)\s+(?:now|today))?"
    rf"|(?<!\w)[בו]?(?:(?P<nh>{_HE_N})\s+)?ה?(?P<uh>ימים|שבועות|חודשים|שנים|שנה|חודש|שבוע)\s+"
    rf"ה?אחרונ(?:ים|ות|ה)?(?!\w)"
    rf"|(?<!\w)[בו]?חצי\s+ה?שנה\s+ה?אחרונה(?!\w)(?P<half_year>)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Period:
    start_at: int  # where its words are in the question
    end_at: int
    date_from: dt.date
    date_to: dt.date


def unglue(question: str) -> str:
    """A space between a Hebrew preposition and the date it is glued to."""
    return _GLUED.sub(lambda m: "".join(g or "" for g in m.groups()) + " ", question)


def named_periods(question: str, today: dt.date) -> list[Period]:
    """The quarters, halves and windows back from today that `question` names, in order."""
    out: list[Period] = []
    for m in _QUARTER.finditer(question):
        year = int(m.group("year") or m.group("year2") or m.group("year3"))
        word = (m.group("qw") or m.group("qh") or "").casefold()
        n = int(m.group("q") or m.group("q2") or m.group("qn") or 0) or (
            4 if word in _LAST else _ORDINAL.get(word, 0)
        )
        if n:
            out.append(_months(m, year, 3 * n - 2, 3 * n))
    for m in _HALF.finditer(question):
        year = int(m.group("year") or m.group("year2"))
        word = (m.group("hw") or m.group("hh") or "").casefold()
        n = int(m.group("h") or 0) or (2 if word in _LAST else _ORDINAL.get(word, 0))
        if n in (1, 2):
            out.append(_months(m, year, 6 * n - 5, 6 * n))
    for m in _WINDOW.finditer(question):
        if m.group("half_year") is not None:
            out.append(Period(m.start(), m.end(), _back(today, 6, "month"), today))
            continue
        count = (m.group("n") or m.group("nh") or "").casefold()
        unit = _UNITS[(m.group("unit") or m.group("uh")).casefold()]
        # "last year", "last month": the calendar's, as a clinician counts visits; "the
        # last year", "the past 12 months": back from today.
        bare = not count and not m.group("the") and (m.group("w") or "").casefold() == "last"
        if bare and unit in ("year", "month"):
            out.append(_calendar_before(m, today, unit))
            continue
        n = int(count) if count.isdigit() else _NUMBER.get(count, 1)
        out.append(Period(m.start(), m.end(), _back(today, n, unit), today))
    out.sort(key=lambda p: p.start_at)
    return out


def _calendar_before(m: re.Match[str], today: dt.date, unit: str) -> Period:
    if unit == "year":
        return Period(
            m.start(), m.end(), dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
        )
    first_of_this = today.replace(day=1)
    last_of_before = first_of_this - dt.timedelta(days=1)
    return Period(m.start(), m.end(), last_of_before.replace(day=1), last_of_before)


def _months(m: re.Match[str], year: int, first: int, last: int) -> Period:
    end = dt.date(year + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)
    return Period(m.start(), m.end(), dt.date(year, first, 1), end)


def _back(today: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return today - dt.timedelta(days=n)
    if unit == "week":
        return today - dt.timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    # The same day of that month, or its last day ("six months before 31 August").
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return min(dt.date(year, month, 1) + dt.timedelta(days=today.day - 1), nxt - dt.timedelta(1))
