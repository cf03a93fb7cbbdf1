"""What every clinic writes, read from shared.toml: how a subjective opens (the visit's
type), unbelievable values (flags), what is no fact (targets, earlier values, a family's
illnesses, conditional plans, drugs offered or declined, tests still to come), the headings
of each field, and the marks of a layout (a vitals line's openers and separators, bullets).
All but the layout marks are marked texts (markup.py)."""

from __future__ import annotations

from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.blind3 import HERE
from bench.timeline.sets.blind3.clinic import Pools, by_code

_WORDS = VocabFile(HERE / "shared.toml")


def _by_language(key: str) -> dict[str, Pools]:
    """A table of languages, each a table of field codes to their marked texts."""
    return {lang: by_code(_WORDS, key, lang) for lang in _WORDS.table(key)}


OPENERS = _WORDS.lists("openers")
FLAGS = _by_language("flags")
DISTRACT = _by_language("distract")
HEADINGS = _by_language("headings")
VITALS = _WORDS.lists("vitals")
VITALS_SEPARATORS = _WORDS.strings("layout", "vitals_separators")
BULLETS = _WORDS.strings("layout", "bullets")
