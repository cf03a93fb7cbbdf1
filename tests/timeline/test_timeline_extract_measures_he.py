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
