"""Diagnoses in the ways clinics of a third kind write them (issue 27): whose condition it is
(a spouse's, or the patient's as told by a relative), what is no diagnosis (room air, a
questionnaire, a mental state line, a possibility written after the name, an operation),
what says a condition is over or still there, and the lexicon's newer names. Phrasings are
this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract
from core.timeline.vocab.lexicon import CONDITIONS


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A spouse is a relative: the condition is theirs.
        ("Husband has Parkinson's, she cares for him", []),
        ("בעלה חולה סוכרת, היא מטפלת בו", []),
        # A relative who brings the patient or speaks for her is only the informant.
        ("Accompanied by her son, increasing confusion this week", [("confusion", "present")]),
        ("הגיע בליווי בנו, לדבריו נפילה בבית", [("falls", "present")]),
    ],
)
def test_whose_condition(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, "subjective") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SpO2 95% RA at rest", []),
        ("sats 97% on RA, RR 16", []),
        ("Seropositive RA, flaring", [("rheumatoid arthritis", "present")]),
        ("GAD 7 = 12 today", []),
        ("Mood low, affect restricted", []),
        ("Reports low mood for a month", [("low mood", "present")]),
        ("Gout considered, urate pending", []),
        ("Adenomyosis vs fibroids on scan", []),
        ("אבחנה מבדלת: גאוט, צלוליטיס", []),
        ("PSH: appendicectomy, cataract surgery", []),
    ],
)
def test_what_is_no_diagnosis(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A "not" of one word, ended by a comma, negates that word only.
        ("Abdomen not distended, mild ankle oedema", "objective", [("ankle swelling", "present")]),
        ("יציבה לא יציבה, בצקות ברגליים", "objective", [("edema", "present")]),
        # One condition under two names of one list is one fact.
        (
            "Denies numbness or tingling",
            "subjective",
            [("numbness", "negated"), ("paresthesia", "negated")],
        ),
    ],
)
def test_negation_scope(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (
            "Alcohol use disorder in sustained remission",
            "assessment",
            [("alcohol use disorder", "history")],
        ),
        ("PMR ברמיסיה", "assessment", [("polymyalgia rheumatica", "history")]),
        ("Concussion in March, fully recovered", "subjective", [("concussion", "history")]),
        ("Hep C treated 2018, cured", "medical_history", [("hepatitis", "history")]),
        ("GDM in her first pregnancy", "medical_history", [("gestational diabetes", "history")]),
        ("3. Post hip fracture, walking with a stick", "assessment", [("hip fracture", "history")]),
        # An event dated after the site it names.
        ("h/o stress fracture R tibia 2021", "medical_history", [("stress fracture", "history")]),
        # "since" keeps a condition the patient's now, under a background heading too.
        ("PMH:\n- Depression since 2015", "medical_history", [("depression", "present")]),
        ("PMH:\n- depression", "medical_history", [("depression", "history")]),
        ("ברקע: דיכאון מגיל 20", "medical_history", [("depression", "present")]),
    ],
)
def test_over_or_ongoing(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, field) == expected


def test_heading_inside_a_numbered_item_reaches_its_item_only() -> None:
    text = "1. FHx: mother breast cancer\n2. Pre-eclampsia 2019"
    assert _dx(text, "medical_history") == [("pre-eclampsia", "history")]


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Opioid use disorder", "opioid use disorder"),
        ("הפרעת שימוש באופיואידים", "opioid use disorder"),
        ("DKA", "diabetic ketoacidosis"),
        ("רעלת הריון", "pre-eclampsia"),
        ("Sjögren's", "sjogren's syndrome"),
        ("גלי חום", "hot flashes"),
        ("השתנה לילית", "nocturia"),
        ("Alzheimer's dementia", "dementia"),
        ("orthopnoea", "orthopnea"),
        ("אסטמה", "asthma"),
    ],
)
def test_newer_names(words: str, name: str) -> None:
    assert name in CONDITIONS
    assert _dx(f"{words}.", "assessment") == [(name, "present")]
