"""What a question names that the timeline holds: the first drug, condition and procedure,
its measures, a referral's specialty, and the words of a subject no name knows."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from core.timeline.answers import cues
from core.timeline.answers.asked import measure_spans, measures_in
from core.timeline.reading.text import HEB, Lexicon
from core.timeline.vocab import drug_hebrew
from core.timeline.vocab.lexicon import CONDITIONS, DRUGS, PROCEDURES, SPECIALTIES


@functools.cache
def lexicons() -> tuple[Lexicon, Lexicon, Lexicon]:
    return Lexicon.of(DRUGS), Lexicon.of(CONDITIONS), Lexicon.of(PROCEDURES)


@dataclass(frozen=True)
class Named:
    """What a question names that the timeline holds, and where it names each."""

    drug: str | None
    condition: str | None
    procedure: str | None
    measures: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def named(q: str) -> Named:
    """The first drug, condition and procedure the question names, and its measures (none
    beside a drug or a condition), with where each is written."""
    drugs, conditions, procedures = lexicons()
    q = _NOT_A_NAME.sub(lambda m: " " * len(m.group()), q)
    drug_hits = drugs.find(q)
    if not drug_hits and _ASKS_OF_A_DRUG.search(q):
        drug_hits = drug_hebrew.in_question(q)  # a brand in Hebrew letters, by its sound
    # "Depression score" is the PHQ-9, not the condition: a name inside a measure's words
    # is the measure's.
    measure_hits = [(a, b) for a, b, _ in measure_spans(q)]
    condition_hits = [
        hit
        for hit in conditions.find(q)
        if not inside(*hit[:2], measure_hits) and not _AS_A_VERB.match(q, hit[1])
    ]
    procedure_hits = procedures.find(q)
    drug = drug_hits[0][2] if drug_hits else None
    condition = condition_hits[0][2] if condition_hits else None
    measures = measures_in(q) if drug is None and condition is None else ()
    spans = [(a, b) for a, b, _ in (*drug_hits, *condition_hits, *procedure_hits)]
    spans += measure_hits if measures else []
    procedure = procedure_hits[0][2] if procedure_hits else None
    return Named(drug, condition, procedure, measures, tuple(sorted(spans)))


# A condition's word with an object after it is a verb: "before I numb her up".
_AS_A_VERB = re.compile(r"\s+(?:her|him|them|me|you|it)\b", re.IGNORECASE)


# Words that ask of a drug's course, in Hebrew: where a word may be read as a drug's name
# by its sound alone.
_ASKS_OF_A_DRUG = cues.cue("asks_of_a_drug")


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def subjects_named(text: str) -> set[str]:
    """Every drug, condition, procedure, referral ("referral: <specialty>") and measure
    `text` names, by its canonical name."""
    found = named(text)
    referrals = {f"referral: {name}" for _, _, name in _specialties().find(text)}
    return {n for n, _ in named_subjects(text)} | set(found.measures) | referrals


def names_subject(text: str) -> bool:
    found = named(text)
    return bool(found.drug or found.condition or found.procedure or found.measures)


_THE_PRACTICE = cues.cue("the_practice")
_NOT_A_NAME = cues.cue("not_a_name")
_REFERRED = cues.cue("referred")


def referral_named(q: str) -> str | None:
    """ "referral: <specialty>" for the specialty a question about a referral names."""
    found = _specialties().find(_THE_PRACTICE.sub(lambda m: " " * len(m.group()), q))
    # "GP review: was he ever referred to a rheumatologist?": the one referred to.
    referred = _REFERRED.search(q)
    after = [f for f in found if referred is not None and f[0] >= referred.end()]
    chosen = after or found
    return f"referral: {chosen[0][2]}" if chosen else None


@functools.cache
def _specialties() -> Lexicon:
    return Lexicon.of(SPECIALTIES)


_STOP = cues.filler()


def subject_words(rest: str) -> str | None:
    """What "any record of …" asks about, when it is no known name: its words, minus
    the question's own."""
    # A date's digits ("after 2024-11-11") are when, not what.
    words = [
        w
        for w in re.findall(rf"[\w{HEB}'-]+", rest)
        if w.casefold() not in _STOP and not re.search(r"\d", w)
    ]
    return " ".join(words) or None


def named_subjects(question: str) -> list[tuple[str, str]]:
    """(canonical name, the question's own words) of each drug, condition and procedure a
    question names, left to right: what a question asks about that the notes may not hold."""
    q = " ".join(question.split())
    found = [hit for lexicon in lexicons() for hit in lexicon.find(q)]
    return [(name, q[start:end]) for start, end, name in sorted(found)]
