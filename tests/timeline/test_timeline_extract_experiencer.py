"""A relative's condition written in plain Hebrew, and an allergy's reaction, are no
diagnosis of the patient's (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _dx(text: str, field: str = "medical_history") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    "text",
    [
        "אבא עם סוכרת, אמא יתר לחץ דם בגיל 55",
        "סבתא - אסתמה",
        "אחות עם מיגרנה",
        "Allergic to penicillin (urticaria)",
        "Allergies: codeine - rash",
        "אלרגיה לפניצילין (פריחה)",
    ],
)
def test_no_diagnosis_of_the_patient(text: str) -> None:
    assert _dx(text) == []


def test_the_patients_own_condition_beside_a_relatives_is_read() -> None:
    assert _dx("אובחן היום גאוט. אבא עם סוכרת") == [("gout", "present")]
    assert _dx("Allergies: nil. c/o rash on both arms", "subjective") == [("rash", "present")]


def test_the_hebrew_word_for_asthma() -> None:
    assert _dx("ידוע כסובל מגנחת") == [("asthma", "present")]
