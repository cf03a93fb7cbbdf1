"""Each measure in its written styles (styles.txt: at least ten a measure, English and
Hebrew), each a template of the words as written with the value in the unit written;
`mention` fills one with a value drawn in its measure's range (values.toml) and returns it
marked up with its label (`[[words||spec]]`)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.blind7 import tables

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


# The ranges values are drawn from (values.toml) and the values no body has (flags.toml:
# each a language and its marked words, in turn).
VALUES = tables.values()
FLAGS = VocabFile(tables.HERE / "flags.toml").rows("flags", width=2)


def _value(measure: str, rng: random.Random, style: str = "") -> float:
    lo, hi = VALUES.style_ranges.get(style, VALUES.ranges[measure])
    v = rng.uniform(lo, hi)
    return float(round(v)) if measure in VALUES.whole else v


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
