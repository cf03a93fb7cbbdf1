"""The written styles of each measure (snippets/styles.txt) and the values they are filled
with: a number drawn in the unit the style writes, and the label's value in the MEASURES
unit (lb x 0.45359237, inches x 2.54, metres x 100, (°F - 32) x 5/9, cholesterols mmol/L x
38.67, glucose mmol/L x 18.0, creatinine µmol/L / 88.4, HbA1c mmol/mol / 10.929 + 2.15).
Which range a style's number is drawn from, and which formula converts it, ranges.toml
says."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.timeline.sets.blind4 import tables

STYLES = Path(__file__).with_name("snippets") / "styles.txt"

# The formulas ranges.toml names, each from the unit written to the MEASURES unit.
TO_MEASURES: dict[str, Callable[[float], float]] = {
    "same": lambda v: v,
    "lb": lambda v: v * 0.45359237,
    "in": lambda v: v * 2.54,
    "m": lambda v: v * 100,
    "f": lambda v: (v - 32) * 5 / 9,
    "cholesterol": lambda v: v * 38.67,
    "glucose": lambda v: v * 18.0,
    "umol": lambda v: v / 88.4,
    "mmolmol": lambda v: v / 10.929 + 2.15,
}

# (measure code, unit) -> (low, high, decimals, to the MEASURES unit)
Range = tuple[float, float, int, Callable[[float], float]]


def _ranges() -> tuple[tuple[float, ...], dict[str, str], dict[tuple[str, str], Range]]:
    earlier, measure, ranges = tables.ranges(TO_MEASURES)
    out = {key: (low, high, decimals, TO_MEASURES[to])
           for key, (low, high, decimals, to) in ranges.items()}  # fmt: skip
    return earlier, measure, out


# EARLIER: the factors of an earlier value; MEASURE: a style's measure code -> the MEASURES
# key where the two differ (a pressure is "bp").
EARLIER, MEASURE, RANGES = _ranges()


@dataclass(frozen=True)
class Style:
    code: str  # bp, hr, weight, ... (styles.txt's first column)
    lang: str
    unit: str
    template: str


def load_styles() -> list[Style]:
    out: list[Style] = []
    for line in STYLES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, lang, unit, template = (p.strip() for p in line.split(" | ", 3))
        out.append(Style(code, lang, unit, template))
    return out


def _num(v: float, decimals: int) -> str:
    return f"{v:.{decimals}f}" if decimals else str(round(v))


def render(style: Style, rng: random.Random) -> tuple[str, str]:
    """The style filled with a drawn value, as label markup over the whole reading, and
    the number as shown (what an earlier value quoted beside it is near)."""
    if style.code == "bp":
        s = rng.randint(98, 176)
        d = rng.randint(56, min(s - 25, 104))
        words = style.template.format(s=s, d=d)
        return f"[[{words}|bp:{s}:{d}]]", f"{s + rng.randint(4, 18)}/{d + rng.randint(2, 9)}"
    if style.unit == "ftin":
        ft, inch = rng.randint(4, 6), rng.randint(0, 11)
        if ft == 4:
            inch = rng.randint(10, 11)
        words = style.template.format(ft=ft, **{"in": inch})
        return f"[[{words}|m:height:{(ft * 12 + inch) * 2.54:.2f}]]", ""
    lo, hi, decimals, convert = RANGES[(style.code, style.unit)]
    raw = round(rng.uniform(lo, hi), decimals)
    shown = _num(raw, decimals)
    name = MEASURE.get(style.code, style.code)
    words = style.template.format(v=shown)
    earlier = _num(min(hi, max(lo, raw * rng.choice(EARLIER))), decimals)
    return f"[[{words}|m:{name}:{convert(float(shown)):.2f}]]", earlier
