"""Other names that count as a label's name: abbreviations, spellings, synonyms and Hebrew
forms (the scorer matches diagnoses by word subsets and procedures by their words). Each
label also counts the words it spans as a name (markup.py)."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import read_aliases

ALIASES = read_aliases(Path(__file__).with_name("aliases.toml"))["aliases"]


def aliases_of(name: str) -> tuple[str, ...]:
    return ALIASES.get(name, ())
