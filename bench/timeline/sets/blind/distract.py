"""Numbers and words that are no fact: targets, earlier values quoted for comparison,
values of things the timeline does not track, and examination findings, as distract.toml
writes them."""

from __future__ import annotations

from bench.timeline.sets.blind.seg import Pick, Seg
from bench.timeline.sets.blind.tables import Table

_DISTRACT = Table.read("distract.toml")
TARGETS = _DISTRACT.by_language("targets")
PAST = _DISTRACT.by_language("past")  # earlier values: another day's
UNTRACKED = _DISTRACT.by_language("untracked")  # measured, but not a MEASURES key
EXAM = _DISTRACT.by_language("exam")


def target(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"target/{lang}", TARGETS[lang]))


def past(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"past/{lang}", PAST[lang]))


def untracked(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"untracked/{lang}", UNTRACKED[lang]))


def exam(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"exam/{lang}", EXAM[lang]))
