"""The written styles of each measure (snippets/styles.txt) and the values they are filled
with: a number drawn in the unit the style writes, and the label's value in the MEASURES
unit (lb x 0.45359237, inches x 2.54, metres x 100, (°F - 32) x 5/9, cholesterols mmol/L x
38.67, glucose mmol/L x 18.0, creatinine µmol/L / 88.4, HbA1c mmol/mol / 10.929 + 2.15)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

STYLES = Path(__file__).with_name("snippets") / "styles.txt"

# A style's measure code -> the MEASURES key (a pressure is two, written as "bp").
MEASURE = {"hr": "heart_rate", "tc": "total_cholesterol"}


def _same(v: float) -> float:
    return v


# (measure code, unit) -> (low, high, decimals, to the MEASURES unit)
Range = tuple[float, float, int, Callable[[float], float]]
RANGES: dict[tuple[str, str], Range] = {
    ("hr", "bpm"): (52, 118, 0, _same),
    ("weight", "kg"): (48, 131, 1, _same),
    ("weight", "lb"): (110, 280, 0, lambda v: v * 0.45359237),
    ("height", "cm"): (152, 193, 0, _same),
    ("height", "m"): (1.52, 1.93, 2, lambda v: v * 100),
    ("height", "in"): (60, 76, 0, lambda v: v * 2.54),
    ("bmi", "bmi"): (18.5, 41.0, 1, _same),
    ("temperature", "c"): (36.1, 39.4, 1, _same),
    ("temperature", "cnorm"): (36.2, 37.3, 1, _same),
    ("temperature", "f"): (97.2, 102.6, 1, lambda v: (v - 32) * 5 / 9),
    ("spo2", "pct"): (88, 100, 0, _same),
    ("pain", "pain"): (0, 10, 0, _same),
    ("a1c", "pct"): (5.2, 11.4, 1, _same),
    ("a1c", "mmolmol"): (34, 101, 0, lambda v: v / 10.929 + 2.15),
    ("ldl", "mgdl"): (48, 196, 0, _same),
    ("ldl", "mmol"): (1.3, 5.1, 1, lambda v: v * 38.67),
    ("hdl", "mgdl"): (29, 88, 0, _same),
    ("hdl", "mmol"): (0.8, 2.2, 1, lambda v: v * 38.67),
    ("tc", "mgdl"): (128, 286, 0, _same),
    ("tc", "mmol"): (3.4, 7.4, 1, lambda v: v * 38.67),
    ("glucose", "mgdl"): (72, 310, 0, _same),
    ("glucose", "mmol"): (4.1, 17.2, 1, lambda v: v * 18.0),
    ("creatinine", "mgdl"): (0.5, 3.4, 2, _same),
    ("creatinine", "umol"): (48, 290, 0, lambda v: v / 88.4),
    ("egfr", "egfr"): (14, 112, 0, _same),
    ("phq2", "phq2"): (0, 6, 0, _same),
    ("phq9", "phq9"): (0, 27, 0, _same),
    ("gad7", "gad7"): (0, 21, 0, _same),
    ("rom", "deg"): (15, 165, 0, _same),
}


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
    earlier = _num(min(hi, max(lo, raw * rng.choice((0.85, 0.9, 1.1, 1.15)))), decimals)
    return f"[[{words}|m:{name}:{convert(float(shown)):.2f}]]", earlier
