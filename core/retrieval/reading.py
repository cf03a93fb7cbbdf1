"""Reading a question before it is searched (docs/architecture.md, "Search").

Chunk text carries no visit date: the date lives on the session. So a date in the question
("on 2008-06-03", "7 May 2025", "in 2008", "since March") becomes a session-date range,
and "first", "started", "latest" or "most recent" ask for the matching sessions in date
order. The words that only said when (the date, "latest") are taken out of the text that
is searched: no note contains them, and they pull a sentence embedding off the subject.

Dates are found by `dateparser` (English and Hebrew); what it finds is checked, since it
also reads "may" and "now" as dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from core.messages import Message, render
from core.retrieval.lexical import has_hebrew
from core.retrieval.periods import HE_MONTHS, named_periods, unglue
from core.retrieval.types import Order, SearchQuery

LANGUAGES = ["en", "he"]
_PERIODS = ("day", "month", "year")
# Words that order matches by date. Hebrew: האחרון/ה (the last), לאחרונה (recently),
# הראשון/ה (the first), התחיל/ה, הותחל/ה (started), אובחן/ה (was diagnosed). "Since
# when has she had X" (ממתי, מאז מתי), "how long" (כמה זמן) and "when was the diagnosis
# made" (נקבעה האבחנה) ask for the onset, as "first" does.
_LATEST = re.compile(
    # "without current pathological fracture" is a name's word, not an order.
    r"\b(?:latest|most\s+recent(?:ly)?|last|newest|(?<!without )(?<!no )current(?:ly)?|"
    r"recent(?:ly)?)\b"
    r"|(?<!\w)(?:ה?אחרונ(?:ה|ים|ות)?|ה?אחרון|לאחרונה|ה?עדכני(?:ת)?)(?!\w)",
    re.IGNORECASE,
)
_FIRST = re.compile(
    r"\b(?:first|initial(?:ly)?|start(?:ed|ing)?|began|begun|begin|commenced|initiated)\b"
    r"|(?<!\w)(?:ה?ראשונ(?:ה|ים|ות)?|ה?ראשון|התחיל(?:ה|ו)?|הותחל(?:ה|ו)?)(?!\w)",
    re.IGNORECASE,
)
# Words that ask since when a condition has been: ordered as "first", but the client's
# record, where an onset is written, answers before the first visit that names it.
_ONSET = re.compile(
    r"\b(?:diagnosed|onset|since\s+when|how\s+long|diagnosis\s+(?:was\s+)?made|"
    r"date\s+of\s+(?:the\s+)?diagnosis)\b"
    r"|(?<!\w)(?:אובחנ?(?:ה|ו)?|ממתי|מאז\s+מתי|כמה\s+זמן|נקבעה\s+ה?אבחנה|ה?אבחנה\s+נקבעה)(?!\w)",
    re.IGNORECASE,
)
# "since", "from", "after" open a range, and so does its start ("since the beginning of
# 2024", "מתחילת 2024"); "before", "until", "up to" close one.
_OPENS = re.compile(
    r"(?:\b(?:since|from|after)(?:\s+the\s+(?:beginning|start)(?:\s+of)?)?"
    r"|(?<!\w)(?:מאז|מ[-־]?|מה[-־]|אחרי|לאחר|מתחילת|מראשית|(?:מאז|החל\s+מ)\s*(?:תחילת|ראשית)))\s*$",
    re.I,
)
_CLOSES = re.compile(
    r"(?:\b(?:before|until|till|up\s+to|prior\s+to|earlier\s+than|(?:until|till|by|through|up\s+to)\s+"
    r"the\s+end(?:\s+of)?)|(?<!\w)(?:לפני|עד(?:\s+סוף)?))\s*$",
    re.I,
)
# "from the 16 April 2023 visit": a visit's day, not a range's start.
_VISIT_AFTER = re.compile(
    r"\s*(?:visit|appointment|session|consultation|consult|encounter|note)s?\b", re.I
)
# "בביקור מ-4.3.2025" is "at the visit of 4 March", one day, not "from 4 March on".
_VISIT_OF = re.compile(r"(?<!\w)ב?ה?(?:ביקור|פגישה|מפגש|טיפול)\s+(?:מ[-־]?|מה[-־])\s*$")
_MONTH_ONLY_WORDS = frozenset({"may", "jan", "mar", "sun", "sat", "wed"})
# Hebrew's weekdays are its ordinals ("ראשון" is Sunday and first): one is a day only as
# "יום ראשון"; "ערך ראשון של הכאב" asks for the first value.
_HE_WEEKDAYS = frozenset({"ראשון", "שני", "שלישי", "רביעי", "חמישי", "שישי"})
_NOW = frozenset({"today", "now", "tonight", "nowadays", "היום", "עכשיו", "כעת", "הלילה"})
# Words that mix letters and digits (A1c, B12, CD4) throw dateparser's search off the
# date beside them; they are masked, at the same length, while it looks.
# A scale's name joins its number with a hyphen (PHQ-9, GAD-7): masked the same way, or
# "PHQ-9 on 4 November 2024" reads as the year 2024 alone.
_CODE_WORD = re.compile(
    r"\b(?!\d+(?:st|nd|rd|th)\b)(?=\w*[^\W\d_])(?=\w*\d)\w+\b|\b[A-Za-z]{2,}-\d+\b"
)

# In a Hebrew question a Latin word (HbA1c, PHQ-9, a drug's name) makes dateparser take the
# text for English and miss "18 באוקטובר 2024" beside it; such words are masked in Hebrew
# letters while it looks, English month names kept ("ב-18 October 2024").
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_MONTH_WORDS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec")
)  # fmt: skip


# "מה-2025-03-21" (from the…): dateparser finds no date behind two Hebrew letters and a
# hyphen; it does behind a space, which keeps every offset.
_GLUED_DATE = re.compile(r"(?<=[\u0590-\u05ff]{2})[-־](?=\d)")


def _masked(question: str, hebrew: bool) -> str:
    masked = _CODE_WORD.sub(lambda m: "x" * len(m.group()), question)
    # "since the one on 18 June": dateparser reads that "one" as the 1st.
    masked = _ONE_BEFORE.sub(lambda m: "x" * len(m.group()), masked)
    masked = _TILL_DATE.sub(lambda m: "x" * len(m.group()), masked)
    masked = _OPENING_AND.sub(lambda m: " " * len(m.group()), masked)
    if not hebrew:
        return masked
    masked = _GLUED_DATE.sub(" ", masked)
    return _LATIN_WORD.sub(
        lambda m: m.group() if m.group().lower() in _MONTH_WORDS else "א" * len(m.group()), masked
    )


@dataclass(frozen=True)
class Reading:
    """What a question says about when, and the words left to search for."""

    text: str
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    order: Order | None = None
    day: dt.date | None = None  # the question names one day

    @property
    def dated(self) -> bool:
        return self.date_from is not None or self.date_to is not None


def _span(found: dt.datetime, period: str) -> tuple[dt.date, dt.date]:
    day = found.date()
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if period == "month":
        nxt = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return dt.date(day.year, day.month, 1), nxt - dt.timedelta(days=1)
    return day, day


# "from 11 Jul 2024 till date" (to date, as Indian English says it): dateparser would read
# the year alone.
_TILL_DATE = re.compile(r"(?<=\btill )date\b|(?<=\buntil )date\b", re.IGNORECASE)
_ONE_BEFORE = re.compile(r"\bone(?=\s+(?:on|of|from|in)\b)", re.IGNORECASE)
# "And before Oct 2024, how many…", a list's next line: with the "And" that opens it,
# dateparser found the year alone.
_OPENING_AND = re.compile(r"^\s*and\b", re.IGNORECASE)
# "GAD-7 diff 1st vs latest", "from 1st reading -> latest": an ordinal with no month is an
# order, not a date (dateparser had read "1st" as January).
_BARE_ORDINAL = re.compile(
    r"(?:(?:on|at|in|by|from|since|after|before)\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)",
    re.IGNORECASE,
)
# "between my 4th and 5th house calls", "section 2 of 4": small numbers joined by words, no
# month and no year, count or order things; a date's numbers are joined by "/", "." or "-".
_DAY_ALONE = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?", re.IGNORECASE)
_SMALL_NUMBERS = re.compile(
    r"\W*\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:and|of|to|or|out of|&)\s+\d{1,2}(?:st|nd|rd|th)?)+\W*",
    re.IGNORECASE,
)


def _plausible(phrase: str) -> bool:
    """dateparser reads "may", "now" and weekday names as dates; a date in a clinical
    question has a digit, or is a month named in full (not "may" alone)."""
    if _BARE_ORDINAL.fullmatch(phrase.strip()) or _SMALL_NUMBERS.fullmatch(phrase):
        return False
    words = phrase.strip().casefold().split()
    if any(ch.isdigit() for ch in phrase):
        return True
    if any(w.strip("?.,!") in _NOW for w in words):
        return False  # "what does he weigh today", "ועד היום": now, not a day's visit
    bare = [w for w in words if w not in ("on", "in", "at", "since", "from", "of")]
    if len(bare) == 1 and re.sub(r"^[הבל]", "", bare[0]) in _HE_WEEKDAYS:
        return False
    if len(bare) == 1 and bare[0] in HE_MONTHS:
        return True  # "בין מרץ לאוגוסט": Hebrew's months are words of their own
    return len(bare) == 1 and bare[0] not in _MONTH_ONLY_WORDS and len(bare[0]) >= 4


def _dates(
    question: str, today: dt.date, hebrew: bool | None = None
) -> list[tuple[str, dt.date, dt.date]]:
    """The dates `question` names. `hebrew`: whether the question they come from is Hebrew
    (then numeric dates are day-first), where `question` is a piece of it."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = dt.datetime.combine(today, dt.time())
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": base,
        "RETURN_TIME_AS_PERIOD": True,
    }
    hebrew = has_hebrew(question) if hebrew is None else hebrew
    masked = _masked(question, hebrew)
    found = [p for p, _ in search_dates(masked, languages=LANGUAGES, settings=settings) or []]
    if hebrew and _LATIN_MONTH.search(masked):
        found = _with_english_dates(masked, found, settings)
    parser = DateDataParser(languages=LANGUAGES, settings=settings)
    # Numeric dates are day-first in Israel, and dotted ones wherever they are written:
    # "4.3.2025" is 4 March. Only an English question's slashes keep month-first.
    day_first = DateDataParser(languages=LANGUAGES, settings=settings | {"DATE_ORDER": "DMY"})
    out: list[tuple[str, dt.date, dt.date]] = []
    for start_at, end_at in _merge_adjacent(masked, found):
        # "come in after 24 Feb 2025": dateparser takes the "in" of the verb along.
        verb = _VERBS_IN.match(question, start_at, end_at)
        start_at = verb.end() if verb else start_at
        # "since 29 March 2025: the value then": dateparser takes the colon and a word along.
        colon = _COLON_ON.search(question, start_at, end_at)
        end_at = colon.start() if colon else end_at
        # "her b/p on Mar 11, 2025 and now": merged, the range's other end comes along.
        joined = _AND_NOW.search(question, start_at, end_at)
        end_at = joined.start() if joined else end_at
        # "after March 4, 2025, in date order": nor the next phrase's preposition.
        dangling = _DANGLING.search(question, start_at, end_at)
        end_at = dangling.start() if dangling else end_at
        phrase = question[start_at:end_at]
        if not _plausible(phrase) or _a_bare_number(phrase, question[:start_at], question[end_at:]):
            continue
        dmy = hebrew or re.search(r"\d\.\d", phrase) is not None
        data = (day_first if dmy else parser).get_date_data(phrase)
        if data.date_obj is None or data.period not in _PERIODS:
            continue
        start, end = _span(data.date_obj, data.period)
        if data.period == "year" and not _plausible_year(phrase, start, today):
            continue  # "7600 /uL" is a white cell count, not the year 7600
        out.append((phrase, start, end))
    return out


_COLON_ON = re.compile(r"\s*[:;]\s*(?!\d)")
_AND_NOW = re.compile(r"\s+(?:and|to|until|till|through)\s+(?:now|today)\s*$", re.I)
_DANGLING = re.compile(r"[,\s]+(?:in|on|at|by|for|of)\s*$", re.I)
_VERBS_IN = re.compile(
    r"(?:in|on|at)\s+(?=(?:after|before|since|from|until|till|in|on|during)\b)", re.I
)


# The years a bare number can be: records go back a lifetime, and a question may name a
# planned visit, but "6598" beside "/uL" is a count. A whole date ("2032-01-01") is a date.
FIRST_YEAR = 1900
YEARS_AHEAD = 5


# "He's 84", "who is 60", "bed 12", "חדר 12": a number of one or two digits alone is an age,
# a room or a count, never a date; "on the 12th" and "ב-12" name a day of the month.
_BARE = re.compile(r"\W*\d{1,2}\W*")
_DAY_OF_MONTH = re.compile(r"(?:\bon(?:\s+the)?|\bthe|(?<!\w)ב-?)\s*$", re.I)


# "the 3 last times", "the 2 most recent readings": a number before what it counts.
_COUNTS = re.compile(
    r"\s*(?:last|latest|most|recent|previous|final|first|times|readings?|measurements?|values?|"
    r"results?|visits?|checks?)\b",
    re.I,
)


def _a_bare_number(phrase: str, before: str, after: str = "") -> bool:
    if _COUNTS.match(after) and re.fullmatch(r"\D*(?<!\d)\d{1,2}\W*", phrase):
        return True  # "the HR from the 3 last times": a count, whatever words lead it
    return bool(_BARE.fullmatch(phrase)) and _DAY_OF_MONTH.search(before) is None


def _plausible_year(phrase: str, day: dt.date, today: dt.date) -> bool:
    if not re.fullmatch(r"(?:[^\W\d]+[\s-]*)?\W*\d+\W*", phrase.strip()):
        return True  # not a bare number ("of 6598", "2008")
    return FIRST_YEAR <= day.year <= today.year + YEARS_AHEAD


# An English month inside a Hebrew question ("מה ה-A1c ב-May 16, 2024?", "…between the
# visit on May 16, 2024 and the latest — כמה זה זז?"): dateparser reads a text in one
# language, and in Hebrew it found the year alone.
_LATIN_MONTH = re.compile(
    r"(?<![A-Za-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?![A-Za-z])", re.I
)
_HEBREW_LETTER = re.compile(r"[\u0590-\u05ff]")


def _with_english_dates(masked: str, found: list[str], settings: dict[str, Any]) -> list[str]:
    """`found`, with the dates named by an English month read in English where the Hebrew
    reading took less of them, in the order they are written."""
    from dateparser.search import search_dates

    latin = re.sub(r"[-־](?=[A-Za-z])", " ", _HEBREW_LETTER.sub(" ", masked))
    english = [
        p.strip()
        for p, _ in search_dates(latin, languages=["en"], settings=settings) or []
        if _LATIN_MONTH.search(p)
    ]
    if not english:
        return found
    kept = [p for p in found if not any(p.strip() in e for e in english)]
    return sorted([*kept, *english], key=lambda p: masked.find(p))


def _merge_adjacent(question: str, phrases: list[str]) -> list[tuple[int, int]]:
    """dateparser splits some dates in two ("במאי" and "2025" of "ב-7 במאי 2025"): read
    neighbouring pieces, with the day before them, as one phrase."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for phrase in phrases:
        at = question.find(phrase, cursor)
        if at < 0:
            continue
        cursor = at + len(phrase)
        if spans and at - spans[-1][1] <= 2:
            spans[-1] = (spans[-1][0], cursor)
        else:
            spans.append((at, cursor))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        lead = re.search(r"(\d{1,2})\s*$", question[:start].replace("-", " "))
        if lead and not re.match(r"\s*\d", question[start:end]):
            start = lead.start(1)
        out.append((start, end))
    return out


def spaced_out(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span's characters replaced by spaces: the rest keeps its offsets."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def read_question(question: str, today: dt.date | None = None) -> Reading:
    """The question's date range, its date order, and the words to search."""
    today = today or dt.date.today()
    question = unglue(question)
    date_from = date_to = day = None
    taken: list[tuple[int, int]] = []  # the words that said when, taken out of the text
    named = named_periods(question, today)
    for p in named:
        date_from, date_to = p.date_from, p.date_to
        taken.append(_with_opener(question, p.start_at, p.end_at))
    both = _both_ends(question, today, taken)
    if both is not None:
        date_from, date_to = both
    # dateparser looks where no named period is: "Q2 2024" must not also read as 2024.
    blanked = spaced_out(question, taken)
    previous: tuple[int, dt.date, dt.date, str] | None = None  # end, start, end date, phrase
    cursor = 0
    for phrase, start, end in _dates(blanked, today):
        at = blanked.find(phrase, cursor)
        if at < 0:
            continue
        cursor = at + len(phrase)
        lead = _LEAD.match(phrase)
        before = question[:at] + (lead.group() if lead else "")
        if previous is not None and _JOIN.fullmatch(question[previous[0] : at]):
            # "between March and September 2024", "מ-29.5.2024 עד 20.1.25": one range.
            date_from, date_to, day = _year_of(previous[1], previous[3], start, phrase), end, None
        elif re.search(r"\bafter\s*$|(?<!\w)(?:אחרי|לאחר)\s*$", before, re.I):
            date_from = end + dt.timedelta(days=1)  # after the day, or the month, named
        elif (
            _OPENS.search(before)
            and not _VISIT_OF.search(before)
            and not (start == end and _VISIT_AFTER.match(question, cursor))
        ):
            # "from the 16 April 2023 visit" is that visit, not all since it.
            date_from = start
        elif _CLOSES.search(before):
            # "before 2024" ends with 2023; "until March" takes March in.
            ends_before = re.search(r"before|prior|earlier|לפני", before, re.I)
            date_to = start - dt.timedelta(days=1) if ends_before else end
        else:
            date_from, date_to = start, end
            day = start if start == end else None
        if _ONWARDS.match(question, cursor):
            date_to, day = None, None
        taken.append(_with_opener(question, at, cursor))
        previous = (cursor, start, end, phrase)
    text = _without(question, taken)
    order: Order | None = None
    latest, onset = _LATEST.search(text), _ONSET.search(text)
    first = _FIRST.search(text) or onset
    # Both ("first diagnosed with osteoporosis without current fracture"): the one asked
    # first; the other is most often a name's or a period's word.
    if latest and (first is None or latest.start() < first.start()):
        order = "latest"
    elif first:
        order = "onset" if first is onset else "first"
    if order == "latest":
        text = _LATEST.sub(" ", text)
    words = re.sub(r"\s+([?.!,;:])", r"\1", " ".join(text.split())).strip(" ,")
    return Reading(words or question, date_from, date_to, order, day)


# A preposition dateparser keeps at the head of its phrase: "from August 2024", "after 25
# March 2025".
_LEAD = re.compile(r"^\s*(?:since|from|after|before|until|till|between)\s+", re.I)
# What joins the two ends of a range.
_JOIN = re.compile(r"\s*(?:and|to|until|till|through|thru|-|–|—|עד|ל|ו)[-־]?\s*(?:the\s+)?", re.I)
# "from August 2024 onwards": the range stays open.
_ONWARDS = re.compile(
    r"\s*(?:onwards?|on|and (?:after|later|beyond|since)|forward|to date|till (?:now|date)|"
    r"until (?:now|today)|ואילך|והלאה|ועד היום|עד היום)(?!\w)",
    re.I,
)
# Words around a date that only said when: "at the visit on", "between", "and", "onwards".
_OPENER = re.compile(
    r"(?:\b(?:(?:at|during|in|on|of|from|since|after|before|prior\s+to|until|till|between|for|"
    r"(?:until|till|by|through|up\s+to)\s+the\s+end\s+of)\s+"
    r"(?:the\s+)?(?:(?:visit|session|appointment|consultation)\s+)?(?:on\s+|of\s+|in\s+)?)+"
    r"|\b(?:since|from|after)\s+the\s+(?:beginning|start)(?:\s+of)?\s+"
    r"|(?<!\w)(?:ב|ב?ה?(?:ביקור|פגישה|מפגש|טיפול)(?:\s+(?:מה?|של))?|מאז|מה?|אחרי|לאחר|לפני|עד(?:\s+סוף)?|"
    r"מתחילת|מראשית|(?:מאז|החל\s+מ)\s*(?:תחילת|ראשית)|"
    r"בין)"
    r"[-־]?\s*)$",
    re.I,
)


# "between 18 August 2024 and November 16, 2024": dateparser, searching the whole question,
# reads the year alone; each end is read on its own instead, up to the courtesy after it.
_BOTH_ENDS = re.compile(
    r"\b(?:between|from)\s+(?P<a>[^?!;]+?)\s+(?:and|to|until|till|through|thru)\s+"
    r"(?P<b>[^?!;]+?)\s*(?=[?!;]|,(?!\s*\d)|\.(?:\s|$)|$|(?:pls|plz|please|thanks|thx)\b|[-–—]\s|"
    # "… and Jun 16, 2025 for the 11 o'clock review": what it is for is no date.
    r"(?:for|because)\s)"
    r"|(?<!\w)(?:בין|מ-)\s*(?P<ha>[^?!;]+?)\s+(?:ל|עד)-?\s*(?P<hb>[^?!;]+?)\s*"
    r"(?=[?!;.]|$|(?:בבקשה|תודה)(?!\w))",
    re.IGNORECASE,
)


def _both_ends(
    question: str, today: dt.date, taken: list[tuple[int, int]]
) -> tuple[dt.date, dt.date] | None:
    """A range whose two ends each read as a date on their own, its words added to
    `taken`; None when there is no such range. "Confirm from the record every weight between
    May and November": a "from" that opens no range leaves the next one to be read."""
    at = 0
    while (m := _BOTH_ENDS.search(question, at)) is not None:
        found = _range_of(m, question, today, taken)
        if found is not None:
            return found
        at = m.start() + 1
    return None


def _range_of(
    m: re.Match[str], question: str, today: dt.date, taken: list[tuple[int, int]]
) -> tuple[dt.date, dt.date] | None:
    a, b = ("a", "b") if m.group("a") is not None else ("ha", "hb")
    hebrew = has_hebrew(question)
    first, last = _dates(m.group(a), today, hebrew), _dates(m.group(b), today, hebrew)
    if len(last) == 1 and not first and m.group(a).strip().casefold() in _MONTH_WORDS:
        # "from May to June 2022": "may" alone is read as no date; here it is a month.
        dated = _dates(f"{m.group(a)} {last[0][1].year}", today, hebrew)
        first = [(m.group(a), *dated[0][1:])] if dated else []
    day = _DAY_ALONE.fullmatch(m.group(a).strip())
    if len(last) == 1 and not first and day is not None and last[0][1] == last[0][2]:
        # "between 3 and 5 June 2024", "from the 2nd to the 9th of March": the first end is
        # a day of the second's month.
        try:
            start = last[0][1].replace(day=int(day.group(1)))
        except ValueError:
            return None
        if start > last[0][1]:
            return None
        taken.append((m.start(), m.end()))
        return start, last[0][2]
    if len(first) != 1 or len(last) != 1:
        return None
    (phrase, start, _), (second, _, end) = first[0], last[0]
    if len(phrase) < len(m.group(a).strip()) - 1 or len(second) < len(m.group(b).strip()) - 1:
        return None  # words beside the date: not a range's end alone
    taken.append((m.start(), m.end()))
    return _year_of(start, phrase, end, second), end


def _with_opener(question: str, start: int, end: int) -> tuple[int, int]:
    """The span of a date's words with the preposition before it and "onwards" after."""
    head = _OPENER.search(question[:start])
    tail = _ONWARDS.match(question, end) or _JOIN.match(question, end)
    if tail is not None and not tail.group().strip():
        tail = None
    return (head.start() if head else start, tail.end() if tail else end)


def _without(question: str, spans: list[tuple[int, int]]) -> str:
    out: list[str] = []
    cursor = 0
    for a, b in sorted(spans):
        if a < cursor:
            a = cursor
        out.append(question[cursor:a])
        cursor = max(cursor, b)
    out.append(question[cursor:])
    return " ".join("".join(out).split())


def _year_of(first: dt.date, phrase: str, second: dt.date, second_phrase: str) -> dt.date:
    """A range's first end written without its year takes the second's: "between March and
    September 2024" starts in March 2024; "between November and February 2025" in
    November 2024."""
    if re.search(r"\d{4}|'\d{2}|\d[./-]\d{1,2}[./-]\d", phrase) or not re.search(
        r"\d{4}", second_phrase
    ):
        return first
    moved = first.replace(year=second.year)
    return moved.replace(year=second.year - 1) if moved > second else moved


def range_message(reading: Reading) -> Message:
    """`on 3 June 2008`, `from 1 March 2026 on`, `between 1 January 2008 and 31 December 2008`."""
    if reading.day is not None:
        return Message("answer.range_on", date=reading.day)
    if reading.date_from and reading.date_to:
        return Message("answer.range_between", date=reading.date_from, date_to=reading.date_to)
    if reading.date_from:
        return Message("answer.range_from", date=reading.date_from)
    if reading.date_to:
        return Message("answer.range_up_to", date=reading.date_to)
    return Message("answer.range_in_that_period")


def describe_range(reading: Reading) -> str:
    """`range_message` in English."""
    return render(range_message(reading))


# "it", "that medication", "the dose": a follow-up that names nothing of its own.
_REFERENCE = re.compile(
    r"\b(?:it|its|that|this|those|these|them|they|same|the\s+dose|the\s+medication)\b"
    r"|(?<!\w)(?:זה|זאת|זו|אותו|אותה|אותם|הם|הן)(?!\w)",
    re.IGNORECASE,
)
_QUESTION_WORDS = frozenset(
    re.findall(
        r"\w+",
        "what when which who whom whose why how was were is are did does do has have had the "
        "a an of on in at for to and or her his she he their it its that this those these "
        "them they same dose medication any about with by from been be",
    )
)


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.casefold()) if w not in _QUESTION_WORDS]


def resolve_references(question: str, history: list[tuple[str, str]]) -> str:
    """The words to search for a follow-up. A question that names its own subject ("When
    was sertraline started?") is searched alone, even after a question about A1c; one that
    only points back ("When was it started?", "and the dose?") borrows the subject of the
    question before it, never its answer."""
    if not history or not _REFERENCE.search(question) or len(_content_words(question)) > 2:
        return question
    earlier = read_question(history[-1][0]).text
    subject = " ".join(w for w in _content_words(earlier) if w not in _content_words(question))
    return f"{question} ({subject})" if subject else question


def read_query(q: SearchQuery, today: dt.date | None = None) -> SearchQuery:
    """`q` with the dates and order its text names; a range the caller set stays."""
    r = read_question(q.text, today)
    if q.date_from or q.date_to:
        return replace(q, text=r.text, order=q.order or r.order)
    return replace(
        q, text=r.text, date_from=r.date_from, date_to=r.date_to, order=q.order or r.order
    )
