"""The parsed query checked against the client's timeline before it is answered.

Whichever reader placed a question (the patterns, the reader by meaning, a follow-up),
what it asks of is compared with what the client's record holds:
- a period or a day: wholly before the first note, after the last, or not yet come, or a
  day no note is dated: said so, with the record's own dates, never "no reading";
- a subject no fact names: its other names looked for in every note line first. Found, the
  notes say it in words no reader took, so the model's path reads them; not found, it is
  absent, and only then said to be.
- a subject the record holds as another kind than the question's operation asks of (a
  condition asked about as a drug): asked of that kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from core.timeline.answers.questions import Ask, OverTime
from core.timeline.types import Kind, TimelineFact

# Operations that ask of one drug, and of one condition: each has its twin in the other
# kind, and any_record answers for a procedure or a referral.
DRUG_ASKS: dict[Ask, Ask] = {
    "still_taking": "still_has",
    "med_first": "first_diagnosed",
    "med_last": "any_record",
    "med_course": "any_record",
    "med_stopped": "any_record",
}
CONDITION_ASKS: dict[Ask, Ask] = {"still_has": "still_taking", "first_diagnosed": "med_first"}

Where = Literal["before", "after", "not_yet", "no_day"]


@dataclass(frozen=True)
class Fit:
    """The query to answer (`q`, perhaps asked of another kind), or why it cannot be as
    asked: `where` the period or day lies against the record, whose first and last dated
    days are `first` and `last` (`near`: the dated days on either side of a day no note
    holds); `absent`: no fact and no note line names the subject; `unread`: note lines
    name it, but no fact was read from them."""

    q: OverTime
    where: Where | None = None
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    near: tuple[dt.datetime, ...] = ()
    absent: bool = False
    unread: bool = False


Names = Callable[[str], set[str]]
Lines = Callable[[str], bool]


def fit(
    q: OverTime,
    facts: Sequence[TimelineFact],
    days: Sequence[dt.datetime],
    today: dt.date,
    names: Names,
    in_notes: Lines,
) -> Fit:
    """`days`: the dates of the client's visits, oldest first; `names(subject)` the fact
    names that count as the subject; `in_notes(subject)` whether any note line holds it
    under one of its names."""
    dated = sorted({*days, *(t.session_date for t in facts if t.session_date is not None)})
    where = _where(q, dated, today)
    if where is not None:
        return where
    if q.subject is None or (q.ask not in DRUG_ASKS and q.ask not in CONDITION_ASKS):
        return Fit(q)
    named = names(q.subject)
    mine = [t for t in facts if t.fact.kind != "flag" and t.fact.name.casefold() in named]
    kinds: set[Kind] = {t.fact.kind for t in mine}
    wanted: Kind = "medication" if q.ask in DRUG_ASKS else "diagnosis"
    if mine and wanted not in kinds:
        if wanted == "medication" and "diagnosis" in kinds:
            return Fit(replace(q, ask=DRUG_ASKS[q.ask]))
        if wanted == "diagnosis" and "medication" in kinds:
            return Fit(replace(q, ask=CONDITION_ASKS[q.ask]))
        return Fit(replace(q, ask="any_record"))  # a procedure or a referral
    if mine:
        return Fit(q)
    if in_notes(q.subject):
        return Fit(q, unread=True)
    return Fit(q, absent=True)


def _where(q: OverTime, dated: list[dt.datetime], today: dt.date) -> Fit | None:
    start, end = q.date_from, q.date_to
    if q.day is not None and start is None and end is None:
        start = end = q.day
    if (start is None and end is None) or not dated:
        return None
    first, last = dated[0], dated[-1]
    if start is not None and start > today:
        return Fit(q, "not_yet", first, last)
    if end is not None and end < first.date():
        return Fit(q, "before", first, last)
    if start is not None and start > last.date():
        return Fit(q, "after", first, last)
    if start == end and start is not None and all(d.date() != start for d in dated):
        before = [d for d in dated if d.date() < start][-1:]
        after = [d for d in dated if d.date() > start][:1]
        return Fit(q, "no_day", first, last, (*before, *after))
    return None
