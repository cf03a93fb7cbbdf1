"""Readings as the third set's clinics type them (issue 27): a goal's words end at its
clause, home readings with their words between, a recheck after an arrow, "afebrile (36.8)",
fields set apart by runs of spaces, an earlier value after a comma that belongs to its own
number, a grip strength in kg, a count of days after "pain", and the phone follow-up as a
telehealth visit. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _values(text: str, field: str = "objective") -> list[tuple[str, float | None]]:
    return [(f.name, f.value) for f in extract(text, field).facts if f.kind == "measurement"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Wt 90 kg, goal 80 kg, BMI=31.2", "objective", [("weight", 90.0), ("bmi", 31.2)]),
        (
            "BP 128/79 (target <140/90) | pulse 64",
            "objective",
            [("bp_systolic", 128.0), ("bp_diastolic", 79.0), ("heart_rate", 64.0)],
        ),
        (
            "home BP log avg 131/82 this fortnight",
            "subjective",
            [("bp_systolic", 131.0), ("bp_diastolic", 82.0)],
        ),
        (
            "her home cuff read 150/92 yesterday evening",
            "subjective",
            [("bp_systolic", 150.0), ("bp_diastolic", 92.0)],
        ),
        ("home glucose this morning 143", "subjective", [("glucose", 143.0)]),
        ("סוכר בבוקר 131", "subjective", [("glucose", 131.0)]),
        (
            'מדידות ל"ד בבית סביב 135/85',
            "subjective",
            [("bp_systolic", 135.0), ("bp_diastolic", 85.0)],
        ),
        (
            "BP 170/95 -> recheck 150/88",
            "objective",
            [
                ("bp_systolic", 170.0),
                ("bp_diastolic", 95.0),
                ("bp_systolic", 150.0),
                ("bp_diastolic", 88.0),
            ],
        ),
        ("afebrile (36.8)", "objective", [("temperature", 36.8)]),
    ],
)
def test_readings(text: str, field: str, expected: list[tuple[str, float]]) -> None:
    assert _values(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A value after a comma with its own past word is that value's: the first stays.
        ("BP 141/86, last visit 150/90", [("bp_systolic", 141.0), ("bp_diastolic", 86.0)]),
        # Runs of spaces set the fields of a vitals line apart.
        ("HR 70  last visit BP 150/90  Ht 160 cm", [("heart_rate", 70.0), ("height", 160.0)]),
        ("Weighed 77 kg at the start of the year", []),
        ('בתחילת השנה שקלה 77 ק"ג', []),
        # A value at a line's end is not dated by the next line's words.
        ('חום 37.9\nבביקור הקודם ל"ד 150/95', [("temperature", 37.9)]),
        ("Grip strength R 22 kg, L 27 kg", []),
        ("no back pain\n4 days of fever", []),
    ],
)
def test_what_is_no_reading_of_today(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(text, "subjective") == expected


@pytest.mark.parametrize("text", ["Phone f/u today", "Video follow-up, doing well"])
def test_a_phone_follow_up_is_telehealth(text: str) -> None:
    visits = [f.name for f in extract(text, "subjective").facts if f.kind == "visit"]
    assert visits == ["telehealth"]
