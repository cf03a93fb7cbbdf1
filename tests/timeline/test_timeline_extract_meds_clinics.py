"""Medications as the third set's clinics write them (issue 27): a course finished, a
renewal and a request for one, a taper or a raise after a dash, a Hebrew switch, an allergy
written "רגישה ל", a drug offered or discussed, a diet named for a nutrient, a level
compared with a threshold, a lab word near a drug's name, and the newer names (addiction
psychiatry, geriatrics, women's health, Israeli brands). Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (
            "Completed the course of doxycycline on Monday",
            "subjective",
            [("doxycycline", "stopped")],
        ),
        ("סיים את האוגמנטין שלשום", "subjective", [("amoxicillin-clavulanate", "stopped")]),
        ('חידוש Eltroxin 100 מק"ג', "plan", [("levothyroxine", "continued")]),
        ("מבקש חידוש מרשם Lipitor", "subjective", [("atorvastatin", "listed")]),
        ("Needs repeat of metformin", "subjective", [("metformin", "listed")]),
        ("Clonex - הפחתה הדרגתית", "plan", [("clonazepam", "continued")]),
        ("Lantus - העלאה ל-20 יח'", "plan", [("insulin glargine", "continued")]),
        (
            'במקום Enalapril לעבור ל-Losartan 50 מ"ג',
            "plan",
            [("enalapril", "stopped"), ("losartan", "started")],
        ),
        ("Donepezil 5 mg nocte, titrate per protocol", "plan", [("donepezil", "started")]),
    ],
)
def test_status_words(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    "text",
    [
        "רגישה לפניצילין",
        "רגישות: אופטלגין",
        "הוצע טיפול ב-Ozempic (אוזמפיק), מעוניינת לחשוב",
        "Naltrexone offered, he declined",
        "Discussed starting sertraline, prefers counselling first",
        "הפניה לדיאטנית - דיאטה דלת אשלגן",
        "אם אשלגן מעל 5.5 - לבדוק שוב",
        'גלוקוזה 180 מ"ג/ד"ל',
    ],
)
def test_no_medication_event(text: str) -> None:
    assert _meds(text) == []


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Subutex 8 mg", "buprenorphine"),
        ('בופרנורפין 8 מ"ג', "buprenorphine"),
        ("Ebixa 10 mg", "memantine"),
        ("Aricept 5 mg", "donepezil"),
        ("Cerazette", "desogestrel"),
        ("Utrogestan 200 mg", "progesterone"),
        ("Macrodantin 50 mg", "nitrofurantoin"),
        ("MTX 10 mg weekly", "methotrexate"),
        ("Toujeo 20 units", "insulin glargine"),
        ("Folex 5 mg", "folic acid"),
        ("Vaben 10 mg", "oxazepam"),
        ("glucagon kit", "glucagon"),
    ],
)
def test_newer_drug_names(words: str, name: str) -> None:
    assert _meds(f"Start {words}") == [(name, "started")]
