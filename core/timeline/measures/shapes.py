"""Readings that a label, a few bridging words and one value do not catch (measures.py):
a second reading of the same measure in the same breath ("BP 142/90 (L), 138/88 (R)",
"pain 4/10 at rest, 7/10 with activity", "flexion: R 120° L 110°"), blood pressure by
its halves ("systolic 140, diastolic 90"), a weight or a saturation with no label ("82
kg", "97% on room air"), and the range-of-motion details: the sign of "ext -5", and the
abbreviations ("IR", "ER", "DF") that are joint motions only where a joint is in sight."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.timeline.resources import HEB

# -- blood pressure -----------------------------------------------------------------------
_BP_WORDS = (
    r"repeat(?:ed)?|recheck(?:ed)?|on recheck|on repeat|second|2nd|third|3rd|manual|manually|"
    r"lying|supine|sitting|seated|standing|after rest|r|l|rt|lt|right|left|arm|and|then|"
    r"חוזר|בחזרה|במדידה חוזרת|בעמידה|בשכיבה|בישיבה|ימין|שמאל|ו"
)
# What may stand between one reading and the next: a bracket ("(L)"), a comma, a few words.
_BP_MORE = re.compile(
    rf"(?:\s*(?:\([^()\n]{{0,24}}\)|[,;&]|(?:{_BP_WORDS})(?![\w{HEB}])))*\s*[:=]?\s*"
    rf"(?<![\d/.])(\d{{2,3}})\s*/\s*(\d{{2,3}})(?![\d/])(?:\s*(?:mm\s?hg|ממ\"כ))?",
    re.IGNORECASE,
)


def more_bp(text: str, end: int) -> Iterator[tuple[int, int, float, float]]:
    """Further believable readings right after a blood pressure read up to `end`."""
    while (m := _BP_MORE.match(text, end)) is not None:
        s, d = float(m.group(1)), float(m.group(2))
        if not (50 <= s <= 260 and 25 <= d <= 160 and s > d):
            return
        yield m.start(1), m.end(), s, d
        end = m.end()


_SYS_DIA = re.compile(
    r"(?<![\w])(?:systolic|sbp|sys|סיסטולי|סיסטולית)(?:\s+(?:bp|blood pressure))?\s*[:=]?\s*"
    r"(\d{2,3})\s*(?:mm\s?hg)?\s*[,;/]?\s*(?:and\s+|ו)?(?:diastolic|dbp|dia|דיאסטולי|דיאסטולית)"
    r"(?:\s+(?:bp|blood pressure))?\s*[:=]?\s*(\d{2,3})(?![\d])",
    re.IGNORECASE,
)


def split_bp(text: str) -> Iterator[tuple[int, int, float, float]]:
    """ "systolic 140, diastolic 90", "SBP 150 DBP 92": a pressure written by its halves."""
    for m in _SYS_DIA.finditer(text):
        yield m.start(), m.end(), float(m.group(1)), float(m.group(2))


# -- pain -----------------------------------------------------------------------------------
_PAIN_MORE = re.compile(
    rf"[^\d\n.;]{{0,30}}?,\s*(?:and\s+)?(?:[a-z{HEB} ]{{0,25}}?\s)?(\d{{1,2}})\s*/\s*10(?![\d])",
    re.IGNORECASE,
)


def more_pain(text: str, end: int) -> Iterator[tuple[int, int, float]]:
    """ "pain 4/10 at rest, 7/10 with activity": the second score of the same sentence."""
    for _ in range(3):
        m = _PAIN_MORE.match(text, end)
        if m is None:
            return
        yield m.start(1), m.end(), float(m.group(1))
        end = m.end()


# -- values with no label -------------------------------------------------------------------
BARE_KG = re.compile(
    rf"(?<![\w/.\d,])(\d{{2,3}}(?:[.,]\d)?)\s*(?:kg|kgs|kilograms?|ק[\"״]ג)(?![\w{HEB}/])",
    re.IGNORECASE,
)
# "O2 98%", "97% on room air": a saturation.
SATURATION = re.compile(
    r"(?<![\w/])(?:o2|pox)\s*[:=]?\s*(\d{2,3})\s*%|(?<![\w/.\d])(\d{2,3})\s*%\s*(?:on\s+)?"
    rf"(?:ra|room air|r/a|באוויר החדר|באויר החדר|באוויר חדר)(?![\w{HEB}])",
    re.IGNORECASE,
)
# "170 cm tall".
TALL = re.compile(
    r"(?<![\w/.\d])(\d{1,3}(?:[.,]\d{1,2})?)\s*(cm|m|in|inches|ס[\"״]מ|מטר)\s+(?:tall|גובה)(?![\w])",
    re.IGNORECASE,
)
# "Weight 85.0 kg (187 lb)", "Ht 170 cm (5'7\")": the same reading in other units.
_CONVERSION_OPEN = re.compile(r"\s*\(\s*(?:=\s*|approx\.?\s*|~\s*)?$")


def is_conversion(text: str, prev_end: int, start: int) -> bool:
    """Whether a reading at `start` only restates, in brackets, the one ending at `prev_end`."""
    return 0 <= start - prev_end <= 12 and bool(_CONVERSION_OPEN.match(text[prev_end:start]))


# -- range of motion --------------------------------------------------------------------------
_ROM_ABBREVIATION = re.compile(r"(?<![\w])(?:ir|er|df|pf|ff)(?![\w])", re.IGNORECASE)
_ROM_CONTEXT = re.compile(
    r"(?<![\w])(?:a?rom|prom|range of motion|flexion|extension|abduction|rotation|knee|hip|"
    r"shoulder|elbow|ankle|wrist|neck|cervical|lumbar|spine|thumb|toe|hallux)(?![\w])|"
    r"טווח תנועה|ברך|ירך|כתף|מרפק|קרסול|שורש כף היד|צוואר",
    re.IGNORECASE,
)


def rom_in_context(text: str, start: int, label: str, unit: str | None) -> bool:
    """An abbreviation ("ER 45") is a motion only after a joint or another motion on its
    line, or with a degree sign: "sent to ER 35 min later" is none."""
    if not _ROM_ABBREVIATION.search(label) or _ROM_CONTEXT.search(label) or unit:
        return True
    line = text[max(text.rfind("\n", 0, start), text.rfind(".", 0, start), 0) : start]
    return bool(_ROM_CONTEXT.search(line))


def rom_value(raw: str) -> float:
    """The reach of a written value: a range's end ("0-120" is 120); a minus after a space
    ("ext -5") makes it short of neutral."""
    last = re.search(r"(-?)(\d{1,4})\s*$", raw)
    if last is None:
        raise ValueError(raw)
    value = float(last.group(2))
    ranged = re.search(r"\d\s*°?\s*$", raw[: last.start()])
    return -value if last.group(1) and not ranged else value


_ROM_MORE = re.compile(
    r"\s*(?:[,;/&]|and)?\s*(?:(?:a?rom|prom|active|passive|left|right|lt|rt|l|r|ימין|שמאל)"
    rf"(?![\w{HEB}])\s*:?\s*)+((?:(?<=[\s:=(])-)?\d{{1,3}})\s*(°|deg(?:rees?)?|מעלות)?(?![\d/]|\.\d)",
    re.IGNORECASE,
)
_ROM_PAIR = re.compile(r"\s*/\s*(\d{1,3})\s*(°|deg(?:rees?)?)?(?![\d/]|\.\d)", re.IGNORECASE)


def more_rom(text: str, end: int, raw: str) -> Iterator[tuple[int, int, float]]:
    """The other sides or kinds of the same motion: "R 120° L 110°", "AROM 120/PROM 140",
    "R/L 120/115"."""
    if re.match(r"\s*(?:r/l|l/r)", raw, re.IGNORECASE):
        m = _ROM_PAIR.match(text, end)
        if m is not None:
            yield m.start(1), m.end(), float(m.group(1))
        return
    for _ in range(3):
        m = _ROM_MORE.match(text, end)
        if m is None:
            return
        yield m.start(1), m.end(), rom_value(m.group(1))
        end = m.end()


# -- height and weight together, and a blood pressure by its place -------------------------
_HW_LABEL = r"(ht|height|wt|weight|גובה|משקל)"
_HW_UNIT = r"(cm|m|in|kg|kgs|lbs?|ס[\"״]מ|ק[\"״]ג)"
HEIGHT_WEIGHT = re.compile(
    rf"(?<![\w{HEB}]){_HW_LABEL}\s*/\s*{_HW_LABEL}\s*[:=]?\s*(\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*"
    rf"{_HW_UNIT}?\s*/\s*(\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*{_HW_UNIT}?(?![\w{HEB}/])",
    re.IGNORECASE,
)
# "Vitals: 124/78, 70, 98% RA": a pressure is the first pair of a vitals line.
VITALS_BP = re.compile(
    rf"(?<![\w{HEB}])(?:vitals?|vital signs|vs|v/s|סימנים חיוניים|ס[\"״]ח)(?![\w{HEB}])"
    r"[^.\n\d]{0,20}?(?<![\d/.])(\d{2,3})\s*/\s*(\d{2,3})(?![\d/])",
    re.IGNORECASE,
)
