"""An answer against its gold: `correct`, `wrong` or `refused`, and whether it falsely says
there is no record.

- refused: the app declined (`refused` in its answer), or gave no answer of its own but
  quoted the closest passages of the notes (as it does for a Hebrew question its generator
  cannot answer: a first line ending in ":", then only lines "- <where>: “<quote>” [n]");
  such answers are counted apart as `quoted` too. Where the gold is "no record" (any
  record of something no note mentions), a refusal is the right answer and is `correct`
  (a quotation is not: it does not say there is none).
- correct: the gold stands in the answer as its claim:
  value: the value (a blood pressure as its pair, "148/92", "148 over 92");
  values (last N, a period's readings): every value (as often as it was read), and no other
  value of that measure (the count N aside); dates (a period's visits): every date, and no
  other visit's date;
  date: the date (in any spelling the bench's date matcher knows, or d.m.yyyy, d/m/yyyy,
  Hebrew month names); count: the number (digits, or a number word beside "times",
  "visits", "פעמים" ...); change: both end values, or the difference with no word for the
  other direction; since: the last visit's date, or a time since it that fits the day the
  app answered (days within 1, weeks within 7 days, months within 31, years within 183);
  yes_no: the answer's polarity (a leading yes/no, else words for stopped / still taking,
  done / never done), and for "when first" questions the first date too.
- wrong: anything else that is not a refusal (another value, the opposite yes/no, no claim).
- false_no_record: the answer is not correct, the gold says there is a record, and the
  answer says there is none ("I found no note", "no record", "לא מצאתי" ...).

The words it reads by are data: answers.toml (yes / no, number and unit words, what a count
counts, up / down) and the Hebrew month names of words.toml. The patterns that read a claim
around them (a no-record, stopped, still taking, never / done) stay here as regexes: their
stems, optional parts and boundaries are the parsing itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.timeline.kit.scoring import has_value, measure_values, numbers_in
from bench.timeline.kit.vocab import VocabFile

HERE = Path(__file__).resolve().parent
ANSWERS = VocabFile(HERE / "answers.toml")
UNITS = ("day", "week", "month", "year")


def _either(words: Iterable[str]) -> str:
    """`words` as a regex alternation, each word as written."""
    return "|".join(re.escape(w) for w in words)


def _words(key: str, *langs: str) -> str:
    """answers.toml's `key` words of `langs`, in that order, as a regex alternation."""
    return _either(w for lang in langs for w in ANSWERS.strings(lang, key))


def _whole_or_glued(key: str) -> str:
    """English's `key` words as whole words; Hebrew's anywhere, as a one-letter prefix (ו,
    ה, ש) may be glued on."""
    return rf"\b(?:{_words(key, 'en')})\b|{_words(key, 'he')}"


def _units(*keys: str) -> dict[str, str]:
    said = ANSWERS.texts(*keys)
    if not set(said.values()) <= set(UNITS):
        raise ANSWERS.wrong(keys, f"a table of word = its unit, one of {', '.join(UNITS)}")
    return said


_EN_WORDS = ANSWERS.counts("en", "numbers")
_HE_WORDS = ANSWERS.counts("he", "numbers")
_ARTICLES = ANSWERS.strings("en", "articles")
_HE_UNITS = _units("he", "units")
_HE_DUAL = {word: (unit, 2) for word, unit in _units("he", "dual").items()}
HE_MONTHS = VocabFile(HERE / "words.toml").strings("he", "months")

NO_RECORD = re.compile(
    r"found no (?:note|record|mention|entr)|no (?:notes?|records?|mention|documentation|entr"
    r"(?:y|ies)|readings?|measurements?|data|results?|values?|visits?|sessions?)\b"
    r"|not (?:been )?(?:recorded|documented|mentioned|found)|nothing (?:in the notes|on (?:record|"
    r"file)|recorded|documented)|(?:is|are)n'?t (?:in|mentioned in) the notes|not in the notes"
    r"|notes do not (?:mention|record)|no session on"
    r"|לא מצאתי|לא נמצא|אין תיעוד|אין רישום|אין אזכור|לא מתועד|לא תועד|אין מידע|אין נתונים"
    r"|לא מופיע|אין בתיק|אין ברשומות",
    re.IGNORECASE,
)
_YES_LEAD = re.compile(rf"^\W*(?:{_words('yes', 'en', 'he')})\b", re.IGNORECASE)
_NO_LEAD = re.compile(rf"^\W*(?:{_words('no', 'en', 'he')})\b", re.IGNORECASE)
_CITATION = re.compile(r"\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]")
_PAIR = re.compile(r"(?<![\d/.])(\d{2,3})\s*(?:/|over|על)\s*(\d{2,3})(?![\d/])", re.IGNORECASE)

# -- dates and values ---------------------------------------------------------------------


def date_present(answer: str, iso: str) -> bool:
    if has_value(answer, iso):
        return True
    d = dt.date.fromisoformat(iso)
    y = rf"(?:{d.year}|{d.year % 100:02d})"
    forms = [
        rf"(?<!\d)0?{d.day}\s*[./]\s*0?{d.month}\s*[./]\s*{y}(?!\d)",
        rf"(?<!\d)0?{d.day}\s+ב?-?{HE_MONTHS[d.month - 1]}\s*,?\s*{d.year}(?!\d)",
    ]
    return any(re.search(f, answer) for f in forms)


def _clean(answer: str) -> str:
    return _CITATION.sub(" ", answer)


def pairs_in(answer: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in _PAIR.findall(_clean(answer))]


def value_present(answer: str, value: str) -> bool:
    if "/" in value:
        s, d = (int(x) for x in value.split("/"))
        return (s, d) in pairs_in(answer)
    return any(abs(x - float(value)) < 1e-9 for x in numbers_in(answer))


_MEASURE_KEYS = {"bp_sys": "bp_systolic", "bp_dia": "bp_diastolic"}


def _found(answer: str, measure: str) -> list[float | tuple[int, int]]:
    if measure == "bp":
        return list(pairs_in(answer))
    return list(measure_values(answer, _MEASURE_KEYS.get(measure, measure)))


def each_value_present(answer: str, measure: str, gold: list[str]) -> bool:
    """Every gold value, as often as the gold has it ("52, 52" needs 52 twice)."""
    found = _found(answer, measure)
    for v in set(gold):
        if "/" in v:
            s, d = (int(x) for x in v.split("/"))
            have = sum(x == (s, d) for x in found)
        else:
            have = sum(isinstance(x, float) and abs(x - float(v)) < 1e-9 for x in found)
        if have < gold.count(v):
            return False
    return True


def other_values(answer: str, measure: str, gold: list[str]) -> list[str]:
    """Values of `measure` the answer states beyond the gold ones (the count aside)."""
    if measure == "bp":
        want = {tuple(int(x) for x in v.split("/")) for v in gold}
        return [f"{s}/{d}" for s, d in pairs_in(answer) if (s, d) not in want]
    wanted = [float(v) for v in gold]
    found = measure_values(answer, _MEASURE_KEYS.get(measure, measure))
    return [str(x) for x in found if x != len(gold) and not any(abs(x - w) < 1e-9 for w in wanted)]


# -- counts ----------------------------------------------------------------------------------
_COUNTED = f"(?:{_words('counted', 'en', 'he')})"
# Hebrew puts "one" after its noun: "מפגש אחד", "מדידה אחת".
_ONE_HE = rf"(?:{_words('one_after', 'he')})\s+(?:{_words('one', 'he')})"
_ONCE = re.compile(rf"{_whole_or_glued('once')}|{_ONE_HE}")
_TWICE = re.compile(_whole_or_glued("twice"))


def count_present(answer: str, count: int) -> bool:
    if any(x == count for x in measure_values(answer, "count")):
        return True
    text = _clean(answer).lower()
    if (count == 1 and _ONCE.search(text)) or (count == 2 and _TWICE.search(text)):
        return True
    for word, n in (*_EN_WORDS.items(), *_HE_WORDS.items()):
        if n == count and re.search(rf"(?<!\w){word}\s+{_COUNTED}", text):
            return True
    return False


# -- time since ------------------------------------------------------------------------------
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
_TOLERANCE = {"day": 1.0, "week": 7.0, "month": 31.0, "year": 183.0}
_EN_UNIT = re.compile(
    rf"(?<![\w.])(\d+(?:\.\d+)?|{_either((*_ARTICLES, *_EN_WORDS))})\s+({'|'.join(UNITS)})s?\b",
    re.IGNORECASE,
)
_HE_UNIT = re.compile(rf"(?<!\w)(?:(\d+(?:\.\d+)?)\s*)?({_either(_HE_UNITS)})(?!\w)")


def durations(answer: str) -> list[tuple[float, str]]:
    """(days, smallest unit) of the time spans the answer states, its parts summed."""
    text = _clean(answer)
    parts: list[tuple[float, str]] = []
    for num, unit in _EN_UNIT.findall(text):
        n = num.lower()
        value = 1.0 if n in _ARTICLES else float(_EN_WORDS.get(n, 0) or n)
        parts.append((value, unit.lower()))
    for word, (unit, n) in _HE_DUAL.items():
        parts += [(float(n), unit)] * len(re.findall(rf"(?<!\w)ו?{word}(?!\w)", text))
    for num, word in _HE_UNIT.findall(text):
        parts.append((float(num) if num else 1.0, _HE_UNITS[word]))
    if not parts:
        return []
    total = sum(n * _UNIT_DAYS[u] for n, u in parts)
    smallest = min((u for _, u in parts), key=lambda u: _UNIT_DAYS[u])
    # Each part alone too (an answer may give "465 days (about 15 months)").
    alone = [(n * _UNIT_DAYS[u], u) for n, u in parts]
    return [(total, smallest), *alone]


def since_present(answer: str, last: str, today: dt.date) -> bool:
    if date_present(answer, last):
        return True
    days = (today - dt.date.fromisoformat(last)).days
    return any(abs(total - days) <= _TOLERANCE[u] for total, u in durations(answer))


# -- yes / no ------------------------------------------------------------------------------
_STOP = re.compile(
    r"\b(?:stopped|discontinued|d/?c'?d|ceased|no longer|not (?:currently )?(?:taking|on)|came "
    r"off|taken off|halted)\b|הופסק|הפסיק|הפסקנו|להפסיק|הפסקת|נפסק|כבר לא|לא נוטל|אינו נוטל"
    r"|אינה נוטלת|לא לוקח|ירד מ|ירדה מ",
    re.IGNORECASE,
)
_NOT_STOPPED = re.compile(
    r"\b(?:never|not|wasn't|hasn't|has not|was not|is not)\s+(?:been\s+)?(?:stopped|"
    r"discontinued)\b|לא הופסק|לא הפסיק|לא נפסק",
    re.IGNORECASE,
)
_CONT = re.compile(
    r"\b(?:still|continu\w*|current(?:ly)?|active|ongoing|remains?|is on|taking|renew\w*|"
    r"refill\w*|listed)\b|עדיין|ממשיך|ממשיכה|להמשיך|המשך|נוטל|נוטלת|פעיל|חידוש",
    re.IGNORECASE,
)
_NEVER = re.compile(
    r"\b(?:never|no history|not (?:been )?(?:diagnosed|done|performed|referred))\b"
    r"|(?<!\w)אין(?!\w)|לא בוצע|לא אובחנ?ה?|לא הופנ|לא עבר|מעולם",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:diagnosed|performed|done|referred|referral|recorded|documented|noted|mentioned|"
    r"on record|history of|first|assessment|impression)\b|בוצע|אובחנ|הופנ|הפניה|מופיע|מתועד"
    r"|תועד|נרשם|(?<!\w)יש(?!\w)|עבר|עברה|אבחנה|ברקע",
    re.IGNORECASE,
)


def taking_polarity(answer: str) -> str:
    """yes / no / none (says there is no record) / unclear: is the drug still taken."""
    if _YES_LEAD.search(answer):
        return "yes"
    if NO_RECORD.search(answer) and not _STOP.search(answer):
        return "none"
    if _NO_LEAD.search(answer):
        return "no"
    kept = bool(_NOT_STOPPED.search(answer))
    text = _NOT_STOPPED.sub(" ", answer)
    stop = bool(_STOP.search(text))
    cont = kept or bool(_CONT.search(_STOP.sub(" ", text)))
    if stop and not cont:
        return "no"
    if cont and not stop:
        return "yes"
    return "unclear"


def record_polarity(answer: str, first: str | None) -> str:
    """yes / no / unclear: is there a record of it."""
    if _YES_LEAD.search(answer) or (first and date_present(answer, first)):
        return "yes"
    if _NO_LEAD.search(answer):
        return "no"
    if NO_RECORD.search(answer) or _NEVER.search(answer):
        return "no"
    if _DONE.search(answer):
        return "yes"
    return "unclear"


# -- the score -------------------------------------------------------------------------------
_UP = re.compile(_whole_or_glued("up"), re.IGNORECASE)
_DOWN = re.compile(_whole_or_glued("down"), re.IGNORECASE)


def _direction_ok(answer: str, direction: str) -> bool:
    up, down = _UP.search(answer), _DOWN.search(answer)
    return not (down and not up) if direction == "up" else not (up and not down)


def matches(q: dict[str, Any], answer: str, today: dt.date, visit_dates: list[str]) -> bool:
    g = q["gold"]
    kind = g["kind"]
    if kind == "value":
        return value_present(answer, g["value"])
    if kind == "values":
        if not all(value_present(answer, v) for v in g["values"]):
            return False
        if not each_value_present(answer, g["measure"], g["values"]):
            return False
        return not other_values(answer, g["measure"], g["values"])
    if kind == "dates":
        if not all(date_present(answer, d) for d in g["dates"]):
            return False
        return not any(date_present(answer, d) for d in visit_dates if d not in g["dates"])
    if kind == "date":
        return date_present(answer, g["date"])
    if kind == "count":
        return count_present(answer, int(g["count"]))
    if kind == "change":
        if value_present(answer, g["from"]) and value_present(answer, g["to"]):
            return True
        if g["direction"] is None:
            return False
        delta = abs(float(g["delta"]))
        said = any(abs(x - delta) < 0.051 for x in numbers_in(answer))
        return said and _direction_ok(answer, g["direction"])
    if kind == "since":
        return since_present(answer, g["date"], today)
    if kind == "yes_no":
        if q["operation"] == "still_taking":
            return taking_polarity(answer) == g["answer"]
        polarity = record_polarity(answer, g.get("first"))
        if polarity != g["answer"]:
            return False
        return not (
            g["answer"] == "yes" and g["ask_first"] and not date_present(answer, g["first"])
        )
    raise ValueError(f"unknown gold kind {kind}")


def has_record(q: dict[str, Any]) -> bool:
    g = q["gold"]
    return not (g["kind"] == "yes_no" and q["operation"] == "any_record" and g["answer"] == "no")


_QUOTE_LINE = re.compile(r"^\s*[-•]\s.*[“\"].*[”\"].*\[\d+\]\s*$")


def quoted(answer: str) -> bool:
    """The answer only quotes passages of the notes (no claim of its own)."""
    lines = [ln for ln in answer.splitlines() if ln.strip()]
    return (
        len(lines) >= 2
        and lines[0].rstrip().endswith(":")
        and all(_QUOTE_LINE.match(ln) for ln in lines[1:])
    )


def score(
    q: dict[str, Any], answer: str, refused: bool, today: dt.date, visit_dates: list[str]
) -> dict[str, Any]:
    """{"outcome", "quoted", "false_no_record"} for one answer."""
    record = has_record(q)
    quote = not refused and quoted(answer)
    if refused:
        outcome = "refused" if record else "correct"
    elif quote:
        outcome = "refused"
    else:
        outcome = "correct" if matches(q, answer, today, visit_dates) else "wrong"
    claims_none = bool(NO_RECORD.search(answer))
    return {
        "outcome": outcome,
        "quoted": quote,
        "false_no_record": record and claims_none and outcome != "correct",
    }
