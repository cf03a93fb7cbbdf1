"""How clinicians write each measure: the written styles, their units and conversions.

A style is one way of writing a measure ("BP 128/82", "blood pressure 130 over 85",
"לחץ דם 130/85"). Each renders written values (in the style's own unit) to text and to
the facts that text holds in the canonical units of `core.timeline.types.MEASURES`, so the
expected value is always the conversion of exactly what was written.

Blood pressure is one mention holding two measures (`bp_systolic`, `bp_diastolic`); a
height in feet and inches is one value written as two numbers. Every other style writes
one value as `{v}`.

The units, their ranges and conversions, and the implausible readings are measures.toml's.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.timeline.kit.facts import Lang
from bench.timeline.kit.vocab import Number, VocabFile
from bench.timeline.sets.labelled import LANGS

_DATA = VocabFile(Path(__file__).with_name("measures.toml"))


@dataclass(frozen=True)
class Unit:
    """A written unit: the range a value is drawn from, as written, its decimals, and the
    conversion to the canonical unit."""

    lo: float
    hi: float
    decimals: int
    to_canonical: Callable[[float], float] = lambda v: v
    canonical: bool = True


_STEPS = ("minus", "times", "per")
_UNIT_KEYS = ("lo", "hi", "decimals", *_STEPS)


def _converter(
    minus: Number | None, times: Number | None, per: Number | None
) -> Callable[[float], float]:
    """((v - minus) * times) / per, each step only where given: the arithmetic, in its
    order, of the conversion as a clinician's formula writes it ((°F - 32) * 5 / 9)."""

    def convert(v: float) -> float:
        if minus is not None:
            v = v - minus
        if times is not None:
            v = v * times
        if per is not None:
            v = v / per
        return v

    return convert


def _unit(group: str, key: str) -> Unit:
    where = ("units", group, key)
    extra = [k for k in _DATA.table(*where) if k not in _UNIT_KEYS]
    if extra:
        raise _DATA.wrong(where, f"unknown keys {extra}; a unit has {', '.join(_UNIT_KEYS)}")
    lo, hi = _DATA.number(*where, "lo"), _DATA.number(*where, "hi")
    decimals = _DATA.whole(*where, "decimals") if _DATA.has(*where, "decimals") else 0
    minus, times, per = (_DATA.number(*where, k) if _DATA.has(*where, k) else None for k in _STEPS)
    if minus is None and times is None and per is None:
        return Unit(lo, hi, decimals)
    return Unit(lo, hi, decimals, _converter(minus, times, per), canonical=False)


# A measure group's units by key; the first is the canonical one.
UNITS: dict[str, dict[str, Unit]] = {
    g: {key: _unit(g, key) for key in _DATA.table("units", g)} for g in _DATA.table("units")
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


def _bases() -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for measure in _DATA.table("implausible_base"):
        where = ("implausible_base", measure)
        lo, hi = (_DATA.whole(*where, i) for i in (0, 1))
        if _DATA.has(*where, 2) or not lo < hi:
            raise _DATA.wrong(where, "[low, high], two whole numbers, low first")
        out[measure] = (lo, hi)
    return out


def _implausible(lang: Lang) -> list[tuple[str, str]]:
    rows = [(template, measure) for template, measure in _DATA.rows("implausible", lang, width=2)]
    _DATA.known((m for _, m in rows), IMPLAUSIBLE_BASE, "implausible", lang)
    return rows


# The plausible value each implausible template is built from (before its extra digits).
IMPLAUSIBLE_BASE: dict[str, tuple[int, int]] = _bases()
# Readings no body could have, as written; each comes out as a Flag on the measure named.
IMPLAUSIBLE: dict[Lang, list[tuple[str, str]]] = {lang: _implausible(lang) for lang in LANGS}


def fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}" if decimals else str(round(value))


def sample(style: Style, rng: random.Random) -> dict[str, float]:
    """Written values for `style`, drawn in its own unit."""
    unit = UNITS[style.group][style.unit]
    if style.group == "bp":
        s = rng.randint(int(unit.lo), int(unit.hi))
        return {"s": s, "d": rng.randint(max(55, s // 2), min(105, s - 30))}
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
