"""This set's vocabulary as data, read and checked: the measure slots and the ranges their
values are drawn from (slots.toml), and how a field is laid out (layout.toml). A file of
the wrong shape is a VocabError naming it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).parent

Strings = tuple[str, ...]
Slot = tuple[str, float, float, int]  # measure, low, high, decimals


def _table(path: Path, where: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise VocabError(f"{path}: {where}: a table")
    return value


def _strings(path: Path, where: str, value: object) -> Strings:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabError(f"{path}: {where}: a list of strings")
    return tuple(value)


def _number(path: Path, where: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise VocabError(f"{path}: {where}: a number")
    return value


def _steps(path: Path, where: str, value: object) -> range:
    if not isinstance(value, list) or len(value) != 3 or not all(isinstance(v, int) for v in value):
        raise VocabError(f"{path}: {where}: [start, stop, step], whole numbers")
    return range(*value)


@dataclass(frozen=True)
class Rom:
    small: Strings  # words of a style's id whose joint moves less
    small_steps: range
    steps: range


def slots() -> tuple[dict[str, Slot], Rom]:
    """Slot -> (measure, low, high, decimals), and how a range of motion is drawn."""
    path = HERE / "slots.toml"
    data = read_toml(path)
    out: dict[str, Slot] = {}
    for slot, spec in _table(path, "slots", data.get("slots")).items():
        where = f"[slots] {slot}"
        spec = _table(path, where, spec)
        measure, dec = spec.get("measure"), spec.get("decimals")
        if not isinstance(measure, str) or not isinstance(dec, int) or isinstance(dec, bool):
            raise VocabError(f"{path}: {where}: a measure's name and whole decimals")
        low = _number(path, f"{where} low", spec.get("low"))
        out[slot] = (measure, low, _number(path, f"{where} high", spec.get("high")), dec)
    rom = _table(path, "rom", data.get("rom"))
    return out, Rom(
        _strings(path, "[rom] small", rom.get("small")),
        _steps(path, "[rom] small_steps", rom.get("small_steps")),
        _steps(path, "[rom] steps", rom.get("steps")),
    )


@dataclass(frozen=True)
class Layout:
    bullets: Strings
    numbered: Strings  # {} the number
    after_heading: Strings
    headings: dict[tuple[str, str], Strings]  # by (language, field)
    carried: dict[str, Strings]  # by language


def layout() -> Layout:
    path = HERE / "layout.toml"
    data = read_toml(path)
    headings = {
        (lang, field): _strings(path, f"[headings.{lang}] {field}", heads)
        for lang, fields in _table(path, "headings", data.get("headings")).items()
        for field, heads in _table(path, f"headings.{lang}", fields).items()
    }
    carried = {lang: _strings(path, f"[carried] {lang}", lines)
               for lang, lines in _table(path, "carried", data.get("carried")).items()}  # fmt: skip
    return Layout(
        _strings(path, "bullets", data.get("bullets")),
        _strings(path, "numbered", data.get("numbered")),
        _strings(path, "after_heading", data.get("after_heading")),
        headings,
        carried,
    )
