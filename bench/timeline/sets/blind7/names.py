"""Other names of this set's diagnoses, procedures and referrals (aliases.toml): what the
scorer also accepts for a label (abbreviations, the other common name, British or American
spelling, Hebrew). A drug has no alias: the eval reads a drug's other official names."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import read_aliases

ALIASES = read_aliases(Path(__file__).with_name("aliases.toml"))["aliases"]


def aliases_of(name: str) -> tuple[str, ...]:
    return ALIASES.get(name, ())
