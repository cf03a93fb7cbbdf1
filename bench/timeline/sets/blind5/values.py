"""Believable values in the unit a clinician writes, and each one in MEASURES' unit (the
conversions docs/timeline.md names), to two decimals. The ranges they are drawn from, and
the joints a range of motion is written with, are values.toml's."""

from __future__ import annotations

import random

from bench.timeline.sets.blind5 import tables

LB, INCH = 0.45359237, 2.54
VALUES = tables.values()
SITES = VALUES.sites


def _dec(rng: random.Random, lo: float, hi: float, places: int) -> float:
    return round(rng.uniform(lo, hi), places)


def draw_bp(rng: random.Random) -> tuple[int, int]:
    # The diastolic's top depends on the systolic drawn: the two bounds are one formula.
    s = rng.randint(102, 178)
    return s, rng.randint(58, min(104, s - 25))


def draw(unit: str, rng: random.Random) -> tuple[str, float]:
    """(the value as written, its value in MEASURES' unit)."""
    if unit in VALUES.whole:
        v = rng.randint(*VALUES.whole[unit])
        return str(v), float(v)
    if unit in VALUES.mmol:
        lo, hi, k = VALUES.mmol[unit]
        v = _dec(rng, lo, hi, 1)
        return str(v), round(v * k, 2)
    if unit not in VALUES.ranges:
        raise ValueError(f"no unit {unit}")
    lo, hi = VALUES.ranges[unit]
    if unit == "kg":
        v = _dec(rng, lo, hi, rng.choice((0, 1)))
        text = str(int(v)) if v == int(v) else str(v)
        return text, float(v)
    if unit == "lb":
        v = rng.randint(lo, hi)
        return str(v), round(v * LB, 2)
    if unit == "m":
        v = _dec(rng, lo, hi, 2)
        return f"{v:.2f}", round(v * 100, 2)
    if unit == "in":
        v = rng.randint(lo, hi)
        return str(v), round(v * INCH, 2)
    if unit == "ftin":
        total = rng.randint(lo, hi)
        ft, inch = divmod(total, 12)
        return f"{ft}'{inch}\"", round(total * INCH, 2)
    if unit in ("bmi", "C", "a1c"):
        v = _dec(rng, lo, hi, 1)
        return str(v), v
    if unit == "F":
        v = _dec(rng, lo, hi, 1)
        return str(v), round((v - 32) * 5 / 9, 2)
    if unit == "a1c_ifcc":
        v = rng.randint(lo, hi)
        return str(v), round(v / 10.929 + 2.15, 2)
    if unit == "cr":
        v = _dec(rng, lo, hi, rng.choice((1, 2)))
        return str(v), v
    if unit == "cr_umol":
        v = rng.randint(lo, hi)
        return str(v), round(v / 88.4, 2)
    raise ValueError(f"no unit {unit}")


def fmt_site(lang: str, rng: random.Random) -> str:
    return rng.choice(SITES[lang])
