"""Diagnoses, round 7 of issue 27: what the words around a name say it is (a joint's
letters, a sign's test, an order's reason, a leaflet's subject, a past admission's illness,
a qualified name) and the base form of a name. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("כאב בלחיצה על מפרק SI משמאל.", "objective"),
        ("Pain over the SI joint on the left.", "objective"),
        ("Apley-Scarf positive on the right, full power.", "objective"),
        ("Romberg's negative, gait steady.", "objective"),
        ("Asthma leaflet given, inhaler technique checked.", "plan"),
    ],
)
def test_no_condition_of_the_patient(text: str, field: str) -> None:
    assert _dx(text, field) == []


def test_a_condition_named_after_a_person_is_still_one() -> None:
    assert _dx("Raynaud's, worse in winter.", "assessment") == [("raynaud's phenomenon", "present")]


@pytest.mark.parametrize(
    "text",
    [
        "Knee x-ray requested because of the swelling.",
        "הוזמן אולטרסאונד בטן בשל השלשולים.",
        "Referral to dermatology - eczema.",
        "הפניה לפסיכולוגית לטיפול בדיכאון.",
        "הפניה לטיפול קבוצתי לדיכאון.",
        "Start treatment in clinic for CKD; letter to renal - CKD.",
    ],
)
def test_the_reason_of_an_order_in_the_plan_is_no_diagnosis(text: str) -> None:
    assert _dx(text, "plan") == []


def test_a_reason_for_changing_a_medicine_is_still_a_finding() -> None:
    assert _dx("Change ramipril to losartan - cough.", "plan") == [("cough", "present")]


def test_the_reason_outside_the_plan_is_read() -> None:
    assert _dx("Ultrasound arranged because of eczema.", "subjective") == [("eczema", "present")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hospitalised in 2021 with pneumonia, on a ward for a week.",
            [("pneumonia", "history")],
        ),
        ("אושפזה בשל דלקת ריאות לפני 3 חודשים.", [("pneumonia", "history")]),
        # a lasting condition the admission was for stays present
        ("Admitted 2023 for heart failure, now stable.", [("heart failure", "present")]),
    ],
)
def test_the_illness_of_a_past_admission_is_over(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _dx(text, "medical_history") == expected


def test_an_admission_with_no_time_keeps_the_status() -> None:
    assert _dx("Admitted with pneumonia.", "subjective") == [("pneumonia", "present")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Steroid-induced diabetes, on gliclazide.", "steroid-induced diabetes"),
        ("סוכרת הקשורה ל-CF, מאוזנת.", "סוכרת הקשורה ל-cf"),
    ],
)
def test_a_qualified_name_is_its_own_condition(text: str, expected: str) -> None:
    assert _dx(text, "assessment") == [(expected, "present")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Expiratory wheeze both bases.", "wheeze"),
        ("Kidney stone, passed.", "kidney stone"),
    ],
)
def test_a_name_is_the_base_form_written(text: str, expected: str) -> None:
    assert [name for name, _ in _dx(text, "objective")] == [expected]
