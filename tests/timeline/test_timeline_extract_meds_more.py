"""Medication events in more clinicians' wordings (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # "c/w" (continue with) continues, and holds for its drug alone.
        ("c/w atorvastatin, she stopped aspirin herself", "plan",
         [("atorvastatin", "continued"), ("aspirin", "stopped")]),
        # A verb after a comma that begins the next drug's clause is not the first drug's.
        ('להתחיל סרטרלין 50 מ"ג, ממשיכה ליטול את הליפיטור', "plan",
         [("sertraline", "started"), ("atorvastatin", "continued")]),
        # A Hebrew verb with a joined "ש".
        ("סיפרה שהפסיקה את האומפרזול", "subjective", [("omeprazole", "stopped")]),
        # "Rx list:" heads a list of what the patient takes.
        ("Rx list: metformin 850 mg bd; ramipril 5 mg", "medical_history",
         [("metformin", "listed"), ("ramipril", "listed")]),
        # Israeli brands and common spellings.
        ("ללא שינוי בנקסין", "plan", [("naproxen", "continued")]),
        ('הוחל טיפול בזילוריק 100 מ"ג', "plan", [("allopurinol", "started")]),
        ("ממשיך ג'ארדיאנס", "plan", [("empagliflozin", "continued")]),
        ("Omeprazol 20 mg mane", "medical_history", [("omeprazole", "listed")]),
    ],
)  # fmt: skip
def test_medication_wordings(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected
