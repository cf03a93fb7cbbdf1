"""What every clinic writes, read from shared.toml: how a subjective opens (the visit's
type), unbelievable values (flags), what is no fact (targets, earlier values, a family's
illnesses, conditional plans, drugs offered or declined, tests still to come), the headings
of each field, and the marks of a layout (a vitals line's openers and separators, bullets).
All but the layout marks are marked texts (markup.py)."""

from __future__ import annotations

from bench.timeline.sets.blind3.clinic import CODES
from bench.timeline.sets.blind3.readers import pools, read, strings, table

_PATH, _DATA = read("shared.toml")


def _by_language(key: str) -> dict[str, dict[str, list[str]]]:
    """A table of languages, each a table of field codes to their marked texts."""
    langs = table(_PATH, key, _DATA.get(key)).items()
    return {lang: pools(_PATH, f"{key}.{lang}", v, CODES) for lang, v in langs}


OPENERS = pools(_PATH, "openers", _DATA.get("openers"))
FLAGS = _by_language("flags")
DISTRACT = _by_language("distract")
HEADINGS = _by_language("headings")
VITALS = pools(_PATH, "vitals", _DATA.get("vitals"))
_LAYOUT = table(_PATH, "layout", _DATA.get("layout"))
VITALS_SEPARATORS = strings(_PATH, "layout.vitals_separators", _LAYOUT.get("vitals_separators"))
BULLETS = strings(_PATH, "layout.bullets", _LAYOUT.get("bullets"))
