"""Measurements as clinicians type them: "BP 128/82", "blood pressure 130 over 85",
"Wt 82kg", "weight 180 lb", "pain 6/10", "A1c 7.1%", "LDL 3.4 mmol/L", "לחץ דם 130/85",
"משקל 82 ק״ג". A label, a few bridging words ("was", "of", "today", ":"), a value and an
optional unit. A value that states a target ("goal A1c < 7", "target BP 130/80") is no
reading. An unbelievable value, or one whose unit cannot be told, becomes a Flag."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.timeline.measure_specs import BRIDGE, HEB, HEB_PREFIX, SPECS, Spec
from core.timeline.types import MEASURES, Fact, Flag
from core.timeline.units import convert

_THRESHOLD = re.compile(r"(?:<|>|≤|≥|=<|under|below|above|less than|at most|פחות מ|מתחת ל)\s*$")
_TARGET_WORDS = re.compile(
    r"(?:\b(?:target|goal|aim|aiming|keep|maintain|should be|ideally|threshold)\b|יעד|מטרה)",
    re.IGNORECASE,
)


def _compile(spec: Spec) -> re.Pattern[str]:
    label = "|".join(f"(?:{x})" for x in sorted(spec.labels, key=len, reverse=True))
    unit = rf"\s*(?P<unit>{spec.units})(?![\w{HEB}])" if spec.units else ""
    return re.compile(
        rf"(?<![\w{HEB}/])(?P<label>{label})(?![\w{HEB}]){BRIDGE}(?P<value>{spec.value})"
        rf"(?![\d])(?:{unit})?",
        re.IGNORECASE,
    )


# "128/82 BP", "110° of knee flexion", "82 kg body weight": the value leads. A unit is
# needed (BP's slash is its own), and a change ("lost 5 kg weight") is no reading.
_FIRST = frozenset(
    [
        *("bp_systolic", "heart_rate", "weight", "bmi", "spo2", "a1c", "glucose", "ldl"),
        *("hdl", "total_cholesterol", "creatinine", "egfr", "rom"),
    ]
)


def _compile_first(spec: Spec) -> re.Pattern[str]:
    label = "|".join(f"(?:{x})" for x in sorted(spec.labels, key=len, reverse=True))
    unit = rf"\s*(?P<unit>{spec.units})(?![\w{HEB}])"
    unit = f"(?:{unit})?" if spec.names[0] == "bp_systolic" else unit
    return re.compile(
        rf"(?<![\w{HEB}/.\d])(?P<value>{spec.value})(?![\d]){unit}\s*(?:(?:of|on|in)\s+)?"
        rf"(?:the\s+)?(?P<label>{label})(?![\w{HEB}])(?!\s*(?:loss|gain|change|reduction|drop))",
        re.IGNORECASE,
    )


_PATTERNS = [
    (spec, _compile(spec), _compile_first(spec) if spec.names[0] in _FIRST else None)
    for spec in SPECS
]
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:lost|lose|loses|losing|gained|gain|gains|gaining|down|up|dropped|loss of|gain of|"
    r"put on|reduced|by|additional|another|extra|lift|lifts|lifting|carry|carrying|push|pull)"
    r"|[+\-±])\s*$",
    re.IGNORECASE,
)
# "180 lbs" with no label is a weight; "72 bpm" a heart rate.
_BARE_LB = re.compile(r"(?<![\w/.\d])(\d{2,3}(?:\.\d)?)\s*(?:lbs?|pounds)(?![\w])", re.I)
_BARE_BPM = re.compile(
    r"(?<![\w/.\d])(\d{2,3})\s*(?:bpm|beats per minute|beats/min)(?![\w])", re.IGNORECASE
)
# "128/82 mmHg" with no label, and "6/10 pain": the value leads.
_BARE_BP = re.compile(r"(?<![\d/.])(\d{2,3})\s*/\s*(\d{2,3})\s*(?:mm\s?hg|ממ\"כ)", re.IGNORECASE)
# "BP 131/84 sitting, repeat 129/83": a second reading in the same sentence.
_REPEAT_BP = re.compile(
    r"(?:repeat(?:ed)?|recheck(?:ed)?|on recheck|then|second reading|2nd reading|manual|"
    r"חוזר|במדידה חוזרת)\s*:?\s*(\d{2,3})\s*/\s*(\d{2,3})(?![\d/])",
    re.IGNORECASE,
)
# "scored 13 on the GAD-7": the questionnaires' score before their name.
_SCORED = re.compile(
    r"(?<![\w/])(?:scored|score of|scores|a score of|ציון(?: של)?|קיבל(?:ה)?(?: ציון)?|"
    r"הציון)\s+(\d{1,2})(?:\s*(?:points|נקודות|/\s*\d{1,2}))?\s+(?:on|in|at|ב-?|בשאלון)\s*"
    r"(?:the\s+)?(?:שאלון\s+)?(phq[- ]?9|phq[- ]?2|gad[- ]?7)(?![\w-])",
    re.IGNORECASE,
)
_SCORE_BOUNDS = {"phq9": (0.0, 27.0), "phq2": (0.0, 6.0), "gad7": (0.0, 21.0)}
_PAIN_FIRST = re.compile(rf"(?<![\d/.])(\d{{1,2}})\s*/\s*10\s+(?:{HEB_PREFIX}כאב|pain)", re.I)


def _unit_key(raw: str | None) -> str | None:
    """A written unit to a short key: "kgs" → kg, "°F" → f, "ק״ג" → kg."""
    if not raw:
        return None
    u = re.sub(r"\s", "", raw.casefold())
    table = (
        (r"^(kg|kgs|kilo|kilos|kilogram|kilograms|ק[\"״]?ג|קילו|קילוגרם)$", "kg"),
        (r"^(lb|lbs|pound|pounds|#)$", "lb"),
        (r"^(cm|centimet(er|re)s?|ס[\"״]?מ)$", "cm"),
        (r"^(m|met(er|re)s?|מטר)$", "m"),
        (r"^(in|inches)$", "in"),
        (r"^(°f|degreesf|degreef|degreesfahrenheit|fahrenheit|f)$", "f"),
        (r"^(°c|degreesc|degreec|degreescelsius|celsius|c)$", "c"),
        (r"^(mmol/l|mmol|ממול/ל)$", "mmol/l"),
        (r"^[uµμ]mol/l$", "umol/l"),
        (r"^mmol/mol$", "mmol/mol"),
    )
    return next((key for pattern, key in table if re.match(pattern, u)), u)


def _infer(name: str, value: float, unit: str | None) -> str | None:
    """The unit of a value written without one, where its size tells; None when it can't."""
    if unit is not None and unit not in ("°", "מעלות"):
        return unit
    if name == "temperature":
        return "f" if value > 50 else "c"
    if name in ("ldl", "hdl", "total_cholesterol") and value < 15:
        return "mmol/l"
    if name == "glucose" and value < 35:
        return "mmol/l"
    if name == "creatinine" and value > 20:
        return "umol/l"
    if name == "height" and value < 3:
        return "m"
    if name == "a1c" and value > 25:
        return "mmol/mol"
    return None


def _is_target(text: str, label_start: int, value_start: int) -> bool:
    before = text[max(0, label_start - 30) : label_start]
    before = re.split(r"[.;\n]", before)[-1]
    between = text[label_start:value_start]
    return bool(
        _TARGET_WORDS.search(before)
        or _TARGET_WORDS.search(between)
        or _THRESHOLD.search(text[max(0, value_start - 12) : value_start])
    )


def _reading(name: str, raw: str, unit: str | None) -> float:
    value = float(raw)
    key = _infer(name, value, unit)
    return round(convert(name, value, key) if key else value, 2)


def _heights(text: str) -> Iterator[tuple[int, int, float]]:
    """5'7", 5 ft 7 in: feet and inches in one value."""
    pattern = re.compile(
        r"(?<![\w/])(?:ht|height)?\s*[:=]?\s*(\d)\s*(?:'|’|ft|feet|foot)\s*(\d{1,2})?\s*"
        r"(?:\"|”|''|in(?:ches)?)?(?![\w\d])",
        re.IGNORECASE,
    )
    for m in pattern.finditer(text):
        if not re.search(r"'|’|ft|feet|foot", m.group(0), re.I):
            continue
        feet, inches = int(m.group(1)), int(m.group(2) or 0)
        yield m.start(), m.end(), round(convert("height", feet * 12 + inches, "in"), 1)


def read_measurements(text: str) -> tuple[list[Fact], list[Flag]]:
    facts: list[Fact] = []
    flags: list[Flag] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def emit_all(
        names: tuple[str, ...],
        values: list[float],
        a: int,
        b: int,
        bounds: tuple[tuple[float, float], ...],
    ) -> None:
        """All the values of one reading are facts, or none is: "BP 1280/82" keeps no
        diastolic either."""
        span = text[a:b]
        for name, value, (lo, hi) in zip(names, values, bounds, strict=True):
            if not lo <= value <= hi:
                flags.append(Flag(name, a, b, span, f"{value:g} is outside {lo:g}–{hi:g}"))
                return
        for name, value in zip(names, values, strict=True):
            facts.append(Fact("measurement", name, a, b, span, value=value, unit=MEASURES[name]))

    def _read(spec: Spec, m: re.Match[str], a: int, b: int) -> None:
        unit = _unit_key(m.group("unit")) if spec.units else None
        groups = re.findall(r"\d+(?:\.\d+)?", m.group("value"))
        if spec.names == ("rom",):  # "0–120°": a range's end is the reach
            groups = groups[-1:]
        groups = groups[: len(spec.names)]
        if spec.names == ("height",) and unit is None and float(groups[0]) >= 3:
            unit = "cm"
        if spec.names == ("weight",) and unit is None:
            unit = "kg"  # the practice's unit; a pound value would read as implausible
        taken.append((a, b))
        if spec.names == ("rom",):
            detail = " ".join(m.group("label").split()).casefold()
            value = float(groups[0])
            if 0 <= value <= 200:
                span = text[a:b]
                facts.append(
                    Fact("measurement", "rom", a, b, span, value=value, unit="°", detail=detail)
                )
            else:
                flags.append(Flag("rom", a, b, text[a:b], f"{value:g} is outside 0–200"))
            return
        if spec.names[0] == "bp_systolic" and float(groups[0]) <= float(groups[1]):
            flags.append(Flag("bp_systolic", a, b, text[a:b], "systolic not above diastolic"))
            return
        emit_all(
            spec.names,
            [_reading(n, r, unit) for n, r in zip(spec.names, groups, strict=True)],
            a,
            b,
            spec.plausible,
        )

    for start, end, cm in _heights(text):
        emit_all(("height",), [cm], start, end, ((40, 230),))
        taken.append((start, end))
    for spec, pattern, first in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.start(), m.end()
            if not free(a, b) or _is_target(text, m.start("label"), m.start("value")):
                continue
            between = text[m.end("label") : m.start("value")]
            if first is not None and "," in between and first.match(text, m.start("value")):
                continue  # "flexion, 5° extension": the value is the next label's
            _read(spec, m, a, b)
    for spec, _, first in _PATTERNS:
        for m in first.finditer(text) if first is not None else ():
            a, b = m.start(), m.end()
            if not free(a, b) or _is_target(text, a, a) or _CHANGE_BEFORE.search(text[:a]):
                continue
            _read(spec, m, a, b)
    bp_said = any(f.name == "bp_systolic" for f in facts)
    for m in _SCORED.finditer(text):
        a, b = m.span()
        if free(a, b):
            taken.append((a, b))
            name = re.sub(r"[- ]", "", m.group(2)).casefold()
            emit_all((name,), [float(m.group(1))], a, b, (_SCORE_BOUNDS[name],))
    for pattern, names, bounds in (
        (_BARE_BP, ("bp_systolic", "bp_diastolic"), ((50, 260), (25, 160))),
        (_REPEAT_BP if bp_said else None, ("bp_systolic", "bp_diastolic"), ((50, 260), (25, 160))),
        (_PAIN_FIRST, ("pain",), ((0, 10),)),
        (_BARE_BPM, ("heart_rate",), ((20, 250),)),
    ):
        for m in pattern.finditer(text) if pattern is not None else ():
            a, b = m.span()
            if not free(a, b) or _is_target(text, a, a):
                continue
            taken.append((a, b))
            emit_all(names, [float(g) for g in m.groups()], a, b, bounds)
    for m in _BARE_LB.finditer(text):
        a, b = m.span()
        value = float(m.group(1))
        if value < 60 or not free(a, b) or _CHANGE_BEFORE.search(text[max(0, a - 30) : a]):
            continue
        if _is_target(text, a, a) or re.match(r"\s*(?:loss|gain|weight loss|lost|down)", text[b:]):
            continue
        taken.append((a, b))
        emit_all(("weight",), [round(convert("weight", value, "lb"), 2)], a, b, ((1, 350),))
    return sorted(facts, key=lambda f: f.start), flags
