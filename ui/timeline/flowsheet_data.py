"""The flowsheet's shape, worked out from the client's facts before anything is drawn: the
visits (the table's columns), each measure's readings (its rows and plot points), the
values flagged as unbelievable (a row of their own, never a point) and each drug's bars.
Qt-free, so each rule is tested on its own.

The port promises facts oldest visit first; the window sorts them again anyway (by date,
then field and place in the field), because a bar's start and stop depend on that order
and a misordered answer must not turn into a wrong bar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from uuid import UUID

from core.timeline.answers.courses import Course, courses
from core.timeline.types import MEASURES, TimelineFact

# Systolic and diastolic share one plot: they are one reading, "BP 132/84".
BLOOD_PRESSURE = ("bp_systolic", "bp_diastolic")
# The table's row of values that were read but not believed ("BP 1280/82"): kind "flag".
FLAGGED = "flagged"
_EARLIEST = dt.datetime.min


@dataclass(frozen=True)
class Visit:
    """A note facts were read from: a session, or the client's own record (no date)."""

    session_id: UUID | None
    date: dt.datetime | None


# One bar of the flowsheet's medications: a drug's course at one dose.
Bar = Course


def _order(fact: TimelineFact) -> tuple[dt.datetime, str, int]:
    return (fact.session_date or _EARLIEST, fact.field, fact.fact.start)


def in_order(facts: Iterable[TimelineFact]) -> list[TimelineFact]:
    """Oldest first; the client's record (undated) before every session."""
    return sorted(facts, key=_order)


def visits_of(facts: Iterable[TimelineFact]) -> list[Visit]:
    """Each note the facts come from, once, oldest first."""
    seen: dict[tuple[UUID | None, dt.datetime | None], None] = {}
    for fact in in_order(facts):
        seen.setdefault((fact.session_id, fact.session_date), None)
    return [Visit(session_id, date) for session_id, date in seen]


def last_visit(facts: Iterable[TimelineFact]) -> dt.datetime | None:
    dates = [f.session_date for f in facts if f.session_date is not None]
    return max(dates) if dates else None


def readings(facts: Iterable[TimelineFact]) -> dict[str, list[TimelineFact]]:
    """Each measure's readings with a value, oldest first; measures in MEASURES' order,
    then any the window does not know yet, by name."""
    by_name: dict[str, list[TimelineFact]] = {}
    for fact in in_order(facts):
        if fact.fact.kind == "measurement" and fact.fact.value is not None:
            by_name.setdefault(fact.fact.name, []).append(fact)
    known = [name for name in MEASURES if name in by_name]
    unknown = sorted(name for name in by_name if name not in MEASURES)
    return {name: by_name[name] for name in known + unknown}


def flags(facts: Iterable[TimelineFact]) -> list[TimelineFact]:
    """The values flagged as unbelievable, oldest first."""
    return in_order(f for f in facts if f.fact.kind == "flag")


def table(
    facts: Iterable[TimelineFact],
) -> tuple[list[str], list[Visit], dict[tuple[str, Visit], list[TimelineFact]]]:
    """(rows, visits, cells): the readings of each measure at each visit, and a last row,
    FLAGGED, of the values flagged at each visit (only where there is one)."""
    facts = list(facts)
    by_name = readings(facts)
    flagged = flags(facts)
    if flagged:
        by_name[FLAGGED] = flagged
    cells: dict[tuple[str, Visit], list[TimelineFact]] = {}
    for name, found in by_name.items():
        for fact in found:
            cells.setdefault((name, Visit(fact.session_id, fact.session_date)), []).append(fact)
    visits = visits_of(f for found in by_name.values() for f in found)
    return list(by_name), visits, cells


def row_units(cells: dict[tuple[str, Visit], list[TimelineFact]]) -> dict[str, str]:
    """The unit each row is headed by where the notes wrote all its readings in one other
    unit than the kept one ("lb" for a row of weights every one written in pounds): the
    row then reads as the notes do. A row of mixed units keeps the kept unit, and each
    reading in another shows its own."""
    written: dict[str, set[str | None]] = {}
    for (name, _), found in cells.items():
        for f in found:
            if f.fact.value is not None and name != FLAGGED:
                other = f.fact.written_unit
                written.setdefault(name, set()).add(other[1] if other else None)
    return {
        name: unit
        for name, units in written.items()
        if len(units) == 1 and (unit := next(iter(units))) is not None
    }


@dataclass(frozen=True)
class FlagReason:
    """Why a value was not believed, for the window to word: "outside" a believable range
    (`value`, `low`, `high` as core wrote them), the systolic not above the diastolic
    ("order"), or core's own words ("other", in `text`)."""

    kind: Literal["outside", "order", "other"]
    value: str = ""
    low: str = ""
    high: str = ""
    text: str = ""


_OUTSIDE = re.compile(
    r"^\s*(?P<value>-?[\d.]+) is outside (?P<low>-?[\d.]+)\s*[–-]\s*(?P<high>-?[\d.]+)\s*$"
)


def flag_reason(detail: str | None) -> FlagReason:
    """The reason core stored with a flag ("1280 is outside 50–260", "systolic not above
    diastolic"), read back into its parts."""
    text = (detail or "").strip()
    m = _OUTSIDE.match(text)
    if m is not None:
        return FlagReason("outside", m.group("value"), m.group("low"), m.group("high"))
    if text == "systolic not above diastolic":
        return FlagReason("order")
    return FlagReason("other", text=text)


def medication_bars(facts: Iterable[TimelineFact], last: dt.datetime | None) -> list[Bar]:
    """Each drug's courses (core/timeline/answers/courses.py), drugs in the order they were
    first seen: a stop, a restart and a new dose each begin or end a bar."""
    return courses(facts, last)
