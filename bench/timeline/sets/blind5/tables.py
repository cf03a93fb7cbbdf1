"""This set's vocabulary as data, read and checked through the kit's VocabFile: each
measure's written styles (styles.toml), the values drawn for them (values.toml) and how a
field is composed (compose.toml). A file of the wrong shape is a VocabError naming it and
the key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabFile

HERE = Path(__file__).parent

Style = tuple[str, str, str, str]  # style, language, unit written, template


def styles() -> dict[str, list[Style]]:
    """Measure -> its styles, in the order written."""
    words = VocabFile(HERE / "styles.toml")
    return {
        measure: [(style, lang, unit, template)
                  for style, lang, unit, template in words.rows("styles", measure, width=4)]
        for measure in words.table("styles")
    }  # fmt: skip


@dataclass(frozen=True)
class Values:
    whole: dict[str, tuple[int, int]]  # unit -> [low, high], both drawn
    ranges: dict[str, tuple[Any, Any]]  # unit -> [low, high] as written
    mmol: dict[str, tuple[float, float, float]]  # unit -> low, high, mg/dL in a mmol/L
    sites: dict[str, tuple[str, ...]]  # language -> a joint's movements


def values() -> Values:
    words = VocabFile(HERE / "values.toml")

    def whole(unit: str) -> tuple[int, int]:
        # values.py draws these with randint, which takes whole numbers only.
        words.bounds("whole", unit)
        return words.whole("whole", unit, 0), words.whole("whole", unit, 1)

    def mmol(unit: str) -> tuple[float, float, float]:
        low, high, per = words.numbers("mmol", unit, n=3)
        return low, high, per

    return Values(
        {unit: whole(unit) for unit in words.table("whole")},
        {unit: words.bounds("ranges", unit) for unit in words.table("ranges")},
        {unit: mmol(unit) for unit in words.table("mmol")},
        words.lists("sites"),
    )


@dataclass(frozen=True)
class Compose:
    weights: dict[str, int]  # field -> its share of the set
    own_lines: dict[str, tuple[int, ...]]  # field -> how many own lines, one drawn
    shared: dict[str, float]  # field -> the chance of a line every clinic writes


def _counts(words: VocabFile, *keys: str) -> tuple[int, ...]:
    """A list of whole numbers, one at least: generate.py draws one of them."""
    count = len(words.numbers(*keys))
    if not count:
        raise words.wrong(keys, "a list of whole numbers, one at least")
    return tuple(words.whole(*keys, n) for n in range(count))


def compose(fields: tuple[str, ...]) -> Compose:
    """compose.toml, every table naming each of `fields` but `shared`."""
    words = VocabFile(HERE / "compose.toml")
    weights = words.counts("weights")
    own = {field: _counts(words, "own_lines", field) for field in words.table("own_lines")}
    for table, rows in (("weights", weights), ("own_lines", own)):
        if set(rows) != set(fields):
            raise words.wrong((table,), f"one row for each of {', '.join(fields)}")
    shared = {field: words.number("shared", field) for field in words.table("shared")}
    return Compose(weights, own, shared)
