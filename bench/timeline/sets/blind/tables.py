"""Reads the set's TOML files (drugs, conditions, procedures, clinics, meds, problems,
care, distract, measures, values and notes .toml in this folder) and checks each value's
shape as it is taken: one of the wrong shape raises VocabError naming the file and the
key."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "he")

Number = int | float


def _is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


@dataclass(frozen=True)
class Table:
    """A table of one of the set's files; `where` its dotted key ("" for the file)."""

    path: Path
    data: dict[str, Any]
    where: str = ""

    @classmethod
    def read(cls, name: str) -> Table:
        """The file `name` of this folder."""
        path = HERE / name
        return cls(path, read_toml(path))

    def at(self, key: str) -> str:
        """`key`'s dotted key in the file, as a message names it."""
        return f"{self.where}.{key}" if self.where else key

    def _bad(self, key: str, shape: str) -> VocabError:
        return VocabError(f"{self.path}: {self.at(key)!r}: {shape}")

    def _get(self, key: str) -> Any:
        if key not in self.data:
            raise VocabError(f"{self.path}: no {self.at(key)!r}")
        return self.data[key]

    def table(self, key: str) -> Table:
        value = self._get(key)
        if not isinstance(value, dict):
            raise self._bad(key, "a table")
        return Table(self.path, value, self.at(key))

    def tables(self) -> dict[str, Table]:
        """Every key of this table, each a table, in the order written."""
        return {key: self.table(key) for key in self.data}

    def string(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self._bad(key, "a string")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise self._bad(key, "true or false")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise self._bad(key, "a list of strings")
        return tuple(value)

    def rows(self, key: str, width: int) -> tuple[tuple[str, ...], ...]:
        """A list of lists of `width` strings, each a tuple."""
        value = self._get(key)
        ok = isinstance(value, list) and all(
            isinstance(row, list) and len(row) == width and all(isinstance(x, str) for x in row)
            for row in value
        )
        if not ok:
            raise self._bad(key, f"a list of lists of {width} strings")
        return tuple(tuple(row) for row in value)

    def numbers(self, key: str, n: int | None = None) -> tuple[Number, ...]:
        """A list of numbers (`n` of them, when given), ints and floats as written."""
        value = self._get(key)
        ok = isinstance(value, list) and all(_is_number(x) for x in value)
        if not ok or (n is not None and len(value) != n) or not value:
            raise self._bad(key, f"a list of {n or 'some'} numbers")
        return tuple(value)

    def number(self, key: str) -> Number:
        value = self._get(key)
        if not _is_number(value):
            raise self._bad(key, "a number")
        return value

    def by_language(self, key: str) -> dict[str, tuple[str, ...]]:
        """A table of a list of strings for each language, none empty."""
        table = self.table(key)
        out = {lang: table.strings(lang) for lang in LANGUAGES}
        if not all(out.values()):
            raise self._bad(key, f"a list of one string or more for each of {LANGUAGES}")
        return out

    def check_known(self, *keys: str) -> None:
        """Every key of this table is one of `keys`: a misspelt key says so."""
        unknown = [k for k in self.data if k not in keys]
        if unknown:
            raise self._bad(unknown[0], f"unknown here (known: {', '.join(keys)})")

    def among(self, key: str, names: Iterable[str], known: Collection[str]) -> None:
        """Each of `names` (read from `key`) is one of `known`: a typo names itself."""
        unknown = [n for n in names if n not in known]
        if unknown:
            raise self._bad(key, f"{unknown[0]!r} is named nowhere else in the set")
