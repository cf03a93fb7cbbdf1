"""What in a question only sets its scene: who asks, written before a colon ("Dietitian:
…"), and sentences that name nothing, ask nothing and hold no date but today ("I'm the
locum in room 3 today."). Left out, the question reads as what it asks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Protocol

from core.retrieval.reading import read_question
from core.timeline.answers import cues
from core.timeline.answers.corrections import asks_something, typed
from core.timeline.answers.named import names_subject

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
    does not end in a question mark, holds no date but today, and either names nothing and
    asks nothing ("I'm the locum in room 3 today and I don't know this patient at all.
    What's her most recent BP? Thanks.") or tells: of the patient or those around them,
    what the asker believes, under a note's heading ("She is still refusing insulin. How
    long has it been since we last saw her?", "…? He has had a cough that won't shift.",
    "Hx: non-smoker. When did he first come?"). The record holds no reading of a day still
    being lived; "List the last 2 of them." after a question asks. Where no sentence ends
    in a question mark, those that do not tell ask ("She thinks the eye drops upset her.
    List her PHQ-9 readings in 2025.")."""
    sentences = [x for x in SENTENCE.split(" ".join(question.split())) if x]
    asking = [x for x in sentences if x.endswith("?")]
    if not asking:
        asking = [x for x in sentences if not _TELLING.match(x)]
    if not asking or len(asking) == len(sentences):
        return question
    day = today or dt.date.today()
    told = True  # every other sentence tells
    for x in sentences:
        if x in asking:
            continue
        when = read_question(x, day)
        if when.date_from is not None and when.day != day:
            return question
        if _TELLING.match(x):
            continue
        told = False
        if (
            names_subject(x)
            or asks_something(_TODAY.sub(" ", x))
            or read(_TODAY.sub(" ", x), today) is not None
        ):
            return question
    asked = " ".join(asking)
    alone = read(asked, today)
    # What it asks must be whole without the scene: a reading's measure, a thing named, or
    # the visits themselves ("Her visits. How many were there in 2023?" needs its first
    # sentence).
    whole = alone is not None and (alone.measures or alone.subject or alone.ask in _OF_VISITS)
    # A day's note asked beside sentences that only tell is no question over time: "She is
    # still refusing warfarin. What did the plan say on 25 March?"
    of_a_day = alone is None and told and read_question(asked, day).dated
    return asked if whole or of_a_day else question


# Asks of the visits themselves: whole without a subject.
_OF_VISITS = frozenset({"last_visit", "first_visit", "visits_in_period", "time_since_visit"})
# A sentence that tells of the patient, of those around them, what the asker believes, or
# under a note's heading: "She…", "The family say…", "יש לה…", "I think…", "Hx:".
_TELLING = re.compile(rf"\s*{cues.alternatives('telling')}{_E}", re.IGNORECASE)


_TODAY = re.compile(rf"{_W}(?:today|this morning|this afternoon|היום|הבוקר){_E}", re.IGNORECASE)


def untold(question: str, today: dt.date | None = None) -> str:
    """The question without its sentences that tell (of the patient, of those around them,
    what the asker believes, a note's heading), where what is left asks whole: it names a
    subject, or a day ("She is still refusing insulin. What did the plan say on 3 June?"
    asks nothing of insulin). Unchanged where every sentence tells or none does, or where
    what is left names nothing ("She takes insulin. What dose?" asks of insulin)."""
    sentences = [x for x in SENTENCE.split(" ".join(typed(question).split())) if x]
    kept = [x for x in sentences if not _TELLING.match(x)]
    if not kept or len(kept) == len(sentences):
        return question
    rest = " ".join(kept)
    whole = names_subject(rest) or read_question(rest, today or dt.date.today()).dated
    return rest if whole else question
