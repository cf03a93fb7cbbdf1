"""Diagnoses read by where they are written (issue 27, round 5): a condition no lexicon
knows is still read from an assessment's item, after "diagnosed with" or "consistent
with", from a list of findings denied or absent, and from an examination's sign, and the
guards keep out what those places also hold. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # an assessment's item, named by its words past a degree and a side
        ("#1 Keratoconus, progressing.", "assessment", [("keratoconus", "present")]),
        ("2) Mild pes cavus R foot.", "assessment", [("pes cavus", "present")]),
        ("Asymptomatic pineal cyst.", "assessment", [("pineal cyst", "present")]),
        ("Impression: pityriasis rosea.", "subjective", [("pityriasis rosea", "present")]),
        # the item's comment says it is absent or over
        (
            "Pott's puffy tumour excluded on imaging.",
            "assessment",
            [("pott's puffy tumour", "negated")],
        ),
        ("Previous Scheuermann kyphosis.", "assessment", [("scheuermann kyphosis", "history")]),
        # a name cue
        (
            "He was diagnosed with pectus excavatum as a teen.",
            "subjective",
            [("pectus excavatum", "present")],
        ),
        ("Findings c/w livedo reticularis.", "objective", [("livedo reticularis", "present")]),
        (
            "Known gout, complicated by tophaceous deposits.",
            "assessment",
            [("gout", "present"), ("tophaceous deposits", "present")],
        ),
        ("סובלת מאקנתוזיס בצוואר.", "subjective", [("אקנתוזיס", "present")]),
        # a list of findings absent, each of its items
        (
            "No clubbing, koilonychia or leukonychia.",
            "objective",
            [("clubbing", "negated"), ("koilonychia", "negated"), ("leukonychia", "negated")],
        ),
        (
            "ללא היפרטריכוזיס, ללא גינקומסטיה.",
            "objective",
            [("היפרטריכוזיס", "negated"), ("גינקומסטיה", "negated")],
        ),
        ("לא נמצאה עדות לקרטוקונוס.", "assessment", [("קרטוקונוס", "negated")]),
        ("ללא עדות לקרטוקונוס.", "objective", [("קרטוקונוס", "negated")]),
        # a complaint brought
        (
            "C/o palinopsia and hyperacusis.",
            "subjective",
            [("palinopsia", "present"), ("hyperacusis", "present")],
        ),
        ("פונה בשל גינקומסטיה.", "subjective", [("גינקומסטיה", "present")]),
        # an item's comment in Hebrew, an item's duration or size
        ("- קרטוקונוס נשלל בבדיקה.", "assessment", [("קרטוקונוס", "negated")]),
        (
            "#2 Secondary amenorrhoea 8 months.",
            "assessment",
            [("secondary amenorrhoea", "present")],
        ),
        (
            "• Pityriasis versicolor excluded.",
            "assessment",
            [("pityriasis versicolor", "negated")],
        ),
        ("#3 Lipoedema stage 2, both legs.", "assessment", [("lipoedema", "present")]),
        ("Lichen sclerosus C3 vulva.", "assessment", [("lichen sclerosus", "present")]),
        # a service's word inside a condition's name
        ("Sesame allergy - reacts within minutes.", "assessment", [("sesame allergy", "present")]),
        # a sign after the finding, or a minus before it
        ("Skin: xanthelasma +.", "objective", [("xanthelasma", "present")]),
        ("עור: אקנתוזיס חיובי.", "objective", [("אקנתוזיס", "present")]),
        ("(-) koilonychia", "objective", [("koilonychia", "negated")]),
    ],
)
def test_a_condition_no_lexicon_knows_is_read_by_its_place(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # measures, questionnaires and values
        ("Ferritin 14.", "assessment"),
        ("GFR מחושב 53", "assessment"),
        ("#2 PHQ9 4", "assessment"),
        # acts, plans, talk and states
        ("No contact sport for six weeks.", "plan"),
        ("Questions answered.", "assessment"),
        ("Walks the dog daily.", "assessment"),
        ("Approaching end of treatment.", "assessment"),
        ("Procedure completed, no complications.", "objective"),
        ("Abdomen soft, no guarding.", "objective"),
        ("No change since last review.", "assessment"),
        ("ללא שינוי.", "assessment"),
        ("מסרבת לטיפול תרופתי.", "assessment"),
        # a test's result, a test's sign, a qualifier of a noun, a heading's word
        ("CXR: no consolidation.", "objective"),
        ("Lachman test negative, anti-Ro חיובי.", "objective"),
        ("תזונה ללא גלוטן.", "assessment"),
        ("Impression:", "assessment"),
        # a drug, a procedure, a body part, a relative, a possibility
        ("#1 Metformin intolerance.", "assessment"),
        ("#3 Knee arthroscopy.", "assessment"),
        ("Abdomen.", "assessment"),
        ("Brother with keratoconus.", "medical_history"),
        ("Possible keratoconus.", "assessment"),
        ("Allergy to plasters.", "assessment"),
        ("Dermatology.", "assessment"),
        ("Results: hemoglobin A1c 6.1%.", "assessment"),
        ("Latest A1c of 7.2%.", "assessment"),
        ("No pain.", "objective"),
        ("- Developmental history: walked at 13 months.", "medical_history"),
    ],
)
def test_what_such_places_also_hold_is_no_condition(text: str, field: str) -> None:
    assert _dx(text, field) == []


def test_a_lexicon_name_inside_the_phrase_wins() -> None:
    names = _dx("#1 Poorly controlled hypertension.")
    assert names == [("hypertension", "present")]


def test_a_list_dash_before_without_still_negates() -> None:
    # "- ללא X" opens a list's item; the dash is no earlier name's value.
    assert _dx("- ללא גינקומסטיה, ללא היפרטריכוזיס.", "objective") == [
        ("גינקומסטיה", "negated"),
        ("היפרטריכוזיס", "negated"),
    ]
