"""Random, believable values of each measure, written in a unit and marked with the value a
correct reading stores (in the MEASURES unit, converted from the number as written).

The ranges it draws from are ranges.toml's; a style (styles_*.toml) names the methods below
that write its values (WRITERS) and their arguments."""

from __future__ import annotations

import inspect
import random
from collections.abc import Sequence

from bench.timeline.kit.vocab import Key, VocabFile
from bench.timeline.sets.blind3 import HERE
from bench.timeline.sets.blind3.markup import label

# The arithmetic of a unit: fixed by the units themselves, not a choice of this set.
KG_PER_LB = 0.45359237
CM_PER_IN = 2.54
CHOL = 38.67  # mg/dL per mmol/L, total, LDL and HDL cholesterol
GLUCOSE = 18.0  # mg/dL per mmol/L
CREATININE = 88.4  # µmol/L per mg/dL

# The Values methods a style may call, each giving its marked (or unlabelled) words.
WRITERS = frozenset(
    {"q", "raw", "raw_systolic", "bp", "lb", "inches", "metres", "feet"}
    | {"fahrenheit", "mmol", "umol", "ifcc"}
)
Arg = str | int | float


def _ranges() -> tuple[dict[str, tuple[float, float, int]], tuple[int, int], tuple[int, int], int]:
    """ranges.toml: each measure's (low, high, decimals), and a pressure's systolic and
    diastolic (low, high) and least gap. Numbers keep the type written (1 int, 1.0 float)."""
    words = VocabFile(HERE / "ranges.toml")
    measures: dict[str, tuple[float, float, int]] = {}
    for name in words.table("measures"):
        low, high, _ = words.numbers("measures", name, n=3)
        if not low < high:
            raise words.wrong(("measures", name), "[low, high, decimals], low below high")
        measures[name] = (low, high, words.whole("measures", name, 2))
    systolic, diastolic = (_whole_pair(words, "bp", key) for key in ("systolic", "diastolic"))
    return measures, systolic, diastolic, words.whole("bp", "min_gap")


def _whole_pair(words: VocabFile, *keys: Key) -> tuple[int, int]:
    """A [low, high] of whole numbers: a shape VocabFile has no getter for."""
    words.numbers(*keys, n=2)
    return words.whole(*keys, 0), words.whole(*keys, 1)


RANGE, SYSTOLIC, DIASTOLIC, MIN_GAP = _ranges()


def _num(x: float, dec: int) -> str:
    return f"{x:.{dec}f}"


class Values:
    """One snippet's values: each call draws a new one from `rng`."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def draw(self, measure: str, lo: float | None = None, hi: float | None = None) -> float:
        low, high, dec = RANGE[measure]
        return round(self.r.uniform(low if lo is None else lo, high if hi is None else hi), dec)

    def raw(self, measure: str, dec: int | None = None) -> str:
        """An unlabelled value of `measure` (a target, an earlier reading)."""
        d = RANGE[measure][2] if dec is None else dec
        return _num(self.draw(measure), d)

    def q(
        self,
        measure: str,
        fmt: str = "{}",
        dec: int | None = None,
        lo: float | None = None,
        hi: float | None = None,
    ) -> str:
        """A value in the MEASURES unit, written `fmt` (its span is the whole of `fmt`),
        drawn from the measure's range or from lo..hi."""
        d = RANGE[measure][2] if dec is None else dec
        x = self.draw(measure, lo, hi)
        if measure == "rom":
            x = float(self.r.choice(range(int(x) - int(x) % 5, int(x) + 1, 5)))
        written = _num(x, d)
        return label(fmt.format(written), f"m:{measure}={float(written)}")

    def conv(self, measure: str, per: float, dec: int, fmt: str, *, divide: bool = False) -> str:
        """A value written in another unit: `per` MEASURES units in one written unit (or,
        `divide`, written units in one MEASURES unit)."""
        x = self.draw(measure)
        written = round(x * per if divide else x / per, dec)
        stored = written / per if divide else written * per
        return label(fmt.format(_num(written, dec)), f"m:{measure}={round(stored, 2)}")

    def bp(self, fmt: str = "{s}/{d}") -> str:
        s, d = self.bp_pair()
        return label(fmt.format(s=s, d=d), f"m:bp_systolic={s}", f"m:bp_diastolic={d}")

    def bp_pair(self) -> tuple[int, int]:
        s = self.r.randint(*SYSTOLIC)
        d = self.r.randint(DIASTOLIC[0], min(DIASTOLIC[1], s - MIN_GAP))
        return s, d

    def raw_systolic(self) -> str:
        """An unlabelled systolic (last visit's): a whole pressure is drawn, as for `bp`."""
        return str(self.bp_pair()[0])

    # units other than the stored one: `fmt` writes the number ({}, or {f} and {i} feet and
    # inches) with its unit
    def lb(self, fmt: str) -> str:
        return self.conv("weight", KG_PER_LB, 0, fmt)

    def inches(self, fmt: str) -> str:
        return self.conv("height", CM_PER_IN, 0, fmt)

    def metres(self, fmt: str) -> str:
        return self.conv("height", 100.0, 2, fmt)

    def feet(self, fmt: str) -> str:
        total = round(self.draw("height") / CM_PER_IN)
        text = fmt.format(f=total // 12, i=total % 12)
        return label(text, f"m:height={round(total * CM_PER_IN, 2)}")

    def fahrenheit(self, fmt: str) -> str:
        c = self.draw("temperature")
        f = round(c * 9 / 5 + 32, 1)
        return label(fmt.format(_num(f, 1)), f"m:temperature={round((f - 32) * 5 / 9, 2)}")

    def mmol(self, measure: str, fmt: str) -> str:
        per = GLUCOSE if measure == "glucose" else CHOL
        return self.conv(measure, per, 1, fmt)

    def umol(self, fmt: str) -> str:
        return self.conv("creatinine", CREATININE, 0, fmt, divide=True)

    def ifcc(self, fmt: str) -> str:
        pct = self.draw("a1c")
        mm = round((pct - 2.15) * 10.929)
        return label(fmt.format(mm), f"m:a1c={round(mm / 10.929 + 2.15, 2)}")

    def write(self, name: str, args: Sequence[Arg]) -> str:
        """The words of WRITERS' method `name` called with `args`."""
        return str(getattr(self, name)(*args))


def check_call(name: str, args: Sequence[Arg]) -> str | None:
    """Why a style cannot call `name` with `args`, or None when it can."""
    if name not in WRITERS:
        return f"{name!r} is none of {', '.join(sorted(WRITERS))}"
    try:
        bound = inspect.signature(getattr(Values, name)).bind(None, *args)
    except TypeError as exc:
        return f"{name}{tuple(args)}: {exc}"
    measure = bound.arguments.get("measure")
    if measure is not None and measure not in RANGE:
        return f"{name}{tuple(args)}: ranges.toml has no measure {measure!r}"
    return None
