"""This set's vocabulary as data, read and checked: the ranges values are drawn from
(values.toml), the values no body has (flags.toml), how a field is laid out
(layout.toml) and the slots that name a group of measures (groups.toml). A file of the
wrong shape is a VocabError naming it."""

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


def _bounds(path: Path, where: str, value: object) -> tuple[float, float]:
    """[low, high] as written (an int stays an int)."""
    if not isinstance(value, list) or len(value) != 2:
        raise VocabError(f"{path}: {where}: [low, high]")
    low, high = value
    for v in (low, high):
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise VocabError(f"{path}: {where}: [low, high], numbers")
    return low, high


def _by_name(path: Path, data: dict[str, Any], table: str) -> dict[str, Strings]:
    rows = _table(path, table, data.get(table)).items()
    return {name: _strings(path, f"[{table}] {name}", v) for name, v in rows}


@dataclass(frozen=True)
class Values:
    whole: frozenset[str]  # measures whose values are whole numbers
    ranges: dict[str, tuple[float, float]]  # measure -> [low, high]
    style_ranges: dict[str, tuple[float, float]]  # style id -> [low, high]


def values() -> Values:
    path = HERE / "values.toml"
    data = read_toml(path)

    def bounds(table: str) -> dict[str, tuple[float, float]]:
        rows = _table(path, table, data.get(table)).items()
        return {name: _bounds(path, f"[{table}] {name}", v) for name, v in rows}

    whole = frozenset(_strings(path, "whole", data.get("whole")))
    return Values(whole, bounds("ranges"), bounds("style_ranges"))


def flags() -> list[tuple[str, str]]:
    """(language, the marked words) of each value no body has, in turn."""
    path = HERE / "flags.toml"
    rows = read_toml(path).get("flags")
    if not isinstance(rows, list):
        raise VocabError(f"{path}: flags: a list of [language, words]")
    out: list[tuple[str, str]] = []
    for row in rows:
        pair = _strings(path, "flags", row)
        if len(pair) != 2:
            raise VocabError(f"{path}: flags: {row!r} is no [language, words]")
        out.append((pair[0], pair[1]))
    return out


@dataclass(frozen=True)
class Layout:
    bullets: Strings
    numbered: Strings  # {} the number
    layouts: dict[str, Strings]  # by field kind
    headings: dict[tuple[str, str], Strings]  # by (language, field)


def layout(known: Strings) -> Layout:
    """layout.toml, each field kind's layouts among `known`."""
    path = HERE / "layout.toml"
    data = read_toml(path)
    layouts = _by_name(path, data, "layouts")
    for field, names in layouts.items():
        if not set(names) <= set(known):
            raise VocabError(f"{path}: [layouts] {field}: layouts among {', '.join(known)}")
    headings = {
        (lang, field): _strings(path, f"[headings.{lang}] {field}", heads)
        for lang, fields in _table(path, "headings", data.get("headings")).items()
        for field, heads in _table(path, f"headings.{lang}", fields).items()
    }
    return Layout(
        _strings(path, "bullets", data.get("bullets")),
        _strings(path, "numbered", data.get("numbered")),
        layouts,
        headings,
    )


def groups() -> dict[str, Strings]:
    """Slot -> the measures of its group, in the order written."""
    path = HERE / "groups.toml"
    return _by_name(path, read_toml(path), "groups")
