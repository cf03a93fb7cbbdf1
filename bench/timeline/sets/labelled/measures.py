"""How clinicians write each measure: the written styles, their units and conversions.

A style is one way of writing a measure ("BP 128/82", "blood pressure 130 over 85",
"לחץ דם 130/85"). Each renders written values (in the style's own unit) to text and to
the facts that text holds in the canonical units of `core.timeline.types.MEASURES`, so the
expected value is always the conversion of exactly what was written.

Blood pressure is one mention holding two measures (`bp_systolic`, `bp_diastolic`); a
height in feet and inches is one value written as two numbers. Every other style writes
one value as `{v}`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from bench.timeline.kit.facts import Lang

MG_PER_MMOL_CHOL = 38.67
MG_PER_MMOL_GLUCOSE = 18.0
UMOL_PER_MG_CREATININE = 88.4
KG_PER_LB = 0.45359237
CM_PER_IN = 2.54


@dataclass(frozen=True)
class Unit:
    """A written unit: the range a value is drawn from, as written, its decimals, and the
    conversion to the canonical unit."""

    lo: float
    hi: float
    decimals: int
    to_canonical: Callable[[float], float] = lambda v: v
    canonical: bool = True


def _same(lo: float, hi: float, decimals: int = 0) -> Unit:
    return Unit(lo, hi, decimals)


def _conv(lo: float, hi: float, decimals: int, f: Callable[[float], float]) -> Unit:
    return Unit(lo, hi, decimals, f, canonical=False)


# A measure group's units by key; the first is the canonical one.
UNITS: dict[str, dict[str, Unit]] = {
    "bp": {"mmHg": _same(96, 172)},
    "heart_rate": {"/min": _same(52, 112)},
    "weight": {
        "kg": _same(48, 128, 1),
        "kg0": _same(48, 128),
        "lb": _conv(105, 280, 0, lambda v: v * KG_PER_LB),
    },
    "height": {
        "cm": _same(150, 194),
        "m": _conv(1.50, 1.94, 2, lambda v: v * 100),
        "in": _conv(59, 76, 0, lambda v: v * CM_PER_IN),
        "ftin": _conv(59, 76, 0, lambda v: v * CM_PER_IN),  # total inches
    },
    "bmi": {"kg/m2": _same(18.5, 39.5, 1)},
    "temperature": {
        "C": _same(36.1, 38.6, 1),
        "F": _conv(97.0, 101.6, 1, lambda v: (v - 32) * 5 / 9),
    },
    "spo2": {"%": _same(90, 100)},
    "pain": {"/10": _same(0, 10)},
    "a1c": {"%": _same(5.2, 10.8, 1)},
    "ldl": {"mg/dL": _same(62, 198), "mmol": _conv(1.6, 5.1, 1, lambda v: v * MG_PER_MMOL_CHOL)},
    "hdl": {"mg/dL": _same(32, 88), "mmol": _conv(0.8, 2.3, 1, lambda v: v * MG_PER_MMOL_CHOL)},
    "total_cholesterol": {
        "mg/dL": _same(135, 280),
        "mmol": _conv(3.5, 7.2, 1, lambda v: v * MG_PER_MMOL_CHOL),
    },
    "glucose": {
        "mg/dL": _same(72, 240),
        "mmol": _conv(4.0, 13.5, 1, lambda v: v * MG_PER_MMOL_GLUCOSE),
    },
    "creatinine": {
        "mg/dL": _same(0.6, 1.8, 1),
        "umol": _conv(53, 160, 0, lambda v: v / UMOL_PER_MG_CREATININE),
    },
    "egfr": {"mL/min": _same(32, 118)},
    "phq2": {"score": _same(0, 6)},
    "phq9": {"score": _same(0, 27)},
    "gad7": {"score": _same(0, 21)},
    "rom": {"deg": _same(60, 170)},
}

# The measures each group's mention holds.
GROUP_MEASURES: dict[str, tuple[str, ...]] = {
    g: (("bp_systolic", "bp_diastolic") if g == "bp" else (g,)) for g in UNITS
}


@dataclass(frozen=True)
class Style:
    """One way of writing a measure (the table is in `styles`)."""

    id: str  # "<group>/<lang>-<name>": what per-style recall is reported by
    group: str
    lang: Lang
    template: str
    unit: str

    @property
    def canonical(self) -> bool:
        return UNITS[self.group][self.unit].canonical


_G = "״"  # gershayim, as in ק״ג

# Readings no body could have, as written; each comes out as a Flag on the measure named.
IMPLAUSIBLE: dict[Lang, list[tuple[str, str]]] = {
    "en": [
        ("BP {s}0/{d}", "bp_systolic"),
        ("weight {v}00 kg", "weight"),
        ("HR {v}0", "heart_rate"),
        ("SpO2 1{v}%", "spo2"),
        ("Ht {v}0 cm", "height"),
        ("BMI {v}0", "bmi"),
        ("temp {v}0 °C", "temperature"),
        ("A1c {v}0%", "a1c"),
    ],
    "he": [
        ("לחץ דם {s}0/{d}", "bp_systolic"),
        ("משקל {v}00 ק" + _G + "ג", "weight"),
        ("דופק {v}0", "heart_rate"),
    ],
}
# The plausible value each implausible template is built from (before its extra digits).
IMPLAUSIBLE_BASE: dict[str, tuple[int, int]] = {
    "bp_systolic": (110, 160),
    "weight": (60, 95),
    "heart_rate": (60, 99),
    "spo2": (91, 99),  # 1 + 91 = 191 %
    "height": (150, 190),
    "bmi": (20, 35),
    "temperature": (36, 39),
    "a1c": (6, 9),
}


def fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}" if decimals else str(round(value))


def sample(style: Style, rng: random.Random) -> dict[str, float]:
    """Written values for `style`, drawn in its own unit."""
    if style.group == "bp":
        s = rng.randint(96, 172)
        return {"s": s, "d": rng.randint(max(55, s // 2), min(105, s - 30))}
    unit = UNITS[style.group][style.unit]
    if unit.decimals == 0:
        return {"v": rng.randint(int(unit.lo), int(unit.hi))}
    return {"v": round(rng.uniform(unit.lo, unit.hi), unit.decimals)}


@dataclass(frozen=True)
class Mention:
    text: str
    facts: list[tuple[str, float]]  # (measure, value in its canonical unit)
    numbers: dict[str, str]  # measure -> the value as written (canonical styles only)


def render(style: Style, written: dict[str, float]) -> Mention:
    """`style` with `written` filled in, and the facts it states."""
    if style.group == "bp":
        s, d = round(written["s"]), round(written["d"])
        text = style.template.format(s=s, d=d)
        return Mention(
            text,
            [("bp_systolic", float(s)), ("bp_diastolic", float(d))],
            {"bp_systolic": str(s), "bp_diastolic": str(d)},
        )
    unit = UNITS[style.group][style.unit]
    # What is written is what counts: the fact is the conversion of the rounded value.
    v = round(written["v"], unit.decimals) if unit.decimals else round(written["v"])
    if style.unit == "ftin":
        total = round(v)
        text = style.template.format(ft=total // 12, inch=total % 12)
    else:
        text = style.template.format(v=fmt(v, unit.decimals))
    canonical = round(unit.to_canonical(v), 3)
    numbers = {style.group: fmt(v, unit.decimals)} if unit.canonical else {}
    return Mention(text, [(style.group, float(canonical))], numbers)


def implausible(lang: Lang, index: int, rng: random.Random) -> tuple[str, str]:
    """The `index`-th implausible reading of `lang` (cycling): its text and flagged measure."""
    template, measure = IMPLAUSIBLE[lang][index % len(IMPLAUSIBLE[lang])]
    lo, hi = IMPLAUSIBLE_BASE[measure]
    v = rng.randint(lo, hi)
    if measure == "bp_systolic":
        return template.format(s=v, d=rng.randint(70, 95)), measure
    return template.format(v=v), measure
