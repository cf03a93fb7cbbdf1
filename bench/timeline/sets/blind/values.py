"""Values for the written styles (bench.timeline.sets.blind.measures.STYLES): a number as it
is written in the style's unit and the same number in the MEASURES unit; a mention of a
measure with its labels; implausible values (flags) and numbers that are no fact."""

from __future__ import annotations

from bench.timeline.sets.blind.measures import CHOL, CREAT, GLU, INCH, LB, STYLES, a1c_pct, f_to_c
from bench.timeline.sets.blind.seg import Label, Pick, Seg, cat, mark
from core.timeline.types import MEASURES


def _num(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}"


def draw(p: Pick, measure: str, unit: str) -> tuple[str, float]:
    """(written, value in the MEASURES unit)."""
    u = p.uniform
    if measure == "heart_rate":
        v = u(52, 118, 1)
        return _num(v, 0), v
    if measure == "weight":
        if unit == "lb":
            v = u(112, 262, 1)
            return _num(v, 0), v * LB
        w = _num(u(48, 124, 0.1), p.one((0, 1, 1)))
        return w, float(w)
    if measure == "height":
        if unit == "m":
            v = u(1.5, 1.94, 0.01)
            return _num(v, 2), v * 100
        if unit.startswith("ftin"):
            ft, inch = p.one((5, 5, 5, 6)), p.rng.randint(0, 11)
            w = f"{ft}'{inch}\"" if unit == "ftin" else f"{ft} ft {inch} in"
            return w, (ft * 12 + inch) * INCH
        v = u(150, 194, 1)
        return _num(v, 0), v
    if measure == "bmi":
        v = u(18.6, 41.8, 0.1)
        return _num(v, 1), v
    if measure == "temperature":
        if unit == "F":
            v = u(97.2, 103.1, 0.1)
            return _num(v, 1), f_to_c(v)
        v = u(36.1, 39.6, 0.1)
        return _num(v, 1), v
    if measure == "spo2":
        v = u(89, 100, 1)
        return _num(v, 0), v
    if measure == "pain":
        v = u(0, 10, 1)
        return _num(v, 0), v
    if measure == "a1c":
        if unit == "mmol/mol":
            v = u(37, 98, 1)
            return _num(v, 0), a1c_pct(v)
        v = u(5.3, 11.4, 0.1)
        return _num(v, 1), v
    if measure in ("ldl", "hdl", "total_cholesterol"):
        lo, hi = {"ldl": (1.4, 4.9), "hdl": (0.8, 2.1), "total_cholesterol": (3.5, 7.3)}[measure]
        if unit == "mmol/L":
            v = u(lo, hi, 0.1)
            return _num(v, 1), v * CHOL
        v = u(round(lo * CHOL), round(hi * CHOL), 1)
        return _num(v, 0), v
    if measure == "glucose":
        if unit == "mmol/L":
            v = u(4.1, 15.2, 0.1)
            return _num(v, 1), v * GLU
        v = u(74, 265, 1)
        return _num(v, 0), v
    if measure == "creatinine":
        if unit == "umol/L":
            v = u(52, 190, 1)
            return _num(v, 0), v / CREAT
        w = _num(u(0.55, 2.2, 0.01), p.one((1, 2)))
        return w, float(w)
    if measure == "egfr":
        v = u(24, 112, 1)
        return _num(v, 0), v
    if measure in ("phq9", "gad7", "phq2"):
        v = u(0, {"phq9": 27, "gad7": 21, "phq2": 6}[measure], 1)
        return _num(v, 0), v
    if measure == "rom":
        v = u(15, 165, 5)
        return _num(v, 0), v
    raise KeyError(measure)


def n_styles(measure: str, lang: str) -> int:
    return sum(s[1] == lang for s in STYLES[measure])


def _fact(name: str, value: float, style: str) -> Label:
    return Label("measurement", name, value=round(value, 2), unit=MEASURES[name], style=style)


def mention(p: Pick, measure: str, lang: str, style_id: str | None = None) -> Seg:
    """One reading of `measure` in a style of `lang` (round robin over the styles), with
    its facts: a blood pressure gives a systolic and a diastolic, over the same span."""
    styles = [s for s in STYLES[measure] if s[1] == lang]
    style = (
        next(s for s in styles if s[0] == style_id)
        if style_id
        else p.cycle(f"{measure}/{lang}", styles)
    )
    sid, _, fmt, unit = style
    p.drawn[f"{measure}/{lang}"] += 1
    if measure == "bp":
        d = p.uniform(58, 104, 1)
        s = p.uniform(max(100, d + 28), min(182, d + 72), 1)
        text = fmt.format(s=int(s), d=int(d))
        return mark(text, _fact("bp_systolic", s, sid), _fact("bp_diastolic", d, sid))
    written, value = draw(p, measure, unit)
    return mark(fmt.format(v=written), _fact(measure, value, sid))


# Unbelievable readings (a digit too many, a decimal point dropped, halves swapped): flags
# named after the measure, no fact.
FLAGS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("bp", "BP 1380/84"),
        ("bp", "BP 90/146"),
        ("heart_rate", "HR 720"),
        ("weight", "Wt 8150 kg"),
        ("temperature", "T 373"),
        ("spo2", "SpO2 970%"),
        ("height", "height 1720 cm"),
        ("bmi", "BMI 287"),
        ("a1c", "HbA1c 72%"),
        ("ldl", "LDL 1240 mg/dL"),
        ("glucose", "glucose 10400 mg/dL"),
        ("phq9", "PHQ-9 41"),
        ("gad7", "GAD-7 35"),
        ("bp", "B/P 1460/92 mmHg"),
        ("weight", "weight 9400 lb"),
        ("temperature", "temp 386 °C"),
    ],
    "he": [
        ("bp", "ל" + '"' + "ד 1450/90"),
        ("bp", "לחץ דם 80/135"),
        ("heart_rate", "דופק 640"),
        ("weight", "משקל 7200 ק" + '"' + "ג"),
        ("temperature", "חום 384"),
        ("spo2", "סטורציה 960%"),
        ("a1c", "HbA1c 81%"),
        ("height", "גובה 1650 ס" + '"' + "מ"),
        ("creatinine", "קראטינין 95 מ" + '"' + "ג/ד" + '"' + "ל"),
        ("phq9", "PHQ-9: 38"),
    ],
}


def flag(p: Pick, lang: str) -> Seg:
    name, text = p.cycle(f"flag/{lang}", FLAGS[lang])
    return mark(text, Label("flag", name))


def flagged_lead(p: Pick, lang: str) -> Seg:
    """A flag as clinicians leave them: in a vitals line, often with a query."""
    f = flag(p, lang)
    tail = p.one(("", "", " (?)", " ??", " - to recheck") if lang == "en" else ("", " (?)", " ??"))
    return cat(f, tail)
