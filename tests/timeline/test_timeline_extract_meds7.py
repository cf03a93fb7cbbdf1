"""Medication rules of round 7 (issue 27): a sentence whose only sign of a drug is a count of
a form or a Hebrew schedule is read, a Hebrew form word in construct before a name marks a
drug, and a course to be completed goes on. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A vocabulary name dosed in drops or puffs, or given a Hebrew schedule.
        ("ציפרופלוקסצין 4 טיפות פעמיים ביום לשבוע.", [("ciprofloxacin", "started")]),
        ("Ofloxacin 3 drops tds to the left ear.", [("ofloxacin", "started")]),
        # A form in construct before the name: "drops of", "ointment of".
        ("טיפות ציפרופלוקסצין לעין ימין, 2 טיפות 4 פעמים ביום.", [("ciprofloxacin", "started")]),
        ("משחת מופירוצין לאף פעמיים ביום.", [("mupirocin", "started")]),
    ],
)
def test_forms_and_hebrew_schedules_mark_a_drug(text: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A form word before an ordinary word, and drops of no drug, are no drug.
        "טיפות עיניים לפי הצורך, 2 טיפות פעמיים ביום.",
        "Saline 2 drops each nostril.",
    ],
)
def test_no_drug_without_a_name(text: str) -> None:
    assert _meds(text) == []


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A course to be completed goes on; one completed is over.
        ("Finish the course of clarithromycin, 3 more days.", "plan",
         [("clarithromycin", "continued")]),
        ("Complete the doxycycline course.", "plan", [("doxycycline", "continued")]),
        ("להשלים את הטיפול בדוקסיציקלין.", "plan", [("doxycycline", "continued")]),
        ("Completed a course of doxycycline in May.", "subjective",
         [("doxycycline", "stopped")]),
    ],
)  # fmt: skip
def test_a_course_to_complete(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A start put off until a condition holds every drug before it: nothing begun yet.
        ("Standby pack: amoxicillin 500 mg tds + prednisolone 40 mg, to start only if "
         "the cough turns productive.", []),
        ("Trimethoprim 200 mg bd - to use if dysuria comes back.", []),
        ("דוקסיציקלין 100 מ\"ג, להתחיל רק אם יופיע חום.", []),
        # A condition on how to take a drug begun now is no such wait.
        ("Start amoxicillin 500 mg tds; take with food if nauseous.",
         [("amoxicillin", "started")]),
    ],
)  # fmt: skip
def test_a_start_put_off(text: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a stop, the drug named "instead" / "in its place" is started.
        ("Stop naproxen, instead paracetamol 1 g qds.",
         [("naproxen", "stopped"), ("acetaminophen", "started")]),
        ("להפסיק נפרוקסן, במקומו פרצטמול 500 מ\"ג.",
         [("naproxen", "stopped"), ("acetaminophen", "started")]),
        # ... and one stopped with no word of a replacement stays stopped.
        ("Stop naproxen and paracetamol.", [("naproxen", "stopped"), ("acetaminophen", "stopped")]),
    ],
)  # fmt: skip
def test_a_drug_in_the_stopped_ones_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text) == expected
