"""Samplers of measurement values: each draws a value in the unit a template writes and
returns the template's substitutions and the expected (measure, value in MEASURES unit)."""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.timeline.sets.holdout.base import (
    CHOL_MMOL_TO_MG,
    INCH_CM,
    LB_TO_KG,
    a1c_ifcc_to_pct,
    f_to_c,
    num,
)

Sample = tuple[dict[str, str], list[tuple[str, float]]]
Sampler = Callable[[random.Random], Sample]


def dec(rng: random.Random, lo: float, hi: float, digits: int = 1) -> float:
    step = 10**digits
    return rng.randint(round(lo * step), round(hi * step)) / step


def single(name: str, lo: float, hi: float, digits: int = 0, factor: float = 1.0) -> Sampler:
    """One value written as drawn ({v}); expected `value * factor`."""

    def sample(rng: random.Random) -> Sample:
        v = dec(rng, lo, hi, digits)
        return {"v": num(v, digits)}, [(name, v * factor)]

    return sample


def bp(rng: random.Random) -> Sample:
    s = rng.randint(104, 166)
    d = rng.randint(60, min(98, s - 30))
    return {"s": str(s), "d": str(d)}, [("bp_systolic", s), ("bp_diastolic", d)]


def bp_twice(rng: random.Random) -> Sample:
    subs, facts = bp(rng)
    s2, d2 = int(subs["s"]) - rng.randint(2, 9), int(subs["d"]) - rng.randint(0, 5)
    subs.update(s2=str(s2), d2=str(d2))
    return subs, [*facts, ("bp_systolic", s2), ("bp_diastolic", d2)]


def tpr(rng: random.Random) -> Sample:
    t, p = dec(rng, 36.2, 37.6), rng.randint(58, 96)
    subs, pressure = bp(rng)
    subs.update(t=num(t), p=str(p), r=str(rng.choice((14, 16, 18))))
    return subs, [("temperature", t), ("heart_rate", p), *pressure]


def lb(rng: random.Random) -> Sample:
    pounds = rng.randint(118, 265)
    return {"v": str(pounds)}, [("weight", pounds * LB_TO_KG)]


def ft_in(rng: random.Random) -> Sample:
    ft, inch = rng.choice(((4, 11), *((5, i) for i in range(12)), (6, 0), (6, 1), (6, 2)))
    return {"ft": str(ft), "in": str(inch)}, [("height", (ft * 12 + inch) * INCH_CM)]


def metres(rng: random.Random) -> Sample:
    m = dec(rng, 1.5, 1.94, 2)
    return {"v": f"{m:.2f}"}, [("height", m * 100)]


def fahrenheit(rng: random.Random) -> Sample:
    f = dec(rng, 97.2, 102.6)
    return {"v": num(f)}, [("temperature", f_to_c(f))]


def ifcc(rng: random.Random) -> Sample:
    m = rng.randint(38, 88)
    pct = a1c_ifcc_to_pct(m)
    return {"v": str(m), "pct": f"{pct:.1f}"}, [("a1c", pct)]


def lipid_panel(unit: str) -> Sampler:
    def sample(rng: random.Random) -> Sample:
        if unit == "mmol":
            ldl, hdl = dec(rng, 1.6, 4.9), dec(rng, 0.8, 2.1)
            tc = round(ldl + hdl + dec(rng, 0.6, 1.6), 1)
            tg = dec(rng, 0.8, 3.2)
            k = CHOL_MMOL_TO_MG
        else:
            ldl, hdl = rng.randint(62, 188), rng.randint(33, 82)
            tc = ldl + hdl + rng.randint(18, 45)
            tg = rng.randint(70, 260)
            k = 1.0
        subs = {"tc": num(tc), "ldl": num(ldl), "hdl": num(hdl), "tg": num(tg)}
        return subs, [("total_cholesterol", tc * k), ("ldl", ldl * k), ("hdl", hdl * k)]

    return sample


def rom(name: str, lo: int, hi: int) -> Sampler:
    """Degrees as physiotherapists write them: mostly in fives."""

    def sample(rng: random.Random) -> Sample:
        v = rng.randint(lo, hi)
        v = v if rng.random() < 0.25 else 5 * round(v / 5)
        return {"v": str(v)}, [(name, v)]

    return sample


def rom_pair(rng: random.Random) -> Sample:
    a = 5 * rng.randint(16, 26)
    p = a + 5 * rng.randint(1, 3)
    return {"a": str(a), "p": str(p)}, [("rom", a), ("rom", p)]


# Per measure: samplers by unit tag, then (style, tag, template) per language.
Spec = tuple[dict[str, Sampler], dict[str, list[tuple[str, str, str]]]]
