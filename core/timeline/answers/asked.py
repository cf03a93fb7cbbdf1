"""How a question names a measure: the words of `resources/{en,he}/asked.toml`, read and
checked once. A misspelt measure or key, or a word that is not a regular expression, stops
the start with its file and line (`RulesError`)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, cast

from core.timeline.resources import (
    HEB_PREFIX,
    LANGUAGES,
    ROOT,
    WORD_END,
    WORD_START,
    RulesError,
    check_keys,
    expand,
    line_of,
    load,
    strings,
    where,
)
from core.timeline.types import MEASURES

# `bp` asks for both halves; a half named alone ("systolic") is found first and stands alone.
_NAMES: dict[str, tuple[str, ...]] = {
    "bp_systolic": ("bp_systolic",),
    "bp_diastolic": ("bp_diastolic",),
    "bp": ("bp_systolic", "bp_diastolic"),
    **{m: (m,) for m in MEASURES if not m.startswith("bp_")},
}
_W = WORD_START
_E = WORD_END
# How asked.toml names a measure: its own words, then words that only imply it.
WORD_KINDS = ("words", "implied")
_KINDS = frozenset(WORD_KINDS)


@functools.cache
def measure_patterns(
    root: Path = ROOT, kind: str = "words"
) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """(the measures a word asks for, its pattern), in the order `_NAMES` lists them; `kind`
    "implied": the words that name a measure only where no other is named."""
    words = asked_words(root, kind)
    return tuple(
        (names, re.compile(rf"{_W}{HEB_PREFIX}(?:{'|'.join(words[key])}){_E}", re.IGNORECASE))
        for key, names in _NAMES.items()
        if key in words
    )


@functools.cache
def asked_words(root: Path = ROOT, kind: str = "words") -> dict[str, list[str]]:
    """Each measure's words (regular expressions), English then Hebrew, checked; `kind`
    "implied", its words that imply it ("gained or lost": her weight)."""
    _, by_lang = load("asked", root)
    words: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        path = root / lang / "asked.toml"
        for key, entry in by_lang[lang].items():
            if key not in _NAMES:
                raise RulesError(f"{where(path, key)}: no measure named {key!r}")
            if not isinstance(entry, dict):
                raise RulesError(f"{where(path, key)}: {key} is a table: [{key}] words = [...]")
            table = cast(dict[str, Any], entry)
            for unknown in sorted(set(table) - _KINDS):
                check_keys(table, set(_KINDS), where(path, key, unknown))
            for word in strings(table, kind, path, key):
                words.setdefault(key, []).append(expand(word, {}, line_of(path, word)))
    return words


def names_a_measure(question: str) -> bool:
    """Whether the question names a measure in words of its own, not only implies one."""
    return any(pattern.search(question) for _, pattern in measure_patterns(ROOT, "words"))


def measure_spans(question: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, measures) of each measure the question names, in `_NAMES` order. Words
    that only imply a measure count where none is named: "his pain, gained or lost?" asks
    of the pain, "has she gained or lost?" of the weight."""
    for kind in WORD_KINDS:
        out: list[tuple[int, int, tuple[str, ...]]] = []
        for names, pattern in measure_patterns(ROOT, kind):
            out += [(m.start(), m.end(), names) for m in pattern.finditer(question)]
        if out:
            return out
    return []


def measures_in(question: str) -> tuple[str, ...]:
    """The measures a question names; "systolic blood pressure" is the systolic alone."""
    found: list[str] = []
    seen: list[tuple[str, ...]] = []
    for _, _, names in measure_spans(question):
        if names in seen:
            continue
        seen.append(names)
        if not (len(names) == 2 and any(n in found for n in names)):
            found += [n for n in names if n not in found]
    return tuple(found)
