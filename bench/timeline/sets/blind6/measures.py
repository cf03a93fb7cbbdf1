"""Each measure in its written styles (styles.txt): a `{slot}` of a snippet takes the next
style of its measure (English lines only English ones, Hebrew lines any), with a value
drawn from the seeded generator in its slot's range (slots.toml), and becomes inline markup
with the value in MEASURES' unit."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.timeline.sets.blind6 import tables

# slot -> (measure, low, high, decimals) of the value in MEASURES' unit, and how a range of
# motion is drawn (slots.toml)
SLOTS, ROM = tables.slots()

# How a written number is turned into MEASURES' unit, and back.
_TO: dict[str, Callable[[float], float]] = {
    "lb": lambda kg: round(kg / 0.45359237, 1),
    "in": lambda cm: round(cm / 2.54),
    "m": lambda cm: round(cm / 100, 2),
    "F": lambda c: round(c * 9 / 5 + 32, 1),
    "chol": lambda mg: round(mg / 38.67, 1),
    "glu": lambda mg: round(mg / 18.0, 1),
    "umol": lambda mg: round(mg * 88.4),
    "ifcc": lambda pct: round((pct - 2.15) * 10.929),
}
_FROM: dict[str, Callable[[float], float]] = {
    "lb": lambda x: x * 0.45359237,
    "in": lambda x: x * 2.54,
    "m": lambda x: x * 100,
    "F": lambda x: (x - 32) * 5 / 9,
    "chol": lambda x: x * 38.67,
    "glu": lambda x: x * 18.0,
    "umol": lambda x: x / 88.4,
    "ifcc": lambda x: x / 10.929 + 2.15,
}


@dataclass(frozen=True)
class Style:
    id: str
    lang: str  # "en" (any line) or "he" (Hebrew lines only)
    template: str  # {v} the number as written; {s}/{d} a pressure; {f}/{i} feet and inches
    unit: str = ""  # a key of _TO when the written unit is not MEASURES'


def _styles(path: Path) -> dict[str, list[Style]]:
    out: dict[str, list[Style]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            measure, sid, lang, template, unit = (c.strip() for c in line.split("|"))
            out.setdefault(measure, []).append(Style(f"{measure}:{sid}", lang, template, unit))
    return out


# styles.txt: a row a style, at least ten a measure.
STYLES: dict[str, list[Style]] = _styles(Path(__file__).with_name("styles.txt"))


def _value(slot: str, rng: random.Random) -> float:
    _, lo, hi, dec = SLOTS[slot]
    return round(rng.uniform(lo, hi), dec) if dec else float(rng.randint(int(lo), int(hi)))


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def render(slot: str, style: Style, rng: random.Random) -> str:
    """The slot as inline markup, in `style`, with a drawn value."""
    measure = SLOTS[slot][0]
    if measure == "bp":
        s = rng.randint(96, 178)
        d = rng.randint(55, min(104, s - 25))
        words = style.template.format(s=s, d=d)
        return f"[[{words}||bp={s}/{d}@{style.id}]]"
    base = _value(slot, rng)
    if measure == "rom":  # a wrist, an ankle or an abduction moves less than a knee
        small = any(k in style.id for k in ROM.small)
        base = float(rng.choice(ROM.small_steps if small else ROM.steps))
    if style.unit:
        written = _TO[style.unit](base)
        label = round(_FROM[style.unit](written), 2)
    else:
        written, label = base, base
    if style.unit == "in" and "{f}" in style.template:
        words = style.template.format(f=int(written) // 12, i=int(written) % 12)
    else:
        words = style.template.format(v=_num(written))
    return f"[[{words}||m.{measure}={round(label, 2)}@{style.id}]]"


class Cycle:
    """Each measure's styles in a seeded order, taken in turn so every style is used."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._queues: dict[str, list[Style]] = {}

    def take(self, slot: str, lang: str) -> Style:
        measure = SLOTS[slot][0]
        queue = self._queues.setdefault(measure, [])
        for _ in range(2):
            for i, style in enumerate(queue):
                if lang == "he" or style.lang == "en":
                    return queue.pop(i)
            fresh = list(STYLES[measure])
            self._rng.shuffle(fresh)
            queue.extend(fresh)
        raise AssertionError(slot)
