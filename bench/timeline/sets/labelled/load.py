"""Reading this set's data files (vocab.toml, measures.toml, styles.toml, fields.toml,
patients.toml, questions.toml, varied.toml): each read once, with look-ups that check the
shape of what they find. A value of the wrong shape, or one missing, is a `VocabError` that
names the file and the key, as `bench.timeline.kit.vocab` does for every set's aliases."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from pathlib import Path
from typing import Any, NoReturn, cast

from bench.timeline.kit.facts import Lang
from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).parent
LANGS: tuple[Lang, ...] = ("en", "he")

Key = str | int
Number = int | float


def _where(keys: tuple[Key, ...]) -> str:
    parts = [
        f"[{k}]" if isinstance(k, int) else k if re.fullmatch(r"[\w-]+", k) else f'"{k}"'
        for k in keys
    ]
    return ".".join(parts).replace(".[", "[") or "the file"


class Data:
    """One data file of this folder, read as TOML when made."""

    def __init__(self, name: str) -> None:
        self.path = HERE / name
        self.root: dict[str, Any] = read_toml(self.path)

    def fail(self, keys: tuple[Key, ...], want: str) -> NoReturn:
        raise VocabError(f"{self.path}: {_where(keys)}: {want}")

    def has(self, *keys: Key) -> bool:
        try:
            self.get(*keys)
        except VocabError:
            return False
        return True

    def get(self, *keys: Key) -> object:
        """The value under `keys`: table keys (str), and places in arrays (int)."""
        value: object = self.root
        for i, key in enumerate(keys):
            if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
                value = cast("list[object]", value)[key]
            elif isinstance(value, dict) and isinstance(key, str) and key in value:
                value = cast("dict[str, object]", value)[key]
            else:
                self.fail(keys[: i + 1], "missing")
        return value

    def table(self, *keys: Key) -> dict[str, Any]:
        value = self.get(*keys)
        if not isinstance(value, dict):
            self.fail(keys, "a table")
        return value

    def items(self, *keys: Key) -> list[object]:
        """An array."""
        value = self.get(*keys)
        if not isinstance(value, list):
            self.fail(keys, "an array")
        return value

    def tables(self, *keys: Key) -> list[dict[str, Any]]:
        """An array of tables ([[name]])."""
        value = self.get(*keys)
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(keys, "an array of tables")
        return value

    def text(self, *keys: Key) -> str:
        value = self.get(*keys)
        if not isinstance(value, str):
            self.fail(keys, "a string")
        return value

    def strings(self, *keys: Key) -> tuple[str, ...]:
        value = self.get(*keys)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(keys, "a list of strings")
        return tuple(value)

    def pairs(self, *keys: Key) -> list[tuple[str, str]]:
        """A list of [string, string] pairs."""
        value = self.get(*keys)
        if not isinstance(value, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in value
        ):
            self.fail(keys, "a list of [string, string] pairs")
        return [(p[0], p[1]) for p in value]

    def string_table(self, *keys: Key) -> dict[str, str]:
        """A table of strings, in the order written."""
        return {k: self.text(*keys, k) for k in self.table(*keys)}

    def string_lists(self, *keys: Key) -> dict[str, tuple[str, ...]]:
        """A table of lists of strings, in the order written."""
        return {k: self.strings(*keys, k) for k in self.table(*keys)}

    def number(self, *keys: Key) -> Number:
        """A number as written: an int stays an int, a float a float."""
        value = self.get(*keys)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(keys, "a number")
        return value

    def integer(self, *keys: Key) -> int:
        value = self.get(*keys)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(keys, "a whole number")
        return value

    def flag(self, *keys: Key) -> bool:
        """A true or false that is false when absent."""
        if not self.has(*keys):
            return False
        value = self.get(*keys)
        if not isinstance(value, bool):
            self.fail(keys, "true or false")
        return value

    def lang(self, value: str, *keys: Key) -> Lang:
        """`value`, found at `keys`, as a language of the set."""
        for lang in LANGS:
            if value == lang:
                return lang
        self.fail(keys, f"a language, one of {', '.join(LANGS)}")

    def known(self, names: Iterable[str], allowed: Container[str], *keys: Key) -> None:
        """Each of `names`, found at `keys`, is one of `allowed`."""
        unknown = [n for n in names if n not in allowed]
        if unknown:
            self.fail(keys, f"unknown: {', '.join(unknown)}")
