"""Reads the set's data files (clinics/*.toml, shared.toml, styles_*.toml, ranges.toml) and
checks their shapes: a file of the wrong shape raises VocabError naming itself and where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).resolve().parent


def read(name: str) -> tuple[Path, dict[str, Any]]:
    """The set's file `name` (relative to this folder) and its TOML."""
    path = HERE / name
    return path, read_toml(path)


def table(path: Path, where: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise VocabError(f"{path}: {where}: a table")
    return value


def strings(path: Path, where: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise VocabError(f"{path}: {where}: a list of strings")
    return value


def pools(path: Path, where: str, value: object, keys: str | None = None) -> dict[str, list[str]]:
    """A table of lists of strings (`keys`, when given, the only keys it may have)."""
    out = {k: strings(path, f"{where}.{k}", v) for k, v in table(path, where, value).items()}
    if keys is not None and not set(out) <= set(keys):
        raise VocabError(f"{path}: {where}: keys among {', '.join(keys)}, not {sorted(out)}")
    return out
