"""Other names that count as a label's name (the scorer's `aliases`): abbreviations,
other spellings and the Hebrew terms the notes use. Diagnoses also match on a subset of
words ("diabetes" ~ "type 2 diabetes"), so only names that share no words are listed."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import read_aliases

ALIASES = read_aliases(Path(__file__).with_name("aliases.toml"))["aliases"]


def aliases_of(name: str) -> tuple[str, ...]:
    return ALIASES.get(name, ())
