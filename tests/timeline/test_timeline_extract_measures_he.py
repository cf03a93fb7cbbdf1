"""Hebrew measurement labels with two joined prefixes, common spellings, and a reading
taken at home (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _values(text: str) -> dict[str, float | None]:
    return {f.name: f.value for f in extract(text, "objective").facts if f.kind == "measurement"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("גלוקוזה בצום 118", {"glucose": 118.0}),
        ("לדבריה שהסוכר היה 160", {"glucose": 160.0}),
        ("וההמוגלובין המסוכרר 7.9%", {"a1c": 7.9}),
        ("GFR מחושב 61", {"egfr": 61.0}),
        ("BP at home 138/86", {"bp_systolic": 138.0, "bp_diastolic": 86.0}),
        ("לחץ דם בבית 128/79", {"bp_systolic": 128.0, "bp_diastolic": 79.0}),
    ],
)
def test_hebrew_and_home_readings(text: str, expected: dict[str, float]) -> None:
    assert _values(text) == expected


def _readings(text: str) -> list[tuple[str, float | None]]:
    return [(f.name, f.value) for f in extract(text, "objective").facts if f.kind == "measurement"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("לחץ דם בישיבה 130/85", [130.0, 85.0]),
        ("לחץ דם בישיבה 130/85, בעמידה 120/80", [130.0, 85.0, 120.0, 80.0]),
        ("לחץ דם ימין 130/85 שמאל 128/84", [130.0, 85.0, 128.0, 84.0]),
        ('ל"ד ביד ימין 130/85', [130.0, 85.0]),
        ("BP right 130/85, left 128/84", [130.0, 85.0, 128.0, 84.0]),
    ],
)
def test_a_blood_pressure_after_its_arm_or_position(text: str, expected: list[float]) -> None:
    assert [v for _, v in _readings(text)] == expected


@pytest.mark.parametrize("text", ["גלוקומטר 145", "סוכר בבדיקת אצבע 145", "בדיקת אצבע: 145"])
def test_a_finger_prick_glucose(text: str) -> None:
    assert _readings(text) == [("glucose", 145.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("דופק נח 64", [("heart_rate", 64.0)]),
        ("דופק סדיר 72", [("heart_rate", 72.0)]),
        ("HR regular 72", [("heart_rate", 72.0)]),
        ("RHR 58", [("heart_rate", 58.0)]),
        ("סוכר צום 110", [("glucose", 110.0)]),
        ("סוכר לאחר ארוחה 180", [("glucose", 180.0)]),
        # "2h" is when it was taken: it had been read as a glucose of 2 mmol/L (36 mg/dL).
        ("glucose 2h post-meal 180", [("glucose", 180.0)]),
        ("glucose 2hr post-meal 180", [("glucose", 180.0)]),
        ("Creat: 1.5 HR 72", [("creatinine", 1.5), ("heart_rate", 72.0)]),
    ],
)
def test_how_or_when_a_reading_was_taken_between_its_label_and_value(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert _readings(text) == expected
