"""Other names a label's diagnosis, procedure or referral is also right under (aliases.toml):
British and American spellings, abbreviations and the lay or longer names clinicians write.
The scorer matches a diagnosis's words as a subset either way, so a diagnosis needs here
only the names that share no word with its label's."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import read_aliases


def aliases_of(kind: str, name: str) -> tuple[str, ...]:
    """The other names of a label of `kind`: its table in aliases.toml."""
    return read_aliases(Path(__file__).with_name("aliases.toml")).get(kind, {}).get(name, ())
