"""Drugs by the names clinics write (issue 46, medications ≥ 0.95): Israeli and British brands
in either script, a dose with a thousands comma, and a drug named as what the patient
depends on, which is no medication. Wordings of our own, not any set's."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Start Champix 0.5 mg od for 3 days.", "plan", [("varenicline", "started")]),
        ("להתחיל צ'מפיקס 0.5 מ\"ג.", "plan", [("varenicline", "started")]),
        ("Continue nicotine patch 21 mg.", "plan", [("nicotine", "continued")]),
        ('מדבקת ניקוטין 14 מ"ג ליום.', "plan", [("nicotine", "started")]),
        ('להעלות פריזמה ל-40 מ"ג.', "plan", [("fluoxetine", "continued")]),
        ('מטופלת בסרנדה 50 מ"ג.', "subjective", [("sertraline", "listed")]),
        ('להתחיל ריקוויפ 2 מ"ג.', "plan", [("ropinirole", "started")]),
        ('להתחיל רפאטה 140 מ"ג כל שבועיים.', "plan", [("evolocumab", "started")]),
        ("נוטל רנבלה עם הארוחות.", "subjective", [("sevelamer", "listed")]),
        ("להתחיל סילברול פעמיים ביום.", "plan", [("silver sulfadiazine", "started")]),
        ('להתחיל אבילפיי 10 מ"ג.', "plan", [("aripiprazole", "started")]),
        ("Vagifem 10 mcg pessary twice weekly.", "plan", [("estradiol", "started")]),
        ("Asthma, on Clenil 100 2 puffs bd.", "medical_history", [("beclometasone", "listed")]),
        ("Continue MMF 500 mg bd.", "plan", [("mycophenolate", "continued")]),
        ("Increase epoetin alfa to 6000 units.", "plan", [("epoetin alfa", "continued")]),
        ("Stop Sytron at 12 months.", "plan", [("sodium feredetate", "stopped")]),
        ('להתחיל קוסאר 50 מ"ג.', "plan", [("losartan", "started")]),
        ('ממשיך סטילנוקס 10 מ"ג בלילה.', "plan", [("zolpidem", "continued")]),
    ],
)
def test_a_brand_is_read_as_its_generic(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    "text",
    ["Colecalciferol 20,000 units weekly x 7 weeks.", "Vitamin D 20,000 units weekly."],
)
def test_a_thousands_comma_is_one_dose(text: str) -> None:
    facts = [f for f in extract(text, "plan").facts if f.kind == "medication"]
    assert [(f.name, f.status, f.dose) for f in facts] == [
        ("cholecalciferol", "started", "20,000 units")
    ]


def test_a_level_with_a_comma_after_it_is_still_a_level() -> None:
    assert _meds("Vit D 38, B12 normal.", "objective") == []


@pytest.mark.parametrize(
    "text",
    ["Nicotine dependence, 20 a day.", "Nicotine withdrawal symptoms.", "תלות בניקוטין."],
)
def test_what_the_patient_depends_on_is_no_medication(text: str) -> None:
    assert _meds(text, "assessment") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('הורדנו מינון של פוסיד ל-20 מ"ג.', [("furosemide", "continued")]),
        ('הורדנו את המינון של פוסיד ל-20 מ"ג.', [("furosemide", "continued")]),
        ("הורדנו פוסיד.", [("furosemide", "stopped")]),
    ],
)
def test_a_lowered_dose_is_no_stop(text: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text) == expected
