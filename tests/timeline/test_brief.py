"""The brief compares the last visit's readings with the latest dated reading before it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from core.timeline.answers.brief import compute, render_en
from core.timeline.types import BriefLine
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


def _changed(notes: dict[dt.datetime, dict[str, str]]) -> dict[str, str | float]:
    facts, visits = chart(notes)
    brief = compute(CLIENT, facts, [(v.session_id, v.date, "", None) for v in visits])
    (line,) = [b for b in brief.lines if b.kind == "changed"]
    return line.params


def test_readings_both_written_in_another_unit_are_briefed_in_it() -> None:
    """ "190 lb" then "185.5 lb": the line is in pounds, its change from the written digits,
    not 86.2 → 84.1 kg."""
    params = _changed({
        dt.datetime(2024, 1, 8, 10): {"objective": "Wt 190 lb."},
        dt.datetime(2024, 6, 3, 10): {"objective": "Wt 185.5 lb."},
    })  # fmt: skip
    assert (params["before"], params["after"], params["delta"]) == (190.0, 185.5, -4.5)
    assert params["unit"] == "lb" and params["direction"] == "down"
    assert render_en(BriefLine("changed", params, [])) == "Weight down 4.5 lb: 190 → 185.5"


def test_a_reading_in_another_unit_beside_one_in_the_kept_unit_shows_both() -> None:
    params = _changed({
        dt.datetime(2024, 1, 8, 10): {"objective": "Weight 88.4 kg."},
        dt.datetime(2024, 6, 3, 10): {"objective": "Wt 190 lb."},
    })  # fmt: skip
    assert params["unit"] == "kg" and params["before"] == 88.4
    assert params["after_written"] == "190 lb" and "before_written" not in params
    assert render_en(BriefLine("changed", params, [])).endswith("88.4 → 86.18 (190 lb)")


def test_digits_the_number_drops_are_briefed_as_written() -> None:
    params = _changed({
        dt.datetime(2024, 1, 8, 10): {"objective": "K 4.0"},
        dt.datetime(2024, 6, 3, 10): {"objective": "K 4.20"},
    })  # fmt: skip
    assert (params["before_digits"], params["after_digits"]) == ("4.0", "4.20")
    assert render_en(BriefLine("changed", params, [])) == "Potassium up 0.2 mmol/L: 4.0 → 4.20"


def test_two_weights_in_stones_and_pounds_are_not_briefed_as_one_unit() -> None:
    """ "12 st 4 lb" then "13 st 4 lb" are a stone apart, not "up 1 st 4 lb": a value in
    two units is briefed in the kept unit, each as written beside it."""
    params = _changed({
        dt.datetime(2024, 1, 8, 10): {"objective": "Wt 12 st 4 lb."},
        dt.datetime(2024, 6, 3, 10): {"objective": "Wt 13 st 4 lb."},
    })  # fmt: skip
    assert params["unit"] == "kg" and params["delta"] == 6.35
    assert (params["before_written"], params["after_written"]) == ("12 st 4 lb", "13 st 4 lb")
