"""A model's answer checked against the timeline's order and status, whichever note it
cites: a sentence that calls a reading the latest, the highest, the lowest or the first
must give the value the timeline's readings have there, one that dates the last or the
first visit must give that visit's day, and one that calls a drug still taken must not
name a drug whose last course the notes ended. A note can support a value and still not be
the latest: "BP 118/90 [1]" is true of its visit and wrong as "the latest"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from core.assistant.citations import split_sentences
from core.assistant.dates import find_dates, without_dates
from core.assistant.status import ongoing_drugs
from core.timeline.answers.asked import measures_in
from core.timeline.answers.courses import courses
from core.timeline.answers.named import named
from core.timeline.answers.over_time import measure_readings, names_under
from core.timeline.resources import WORD_END, WORD_START
from core.timeline.types import TimelineFact

_W = WORD_START
_E = WORD_END
_ORDER = {
    "latest": re.compile(
        rf"{_W}(?:latest|most recent|last|current(?:ly)?|newest|ה?אחרונ\w*|ה?אחרון|ה?עדכני\w*){_E}",
        re.I,
    ),
    "highest": re.compile(
        rf"{_W}(?:highest|peak|maximum|max|ה?גבוה ביותר|ה?מקסימלי\w*|ה?שיא){_E}", re.I
    ),
    "lowest": re.compile(rf"{_W}(?:lowest|minimum|min|ה?נמוכ?ה? ביותר|ה?מינימלי\w*){_E}", re.I),
    "first": re.compile(rf"{_W}(?:first|earliest|initial|baseline|ה?ראשונ\w*|ה?ראשון){_E}", re.I),
}
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
# A visit as an answer names it: "she was last seen on …", "her most recent appointment".
_VISIT = re.compile(
    rf"{_W}(?:visit\w*|appointments?|sessions?|consult\w*|encounters?|seen|came in|attended"
    rf"|ה?ביקור\w*|ה?פגיש\w*|ה?מפגש\w*|נראה|נראתה|ביקר\w*){_E}",
    re.I,
)


@dataclass(frozen=True)
class Disagreement:
    """What a sentence claims that the timeline holds otherwise: `what` is the order
    ("latest", "highest", "lowest", "first"), a visit's ("latest_visit", "first_visit") or
    "stopped"; `day` the timeline's date."""

    sentence: str
    what: str
    subject: str  # the measure's first key, the drug's name, or "" for a visit
    value: str  # the timeline's value ("" for a stop)
    day: str
    measures: tuple[str, ...] = ()  # both of blood pressure's
    written: str | None = None  # the value with its unit as the note wrote it


def disagreements(
    answer: str, facts: list[TimelineFact], visits: Sequence[dt.date] = ()
) -> list[Disagreement]:
    """Each sentence's first claim the timeline contradicts, in the answer's order;
    `visits` are the client's visits' days."""
    out: list[Disagreement] = []
    for sentence in split_sentences(answer):
        found = next(_claims(sentence, facts, visits), None)
        if found is not None:
            out.append(found)
    return out


def _claims(
    sentence: str, facts: list[TimelineFact], visits: Sequence[dt.date]
) -> Iterator[Disagreement]:
    yield from _order_claims(sentence, facts)
    yield from _visit_claims(sentence, visits)
    yield from _status_claims(sentence, facts)


def _visit_claims(sentence: str, visits: Sequence[dt.date]) -> Iterator[Disagreement]:
    """A sentence that dates the last or the first visit ("she was last seen on …") and
    names no reading or drug, whose days are none of the timeline's for that visit."""
    if not visits or not _VISIT.search(sentence):
        return
    stated = {d.date for d in find_dates(sentence)}
    if not stated or measures_in(sentence) or named(sentence).drug is not None:
        return
    for what, cue in (("latest", _ORDER["latest"]), ("first", _ORDER["first"])):
        if cue.search(sentence) is None:
            continue
        day = max(visits) if what == "latest" else min(visits)
        if day not in stated:
            yield Disagreement(sentence, f"{what}_visit", "", "", day.isoformat())
        return


def _order_claims(sentence: str, facts: list[TimelineFact]) -> Iterator[Disagreement]:
    measures = measures_in(sentence)
    stated = set(_NUMBER.findall(without_dates(sentence)))
    if not measures or not stated:
        return
    found = [
        r
        for r in measure_readings(facts, measures)
        if r[0].session_date is not None and r[0].fact.value is not None
    ]
    if not found:
        return
    for what, cue in _ORDER.items():
        if cue.search(sentence) is None:
            continue
        if what in ("latest", "first"):
            found.sort(key=lambda r: r[0].session_date or 0)
            chosen = [found[-1] if what == "latest" else found[0]]
        else:
            values = [v for r in found if (v := r[0].fact.value) is not None]
            extreme = max(values) if what == "highest" else min(values)
            chosen = [r for r in found if r[0].fact.value == extreme]
        said = {f"{r[0].fact.value:g}" for r in chosen}
        said |= {w.split()[0] for r in chosen if (w := r[0].fact.written)}  # "3.1 mmol/L"
        if not said & stated:
            reading = chosen[-1]
            day = reading[0].session_date.date().isoformat() if reading[0].session_date else ""
            value = "/".join(f"{t.fact.value:g}" for t in reading)
            written = reading[0].fact.written
            yield Disagreement(sentence, what, measures[0], value, day, measures, written)
        return


def _status_claims(sentence: str, facts: list[TimelineFact]) -> Iterator[Disagreement]:
    for word in ongoing_drugs(sentence):
        drug = named(word).drug
        if drug is None:
            continue
        names = {n.casefold() for n in names_under(drug)} | {drug.casefold()}
        mine = [
            t
            for t in facts
            if t.fact.kind == "medication" and t.fact.name.strip().casefold() in names
        ]
        runs = courses(mine, None)
        if runs and not runs[-1].running and not runs[-1].changed:
            stop = runs[-1].facts[-1]
            day = stop.session_date.date().isoformat() if stop.session_date else ""
            yield Disagreement(sentence, "stopped", drug, "", day)
