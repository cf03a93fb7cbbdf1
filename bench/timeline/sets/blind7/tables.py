"""This set's vocabulary as data, read and checked through the kit's VocabFile: the ranges
values are drawn from (values.toml) and how a field is laid out (layout.toml). A file of
the wrong shape is a VocabError naming it and the key."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from bench.timeline.kit.vocab import VocabFile

HERE = Path(__file__).parent

Strings = tuple[str, ...]


@dataclass(frozen=True)
class Values:
    whole: frozenset[str]  # measures whose values are whole numbers
    ranges: dict[str, tuple[float, float]]  # measure -> [low, high]
    style_ranges: dict[str, tuple[float, float]]  # style id -> [low, high]


def values() -> Values:
    words = VocabFile(HERE / "values.toml")

    def bounds(table: str) -> dict[str, tuple[float, float]]:
        return {name: words.bounds(table, name) for name in words.table(table)}

    return Values(frozenset(words.strings("whole")), bounds("ranges"), bounds("style_ranges"))


@dataclass(frozen=True)
class Layout:
    bullets: Strings
    numbered: Strings  # {} the number
    layouts: dict[str, Strings]  # by field kind
    headings: dict[tuple[str, str], Strings]  # by (language, field)


def layout(known: Container[str]) -> Layout:
    """layout.toml, each field kind's layouts among `known`."""
    words = VocabFile(HERE / "layout.toml")
    layouts = words.lists("layouts")
    for field, names in layouts.items():
        words.known(names, known, "layouts", field)
    headings = words.lists_by_pair("headings")
    return Layout(words.strings("bullets"), words.strings("numbered"), layouts, headings)
