"""Medication rules: a drug's name that labels a level, an order that waits on a condition
written after it, a course's own schedule, a dose given in the room, a choice after talk,
and drug names found beside a possessive, a switch's verb or a "+" (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A concentration is a level's unit; a comparison with a number is a level's too.
        ("Progesterone 32 nmol/L on day 21, ovulatory", "objective", []),
        ("E2 raised, estradiol 950 pmol/L", "objective", []),
        # A vitamin or hormone with a bare value among the results is its level ...
        ("Labs: folate 9, vitamin B12 410, TSH 2.1", "objective", []),
        ("בדיקות: ויטמין D 22, המוגלובין 12.9", "objective", []),
        # ... but not in a medication list, nor with a unit or schedule after it.
        ("Meds: vitamin D 1000, ramipril 5", "medical_history",
         [("cholecalciferol", "listed"), ("ramipril", "listed")]),
        ("Vitamin D 2000 IU daily", "plan", [("cholecalciferol", "started")]),
        # A joint's words and an angle after a name: a range of motion, not a drug.
        ("פלקסיה כתף שמאל פסיבית 120°", "objective", []),
        # A percentage is a strength, and "over 12 h" a duration, not a threshold.
        ("Mometasone 0.1% ointment od", "plan", [("mometasone", "started")]),
        ("Levetiracetam over 15 min IV", "objective", [("levetiracetam", "listed")]),
    ],
)  # fmt: skip
def test_levels_and_strengths(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A condition after the order, in its clause: the order waits.
        ("Begin nitrofurantoin 100 mg bd for 5 days if the urine culture is positive", []),
        ("Emergency supply of prednisolone 40 mg od if the flare returns on holiday", []),
        # A condition that says when to take a dose is part of the prescription.
        ("Ondansetron 4 mg tds if nauseated", [("ondansetron", "started")]),
        ("Salbutamol 2 puffs if needed", [("albuterol", "started")]),
        # A condition after another verb or "and" belongs to that verb.
        ("Start lisinopril 10 mg and increase to 20 mg if BP stays high",
         [("lisinopril", "started")]),
        # Hebrew.
        ('להתחיל אוגמנטין 875 מ"ג פעמיים ביום אם התרבית חיובית', []),
    ],
)  # fmt: skip
def test_condition_after_the_order(text: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A new course's taper or titration to an effect is its schedule: prescribed.
        ("Dexamethasone 8 mg od, taper over 10 days", "plan", [("dexamethasone", "started")]),
        ("Lactulose 15 ml bd, titrate to one soft stool a day", "plan",
         [("lactulose", "started")]),
        # Titration to a dose is a dose change.
        ("Sertraline, titrate to 100 mg", "plan", [("sertraline", "continued")]),
        # Given in the room, written in the examination: recorded, not ordered.
        ("IM ceftriaxone 1 g administered in clinic", "objective",
         [("ceftriaxone", "listed")]),
        ("Ceftriaxone 1 g IM given", "plan", [("ceftriaxone", "started")]),
        # A choice after the talk orders the drug.
        ("Discussed sertraline vs mirtazapine - opted for mirtazapine 15 mg nocte", "plan",
         [("mirtazapine", "started")]),
        ("Discussed SSRIs at length, agreed to sertraline 50 mg od", "plan",
         [("sertraline", "started")]),
    ],
)  # fmt: skip
def test_schedules_and_choices(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A misspelt name after a possessive and a medication verb.
        ("He stopped his atorvastatn last month", "subjective", [("atorvastatin", "stopped")]),
        # A vocabulary name right after a switch's verb.
        ("Switch cefixime to clarithromycin 500 mg bd", "plan",
         [("cefixime", "stopped"), ("clarithromycin", "started")]),
        # A vocabulary name joined to another drug by "+".
        ("Pump running: oxycodone + glycopyrronium over 24 h", "objective",
         [("oxycodone", "listed"), ("glycopyrronium", "listed")]),
        # A verb that changes a dressing does not make a dressing's brand a drug.
        ("Dressing changed: Aquacel and foam", "objective", []),
    ],
)  # fmt: skip
def test_names_beside_verbs(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A continuation with a condition after it still continues.
        ("Continue lithium 400 mg nocte if levels stay in range", "plan",
         [("lithium", "continued")]),
        # A symptom a word or two after "if" says when to take a dose.
        ("Morphine sulfate 5 mg 2-hourly if severe breathlessness", "plan",
         [("morphine", "started")]),
        # A standby course waits on what may happen.
        ("Stand-by ciprofloxacin 500 mg bd if fever while travelling", "plan", []),
        # A form between the name and its dose leaves the dose the drug's.
        ("Buprenorphine patch 10 mcg/h weekly", "plan", [("buprenorphine", "started")]),
        # Beside other drugs outside the examination, a bare number is a dose.
        ("Home meds aspirin 75, folic acid 5", "subjective",
         [("aspirin", "listed"), ("folic acid", "listed")]),
        # Told in the history, a drug given elsewhere was prescribed.
        ("Was given flucloxacillin at the walk-in centre", "subjective",
         [("flucloxacillin", "started")]),
    ],
)  # fmt: skip
def test_limits_of_the_rules(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


def test_a_form_before_the_dose_keeps_the_dose() -> None:
    facts = [f for f in extract("Buprenorphine patch 10 mcg/h weekly", "plan").facts]
    assert [f.dose for f in facts if f.kind == "medication"] == ["10 mcg"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A relative's medicine is no event of the patient's.
        ("Family hx: father on clopidogrel after a stent", "medical_history", []),
        ("Her sister takes lamotrigine", "subjective", []),
        ("אחיו מטופל בליתיום", "subjective", []),
        # The patient named again after the relative, or a parent giving the patient a
        # dose, keeps the drug the patient's.
        ("Mother reports he takes montelukast 5 mg at night", "subjective",
         [("montelukast", "listed")]),
        ("Dad gives ibuprofen at night for the pain", "subjective", [("ibuprofen", "listed")]),
        # A relative in another clause does not reach the drug.
        ("Lives with husband, takes levothyroxine 50 mcg", "subjective",
         [("levothyroxine", "listed")]),
    ],
)  # fmt: skip
def test_a_relatives_medicine(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected
