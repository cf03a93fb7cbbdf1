"""Other names of this set's diagnoses, procedures and referrals (names.txt): what the
scorer also accepts for a label (abbreviations, the other common name, British or American
spelling, Hebrew). A drug has no alias: the eval reads a drug's other official names."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def _table() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in Path(__file__).with_name("names.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, *aliases = (part.strip() for part in line.split("|"))
        if name in out:
            raise ValueError(f"names.txt: {name} twice")
        out[name] = tuple(aliases)
    return out


def aliases_of(name: str) -> tuple[str, ...]:
    return _table().get(name, ())
