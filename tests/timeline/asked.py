"""A question over time as the router reads it, for the tests of wordings: its ask, subject,
measures and period, on a fixed day."""

from __future__ import annotations

import datetime as dt

from core.timeline.answers.questions import read_over_time

TODAY = dt.date(2025, 9, 15)
BP = ("bp_systolic", "bp_diastolic")
YEAR_2024 = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
Read = tuple[str, str | None, tuple[str, ...], dt.date | None, dt.date | None]


def asked(question: str) -> Read:
    """(ask, subject, measures, from, to) of `question`, which must be read over time."""
    found = read_over_time(question, TODAY)
    assert found is not None, question
    return found.ask, found.subject, found.measures, found.date_from, found.date_to
