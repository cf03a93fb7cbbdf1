"""A diagnosis's status by the condition's course (issue 27): a lasting condition listed
as background is still present, an event or a condition said to be over is history
(docs/timeline.md, "Present or history"), and the lexicon's newer names."""

from __future__ import annotations

import pytest

from core.timeline.conditions.course import EVENTS, LASTING
from core.timeline.extract import extract
from core.timeline.vocab.lexicon import CONDITIONS


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


def test_course_sets_name_known_conditions_and_do_not_overlap() -> None:
    assert CONDITIONS.keys() >= LASTING
    assert CONDITIONS.keys() >= EVENTS
    assert not LASTING & EVENTS


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A background heading or cue: what lasts is present, what happened is history.
        (
            "PMH: COPD, gout, appendicitis",
            "medical_history",
            [("copd", "present"), ("gout", "present"), ("appendicitis", "history")],
        ),
        ("h/o type 1 diabetes", "assessment", [("type 1 diabetes", "present")]),
        (
            "Comorbidities include a history of CKD and a history of cellulitis",
            "assessment",
            [("chronic kidney disease", "present"), ("cellulitis", "history")],
        ),
        (
            "ברקע:\n- אפילפסיה\n- דלקת ריאות",
            "medical_history",
            [("epilepsy", "present"), ("pneumonia", "history")],
        ),
        # Words of the past make any condition history, a lasting one too.
        ("Previous hypothyroidism, now euthyroid off treatment", "assessment",
         [("hypothyroidism", "history")]),
        ("Psoriasis in the past", "assessment", [("psoriasis", "history")]),
        # An event with its year is over; a lasting condition's year is its onset.
        ("NSTEMI 2019, CVA in 2012", "assessment",
         [("myocardial infarction", "history"), ("stroke", "history")]),
        ("אוטם שריר הלב ב-2016", "assessment", [("myocardial infarction", "history")]),
        ("Hypertension diagnosed 2018", "assessment", [("hypertension", "present")]),
        ("cholecystitis (2015) - resolved", "assessment", [("cholecystitis", "history")]),
        # "בעבר" after a comma starts the next item: it is that one's past, not the last's.
        (
            "ידוע על יתר לחץ דם, בעבר דלקת ריאות",
            "assessment",
            [("hypertension", "present"), ("pneumonia", "history")],
        ),
        ("Depression, in remission", "assessment", [("depression", "history")]),
    ],
)  # fmt: skip
def test_status_follows_the_course(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, field) == expected


def test_a_lasting_conditions_year_is_its_onset() -> None:
    facts = [f for f in extract("Hypertension diagnosed 2018", "assessment").facts]
    assert [(f.status, f.detail) for f in facts] == [("present", "onset 2018")]


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("Essential hypertension [I10], diagnosed 2018-03-06.", "onset 2018-03-06"),
        ("Unspecified asthma, uncomplicated [J45.909], diagnosed 2011-03-09.", "onset 2011-03-09"),
        ("Asthma, onset 2011-03", "onset 2011-03"),
        ("Hyperlipidaemia since 2013", "onset 2013"),
    ],
)
def test_an_onset_keeps_its_day_or_month_past_a_bracketed_code(text: str, onset: str) -> None:
    facts = [f for f in extract(text, "medical_history").facts if f.kind == "diagnosis"]
    assert [f.detail for f in facts][:1] == [onset]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denies suicidality", [("suicidal ideation", "negated")]),
        ("No psychotic signs", [("psychosis", "negated")]),
        ("לא הודגמה רטינופתיה", [("diabetic retinopathy", "negated")]),
        ("Bone injury excluded on exam", [("fracture", "negated")]),
        ("s/p GDM", [("gestational diabetes", "history")]),
        ("בעבר סוכרת היריונית", [("gestational diabetes", "history")]),
        ("Acute coronary syndrome", [("acute coronary syndrome", "present")]),
        ("פלנטר פסיאיטיס משמאל", [("plantar fasciitis", "present")]),
        ("הוחמרה אוסטיאוארטריטיס בברכיים", [("osteoarthritis", "present")]),
        ("PND 2019, resolved", [("postpartum depression", "history")]),
        # A Hebrew prefix joined by a hyphen to a Latin abbreviation.
        ("סובלת מ-OSA", [("obstructive sleep apnea", "present")]),
        ("אין עדות ל-PE", [("pulmonary embolism", "negated")]),
    ],
)
def test_condition_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text) == expected
