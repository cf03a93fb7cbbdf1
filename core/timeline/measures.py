"""Measurements as clinicians type them: "BP 128/82", "blood pressure 130 over 85",
"Wt 82kg", "weight 180 lb", "pain 6/10", "A1c 7.1%", "LDL 3.4 mmol/L", "לחץ דם 130/85",
"משקל 82 ק״ג". A label, a few bridging words ("was", "of", "today", ":"), a value and an
optional unit. A value that states a target ("goal A1c < 7", "target BP 130/80") is no
reading. An unbelievable value, or one whose unit cannot be told, becomes a Flag."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.timeline.types import MEASURES, Fact, Flag
from core.timeline.units import convert

HEB = "\u05d0-\u05ea"
# Hebrew glues one-letter prefixes to a word ("ולחץ דם", "במשקל").
_HEB_PREFIX = "[והבלמשכ]?"
_NUM = r"\d{1,4}(?:\.\d{1,3})?"
# Words between a label and its value. Kept short: a value further away is another's.
_BRIDGE_WORDS = (
    r"is|was|were|of|at|now|today|measured|measures|reading|read|recorded|remains|remained|"
    r"came back|came in at|checked|level|value|result|score|scored|rated|rating|"
    r"sitting|standing|seated|resting|repeat|recheck|on recheck|on repeat|fasting|"
    r"down to|up to|increased to|decreased to|improved to|dropped to|rose to|"
    r"total|total score|screen|screening|score of|r arm|l arm|right arm|left arm|arm|"
    r"readings?|around|approximately|approx|about|~|ckd-epi|mdrd|to|"
    r"עומד על|עמד על|היה|הייתה|של|כעת|היום|נמדד|נמדדה|ירד ל|עלה ל|בצום|ערך|בעוצמה של|בעוצמה|"
    r"מוערך|ציון|בציון|בדרגה|בדרגת|דרגה|טוטאלי|כולל"
)
_BRIDGE = rf"(?:[\s:=\-–,()]|\b(?:{_BRIDGE_WORDS})\b|(?:{_BRIDGE_WORDS}))*?"
# A threshold right before the value makes it a target, not a reading.
_THRESHOLD = re.compile(r"(?:<|>|≤|≥|=<|under|below|above|less than|at most|פחות מ|מתחת ל)\s*$")
_TARGET_WORDS = re.compile(
    r"(?:\b(?:target|goal|aim|aiming|keep|maintain|should be|ideally|threshold)\b|יעד|מטרה)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Spec:
    names: tuple[str, ...]  # one per value group: BP has two
    labels: tuple[str, ...]  # regex alternatives, English and Hebrew
    value: str  # regex with one group per name
    units: str  # regex of the units this measure is written in (may be empty)
    plausible: tuple[tuple[float, float], ...]  # per name, in the stored unit


_SPECS: tuple[Spec, ...] = (
    Spec(
        ("bp_systolic", "bp_diastolic"),
        (
            r"b/?p",
            r"blood pressure",
            r"bld press",
            rf"{_HEB_PREFIX}לחץ דם",
            rf"{_HEB_PREFIX}ל[\"״]ד",
        ),
        r"(\d{2,4})\s*(?:/|over|\\|על)\s*(\d{2,4})",
        r"mm\s?hg|ממ\"כ|מ\"מ כספית",
        ((50, 260), (25, 160)),
    ),
    Spec(
        ("heart_rate",),
        (r"hr", r"heart rate", r"pulse(?: rate)?", r"p", r"apical pulse", rf"{_HEB_PREFIX}דופק"),
        r"(\d{2,3})",
        r"bpm|beats per minute|beats/min|/\s?min|לדקה|פעימות לדקה",
        ((20, 250),),
    ),
    Spec(
        ("weight",),
        (
            r"wt",
            r"weight",
            r"body weight",
            r"weighs",
            r"weighed",
            rf"{_HEB_PREFIX}משקל",
            r"שוקל",
            r"שוקלת",
        ),
        rf"({_NUM})",
        r"kgs?|kilograms?|kilos?|lbs?|pounds?|#|ק[\"״]?ג|קילו(?:גרם)?",
        ((1, 350),),
    ),
    Spec(
        ("height",),
        (r"ht", r"height", r"stature", r"stands", rf"{_HEB_PREFIX}גובה"),
        rf"({_NUM})",
        r"cm|centimet(?:er|re)s?|m|met(?:er|re)s?|in|inches|ס[\"״]?מ|מטר",
        ((40, 230),),
    ),
    Spec(
        ("bmi",),
        (r"bmi", r"body mass index", rf"{_HEB_PREFIX}מדד מסת גוף", rf"{_HEB_PREFIX}מסת גוף"),
        rf"({_NUM})",
        r"kg/m2|kg/m²|kg/m\^2",
        ((10, 80),),
    ),
    Spec(
        ("temperature",),
        (
            r"t",
            r"temp",
            r"temperature",
            r"tmax",
            r"oral temp",
            rf"{_HEB_PREFIX}חום",
            rf"{_HEB_PREFIX}טמפרטורה",
            rf"{_HEB_PREFIX}טמפ'",
        ),
        rf"({_NUM})",
        r"°\s?c|°\s?f|degrees? c(?:elsius)?|degrees? f(?:ahrenheit)?|celsius|fahrenheit|c|f|°|"
        r"מעלות",
        ((30, 45),),
    ),
    Spec(
        ("spo2",),
        (
            r"spo2",
            r"sp02",
            r"sao2",
            r"o2 sat(?:uration)?s?",
            r"sats?",
            r"oxygen saturation",
            r"pulse ox(?:imetry)?",
            rf"{_HEB_PREFIX}סטורציה",
            rf"{_HEB_PREFIX}רוויון חמצן",
            rf"{_HEB_PREFIX}ריווי חמצן",
            rf"{_HEB_PREFIX}סטורציית חמצן",
        ),
        r"(\d{2,3})",
        r"%",
        ((50, 100),),
    ),
    Spec(
        ("pain",),
        (
            r"pain",
            r"pain score",
            r"pain level",
            r"pain rating",
            r"nrs",
            r"vas",
            r"pain intensity",
            rf"{_HEB_PREFIX}כאב",
            rf"{_HEB_PREFIX}כאבים",
            rf"{_HEB_PREFIX}רמת כאב",
            rf"{_HEB_PREFIX}עוצמת כאב",
            rf"{_HEB_PREFIX}עוצמת הכאב",
        ),
        r"(\d{1,2}(?:\.\d)?)(?:\s*(?:/|out of|מתוך)\s*10)?",
        r"",
        ((0, 10),),
    ),
    Spec(
        ("a1c",),
        (
            r"(?:hb|hgb)?\s?a1c",
            r"hemoglobin a1c",
            r"haemoglobin a1c",
            r"glycated ha?emoglobin",
            r"glycosylated ha?emoglobin",
            rf"{_HEB_PREFIX}המוגלובין(?: מסוכרר)?(?:\s?a1c)?",
            rf"{_HEB_PREFIX}המוגלובין מסוכרר",
        ),
        rf"({_NUM})",
        r"%|mmol/mol",
        ((3, 20),),
    ),
    Spec(
        ("ldl",),
        (
            r"ldl(?:-c)?",
            r"ldl cholesterol",
            r"low-density lipoprotein",
            rf"{_HEB_PREFIX}כולסטרול ldl",
            rf"{_HEB_PREFIX}כולסטרול רע",
        ),
        rf"({_NUM})",
        r"mg/dl|mmol/l",
        ((10, 400),),
    ),
    Spec(
        ("hdl",),
        (
            r"hdl(?:-c)?",
            r"hdl cholesterol",
            r"high-density lipoprotein",
            rf"{_HEB_PREFIX}כולסטרול hdl",
            rf"{_HEB_PREFIX}כולסטרול טוב",
        ),
        rf"({_NUM})",
        r"mg/dl|mmol/l",
        ((5, 150),),
    ),
    Spec(
        ("total_cholesterol",),
        (
            r"total cholesterol",
            r"total chol",
            r"cholesterol,? total",
            r"tc",
            r"chol",
            r"cholesterol",
            rf"{_HEB_PREFIX}כולסטרול כללי",
            rf"{_HEB_PREFIX}כולסטרול כולל",
            rf"{_HEB_PREFIX}כולסטרול",
        ),
        rf"({_NUM})",
        r"mg/dl|mmol/l",
        ((50, 600),),
    ),
    Spec(
        ("glucose",),
        (
            r"glucose",
            r"fasting glucose",
            r"fbg",
            r"fpg",
            r"fbs",
            r"blood sugar",
            r"bg",
            r"bgl",
            r"fasting blood sugar",
            r"fasting plasma glucose",
            r"random glucose",
            r"glu",
            rf"{_HEB_PREFIX}גלוקוז",
            rf"{_HEB_PREFIX}סוכר(?: בדם)?",
            rf"{_HEB_PREFIX}סוכר בצום",
        ),
        rf"({_NUM})",
        r"mg/dl|mmol/l",
        ((20, 1000),),
    ),
    Spec(
        ("creatinine",),
        (
            r"creatinine",
            r"creat",
            r"cr",
            r"scr",
            r"serum creatinine",
            rf"{_HEB_PREFIX}קריאטינין",
        ),
        rf"({_NUM})",
        r"mg/dl|[uµμ]mol/l",
        ((0.1, 20),),
    ),
    Spec(
        ("egfr",),
        (r"e?gfr", r"estimated gfr", rf"{_HEB_PREFIX}סינון כלי?יתי"),
        rf"({_NUM})",
        r"ml/min(?:/1\.73\s?m2|/1\.73\s?m²)?",
        ((1, 150),),
    ),
    Spec(("phq2",), (r"phq[- ]?2",), r"(\d{1,2})(?:\s*/\s*6)?", r"", ((0, 6),)),
    Spec(("phq9",), (r"phq[- ]?9",), r"(\d{1,2})(?:\s*/\s*27)?", r"", ((0, 27),)),
    Spec(("gad7",), (r"gad[- ]?7",), r"(\d{1,2})(?:\s*/\s*21)?", r"", ((0, 21),)),
    Spec(
        ("rom",),
        (
            r"(?:(?:left|right|l|r|bilateral|bilat)\s+)?(?:(?:knee|hip|shoulder|elbow|ankle|"
            r"wrist|neck|cervical|lumbar|trunk)\s+)?(?:active\s+|passive\s+)?(?:rom|"
            r"range of motion|flexion|flex|extension|ext|abduction|abd|adduction|"
            r"(?:internal |external )?rotation|dorsiflexion|plantarflexion)(?:\s+(?:of the|of)\s+"
            r"(?:left |right )?(?:knee|hip|shoulder|elbow|ankle|wrist))?",
            rf"{_HEB_PREFIX}(?:כיפו[ףפ]|כפיפ[הת]|יישור|הרחק[הת]|טווח תנועה)(?: [{HEB}]+)?",
        ),
        r"(\d{1,3})",
        r"°|deg(?:rees?)?|מעלות",
        ((0, 200),),
    ),
)


def _compile(spec: Spec) -> re.Pattern[str]:
    label = "|".join(f"(?:{x})" for x in sorted(spec.labels, key=len, reverse=True))
    unit = rf"\s*(?P<unit>{spec.units})(?![\w{HEB}])" if spec.units else ""
    return re.compile(
        rf"(?<![\w{HEB}/])(?P<label>{label})(?![\w{HEB}]){_BRIDGE}(?P<value>{spec.value})"
        rf"(?![\d])(?:{unit})?",
        re.IGNORECASE,
    )


_PATTERNS = [(spec, _compile(spec)) for spec in _SPECS]
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
    r"(?<![\w/])scored\s+(\d{1,2})\s+on\s+(?:the\s+)?(phq[- ]?9|phq[- ]?2|gad[- ]?7)(?![\w-])",
    re.IGNORECASE,
)
_SCORE_BOUNDS = {"phq9": (0.0, 27.0), "phq2": (0.0, 6.0), "gad7": (0.0, 21.0)}
_PAIN_FIRST = re.compile(rf"(?<![\d/.])(\d{{1,2}})\s*/\s*10\s+(?:{_HEB_PREFIX}כאב|pain)", re.I)


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
        (r"^mmol/l$", "mmol/l"),
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

    for start, end, cm in _heights(text):
        emit_all(("height",), [cm], start, end, ((40, 230),))
        taken.append((start, end))
    for spec, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.start(), m.end()
            if not free(a, b) or _is_target(text, m.start("label"), m.start("value")):
                continue
            unit = _unit_key(m.group("unit")) if spec.units else None
            groups = [g for g in re.findall(r"\d+(?:\.\d+)?", m.group("value"))][: len(spec.names)]
            if spec.names == ("height",) and unit is None and float(groups[0]) >= 3:
                unit = "cm"
            if spec.names == ("weight",) and unit is None:
                unit = "kg"  # the practice's unit; a pound value would read as implausible
            taken.append((a, b))
            if spec.names[0] == "rom":
                detail = m.group("label").strip()
                value = float(groups[0])
                if 0 <= value <= 200:
                    facts.append(
                        Fact(
                            "measurement",
                            "rom",
                            a,
                            b,
                            text[a:b],
                            value=value,
                            unit="°",
                            detail=detail.casefold(),
                        )
                    )
                else:
                    flags.append(Flag("rom", a, b, text[a:b], f"{value:g} is outside 0–200"))
                continue
            if spec.names[0] == "bp_systolic" and float(groups[0]) <= float(groups[1]):
                flags.append(Flag("bp_systolic", a, b, text[a:b], "systolic not above diastolic"))
                continue
            emit_all(
                spec.names,
                [_reading(n, r, unit) for n, r in zip(spec.names, groups, strict=True)],
                a,
                b,
                spec.plausible,
            )
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
    ):
        for m in pattern.finditer(text) if pattern is not None else ():
            a, b = m.span()
            if not free(a, b) or _is_target(text, a, a):
                continue
            taken.append((a, b))
            emit_all(names, [float(g) for g in m.groups()], a, b, bounds)
    return sorted(facts, key=lambda f: f.start), flags
