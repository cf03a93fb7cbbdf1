"""Believable values in the unit a clinician writes, and each one in MEASURES' unit (the
conversions docs/timeline.md names), to two decimals."""

from __future__ import annotations

import random

LB, INCH = 0.45359237, 2.54


def _dec(rng: random.Random, lo: float, hi: float, places: int) -> float:
    return round(rng.uniform(lo, hi), places)


def draw_bp(rng: random.Random) -> tuple[int, int]:
    s = rng.randint(102, 178)
    return s, rng.randint(58, min(104, s - 25))


def draw(unit: str, rng: random.Random) -> tuple[str, float]:
    """(the value as written, its value in MEASURES' unit)."""
    ints = {
        "bpm": (48, 118),
        "spo2": (87, 100),
        "pain": (0, 10),
        "cm": (148, 197),
        "ldl": (55, 205),
        "hdl": (29, 86),
        "tc": (128, 292),
        "glu": (68, 286),
        "egfr": (17, 118),
        "phq2": (0, 6),
        "phq9": (0, 27),
        "gad7": (0, 21),
        "rom": (5, 170),
    }
    if unit in ints:
        v = rng.randint(*ints[unit])
        return str(v), float(v)
    if unit == "kg":
        v = _dec(rng, 44, 138, rng.choice((0, 1)))
        text = str(int(v)) if v == int(v) else str(v)
        return text, float(v)
    if unit == "lb":
        v = rng.randint(98, 295)
        return str(v), round(v * LB, 2)
    if unit == "m":
        v = _dec(rng, 1.49, 1.96, 2)
        return f"{v:.2f}", round(v * 100, 2)
    if unit == "in":
        v = rng.randint(58, 76)
        return str(v), round(v * INCH, 2)
    if unit == "ftin":
        total = rng.randint(58, 76)
        ft, inch = divmod(total, 12)
        return f"{ft}'{inch}\"", round(total * INCH, 2)
    if unit == "bmi":
        v = _dec(rng, 17.6, 44.8, 1)
        return str(v), v
    if unit == "C":
        v = _dec(rng, 35.8, 39.6, 1)
        return str(v), v
    if unit == "F":
        v = _dec(rng, 97.0, 103.4, 1)
        return str(v), round((v - 32) * 5 / 9, 2)
    if unit == "a1c":
        v = _dec(rng, 4.9, 11.8, 1)
        return str(v), v
    if unit == "a1c_ifcc":
        v = rng.randint(31, 104)
        return str(v), round(v / 10.929 + 2.15, 2)
    mmol = {
        "ldl_mmol": (1.4, 5.4, 38.67),
        "hdl_mmol": (0.7, 2.2, 38.67),
        "tc_mmol": (3.4, 7.6, 38.67),
        "glu_mmol": (3.9, 15.5, 18.0),
    }
    if unit in mmol:
        lo, hi, k = mmol[unit]
        v = _dec(rng, lo, hi, 1)
        return str(v), round(v * k, 2)
    if unit == "cr":
        v = _dec(rng, 0.5, 2.8, rng.choice((1, 2)))
        return str(v), v
    if unit == "cr_umol":
        v = rng.randint(48, 245)
        return str(v), round(v / 88.4, 2)
    raise ValueError(f"no unit {unit}")


SITES = {
    "en": [
        "R knee flexion",
        "L knee flex",
        "R shoulder abduction",
        "L shoulder flexion",
        "R wrist extension",
        "L ankle dorsiflexion",
        "R hip flexion",
        "L elbow flexion",
        "cervical rotation R",
        "R wrist flexion",
    ],
    "he": [
        "כיפוף ברך ימין",
        "כיפוף ברך שמאל",
        "הרחקת כתף ימין",
        "פלקסיה כתף שמאל",
        "יישור שורש כף יד ימין",
        "דורסיפלקסיה קרסול שמאל",
        "כיפוף מרפק ימין",
        "פלקסיה ירך ימין",
    ],
}


def fmt_site(lang: str, rng: random.Random) -> str:
    return rng.choice(SITES[lang])
