"""This set's vocabulary as data, read and checked through the kit's VocabFile: the measure
slots and the ranges their values are drawn from (slots.toml), and how a field is laid out
(layout.toml). A file of the wrong shape is a VocabError naming it and the key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.timeline.kit.vocab import VocabFile

HERE = Path(__file__).parent

Strings = tuple[str, ...]
Slot = tuple[str, float, float, int]  # measure, low, high, decimals


@dataclass(frozen=True)
class Rom:
    small: Strings  # words of a style's id whose joint moves less
    small_steps: range
    steps: range


def _steps(words: VocabFile, *keys: str) -> range:
    """A [start, stop, step] of whole numbers: the degrees a range of motion is drawn from."""
    words.numbers(*keys, n=3)
    return range(*(words.whole(*keys, n) for n in range(3)))


def slots() -> tuple[dict[str, Slot], Rom]:
    """Slot -> (measure, low, high, decimals), and how a range of motion is drawn."""
    words = VocabFile(HERE / "slots.toml")
    out: dict[str, Slot] = {}
    for slot in words.table("slots"):
        spec = ("slots", slot)
        low, high = words.number(*spec, "low"), words.number(*spec, "high")
        out[slot] = (words.text(*spec, "measure"), low, high, words.whole(*spec, "decimals"))
    rom = Rom(
        words.strings("rom", "small"),
        _steps(words, "rom", "small_steps"),
        _steps(words, "rom", "steps"),
    )
    return out, rom


@dataclass(frozen=True)
class Layout:
    bullets: Strings
    numbered: Strings  # {} the number
    after_heading: Strings
    headings: dict[tuple[str, str], Strings]  # by (language, field)
    carried: dict[str, Strings]  # by language


def layout() -> Layout:
    words = VocabFile(HERE / "layout.toml")
    headings = words.lists_by_pair("headings")
    return Layout(
        words.strings("bullets"),
        words.strings("numbered"),
        words.strings("after_heading"),
        headings,
        words.lists("carried"),
    )
