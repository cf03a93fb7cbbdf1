"""Diagnoses, round 4 of issue 27: the specialty clinics' conditions by their other names
(abbreviations, spellings, lay words, Hebrew), a condition the plan names only as what an
order is for, and remission said with its kind. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ENT
        ("Bilateral glue ear.", "otitis media with effusion"),
        ("Nasal polyposis, grade 1.", "nasal polyps"),
        ("Presbycusis, worse on the right.", "presbycusis"),
        ("Singer's nodules on stroboscopy review.", "vocal cord nodules"),
        ("אובדן חוש הריח מזה חודשיים.", "anosmia"),
        # urology
        ("Voiding symptoms, poor stream.", "lower urinary tract symptoms"),
        ("Ureteric colic, settling.", "renal colic"),
        # dermatology
        ("Dysplastic naevus on the calf.", "nevus"),
        ("Superficial BCC on the shoulder.", "basal cell carcinoma"),
        ("Seborrhoeic dermatitis of the scalp.", "seborrheic dermatitis"),
        ("פטרת כפות רגליים.", "tinea pedis"),
        # oncology
        ("Febrile neutropenia after cycle 2.", "neutropenia"),
        ("Oral mucositis grade 2.", "mucositis"),
        # neurology
        ("Analgesic overuse headache.", "medication overuse headache"),
        ("Word-finding dysphasia.", "aphasia"),
        # GI
        ("Reflux oesophagitis LA grade B.", "esophagitis"),
        ("Indigestion after meals.", "dyspepsia"),
        # pulmonology
        ("Lung nodule 6 mm, for surveillance.", "pulmonary nodule"),
        # pain and musculoskeletal
        ("Arthralgia in both hands.", "joint pain"),
        ("Slipped disc L4/5.", "disc herniation"),
        ("Reflex sympathetic dystrophy of the left foot.", "complex regional pain syndrome"),
        # speech and swallowing
        ("Stammering since age 4.", "stuttering"),
        ("קושי בבליעה של מוצקים.", "dysphagia"),
    ],
)
def test_specialty_conditions_by_their_other_names(text: str, expected: str) -> None:
    assert [name for name, _ in _dx(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Steroid injection for chronic bursitis booked.",
        "Refer to ENT re: recurrent tonsillitis.",
        "Start omeprazole for reflux.",
        "הוזמנה מדרסת למניעת פצעי לחץ.",
    ],
)
def test_the_reason_of_an_order_in_the_plan_is_no_diagnosis(text: str) -> None:
    assert _dx(text, "plan") == []


def test_the_plan_still_reads_a_condition_it_names_as_a_finding() -> None:
    assert _dx("Stop amlodipine (ankle oedema).", "plan") == [("ankle swelling", "present")]


def test_the_same_reason_in_the_assessment_is_a_diagnosis() -> None:
    assert _dx("Referred for recurrent tonsillitis.", "assessment") == [("tonsillitis", "present")]


def test_remission_with_its_kind_is_over() -> None:
    assert _dx("Ulcerative colitis in endoscopic remission.") == [("ulcerative colitis", "history")]


@pytest.mark.parametrize(
    "text",
    ["Husband has noticed a hand tremor at rest.", "Her father observed wheezing at night."],
)
def test_a_relative_who_saw_the_patients_sign_is_an_informant(text: str) -> None:
    assert [status for _, status in _dx(text, "subjective")] == ["present"]


def test_an_abbreviation_with_a_measured_value_is_a_measure() -> None:
    assert _dx("Liver stiffness 7 kPa, CAP 290 dB/m.", "objective") == []
    assert _dx("CAP, on amoxicillin.") == [("pneumonia", "present")]
