"""Samplers of measurement values: each draws a value in the unit a template writes and
returns the template's substitutions and the expected (measure, value in MEASURES unit).
`read_specs` reads a file of written styles (vitals.toml, labs.toml) into each measure's
samplers and templates."""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.timeline.kit.vocab import Key, Number, VocabFile
from bench.timeline.sets.holdout.base import (
    CHOL_MMOL_TO_MG,
    CREAT_UMOL_PER_MG,
    GLUCOSE_MMOL_TO_MG,
    INCH_CM,
    LB_TO_KG,
    a1c_ifcc_to_pct,
    f_to_c,
    num,
)
from bench.timeline.sets.holdout.readers import LANGS, read

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

# The samplers a data file names by `draw` that take nothing from it.
_DRAWS: dict[str, Sampler] = {
    "bp": bp,
    "bp_twice": bp_twice,
    "tpr": tpr,
    "lb": lb,
    "ft_in": ft_in,
    "metres": metres,
    "fahrenheit": fahrenheit,
    "ifcc": ifcc,
    "rom_pair": rom_pair,
}
# A `convert` of a data file: the factor from the unit drawn to the MEASURES unit.
_CONVERT: dict[str, float] = {
    "chol_mmol_to_mg": CHOL_MMOL_TO_MG,
    "glucose_mmol_to_mg": GLUCOSE_MMOL_TO_MG,
    "creat_umol_to_mg": 1 / CREAT_UMOL_PER_MG,
}


def _range(words: VocabFile, *keys: Key) -> tuple[Number, Number]:
    """The sampler's range = [low, high], numbers as written."""
    low, high = words.numbers(*keys, "range", n=2)
    return low, high


def _sampler(words: VocabFile, measure: str, *keys: Key) -> Sampler:
    """The sampler at `keys`: a `draw` of this module and what it takes from the file."""
    draw = words.text(*keys, "draw")
    if draw == "single":
        digits = words.whole(*keys, "digits") if words.has(*keys, "digits") else 0
        convert = words.text(*keys, "convert") if words.has(*keys, "convert") else "none"
        if convert != "none" and convert not in _CONVERT:
            raise words.wrong((*keys, "convert"), f"one of {', '.join(_CONVERT)}")
        return single(measure, *_range(words, *keys), digits, _CONVERT.get(convert, 1.0))
    if draw == "rom":
        _range(words, *keys)
        return rom(measure, words.whole(*keys, "range", 0), words.whole(*keys, "range", 1))
    if draw == "lipid_panel":
        unit = words.text(*keys, "unit")
        if unit not in ("mmol", "mg"):
            raise words.wrong((*keys, "unit"), '"mmol" or "mg"')
        return lipid_panel(unit)
    if draw not in _DRAWS:
        kinds = ", ".join(("single", "rom", "lipid_panel", *_DRAWS))
        raise words.wrong((*keys, "draw"), f"{draw!r} is none of {kinds}")
    return _DRAWS[draw]


def read_specs(name: str) -> dict[str, Spec]:
    """Each measure of the file `name`: its samplers by unit tag, and its (style, tag,
    template) rows per language, each tag one of its samplers'."""
    words = read(name)
    out: dict[str, Spec] = {}
    for measure in words.data:
        samplers = {
            tag: _sampler(words, measure, measure, "samplers", tag)
            for tag in words.table(measure, "samplers")
        }
        styles = words.table(measure, "styles")
        if set(styles) != set(LANGS):
            raise words.wrong((measure, "styles"), f"a list for each of {', '.join(LANGS)}")
        templates: dict[str, list[tuple[str, str, str]]] = {}
        for lang in styles:
            templates[lang] = []
            rows = words.rows(measure, "styles", lang, width=3)
            for i, (style, tag, template) in enumerate(rows):
                if tag not in samplers:
                    tags = ", ".join(samplers)
                    raise words.wrong((measure, "styles", lang, i), f"a tag of {tags}, not {tag!r}")
                templates[lang].append((style, tag, template))
        out[measure] = (samplers, templates)
    return out
