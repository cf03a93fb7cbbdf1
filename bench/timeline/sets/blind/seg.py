"""Text built piece by piece with its labels: each label keeps the span of the words it
was read from, so a label can be checked against the text it claims to come from."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Label:
    """An expected fact (kind "flag": an expected flag) and its span in the field."""

    kind: str
    name: str
    start: int = 0
    end: int = 0
    value: float | None = None
    unit: str | None = None
    status: str | None = None
    dose: str | None = None
    style: str | None = None
    aliases: tuple[str, ...] = ()

    def to_json(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name}
        for key in ("value", "unit", "status", "dose", "style"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.aliases:
            out["aliases"] = list(self.aliases)
        out.update(start=self.start, end=self.end, text=text[self.start : self.end])
        return out


@dataclass(frozen=True)
class Seg:
    text: str
    labels: tuple[Label, ...] = field(default=())


Part = Seg | str


def mark(text: str, *labels: Label) -> Seg:
    """`text` with every label spanning all of it."""
    return Seg(text, tuple(replace(x, start=0, end=len(text)) for x in labels))


def cat(*parts: Part) -> Seg:
    text, labels = "", []
    for p in parts:
        seg = Seg(p) if isinstance(p, str) else p
        off = len(text)
        labels += [replace(x, start=x.start + off, end=x.end + off) for x in seg.labels]
        text += seg.text
    return Seg(text, tuple(labels))


def join(parts: Sequence[Part], sep: str) -> Seg:
    out: list[Part] = []
    for i, p in enumerate(parts):
        if i:
            out.append(sep)
        out.append(p)
    return cat(*out)


class Pick:
    """The generator's one source of chance (seeded), and round-robin choosers that make
    sure every written style is used before any is used twice."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._decks: dict[str, list[Any]] = {}
        self.drawn: Counter[str] = Counter()  # how often each key was drawn

    def one(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def cycle(self, key: str, items: Sequence[T]) -> T:
        deck = self._decks.get(key)
        if not deck:
            deck = list(items)
            self.rng.shuffle(deck)
            self._decks[key] = deck
        return deck.pop()

    def uniform(self, lo: float, hi: float, step: float) -> float:
        n = round((hi - lo) / step)
        return round(lo + step * self.rng.randint(0, n), 2)
