"""Hebrew medication verbs in their future and first-person forms, a preposition joined to
the drug after a verb, refusals and explanations, "instead of", an insulin named twice, and
combination brands (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # Future forms: "he will stop", "she will continue", "we will start".
        ("המטופלת תפסיק את הנקסין", "plan", [("naproxen", "stopped")]),
        ('ימשיך אלטרוקסין 100 מק"ג', "plan", [("levothyroxine", "continued")]),
        ('נתחיל סרטרלין 25 מ"ג', "plan", [("sertraline", "started")]),
        # First person, and "no longer takes".
        ("הפסקתי את הלוסרטן בגלל סחרחורת", "subjective", [("losartan", "stopped")]),
        ("כבר לא נוטלת את האומפרזול", "subjective", [("omeprazole", "stopped")]),
        # A dose made larger or smaller continues the drug.
        ('להקטין מינון קונקור ל-2.5 מ"ג', "plan", [("bisoprolol", "continued")]),
        # A verb whose preposition is joined to the drug after it.
        ('לעבור לאטורבסטטין 40 מ"ג', "plan", [("atorvastatin", "started")]),
        ('להפסיק אמלודיפין ולעבור ללוסרטן 50 מ"ג', "plan",
         [("amlodipine", "stopped"), ("losartan", "started")]),
        ("יחודש מרשם לאומפרזול", "plan", [("omeprazole", "continued")]),
        # Refusals and explanations with their preposition joined.
        ("המטופלת מסרבת לנטילת סטטין, הוסבר לה על ליפיטור", "plan", []),
        ("הוסבר לגבי אוזמפיק", "plan", []),
        # "Instead of X": X is stopped.
        ('במקום אומפרזול - פנטופרזול 40 מ"ג', "plan",
         [("omeprazole", "stopped"), ("pantoprazole", "started")]),
        ("Use naproxen rather than the diclofenac", "plan",
         [("naproxen", "started"), ("diclofenac", "stopped")]),
        # An insulin written with its class word is one drug.
        ("אינסולין לנטוס 18 יחידות בלילה", "subjective", [("insulin glargine", "listed")]),
        # Combination brands.
        ("Co-codamol 8/500 2 tabs qds prn", "plan", [("acetaminophen-codeine", "started")]),
        ("Calcichew D3 forte one bd", "plan", [("calcium carbonate-cholecalciferol", "started")]),
    ],
)  # fmt: skip
def test_hebrew_forms_and_names(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected
