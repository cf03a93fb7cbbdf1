"""Round 5 of issue 27: a disease named by the vaccine against it, or by the antibody a
test measures for it, is no diagnosis of the patient. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _dx(text: str, field: str = "objective") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    "text",
    [
        "Influenza vaccine given in the left arm.",
        "Measles booster today.",
        "חוסן נגד שעלת היום.",
        "Hepatitis B surface antibody 120, immune.",
        "Varicella IgG positive.",
    ],
)
def test_a_vaccine_or_an_antibody_names_no_diagnosis(text: str) -> None:
    assert _dx(text) == []


def test_the_disease_itself_is_still_read() -> None:
    assert _dx("Influenza, day 3, settling.", "assessment") == [("influenza", "present")]


def test_a_verb_of_exclusion_after_a_name_is_that_names_only() -> None:
    assert _dx("Headache, pulmonary embolism excluded.", "assessment") == [
        ("headache", "present"),
        ("pulmonary embolism", "negated"),
    ]
    assert _dx("כאב ראש, דימום תת עכבישי נשלל.", "assessment")[0] == ("headache", "present")


def test_a_denial_after_a_list_is_still_the_whole_lists() -> None:
    assert _dx("Headache, photophobia: denied.", "subjective") == [
        ("headache", "negated"),
        ("photophobia", "negated"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Finished the antibiotic, cellulitis resolved.", "cellulitis"),
        ("Nausea settled after a week.", "nausea"),
        ("שלשול חלף תוך יומיים.", "diarrhea"),
    ],
)
def test_a_condition_said_to_have_resolved_is_history_not_negated(text: str, name: str) -> None:
    assert _dx(text, "subjective") == [(name, "history")]


def test_a_spaced_dash_ends_the_reach_of_after() -> None:
    # "after the run - X" is when X began, not X being over.
    assert _dx("לאחר ריצה - שיעול.", "subjective") == [("cough", "present")]
    assert _dx("לאחר דלקת ריאות בעבר.", "subjective") == [("pneumonia", "history")]


@pytest.mark.parametrize(
    "text",
    [
        "Goal: weight loss of 10% by summer.",
        "Aim for weight loss 4 kg.",
        'מטרה: ירידה במשקל 5 ק"ג.',
    ],
)
def test_a_goal_names_no_condition(text: str) -> None:
    assert _dx(text, "plan") == []


def test_an_abbreviation_with_a_measured_number_is_a_measure_and_a_stage_is_not() -> None:
    assert _dx("Transient elastography: CAP 287, stiffness 9 kPa.") == []
    assert _dx("CKD 4, stable.", "assessment") == [("chronic kidney disease", "present")]


@pytest.mark.parametrize(
    "text", ["Picture suggestive of pneumonia, CXR to follow.", "התמונה מחשידה לדלקת ריאות."]
)
def test_suggestive_of_is_a_possibility(text: str) -> None:
    assert _dx(text, "assessment") == []
