"""The other names a label's name is matched by: a diagnosis's abbreviations and Hebrew,
a referral's or procedure's other spellings. A diagnosis also takes its words as written,
and a Hebrew procedure its Hebrew words (generate.py adds them)."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import read_aliases

ALIASES = read_aliases(Path(__file__).with_name("aliases.toml"))["aliases"]


def aliases_of(name: str) -> list[str]:
    return list(ALIASES.get(name, ()))
