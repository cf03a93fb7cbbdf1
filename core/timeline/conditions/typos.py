"""A condition's name typed with one slip ("hypertenstion", "asthama", "osteoporsis"), read
as the condition, as `core.timeline.medications.reader` reads a misspelt drug ([rapidfuzz](
https://rapidfuzz.github.io/RapidFuzz/)).

Only a word of seven letters or more that no lexicon knows, one edit (a letter added,
dropped or changed) from a one-word name of six letters or more: a shorter word is too
often another word one letter away ("gout" and "got", "mania" and "many"), and two edits
join real names ("neuropathy" and "nephropathy")."""

from __future__ import annotations

import functools
import re

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from core.timeline.vocab.lexicon import CONDITIONS, DRUGS, PROCEDURES, SPECIALTIES

_WORD = re.compile(r"(?<![\w-])([A-Za-z]{7,})(?![\w-])")


@functools.cache
def _names() -> dict[str, str]:
    """One-word condition names of six letters or more, to their canonical name."""
    out: dict[str, str] = {}
    for name, forms in CONDITIONS.items():
        for form in (name, *forms):
            f = form.casefold()
            if f.isascii() and f.isalpha() and len(f) >= 6:
                out.setdefault(f, name)
    return out


@functools.cache
def _choices() -> tuple[str, ...]:
    return tuple(_names())


@functools.cache
def _known() -> frozenset[str]:
    """Every single word any lexicon holds: such a word is itself, never a slip."""
    words: set[str] = set()
    for table in (CONDITIONS, DRUGS, PROCEDURES, SPECIALTIES):
        for name, forms in table.items():
            for form in (name, *forms):
                words.update(form.casefold().split())
    return frozenset(words)


def misspelt_conditions(body: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of the words of `body` outside `found` that are a
    condition's name with one slip."""
    known = _known()
    out: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(body):
        start, end = m.span(1)
        if any(a < end and start < b for a, b, _ in found):
            continue
        word = m.group(1).casefold()
        if word in known:
            continue
        name = _near(word)
        if name is not None:
            out.append((start, end, name))
    return out


@functools.lru_cache(maxsize=8192)
def _near(word: str) -> str | None:
    """The condition `word` is one slip from, if any (notes repeat their words: cached)."""
    best = process.extractOne(word, _choices(), scorer=Levenshtein.distance, score_cutoff=1)
    # "afebrile" is "febrile" denied by its first letter, not a slip.
    if best is None or word[1:] == best[0]:
        return None
    return _names()[best[0]]
