"""A drug's courses from its events: where it was taken, at which dose, and whether it still
is. One reading for the flowsheet's bars and for "is she still taking it".

Within one visit a listing or a continuation comes first, then a stop, then a start: "Meds:
metformin 500 mg … Plan: D/c metformin" ends the course at that visit (the list is what she
came in on), and "stop lisinopril 10 mg, start lisinopril 20 mg" ends one course and opens the
next. A start, continuation or listing at another dose than the course's ends the course at
that visit and opens the next at the new dose. A stop with no course open is a course of that
visit alone. Undated mentions (the client's record) have no place on a time axis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from core.timeline.types import TimelineFact

_RANK = {"listed": 0, "continued": 0, "stopped": 1, "started": 2}


@dataclass(frozen=True)
class Course:
    """One stretch of a drug at one dose: from the visit it was first seen running to the
    visit it was stopped or its dose changed at, or to the last visit while it runs."""

    drug: str
    start: dt.datetime
    end: dt.datetime
    facts: tuple[TimelineFact, ...]  # every mention inside it, oldest first
    running: bool  # still taken at the last visit
    dose: str  # as last written ("" when never)
    changed: bool = False  # ended by a new dose, not a stop


def courses(facts: Iterable[TimelineFact], last: dt.datetime | None) -> list[Course]:
    """Each drug's courses, drugs in the order they were first seen."""
    dated = [
        f
        for f in facts
        if f.fact.kind == "medication" and f.session_date is not None and f.fact.name.strip()
    ]
    dated.sort(key=lambda f: (f.session_date, _RANK.get(f.fact.status or "", 0), f.fact.start))
    out: list[Course] = []
    open_: dict[str, list[TimelineFact]] = {}
    first_seen: dict[str, int] = {}
    for fact in dated:
        drug = fact.fact.name.strip().lower()
        first_seen.setdefault(drug, len(first_seen))
        course = open_.get(drug)
        if fact.fact.status == "stopped":
            out.append(_course(drug, [*(course or []), fact], running=False))
            open_.pop(drug, None)
        elif course is None:
            open_[drug] = [fact]
        elif _new_dose(course, fact):
            out.append(_course(drug, course, running=False, end=fact.session_date, changed=True))
            open_[drug] = [fact]
        else:
            course.append(fact)
    for drug, course in open_.items():
        out.append(_course(drug, course, running=True, end=last))
    out.sort(key=lambda c: (first_seen[c.drug], c.start))
    return out


def _new_dose(course: list[TimelineFact], fact: TimelineFact) -> bool:
    doses = [f.fact.dose for f in course if f.fact.dose]
    return bool(doses and fact.fact.dose and _same(doses[-1]) != _same(fact.fact.dose))


def _same(dose: str) -> str:
    return "".join(dose.casefold().split())


def _course(
    drug: str,
    facts: list[TimelineFact],
    *,
    running: bool,
    end: dt.datetime | None = None,
    changed: bool = False,
) -> Course:
    dates = [f.session_date for f in facts if f.session_date is not None]
    doses = [f.fact.dose for f in facts if f.fact.dose]
    stop = max(dates) if end is None else max(end, *dates)
    return Course(
        drug, min(dates), stop, tuple(facts), running, doses[-1] if doses else "", changed
    )
