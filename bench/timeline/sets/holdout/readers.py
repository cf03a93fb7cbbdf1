"""Reads the holdout set's data files (the *.toml beside this module) and checks their
shapes: a file of the wrong shape raises VocabError naming itself and where in it. Lists
come back as tuples, in the order written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).resolve().parent
LANGS = ("en", "he")

Strings = tuple[str, ...]


def read(name: str) -> tuple[Path, dict[str, Any]]:
    """The set's file `name` and its TOML."""
    path = HERE / name
    return path, read_toml(path)


def table(path: Path, where: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise VocabError(f"{path}: {where}: a table")
    return value


def string(path: Path, where: str, value: object) -> str:
    if not isinstance(value, str):
        raise VocabError(f"{path}: {where}: a string")
    return value


def number(path: Path, where: str, value: object) -> int | float:
    """An int or a float, as written (TOML's 1 stays an int, 1.0 a float)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise VocabError(f"{path}: {where}: a number")
    return value


def strings(path: Path, where: str, value: object) -> Strings:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise VocabError(f"{path}: {where}: a list of strings")
    return tuple(value)


def pairs(path: Path, where: str, value: object) -> tuple[tuple[str, str], ...]:
    """A list of [string, string] rows."""
    if not isinstance(value, list):
        raise VocabError(f"{path}: {where}: a list of [string, string] pairs")
    out: list[tuple[str, str]] = []
    for i, row in enumerate(value):
        pair = strings(path, f"{where}[{i}]", row)
        if len(pair) != 2:
            raise VocabError(f"{path}: {where}[{i}]: a [string, string] pair")
        out.append((pair[0], pair[1]))
    return tuple(out)


def pools(path: Path, where: str, value: object) -> dict[str, Strings]:
    """A table of lists of strings."""
    return {k: strings(path, f"{where}.{k}", v) for k, v in table(path, where, value).items()}


def by_lang(path: Path, where: str, value: object) -> dict[str, Strings]:
    """A list of strings for each language of the set, and no other key."""
    out = pools(path, where, value)
    if set(out) != set(LANGS):
        raise VocabError(f"{path}: {where}: a list for each of {', '.join(LANGS)}")
    return out


def kinds_by_lang(path: Path, where: str, value: object) -> dict[str, dict[str, Strings]]:
    """A table of per-language tables ([<where>.<kind>] en = [...], he = [...])."""
    return {k: by_lang(path, f"{where}.{k}", v) for k, v in table(path, where, value).items()}
