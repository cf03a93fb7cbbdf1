"""Building blocks of the holdout set: a `Piece` of text with the facts it holds, the
constructors of expected facts, unit conversions, plausible ranges (plausible.toml) and a
style cycler."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from bench.timeline.kit.facts import ExpectedFact
from bench.timeline.sets.holdout.readers import read
from core.timeline.types import MEASURES

T = TypeVar("T")

# Conversions to the units of MEASURES (the brief's factors).
LB_TO_KG = 0.45359237
CHOL_MMOL_TO_MG = 38.67  # LDL, HDL, total cholesterol
GLUCOSE_MMOL_TO_MG = 18.0
CREAT_UMOL_PER_MG = 88.4
INCH_CM = 2.54


def _plausible() -> dict[str, tuple[float, float]]:
    """Each measure's believable [low, high] in its MEASURES unit, numbers as written."""
    words = read("plausible.toml")
    out: dict[str, tuple[float, float]] = {}
    for name in words.data:
        if name not in MEASURES:
            raise words.wrong((name,), "no MEASURES key")
        out[name] = words.bounds(name)
    return out


# Every expected value lies inside its measure's range; every flagged number lies outside
# the range of the measure it was written for.
PLAUSIBLE = _plausible()


def f_to_c(f: float) -> float:
    return (f - 32.0) * 5.0 / 9.0


def a1c_ifcc_to_pct(mmol_mol: float) -> float:
    return mmol_mol / 10.929 + 2.15


def num(x: float, digits: int = 1) -> str:
    """A value as a clinician types it: 82 not 82.0, 7.2 as 7.2."""
    r = round(x, digits)
    return str(int(r)) if r == int(r) else f"{r:.{digits}f}".rstrip("0")


@dataclass(frozen=True)
class Piece:
    """A stretch of a field's text, the facts it holds, and any implausible values it
    holds: `flags` are the names scored, `flag_numbers` (measure, number as written) what
    the tests check against PLAUSIBLE."""

    text: str
    facts: tuple[ExpectedFact, ...] = ()
    flags: tuple[str, ...] = ()
    flag_numbers: tuple[tuple[str, str], ...] = ()


def join(pieces: Sequence[Piece], sep: str = ", ", prefix: str = "", suffix: str = "") -> Piece:
    """Pieces joined into one; the facts stay in text order."""
    parts = [p for p in pieces if p.text]
    return Piece(
        prefix + sep.join(p.text for p in parts) + suffix,
        tuple(f for p in parts for f in p.facts),
        tuple(x for p in parts for x in p.flags),
        tuple(x for p in parts for x in p.flag_numbers),
    )


def text(s: str) -> Piece:
    """Words that hold no fact."""
    return Piece(s)


# -- expected facts ------------------------------------------------------------------------
def meas(name: str, value: float, style: str) -> ExpectedFact:
    if name not in MEASURES:
        raise KeyError(name)
    return ExpectedFact(
        kind="measurement", name=name, value=round(value, 2), unit=MEASURES[name], style=style
    )


def med(name: str, status: str) -> ExpectedFact:
    return ExpectedFact(kind="medication", name=name, status=status)


def dx(name: str, status: str, aliases: Sequence[str] = ()) -> ExpectedFact:
    return ExpectedFact(kind="diagnosis", name=name, status=status, aliases=tuple(aliases))


def proc(name: str, aliases: Sequence[str] = ()) -> ExpectedFact:
    return ExpectedFact(kind="procedure", name=name, aliases=tuple(aliases))


def referral(target: str, aliases: Sequence[str] = ()) -> ExpectedFact:
    return ExpectedFact(
        kind="procedure",
        name=f"referral: {target}",
        aliases=tuple(f"referral: {a}" for a in aliases),
    )


def visit(kind: str) -> ExpectedFact:
    return ExpectedFact(kind="visit", name=kind)


class Cycler:
    """Hands out the items of each named list in a seeded, shuffled round robin: every
    style is used before any is used twice, so coverage does not hang on luck."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._queues: dict[str, list[int]] = {}

    def index(self, key: str, n: int) -> int:
        q = self._queues.get(key)
        if not q:
            q = list(range(n))
            self.rng.shuffle(q)
            self._queues[key] = q
        return q.pop()

    def pick(self, key: str, items: Sequence[T]) -> T:
        return items[self.index(key, len(items))]
