"""Doses attached where a note writes them, and a pause as a stop (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None, str | None]]:
    return [
        (f.name, f.status, f.dose) for f in extract(text, field).facts if f.kind == "medication"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A change "from A to B" gives the new dose.
        ("Raise quetiapine from 25 to 50 mg nocte", [("quetiapine", "continued", "50 mg")]),
        ('להעלות ציפרלקס מ-10 ל-20 מ"ג', [("escitalopram", "continued", '20 מ"ג')]),
        # The verb said after the drug may carry the dose.
        ("Bisoprolol - reduce to 2.5 mg od", [("bisoprolol", "continued", "2.5 mg")]),
        # A release form between name and dose.
        ("Tramadol SR 100 mg bd", [("tramadol", "started", "100 mg")]),
        # A pause stops the drug for now.
        ("Paused empagliflozin during the acute illness", [("empagliflozin", "stopped", None)]),
        ("Lisinopril paused, recheck potassium", [("lisinopril", "stopped", None)]),
    ],
)
def test_doses_and_pauses(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _meds(text) == expected


def test_a_decimal_dose_in_a_medication_list_is_no_reading() -> None:
    # Under a medication heading "X 2.5" is a dose without its unit, not a level.
    text = "Regular meds:\n- bisoprolol 2.5\n- ramipril 5"
    assert _meds(text, "medical_history") == [
        ("bisoprolol", "listed", None),
        ("ramipril", "listed", None),
    ]
