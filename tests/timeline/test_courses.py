"""A drug's courses: a stop ends one (even where the same note lists the drug), a restart
opens the next after a gap, and a new dose begins a segment of its own."""

from __future__ import annotations

import datetime as dt

from core.timeline.answers.courses import courses
from tests.timeline.chart import Notes, ask, chart


def _day(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 10)


METFORMIN: Notes = {
    _day(2022, 11, 30): {"plan": "Start metformin 500 mg bid."},
    _day(2023, 9, 13): {
        "subjective": "Meds: metformin 500 mg bid, atorvastatin 20 mg.",
        "plan": "D/c metformin (GI upset).",
    },
    _day(2023, 12, 1): {"subjective": "Diet only. Meds: atorvastatin 20 mg."},
    _day(2024, 1, 8): {"plan": "Restart metformin 500 mg bid."},
    _day(2024, 6, 3): {"subjective": "Meds: metformin 500 mg bid, atorvastatin 20 mg."},
}


def _spans(notes: Notes, drug: str) -> list[tuple[dt.date, dt.date, bool, bool, str]]:
    facts, visits = chart(notes)
    last = visits[-1].date
    return [
        (c.start.date(), c.end.date(), c.running, c.changed, c.dose)
        for c in courses(facts, last)
        if c.drug == drug
    ]


def test_a_stop_ends_the_course_though_the_same_note_lists_the_drug() -> None:
    assert _spans(METFORMIN, "metformin") == [
        (dt.date(2022, 11, 30), dt.date(2023, 9, 13), False, False, "500 mg"),
        (dt.date(2024, 1, 8), dt.date(2024, 6, 3), True, False, "500 mg"),
    ]
    assert _spans(METFORMIN, "atorvastatin") == [
        (dt.date(2023, 9, 13), dt.date(2024, 6, 3), True, False, "20 mg")
    ]


def test_a_new_dose_begins_a_segment_of_its_own() -> None:
    notes: Notes = {
        _day(2024, 1, 8): {"plan": "Start amlodipine 5 mg daily."},
        _day(2024, 3, 4): {"plan": "Increase amlodipine to 10 mg daily."},
        _day(2024, 5, 6): {"plan": "Continue amlodipine 10 mg."},
    }
    assert _spans(notes, "amlodipine") == [
        (dt.date(2024, 1, 8), dt.date(2024, 3, 4), False, True, "5 mg"),
        (dt.date(2024, 3, 4), dt.date(2024, 5, 6), True, False, "10 mg"),
    ]


def test_still_taking_is_the_last_courses_and_a_restart_runs_on() -> None:
    text, refused, cited = ask("Is she still taking metformin?", METFORMIN)
    assert not refused and text.startswith("Yes") and cited == [dt.date(2024, 6, 3)], text
    stopped = {k: v for k, v in METFORMIN.items() if k < _day(2024, 1, 1)}
    text, refused, cited = ask("Is she still taking metformin?", stopped)
    assert not refused and text.startswith("No") and cited == [dt.date(2023, 9, 13)], text
