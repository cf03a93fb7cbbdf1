"""A set's own vocabulary as data: its aliases.toml, read and checked.

Each table of the file (`[aliases]`, or one a kind: `[diagnosis]`, `[procedure]`) maps a
label's name to the other names the scorer also accepts for it:

    [aliases]
    "atrial fibrillation" = ["af", "afib", "פרפור פרוזדורים"]
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

Aliases = dict[str, tuple[str, ...]]


class VocabError(ValueError):
    """A set's file that cannot be read (its vocabulary, its set.toml): the message names the
    file, and the line where TOML says it."""


def read_toml(path: Path) -> dict[str, Any]:
    """`path` read as TOML: a file missing or not TOML names itself (and TOML its line)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise VocabError(f"{path}: no such file") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise VocabError(f"{path}: {exc}") from exc


@cache
def read_aliases(path: Path) -> dict[str, Aliases]:
    """Every table of `path`: name -> its other names, in the order written."""
    data = read_toml(path)
    out: dict[str, Aliases] = {}
    for table, names in data.items():
        if not isinstance(names, dict):
            raise VocabError(f"{path}: {table!r} is no table of names")
        out[table] = {}
        for name, others in names.items():
            if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
                raise VocabError(f"{path}: [{table}] {name!r}: a list of other names")
            out[table][name] = tuple(others)
    return out


@cache
def read_bounds(path: Path) -> dict[str, tuple[float, float]]:
    """Each key of `path` with its `[low, high]`, low below high."""
    out: dict[str, tuple[float, float]] = {}
    for name, bounds in read_toml(path).items():
        numbers = isinstance(bounds, list) and all(
            isinstance(b, int | float) and not isinstance(b, bool) for b in bounds
        )
        if not numbers or len(bounds) != 2 or not bounds[0] < bounds[1]:
            raise VocabError(f"{path}: {name!r}: a [low, high] pair of numbers, low first")
        out[name] = (float(bounds[0]), float(bounds[1]))
    return out


class VocabFile:
    """A set's TOML file of words, read once; each value is checked for the shape its getter
    names as it is taken (lists become tuples), so a malformed file names itself and the key.
    `keys` is the path to a value: `("phrases", "lab")` is `[phrases]`'s `lab`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = read_toml(path)

    def _at(self, keys: tuple[str, ...]) -> Any:
        value: Any = self.data
        for n, key in enumerate(keys):
            if not isinstance(value, dict) or key not in value:
                raise VocabError(f"{self.path}: no {'.'.join(keys[: n + 1])!r}")
            value = value[key]
        return value

    def wrong(self, keys: tuple[str, ...], shape: str) -> VocabError:
        """The error for the value at `keys`, which should have been `shape`."""
        return VocabError(f"{self.path}: {'.'.join(keys)!r}: {shape}")

    def text(self, *keys: str) -> str:
        value = self._at(keys)
        if not isinstance(value, str):
            raise self.wrong(keys, "a string")
        return value

    def strings(self, *keys: str) -> tuple[str, ...]:
        value = self._at(keys)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.wrong(keys, "a list of strings")
        return tuple(value)

    def table(self, *keys: str) -> dict[str, Any]:
        value = self._at(keys)
        if not isinstance(value, dict):
            raise self.wrong(keys, "a table")
        return value

    def texts(self, *keys: str) -> dict[str, str]:
        """A table of strings, in the order written."""
        return {key: self.text(*keys, key) for key in self.table(*keys)}

    def lists(self, *keys: str) -> dict[str, tuple[str, ...]]:
        """A table of lists of strings, in the order written."""
        return {key: self.strings(*keys, key) for key in self.table(*keys)}

    def counts(self, *keys: str) -> dict[str, int]:
        """A table of whole numbers, none below zero."""
        out: dict[str, int] = {}
        for key, value in self.table(*keys).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise self.wrong((*keys, key), "a whole number")
            out[key] = value
        return out
