"""The brief compares the last visit's readings with the latest dated reading before it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from core.timeline.answers.brief import compute
from tests.timeline.chart import CLIENT, chart


def test_the_reading_before_is_the_latest_dated_one_not_the_clients_record() -> None:
    facts, visits = chart({
        dt.datetime(2023, 5, 1, 10): {"objective": "Weight 88 kg."},
        dt.datetime(2024, 1, 25, 10): {"objective": "Weight 85.0 kg."},
        dt.datetime(2024, 6, 3, 10): {"objective": "Weight 84.7 kg."},
    })  # fmt: skip
    recorded = next(t for t in facts if t.fact.name == "weight")
    # The client's record, read last, says 101 kg with no date.
    undated = dataclasses.replace(
        recorded, id=uuid.uuid4(), session_id=None, session_date=None,
        fact=dataclasses.replace(recorded.fact, value=101.0), field="medical_history",
    )  # fmt: skip
    brief = compute(CLIENT, [*facts, undated], [(v.session_id, v.date, "", None) for v in visits])
    (line,) = [b for b in brief.lines if b.kind == "changed"]
    assert (line.params["before"], line.params["after"]) == (85.0, 84.7)
    assert [t.session_date for t in line.facts] == [visits[1].date, visits[2].date]
