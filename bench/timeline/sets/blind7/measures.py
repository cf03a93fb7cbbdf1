"""Each measure in its written styles (at least ten a measure, English and Hebrew), each a
template of the words as written with the value in the unit written; `mention` fills one
with a value and returns it marked up with its label (`[[words||spec]]`)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# A written unit: draws a value in it from the canonical one, and gives (written, canonical).
Unit = Callable[[float, random.Random], tuple[str, float]]


def _plain(decimals: int) -> Unit:
    def conv(v: float, _: random.Random) -> tuple[str, float]:
        w = round(v, decimals)
        return (f"{w:.{decimals}f}", w)

    return conv


def _scaled(decimals: int, to_canonical: Callable[[float], float], from_canonical: float) -> Unit:
    def conv(v: float, _: random.Random) -> tuple[str, float]:
        w = round(v / from_canonical, decimals)
        return (f"{w:.{decimals}f}", round(to_canonical(w), 2))

    return conv


def _fahrenheit(v: float, _: random.Random) -> tuple[str, float]:
    f = round(v * 9 / 5 + 32, 1)
    return (f"{f:.1f}", round((f - 32) * 5 / 9, 2))


def _ifcc(v: float, _: random.Random) -> tuple[str, float]:
    mm = round((v - 2.15) * 10.929)
    return (str(mm), round(mm / 10.929 + 2.15, 2))


def _feet(v: float, _: random.Random) -> tuple[str, float]:
    inches = round(v / 2.54)
    return (f"{inches // 12}'{inches % 12}\"", round(inches * 2.54, 2))


def _feet_words(v: float, _: random.Random) -> tuple[str, float]:
    inches = round(v / 2.54)
    return (f"{inches // 12} ft {inches % 12} in", round(inches * 2.54, 2))


def _metres(v: float, _: random.Random) -> tuple[str, float]:
    m = round(v / 100, 2)
    return (f"{m:.2f}", round(m * 100, 2))


INT, ONE, TWO = _plain(0), _plain(1), _plain(2)
LB = _scaled(0, lambda w: w * 0.45359237, 0.45359237)
INCH = _scaled(0, lambda w: w * 2.54, 2.54)
CHOL = _scaled(1, lambda w: w * 38.67, 38.67)
HDL_MMOL = _scaled(2, lambda w: w * 38.67, 38.67)
GLU = _scaled(1, lambda w: w * 18.0, 18.0)
UMOL = _scaled(0, lambda w: w / 88.4, 1 / 88.4)


UNITS: dict[str, Unit] = {
    "int": INT,
    "one": ONE,
    "two": TWO,
    "lb": LB,
    "in": INCH,
    "chol": CHOL,
    "chol2": HDL_MMOL,
    "glu": GLU,
    "umol": UMOL,
    "f": _fahrenheit,
    "ifcc": _ifcc,
    "ftin": _feet,
    "ftwords": _feet_words,
    "m": _metres,
}


@dataclass(frozen=True)
class Style:
    id: str
    lang: str  # "en": any note; "he": Hebrew notes only
    template: str  # "{v}" is the value as written ("{s}/{d}" a pressure's)
    unit: Unit = INT


def _read_styles() -> dict[str, list[Style]]:
    out: dict[str, list[Style]] = {}
    for line in Path(__file__).with_name("styles.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, _, template = line.partition(" | ")
        measure, lang, unit = head.split()
        styles = out.setdefault(measure, [])
        styles.append(Style(f"{measure}.{len(styles) + 1}", lang, template, UNITS[unit]))
    return out


STYLES = _read_styles()


# Canonical value ranges a clinic sees (units of MEASURES).
RANGES: dict[str, tuple[float, float]] = {
    "heart_rate": (52, 104),
    "weight": (48, 118),
    "height": (152, 192),
    "bmi": (19, 38),
    "temperature": (36.1, 38.4),
    "spo2": (89, 99),
    "pain": (0, 9),
    "a1c": (5.2, 9.8),
    "ldl": (58, 190),
    "hdl": (32, 78),
    "total_cholesterol": (140, 270),
    "glucose": (78, 230),
    "creatinine": (0.6, 2.2),
    "egfr": (24, 104),
    "phq2": (0, 6),
    "phq9": (0, 24),
    "gad7": (0, 19),
    "rom": (20, 170),
}
# Measures whose values are whole numbers when written in MEASURES' unit.
WHOLE = {"heart_rate", "spo2", "pain", "ldl", "hdl", "total_cholesterol", "glucose", "egfr"}
WHOLE |= {"phq2", "phq9", "gad7", "rom"}

# Styles whose site has a narrower range than the measure's.
STYLE_RANGES = {"rom.3": (30.0, 85.0), "rom.11": (25.0, 70.0), "rom.5": (60.0, 120.0)}

# Values no body has, each a flag on its measure (a pressure's on "bp") and no fact.
FLAGS: list[tuple[str, str]] = [
    ("en", "[[BP 1460/88||flag.bp]]"),
    ("en", "[[HR 318||flag.heart_rate]]"),
    ("en", "[[Wt 7650 kg||flag.weight]]"),
    ("en", "[[SpO2 179%||flag.spo2]]"),
    ("en", "[[T 386||flag.temperature]]"),
    ("en", "[[HbA1c 69%||flag.a1c]]"),
    ("en", "[[PHQ-9 38||flag.phq9]]"),
    ("en", "[[BP 84/126||flag.bp]]"),
    ("en", "[[pain 16/10||flag.pain]]"),
    ("en", "[[BMI 289||flag.bmi]]"),
    ("en", "[[GAD-7 31||flag.gad7]]"),
    ("en", "[[Ht 1680 cm||flag.height]]"),
    ("he", '[[ל"ד 1380/90||flag.bp]]'),
    ("he", "[[דופק 290||flag.heart_rate]]"),
    ("he", '[[משקל 6900 ק"ג||flag.weight]]'),
    ("he", "[[סטורציה 188%||flag.spo2]]"),
    ("he", "[[חום 394||flag.temperature]]"),
]


def _value(measure: str, rng: random.Random, style: str = "") -> float:
    lo, hi = STYLE_RANGES.get(style, RANGES[measure])
    v = rng.uniform(lo, hi)
    return float(round(v)) if measure in WHOLE else v


def styles_for(measure: str, lang: str) -> list[Style]:
    pool = STYLES[measure]
    return [s for s in pool if s.lang == "en" or lang == "he"]


def mention(measure: str, style: Style, rng: random.Random) -> str:
    """`style` filled with a value drawn for `measure`, marked up with its label."""
    if measure == "bp":
        s = rng.randint(104, 172)
        d = rng.randint(60, min(100, s - 24))
        words = style.template.format(s=s, d=d)
        return f"[[{words}||bp={s}/{d}@{style.id}]]"
    written, canonical = style.unit(_value(measure, rng, style.id), rng)
    words = style.template.format(v=written)
    return f"[[{words}||m.{measure}={canonical}@{style.id}]]"
