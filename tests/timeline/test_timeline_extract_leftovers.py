"""Styles left from the second blind set (issue 27): "NPRS 6/10", "T° 38.4", "SpO₂ 95 %",
a Hebrew motion's loanword ("פלקסיה 45°") as a range of motion, two "scored N on the X"
lines read each with its own questionnaire, a plain haemoglobin that is no A1c, a
creatinine in mg/dL written in Hebrew that cannot be believed, a condition typed with one
slip, and the flu vaccine by its own name. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _values(text: str) -> list[tuple[str, float | None]]:
    return [(f.name, f.value) for f in extract(text, "objective").facts if f.kind == "measurement"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NPRS 4/10 at rest", [("pain", 4.0)]),
        ("T° 37.9, HR 88", [("temperature", 37.9), ("heart_rate", 88.0)]),
        ("SpO₂ 97 % on air", [("spo2", 97.0)]),
        ("אבדוקציה בכתף 140°", [("rom", 140.0)]),
        ("scored 7 on the GAD-7\nscored 12 on the PHQ-9", [("gad7", 7.0), ("phq9", 12.0)]),
        ("המוגלובין 13.1", [("hemoglobin", 13.1)]),  # a hemoglobin, not an A1c
        ("המוגלובין מסוכרר 7.4%", [("a1c", 7.4)]),
    ],
)
def test_styles(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(text) == expected


def test_creatinine_in_hebrew_mg_dl_is_a_flag() -> None:
    e = extract('קראטינין 110 מ"ג/ד"ל', "objective")
    assert [f for f in e.facts if f.kind == "measurement"] == []
    assert [f.name for f in e.flags] == ["creatinine"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PMH: hypertenshion", [("hypertension", "present")]),
        ("known osteoporsis", [("osteoporosis", "present")]),
        # A prefix that denies is no slip, and a short word is never guessed.
        ("afebrile, alert", []),
        ("He got better", []),
    ],
)
def test_condition_with_one_slip(text: str, expected: list[tuple[str, str]]) -> None:
    dx = [(f.name, f.status) for f in extract(text, "assessment").facts if f.kind == "diagnosis"]
    assert dx == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flu jab given L deltoid", ["flu vaccine"]),
        ("ניתן חיסון שפעת", ["flu vaccine"]),
        ("Tdap given", ["vaccination"]),
    ],
)
def test_flu_vaccine_by_its_name(text: str, expected: list[str]) -> None:
    assert [f.name for f in extract(text, "plan").facts if f.kind == "procedure"] == expected


def test_hebrew_remote_medicine_is_telehealth() -> None:
    visits = [
        f.name
        for f in extract("ביקור ברפואה מרחוק, מרגיש טוב", "subjective").facts
        if f.kind == "visit"
    ]
    assert visits == ["telehealth"]
