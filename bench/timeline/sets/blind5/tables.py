"""This set's vocabulary as data, read and checked: each measure's written styles
(styles.toml), the values drawn for them (values.toml), a field's headings and the line
that opens a block carried forward (layout.toml), and how a field is composed
(compose.toml). A file of the wrong shape is a VocabError naming it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).parent

Style = tuple[str, str, str, str]  # style, language, unit written, template


def _table(path: Path, where: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise VocabError(f"{path}: {where}: a table")
    return value


def _strings(path: Path, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabError(f"{path}: {where}: a list of strings")
    return value


def _numbers(path: Path, where: str, value: object, n: int | None = None) -> tuple[Any, ...]:
    """`value`'s numbers as written (an int stays an int), `n` of them if given."""
    if not isinstance(value, list) or not value or (n is not None and len(value) != n):
        raise VocabError(f"{path}: {where}: a list of {n or 'some'} numbers")
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        raise VocabError(f"{path}: {where}: a list of {n or 'some'} numbers")
    return tuple(value)


def styles() -> dict[str, list[Style]]:
    """Measure -> its styles, in the order written."""
    path = HERE / "styles.toml"
    out: dict[str, list[Style]] = {}
    for measure, rows in _table(path, "styles", read_toml(path).get("styles")).items():
        if not isinstance(rows, list):
            raise VocabError(f"{path}: [styles] {measure!r}: a list of styles")
        out[measure] = []
        for row in rows:
            if len(_strings(path, f"[styles] {measure!r}", row)) != 4:
                raise VocabError(f"{path}: [styles] {measure!r}: {row!r} is no 4 strings")
            out[measure].append((row[0], row[1], row[2], row[3]))
    return out


@dataclass(frozen=True)
class Values:
    whole: dict[str, tuple[int, int]]  # unit -> [low, high], both drawn
    ranges: dict[str, tuple[Any, Any]]  # unit -> [low, high] as written
    mmol: dict[str, tuple[float, float, float]]  # unit -> low, high, mg/dL in a mmol/L
    sites: dict[str, list[str]]  # language -> a joint's movements


def values() -> Values:
    path = HERE / "values.toml"
    data = read_toml(path)

    def each(table: str, n: int) -> dict[str, Any]:
        rows = _table(path, table, data.get(table)).items()
        return {unit: _numbers(path, f"[{table}] {unit}", v, n) for unit, v in rows}

    whole = each("whole", 2)
    if not all(isinstance(x, int) for pair in whole.values() for x in pair):
        raise VocabError(f"{path}: [whole]: whole numbers")
    sites = {lang: _strings(path, f"[sites] {lang}", names)
             for lang, names in _table(path, "sites", data.get("sites")).items()}  # fmt: skip
    return Values(whole, each("ranges", 2), each("mmol", 3), sites)


def layout() -> tuple[dict[str, dict[str, list[str]]], dict[str, str]]:
    """Headings by language and field, and by language the line that opens a block
    carried forward."""
    path = HERE / "layout.toml"
    data = read_toml(path)
    headings = {
        lang: {field: _strings(path, f"[headings.{lang}] {field}", heads)
               for field, heads in _table(path, f"headings.{lang}", fields).items()}
        for lang, fields in _table(path, "headings", data.get("headings")).items()
    }  # fmt: skip
    forward = _table(path, "forward", data.get("forward"))
    if not all(isinstance(v, str) for v in forward.values()):
        raise VocabError(f"{path}: [forward]: a line for each language")
    return headings, forward


@dataclass(frozen=True)
class Compose:
    weights: dict[str, int]  # field -> its share of the set
    own_lines: dict[str, tuple[int, ...]]  # field -> how many own lines, one drawn
    shared: dict[str, float]  # field -> the chance of a line every clinic writes


def compose(fields: tuple[str, ...]) -> Compose:
    """compose.toml, every table naming each of `fields` but `shared`."""
    path = HERE / "compose.toml"
    data = read_toml(path)
    weights = _table(path, "weights", data.get("weights"))
    own = {f: _numbers(path, f"[own_lines] {f}", n)
           for f, n in _table(path, "own_lines", data.get("own_lines")).items()}  # fmt: skip
    shared = {f: _numbers(path, f"[shared] {f}", [p], 1)[0]
              for f, p in _table(path, "shared", data.get("shared")).items()}  # fmt: skip
    for table, rows in (("weights", weights), ("own_lines", own)):
        if set(rows) != set(fields):
            raise VocabError(f"{path}: [{table}]: one row for each of {', '.join(fields)}")
    if not all(isinstance(w, int) and not isinstance(w, bool) for w in weights.values()):
        raise VocabError(f"{path}: [weights]: whole numbers")
    return Compose(dict(weights), own, shared)
