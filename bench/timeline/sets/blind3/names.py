"""Other names that count as a label's name (the scorer's `aliases`): a diagnosis, procedure
or referral can be named more than one way (British and American spelling, abbreviation,
the Hebrew term), and which one an extractor picks is a convention, not a reading.
Medications have none: a drug is its generic name (bench/timeline/eval_blind.py's
same_drug.toml joins a drug's other official names)."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import read_aliases

ALIASES = read_aliases(Path(__file__).with_name("aliases.toml"))["aliases"]


def aliases_of(name: str) -> tuple[str, ...]:
    return ALIASES.get(name, ())
