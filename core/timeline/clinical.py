"""The clinical facts of a note field, one sentence at a time: its procedures and referrals
first, then its conditions, past the words the procedures took ("Refer to hand surgery re:
carpal tunnel release" is a referral, not a diagnosis of carpal tunnel), and the visit's
type last. The readers of conditions and procedures never call each other."""

from __future__ import annotations

import functools
from collections.abc import Callable

from core.timeline.conditions.reader import read_conditions
from core.timeline.procedures.reader import read_procedures
from core.timeline.reading.sections import Heading, headings
from core.timeline.reading.text import Lexicon, sentences
from core.timeline.types import Claimed, Fact
from core.timeline.visits.reader import read_visit
from core.timeline.vocab.lexicon import PROCEDURES, SPECIALTIES


@functools.cache
def _lexicons() -> tuple[Lexicon, Lexicon]:
    return Lexicon.of(PROCEDURES), Lexicon.of(SPECIALTIES)


def read_clinical(text: str, field: str) -> list[Fact]:
    """The procedures, referrals, diagnoses and visit type that `text` records."""
    procedures, specialties = _lexicons()
    heads = headings(text)
    facts: list[Fact] = []
    for sentence in sentences(text):
        body, base = sentence.text, sentence.start
        cut = _cut(heads, base)
        found, referral_spans, proc_spans = read_procedures(
            text, field, body, base, heads, cut, procedures, specialties
        )
        facts += found
        claimed = Claimed(referral_spans, proc_spans)
        previous = facts[-1] if facts else None
        facts += read_conditions(text, field, heads, sentence, cut, claimed, previous)
    facts.extend(read_visit(text, field))
    return facts


def _cut(heads: list[Heading], base: int) -> Callable[[int], int]:
    def cut(at: int) -> int:
        """Where a trigger's reach begins for a mention at `at`: the last heading of the
        sentence before it ("h/o MI, Assessment: angina")."""
        inside = [h.start - base for h in heads if base <= h.start and h.end <= base + at]
        return inside[-1] if inside else 0

    return cut
