"""What in a question only sets its scene: who asks, written before a colon ("Dietitian:
…"), sentences that name nothing, ask nothing and hold no date but today ("I'm the locum in
room 3 today."), and sentences that tell what is going on, or name only other things than
what is asked ("She is still refusing insulin.", "The chest X-ray came back clear."). Left
out, the question reads as what it asks, and is searched for as that."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Protocol

from core.retrieval.reading import read_question
from core.timeline.answers import cues
from core.timeline.answers.corrections import asks_something, typed
from core.timeline.answers.named import named, subjects_named

_W, _E = cues.W, cues.E
# Where a question's sentences part: after the mark that ends one.
SENTENCE = re.compile(r"(?<=[.?!])\s+")
_REFERRED = cues.cue("referred")


class Placed(Protocol):
    """What a question over time was read as, as far as the scene needs it."""

    @property
    def ask(self) -> str: ...

    @property
    def measures(self) -> tuple[str, ...]: ...

    @property
    def subject(self) -> str | None: ...


Reader = Callable[[str, dt.date | None], Placed | None]


_ASKER = re.compile(r"^\s*(?P<asker>[^:?]{1,60}):\s+(?=\S)")
_THE_ASKER = cues.cue("the_asker")


def without_the_asker(question: str, today: dt.date | None, read: Reader) -> str:
    """The question without who asks, written before it: "Dietitian: was there ever a
    referral to the heart specialist?", "Diabetes educator: how long since the last
    visit?". Their words would be read as a referral or a condition asked about. Kept
    where the words before the colon refer, or where the rest asks nothing alone (`read`
    reads a question over time)."""
    m = _ASKER.match(question)
    if m is None or not _THE_ASKER.search(m.group("asker")) or _REFERRED.search(m.group("asker")):
        return question
    rest = question[m.end() :]
    return rest if read(rest, today) is not None else question


def asking_part(question: str, today: dt.date | None, read: Reader) -> str:
    """The sentences that ask, where the others only set the scene. A scene's sentence
    does not end in a question mark, holds no date but today, and either tells (of the
    patient or those around them, what the asker believes, under a note's heading: "She is
    still refusing insulin. How long has it been since we last saw her?"), or names only
    what the question does not ask about ("…? He has had a cough that won't shift.", "The
    chest X-ray came back clear. How long since she was last in?"), or names nothing and
    asks nothing of the record's order ("I'm the locum in room 3 today. What's her most
    recent BP? Thanks."). "List the last 2 of them." after a question asks, and "I want the
    highest." says how. The record holds no reading of a day still being lived. Where no
    sentence ends in a question mark, those that do not tell ask ("She thinks the eye drops
    upset her. List her PHQ-9 readings in 2025.")."""
    sentences = [x for x in SENTENCE.split(" ".join(question.split())) if x]
    asking = _asking(sentences)
    if not asking:
        return question
    day = today or dt.date.today()
    asked = " ".join(asking)
    alone = read(asked, today)
    # What it asks must be whole without the scene: a reading's measure, a thing named, or
    # the visits themselves ("Her visits. How many were there in 2023?" needs its first
    # sentence).
    whole = alone is not None and bool(alone.measures or alone.subject or alone.ask in _OF_VISITS)
    # What it asks about by a known name, or the visits: only then is a sentence that names
    # other things beside it known to be the scene ("the earliest one in the chart?" does
    # not say of what).
    own = subjects_named(asked)
    known = alone is not None and (bool(own) or alone.ask in _OF_VISITS)
    measured = bool(named(asked).measures)
    for x in sentences:
        if x in asking or _sets_the_scene(x, day, own if known else None, measured):
            continue
        if subjects_named(x) or _orders(x) or read(_TODAY.sub(" ", x), today) is not None:
            return question
    # A day's note asked beside sentences that only set the scene is no question over time:
    # "She is still refusing warfarin. What did the plan say on 25 March?"
    of_a_day = alone is None and read_question(asked, day).day is not None and not _orders(asked)
    return asked if whole or of_a_day else question


def _asking(sentences: list[str]) -> list[str]:
    """Those of several sentences that ask: the ones that end in a question mark, or, where
    none does, those that do not tell; none where all of them would be."""
    asking = [x for x in sentences if x.endswith("?")]
    if not asking:
        asking = [x for x in sentences if not _TELLING.match(x)]
    return asking if len(asking) < len(sentences) else []


def _sets_the_scene(
    sentence: str, day: dt.date, asked: set[str] | None, measured: bool = False
) -> bool:
    """Whether a sentence beside the question only sets its scene: it holds no date but
    today and asks nothing of its own ("I need to know when we stopped it."), and tells,
    or (`asked`: what the question, whole alone, asks about by name) names only other
    things; beside a question of a measure, a sentence naming another measure may be the
    comparison it asks for, so it stays (`measured`)."""
    when = read_question(sentence, day)
    if when.date_from is not None and when.day != day:
        return False
    if _INDIRECT.search(sentence) and asks_something(sentence):
        return False
    if _TELLING.match(sentence):
        return True
    names = subjects_named(sentence)
    if asked is None or not names or names & asked:
        return False
    return not (measured and named(sentence).measures)


def _orders(sentence: str) -> bool:
    """Whether a sentence says how the record's readings are to be taken: "I want the
    highest.", "Show me the last 3." ("when" and "since" are a statement's own words)."""
    return any(p.search(_TODAY.sub(" ", sentence)) for p in _ORDER)


# Asks of the visits themselves: whole without a subject.
_OF_VISITS = frozenset({"last_visit", "first_visit", "visits_in_period", "time_since_visit"})
# A sentence that tells of the patient, of those around them, what the asker believes, or
# under a note's heading: "She…", "The family say…", "יש לה…", "I think…", "Hx:".
_TELLING = re.compile(rf"\s*{cues.alternatives('telling')}{_E}", re.IGNORECASE)


_TODAY = re.compile(rf"{_W}(?:today|this morning|this afternoon|היום|הבוקר){_E}", re.IGNORECASE)
# "I need to know when we stopped it.": a sentence that asks without a question mark.
_INDIRECT = cues.cue("indirect_ask")
# The words that say how the record's readings are taken, as against a statement's own
# "when", "since", "started" or "still".
_ORDER = tuple(
    cues.cue(name)
    for name in ("first", "latest", "last", "highest", "lowest", "worst", "best", "change", "count")
)


def untold(question: str, today: dt.date | None = None) -> str:
    """The question without the sentences that only set its scene (see `asking_part`),
    where what is left asks whole: it names a subject, or a day ("She is still refusing
    insulin. What did the plan say on 3 June?" asks nothing of insulin). Unchanged where
    what is left names nothing ("She takes insulin. What dose?" asks of insulin)."""
    sentences = [x for x in SENTENCE.split(" ".join(typed(question).split())) if x]
    asking = _asking(sentences)
    if not asking:
        return question
    day = today or dt.date.today()
    rest = " ".join(asking)
    own = subjects_named(rest)
    if not (own or read_question(rest, day).dated):
        return question
    measured = bool(named(rest).measures)
    scene = all(_sets_the_scene(x, day, own, measured) for x in sentences if x not in asking)
    return rest if scene else question
