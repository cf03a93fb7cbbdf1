"""Measurements as clinicians type them: "BP 128/82", "blood pressure 130 over 85",
"Wt 82kg", "weight 180 lb", "pain 6/10", "A1c 7.1%", "LDL 3.4 mmol/L", "לחץ דם 130/85",
"משקל 82 ק״ג". A label, a few bridging words ("was", "of", "today", ":"), a value and an
optional unit. A value that states a target ("goal A1c < 7", "target BP 130/80") is no
reading. An unbelievable value, or one whose unit cannot be told, becomes a Flag."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from core.timeline.measures.ehr_lines import ehr_lines
from core.timeline.measures.shapes import (
    BARE_KG,
    HEIGHT_WEIGHT,
    SATURATION,
    TALL,
    VITALS_BP,
    is_conversion,
    more_bp,
    more_pain,
    more_rom,
    rom_in_context,
    rom_value,
    split_bp,
)
from core.timeline.measures.specs import BRIDGE, PLAUSIBLE, SPECS, Spec
from core.timeline.measures.units import SHOWN, convert, converts, with_unit
from core.timeline.reading.earlier import earlier_value
from core.timeline.resources import HEB, HEB_PREFIX
from core.timeline.types import MEASURES, Fact, Flag

_THRESHOLD = re.compile(
    r"(?:<|(?<![-=])>|≤|≥|=<|under|below|above|less than|at most|פחות מ|מתחת ל)\s*$"
)
_TARGET_WORDS = re.compile(
    r"(?:\b(?:target|goal|aim|aiming|keep|maintain|should be|ideally|ideal|usual|threshold)\b|"
    r"יעד|מטרה|אידיאלי|הרגיל)",
    re.IGNORECASE,
)


# "Body mass index 30+ - obesity (finding)", "Chronic kidney disease stage 3 (disorder)": a
# condition's name as coded terminologies write it, whose numbers are no readings.
_CONDITION_LINE = re.compile(
    r"[^\n;]*\((?:finding|disorder|situation|morphologic abnormality)\)", re.IGNORECASE
)


# "bp120/80", "hr72": a label of two letters or more typed onto its number ("T3" is a
# hormone, not a temperature of 3).
_GLUED = r"(?<=[a-z]{2})(?=\d{2,3}(?![\d]))"


def _compile(spec: Spec) -> re.Pattern[str]:
    label = "|".join(f"(?:{x})" for x in sorted(spec.labels, key=len, reverse=True))
    unit = rf"\s*(?P<unit>{spec.units})(?![\w{HEB}])" if spec.units else ""
    # "Weight (kg): 82", "Wt (lbs) 180": the unit written with the label.
    label_unit = rf"(?:\s*\(\s*(?P<label_unit>{spec.units})\s*\))?" if spec.units else ""
    # "Temp. 37.5", "WT. 80kg": an abbreviation's dot. A number that a slash or a dash
    # carries on ("03/2024", "2024-03-05") is a date (a range of motion's "R/L 120/115" is not).
    not_date = "" if spec.names == ("rom",) else r"|/\d|-\d{1,2}-"
    # "glucose 2h post-meal 180": a number of hours is when it was taken, not its value
    # ("1.5 HR 72" is a value and the next label: "hr" counts only glued to its number).
    not_date += rf"|(?:[^\S\n]?(?:h|hrs|hours?|שעות|שעתיים)|hr)(?![\w{HEB}])"
    return re.compile(
        rf"(?<![\w{HEB}/])(?P<label>{label})(?:(?![\w{HEB}])|{_GLUED})\.?{label_unit}{BRIDGE}"
        rf"(?P<value>{spec.value})(?![\d+]|s(?![\w]){not_date})(?:{unit})?",
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
        rf"(?<![\w{HEB}/.\d])(?P<value>{spec.value})(?![\d+]){unit}\s*(?:(?:of|on|in)\s+)?"
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
_CHANGE_AFTER = re.compile(r"\s*(?:loss|gain|weight loss|lost|down|up|less|more)(?![\w])", re.I)
_DURATION = re.compile(r"\s*(?:days?|weeks?|months?|hours?|ימים|שבועות|חודשים|שעות)(?![\w])")
_GRIP = re.compile(r"grip|jamar|dynamomet|pinch|אחיזה|צביטה", re.IGNORECASE)
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
        (r"^(in|inches|\"|”|'')$", "in"),
        (r"^(°f|degreesf|degreef|degreesfahrenheit|fahrenheit|f)$", "f"),
        (r"^(°c|degreesc|degreec|degreescelsius|celsius|c)$", "c"),
        (r"^(mmol/l|mmol|ממול/ל)$", "mmol/l"),
        (r"^([uµμ]mol/l|מיקרומול/ל)$", "umol/l"),
        (r"^(mg/dl|מ[\"״]?ג/ד[\"״]?ל)$", "mg/dl"),
        (r"^meq/l$", "mmol/l"),
        (r"^g/l$", "g/l"),
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
    if name == "triglycerides" and value < 25:
        return "mmol/l"
    if name == "hemoglobin" and value > 30:
        return "g/l"
    if name == "height" and value < 3:
        return "m"
    if name == "a1c" and value > 25:
        return "mmol/mol"
    return None


def _is_target(text: str, label_start: int, value_start: int, *, censored: bool = False) -> bool:
    """A goal ("target BP < 130/80", "goal A1c under 7"). With `censored`, a laboratory
    that reports "eGFR >90" states a result: only words make it a goal."""
    before = text[max(0, label_start - 30) : label_start]
    # "goal 70 kg, BMI 33", "(target <130/80) | HR 88": a goal's words end at its clause.
    before = re.split(r"[.;\n|)]|,(?!\d)", before)[-1]
    between = text[label_start:value_start]
    threshold = _THRESHOLD.search(text[max(0, value_start - 12) : value_start])
    if threshold is not None and censored and threshold.group(0).strip() in (">", "≥", ">="):
        threshold = None
    return bool(_TARGET_WORDS.search(before) or _TARGET_WORDS.search(between) or threshold)


def _as_written(name: str, raw: str, unit_written: str | None) -> str | None:
    """The value and its unit as the note wrote them ("3.1 mmol/L"; "LDL 3.1" alone is in
    mmol/L too), where the stored value is converted from them; else None."""
    key = _infer(name, _number(raw), _unit_key(unit_written))
    if key is None or not converts(name, key):
        # A trailing zero the stored number drops ("K 4.0", "Hb 13.50"): kept as written.
        if re.search(r"[.,]\d*0$", raw):
            return with_unit(raw, unit_written or MEASURES[name])
        return None
    return f"{raw} {unit_written.strip() if unit_written else SHOWN.get(key, key)}"


def _reading(name: str, raw: str, unit: str | None) -> float:
    value = _number(raw)
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


_WEIGHT_LABELS = next(s.labels for s in SPECS if s.names == ("weight",))
# "Wt 12 st 4 lb", "weighs 11 stone": a weight in stones and pounds, the British way. Only
# after a weight's label: "st" alone is a saint's or a street's.
_STONES = re.compile(
    rf"(?<![\w{HEB}/])(?:{'|'.join(_WEIGHT_LABELS)})\s*[:=]?\s*"
    r"(?P<written>(?P<st>\d{1,2})\s*(?:st|stones?)\b"
    r"(?:\.?\s*(?P<lb>\d{1,2}(?:\.\d+)?)\s*(?:lbs?|pounds?)\b)?)",
    re.IGNORECASE,
)


def _stones(text: str) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, kilograms, as written) of each weight written in stones."""
    for m in _STONES.finditer(text):
        pounds = int(m.group("st")) * 14 + float(m.group("lb") or 0)
        yield m.start(), m.end(), round(convert("weight", pounds, "lb"), 2), m.group("written")


def read_measurements(text: str) -> tuple[list[Fact], list[Flag]]:
    facts: list[Fact] = []
    flags: list[Flag] = []
    taken: list[tuple[int, int]] = [m.span() for m in _CONDITION_LINE.finditer(text)]

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def emit_all(
        names: tuple[str, ...],
        values: list[float],
        a: int,
        b: int,
        written: Sequence[str | None] = (),
    ) -> None:
        """All the values of one reading are facts, or none is: "BP 1280/82" keeps no
        diastolic either. `written`: each value as the note wrote it, where converted."""
        span = text[a:b]
        for name, value in zip(names, values, strict=True):
            lo, hi = PLAUSIBLE[name]
            if not lo <= value <= hi:
                flags.append(Flag(name, a, b, span, f"{value:g} is outside {lo:g}–{hi:g}"))
                return
        shown = [*written, *([None] * (len(names) - len(written)))]
        for name, value, as_written in zip(names, values, shown, strict=True):
            unit = MEASURES[name]
            fact = Fact("measurement", name, a, b, span, value=value, unit=unit, written=as_written)
            facts.append(fact)

    def _read(spec: Spec, m: re.Match[str], a: int, b: int) -> None:
        written = m.group("unit") if spec.units else None
        written = written or m.groupdict().get("label_unit")
        unit = _unit_key(written)
        if spec.names == ("rom",):
            _read_rom(m, a, b, written)
            return
        groups = re.findall(r"\d+(?:[.,]\d+)?", m.group("value"))[: len(spec.names)]
        if spec.names == ("height",) and unit is None and _number(groups[0]) >= 3:
            unit = "cm"
        if spec.names == ("weight",) and unit is None:
            unit = "kg"  # the practice's unit; a pound value would read as implausible
        taken.append((a, b))
        if spec.names[0] == "bp_systolic" and float(groups[0]) <= float(groups[1]):
            flags.append(Flag("bp_systolic", a, b, text[a:b], "systolic not above diastolic"))
            return
        pairs = list(zip(spec.names, groups, strict=True))
        emit_all(
            spec.names,
            [_reading(n, r, unit) for n, r in pairs],
            a,
            b,
            [_as_written(n, r, written) for n, r in pairs],
        )
        if spec.names[0] == "bp_systolic" and facts and facts[-1].end == b:
            for a2, b2, sys, dia in more_bp(text, b):
                if not free(a2, b2):
                    break
                taken.append((a2, b2))
                emit_all(spec.names, [sys, dia], a2, b2)
        elif spec.names == ("pain",) and facts and facts[-1].end == b:
            for a2, b2, score in more_pain(text, b):
                if not free(a2, b2) or _is_target(text, a2, a2):
                    break
                taken.append((a2, b2))
                emit_all(spec.names, [score], a2, b2)

    def _read_rom(m: re.Match[str], a: int, b: int, unit: str | None) -> None:
        label, raw = m.group("label"), m.group("value")
        if not rom_in_context(text, a, label, unit):
            return
        taken.append((a, b))
        detail = " ".join(label.split()).casefold()
        readings = [(a, b, rom_value(raw))]
        for a2, b2, value in more_rom(text, b, raw):
            if not free(a2, b2):
                break
            taken.append((a2, b2))
            readings.append((a2, b2, value))
        lo, hi = PLAUSIBLE["rom"]
        for a2, b2, value in readings:
            span = text[a2:b2]
            if lo <= value <= hi:
                facts.append(
                    Fact("measurement", "rom", a2, b2, span, value=value, unit="°", detail=detail)
                )
            else:
                flags.append(Flag("rom", a2, b2, span, f"{value:g} is outside {lo:g}–{hi:g}"))

    for line in ehr_lines(text):
        taken.append((line.start, line.end))
        emit_all((line.measure,), [line.value], line.start, line.end, [line.written])
    for start, end, kg, as_written in _stones(text):
        emit_all(("weight",), [kg], start, end, [as_written])
        taken.append((start, end))
    for start, end, cm in _heights(text):
        feet = re.sub(r"^(?:ht|height)?\s*[:=]?\s*", "", text[start:end], flags=re.I).strip()
        emit_all(("height",), [cm], start, end, [feet])
        taken.append((start, end))
    for spec, pattern, first in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.start(), m.end()
            censored = spec.names == ("egfr",)
            if not free(a, b) or _is_target(
                text, m.start("label"), m.start("value"), censored=censored
            ):
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
            emit_all((name,), [float(m.group(1))], a, b)
    for pattern, names in (
        (_BARE_BP, ("bp_systolic", "bp_diastolic")),
        (_REPEAT_BP if bp_said else None, ("bp_systolic", "bp_diastolic")),
        (_PAIN_FIRST, ("pain",)),
        (_BARE_BPM, ("heart_rate",)),
    ):
        for m in pattern.finditer(text) if pattern is not None else ():
            a, b = m.span()
            if not free(a, b) or _is_target(text, a, a):
                continue
            taken.append((a, b))
            emit_all(names, [float(g) for g in m.groups()], a, b)
    for m in HEIGHT_WEIGHT.finditer(text):
        a, b = m.span()
        if not free(a, b):
            continue
        taken.append((a, b))
        for label, raw, written in (
            (m.group(1), m.group(3), m.group(4)),
            (m.group(2), m.group(5), m.group(6)),
        ):
            if re.match(r"(?i)ht|height|גובה", label):
                unit = _unit_key(written) or ("cm" if _number(raw) >= 3 else "m")
                emit_all(("height",), [_reading("height", raw, unit)], a, b)
            else:
                unit = _unit_key(written) or "kg"
                emit_all(("weight",), [_reading("weight", raw, unit)], a, b)
    for m in VITALS_BP.finditer(text):
        a, b = m.start(1), m.end()
        s, d = float(m.group(1)), float(m.group(2))
        if free(a, b) and s > d:
            taken.append((a, b))
            emit_all(("bp_systolic", "bp_diastolic"), [s, d], a, b)
    for m in TALL.finditer(text):
        a, b = m.span()
        if free(a, b):
            taken.append((a, b))
            cm = _reading("height", m.group(1), _unit_key(m.group(2)))
            emit_all(("height",), [cm], a, b)
    for a, b, sys, dia in split_bp(text):
        if free(a, b) and not _is_target(text, a, a):
            taken.append((a, b))
            emit_all(("bp_systolic", "bp_diastolic"), [sys, dia], a, b)
    for m in SATURATION.finditer(text):
        a, b = m.span()
        if free(a, b) and not _is_target(text, a, a):
            taken.append((a, b))
            emit_all(("spo2",), [float(m.group(1) or m.group(2))], a, b)
    for pattern, unit, low in ((_BARE_LB, "lb", 60.0), (BARE_KG, "kg", 25.0)):
        for m in pattern.finditer(text):
            a, b = m.span()
            value = _number(m.group(1))
            if value < low or not free(a, b) or _CHANGE_BEFORE.search(text[max(0, a - 30) : a]):
                continue
            if _is_target(text, a, a) or _CHANGE_AFTER.match(text[b:]):
                continue
            if _GRIP.search(text, text.rfind("\n", 0, a) + 1, a):
                continue  # "grip (Jamar) R 18 kg, L 25 kg": a strength, not a weight
            taken.append((a, b))
            weight = round(convert("weight", value, unit), 2)
            emit_all(("weight",), [weight], a, b, [_as_written("weight", m.group(1), unit)])
    facts = [f for f in facts if not earlier_value(text, f.start, f.end)]
    # "no flank pain\n3 days of cough": a number of days is no pain score.
    facts = [f for f in facts if not (f.name == "pain" and _DURATION.match(text, f.end))]
    return _without_conversions(text, sorted(facts, key=lambda f: f.start)), flags


def _without_conversions(text: str, facts: list[Fact]) -> list[Fact]:
    """A reading restated in brackets in another unit is the same reading, kept once."""
    out: list[Fact] = []
    for f in facts:
        prev = next((p for p in reversed(out) if p.name == f.name and p.end <= f.start), None)
        if prev is not None and f.name != "rom" and is_conversion(text, prev.end, f.start):
            continue
        out.append(f)
    return out


def _number(raw: str) -> float:
    """ "82.5" and "82,5" alike."""
    return float(raw.replace(",", "."))
