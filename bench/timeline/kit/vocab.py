"""A set's own vocabulary as data, read and checked: its aliases.toml (`read_aliases`), its
bounds (`read_bounds`) and any TOML file of its words (`VocabFile`).

An aliases.toml's tables (`[aliases]`, or one a kind: `[diagnosis]`, `[procedure]`) map a
label's name to the other names the scorer also accepts for it:

    [aliases]
    "atrial fibrillation" = ["af", "afib", "פרפור פרוזדורים"]
"""

from __future__ import annotations

import tomllib
from collections.abc import Container, Iterable
from functools import cache
from pathlib import Path
from typing import Any, cast

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


Key = str | int
Number = int | float


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def where(keys: tuple[Key, ...]) -> str:
    """`keys` as a message names them: `phrases.lab`, `field[3].facts`."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


class VocabFile:
    """A set's TOML file of words, read once; each value is checked for the shape its getter
    names as it is taken (lists become tuples), so a malformed file names itself and the key.
    `keys` is the path to a value: `("phrases", "lab")` is `[phrases]`'s `lab`, and a number
    takes that item of a list (`("field", 3)`, the fourth `[[field]]`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = read_toml(path)

    def at(self, *keys: Key) -> Any:
        """The value at `keys`, whatever its shape."""
        value: Any = self.data
        for n, key in enumerate(keys):
            listed = isinstance(key, int) and isinstance(value, list) and 0 <= key < len(value)
            named = isinstance(key, str) and isinstance(value, dict) and key in value
            if not (listed or named):
                raise VocabError(f"{self.path}: no {where(keys[: n + 1])!r}")
            value = cast(Any, value)[key]
        return value

    def has(self, *keys: Key) -> bool:
        try:
            self.at(*keys)
        except VocabError:
            return False
        return True

    def wrong(self, keys: tuple[Key, ...], shape: str) -> VocabError:
        """The error for the value at `keys`, which should have been `shape`."""
        return VocabError(f"{self.path}: {where(keys)!r}: {shape}")

    def _shaped(self, keys: tuple[Key, ...], fits: bool, shape: str) -> None:
        if not fits:
            raise self.wrong(keys, shape)

    def text(self, *keys: Key) -> str:
        value = self.at(*keys)
        self._shaped(keys, isinstance(value, str), "a string")
        return value

    def flag(self, *keys: Key) -> bool:
        value = self.at(*keys)
        self._shaped(keys, isinstance(value, bool), "true or false")
        return value

    def number(self, *keys: Key) -> Number:
        """A number as written: an int stays an int, a float a float."""
        value = self.at(*keys)
        self._shaped(keys, _number(value), "a number")
        return value

    def whole(self, *keys: Key) -> int:
        value = self.at(*keys)
        fits = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        self._shaped(keys, fits, "a whole number")
        return value

    def numbers(self, *keys: Key, n: int | None = None) -> tuple[Number, ...]:
        """A list of numbers (of `n` of them, where given)."""
        value = self.at(*keys)
        fits = isinstance(value, list) and all(_number(v) for v in value)
        self._shaped(keys, fits and (n is None or len(value) == n), _count(n, "numbers"))
        return tuple(value)

    def bounds(self, *keys: Key) -> tuple[Number, Number]:
        """A [low, high] pair, low below high."""
        low, high = self.numbers(*keys, n=2)
        self._shaped(keys, low < high, "a [low, high] pair, low first")
        return low, high

    def strings(self, *keys: Key) -> tuple[str, ...]:
        value = self.at(*keys)
        fits = isinstance(value, list) and all(isinstance(v, str) for v in value)
        self._shaped(keys, fits, "a list of strings")
        return tuple(value)

    def rows(self, *keys: Key, width: int) -> tuple[tuple[str, ...], ...]:
        """A list of rows, each a list of `width` strings: `[["BP {v}", "bp"], ...]`."""
        value = self.at(*keys)
        fits = isinstance(value, list) and all(
            isinstance(r, list) and len(r) == width and all(isinstance(x, str) for x in r)
            for r in value
        )
        self._shaped(keys, fits, f"a list of rows of {width} strings")
        return tuple(tuple(r) for r in value)

    def table(self, *keys: Key) -> dict[str, Any]:
        value = self.at(*keys)
        self._shaped(keys, isinstance(value, dict), "a table")
        return value

    def tables(self, *keys: Key) -> list[dict[str, Any]]:
        """An array of tables (`[[field]]`), in the order written."""
        value = self.at(*keys)
        fits = isinstance(value, list) and all(isinstance(v, dict) for v in value)
        self._shaped(keys, fits, "an array of tables")
        return value

    def texts(self, *keys: Key) -> dict[str, str]:
        """A table of strings, in the order written."""
        return {key: self.text(*keys, key) for key in self.table(*keys)}

    def lists(self, *keys: Key) -> dict[str, tuple[str, ...]]:
        """A table of lists of strings, in the order written."""
        return {key: self.strings(*keys, key) for key in self.table(*keys)}

    def lists_by_pair(self, *keys: Key) -> dict[tuple[str, str], tuple[str, ...]]:
        """A table of tables of lists of strings (`[headings.en]`'s `subjective = [...]`),
        each list by its two keys, (`"en"`, `"subjective"`), in the order written."""
        return {
            (outer, inner): strings
            for outer in self.table(*keys)
            for inner, strings in self.lists(*keys, outer).items()
        }

    def counts(self, *keys: Key) -> dict[str, int]:
        """A table of whole numbers, none below zero."""
        return {key: self.whole(*keys, key) for key in self.table(*keys)}

    def known(self, names: Iterable[str], allowed: Container[str], *keys: Key) -> None:
        """Every one of `names` (read at `keys`) is one of `allowed`."""
        for name in names:
            if name not in allowed:
                raise self.wrong(keys, f"{name!r} is none of the set's names")


def _count(n: int | None, things: str) -> str:
    return f"a list of {things}" if n is None else f"a list of {n} {things}"
