"""This set's vocabulary as data, read and checked: the slots that name a group of measures
(groups.toml), the values no body has (flags.toml), how a field is laid out (layout.toml)
and the ranges values are drawn from (ranges.toml). A file of the wrong shape is a
VocabError naming it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).parent

Strings = tuple[str, ...]


def _table(path: Path, where: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise VocabError(f"{path}: {where}: a table")
    return value


def _strings(path: Path, where: str, value: object) -> Strings:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabError(f"{path}: {where}: a list of strings")
    return tuple(value)


def groups() -> dict[str, Strings]:
    """Slot -> the measures of its group, in the order written."""
    path = HERE / "groups.toml"
    rows = _table(path, "groups", read_toml(path).get("groups")).items()
    return {slot: _strings(path, f"[groups] {slot}", measures) for slot, measures in rows}


def flags() -> list[tuple[str, str, str]]:
    """(words, the flag's measure, language) of each value no body has, in turn."""
    path = HERE / "flags.toml"
    rows = read_toml(path).get("flags")
    if not isinstance(rows, list):
        raise VocabError(f"{path}: flags: a list of [words, measure, language]")
    out: list[tuple[str, str, str]] = []
    for row in rows:
        flag = _strings(path, "flags", row)
        if len(flag) != 3:
            raise VocabError(f"{path}: flags: {row!r} is no [words, measure, language]")
        out.append((flag[0], flag[1], flag[2]))
    return out


@dataclass(frozen=True)
class Layout:
    bullets: list[str]
    after_heading: list[str]
    headings: dict[str, dict[str, Strings]]  # by language, then field


def layout() -> Layout:
    path = HERE / "layout.toml"
    data = read_toml(path)
    headings = {
        lang: {field: _strings(path, f"[headings.{lang}] {field}", heads)
               for field, heads in _table(path, f"headings.{lang}", fields).items()}
        for lang, fields in _table(path, "headings", data.get("headings")).items()
    }  # fmt: skip
    return Layout(
        list(_strings(path, "bullets", data.get("bullets"))),
        list(_strings(path, "after_heading", data.get("after_heading"))),
        headings,
    )


def ranges() -> dict[str, tuple[float, float, int]]:
    """Measure -> (low, high, decimals), in MEASURES' unit; numbers as written."""
    path = HERE / "ranges.toml"
    out: dict[str, tuple[float, float, int]] = {}
    for measure, row in _table(path, "ranges", read_toml(path).get("ranges")).items():
        ok = isinstance(row, list) and len(row) == 3
        ok = ok and all(isinstance(v, int | float) and not isinstance(v, bool) for v in row)
        if not ok or not isinstance(row[2], int):
            raise VocabError(f"{path}: [ranges] {measure}: [low, high, whole decimals]")
        out[measure] = (row[0], row[1], row[2])
    return out
