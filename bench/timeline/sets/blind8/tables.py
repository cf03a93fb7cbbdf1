"""This set's vocabulary as data, read and checked through the kit's VocabFile: how a field
is laid out (layout.toml) and the ranges values are drawn from (ranges.toml). A file of
the wrong shape is a VocabError naming it and the key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.timeline.kit.vocab import VocabFile

HERE = Path(__file__).parent

Strings = tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    bullets: Strings
    after_heading: Strings
    headings: dict[str, dict[str, Strings]]  # by language, then field


def layout() -> Layout:
    words = VocabFile(HERE / "layout.toml")
    headings = {lang: words.lists("headings", lang) for lang in words.table("headings")}
    return Layout(words.strings("bullets"), words.strings("after_heading"), headings)


def ranges() -> dict[str, tuple[float, float, int]]:
    """Measure -> (low, high, decimals), in MEASURES' unit; numbers as written."""
    words = VocabFile(HERE / "ranges.toml")
    out: dict[str, tuple[float, float, int]] = {}
    for measure in words.table("ranges"):
        low, high, _ = words.numbers("ranges", measure, n=3)
        out[measure] = (low, high, words.whole("ranges", measure, 2))
    return out
