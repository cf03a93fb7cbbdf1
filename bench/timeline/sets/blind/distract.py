"""Numbers and words that are no fact: targets, earlier values quoted for comparison,
values of things the timeline does not track, and examination findings, as distract.toml
writes them."""

from __future__ import annotations

from bench.timeline.sets.blind.seg import Pick, Seg
from bench.timeline.sets.blind.tables import by_language, read

_DISTRACT = read("distract.toml")
TARGETS = by_language(_DISTRACT, "targets")
PAST = by_language(_DISTRACT, "past")  # earlier values: another day's
UNTRACKED = by_language(_DISTRACT, "untracked")  # measured, but not a MEASURES key
EXAM = by_language(_DISTRACT, "exam")


def target(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"target/{lang}", TARGETS[lang]))


def past(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"past/{lang}", PAST[lang]))


def untracked(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"untracked/{lang}", UNTRACKED[lang]))


def exam(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"exam/{lang}", EXAM[lang]))
