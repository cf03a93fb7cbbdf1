"""The extractor on free text as clinicians write it (issue 27, point 1): units, targets,
implausible values, medication verbs by section, negation, Hebrew. Pure logic; the labelled
set in `make eval` measures it at scale."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.timeline.extract import extract
from core.timeline.text import sentences


def _measures(text: str) -> dict[str, float | None]:
    return {f.name: f.value for f in extract(text, "objective").facts if f.kind == "measurement"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BP 128/82", {"bp_systolic": 128, "bp_diastolic": 82}),
        ("blood pressure 130 over 85", {"bp_systolic": 130, "bp_diastolic": 85}),
        ("Wt 82kg", {"weight": 82}),
        ("weight 180 lb", {"weight": 81.65}),
        ("pain 6/10", {"pain": 6}),
        ("6/10 pain on stairs", {"pain": 6}),
        ("A1c 7.1%", {"a1c": 7.1}),
        ("HbA1c 54 mmol/mol", {"a1c": 7.09}),
        ("LDL 3.4 mmol/L", {"ldl": 131.48}),
        ("temp 100.4F", {"temperature": 38.0}),
        ("T 38.2", {"temperature": 38.2}),
        ("Ht 5'7\"", {"height": 170.2}),
        ("SpO2 97% RA, HR 72", {"spo2": 97, "heart_rate": 72}),
        ("creatinine 88 umol/L, eGFR 74", {"creatinine": 1.0, "egfr": 74}),
        ("PHQ-9 14, GAD-7 = 9, PHQ-2: 3", {"phq9": 14, "gad7": 9, "phq2": 3}),
        ("knee flexion 110°", {"rom": 110}),
        ("Pt weighs 91 kg today", {"weight": 91}),
        ("לחץ דם 130/85", {"bp_systolic": 130, "bp_diastolic": 85}),
        ("משקל 82 ק״ג", {"weight": 82}),
        ("כאב 6/10", {"pain": 6}),
        ("דופק 76, חום 37.8, סטורציה 96%", {"heart_rate": 76, "temperature": 37.8, "spo2": 96}),
    ],
)
def test_measurements_in_many_styles(text: str, expected: dict[str, float]) -> None:
    found = _measures(text)
    assert found == pytest.approx(expected, abs=0.01)


def test_a_target_is_no_reading_and_an_implausible_value_is_a_flag() -> None:
    e = extract("Target BP < 130/80; goal A1c under 7. BP 1280/82. Weight 8200 kg.", "plan")
    assert [f for f in e.facts if f.kind == "measurement"] == []
    assert {(f.name, f.text) for f in e.flags} == {
        ("bp_systolic", "BP 1280/82"),
        ("weight", "Weight 8200 kg"),
    }


@given(st.integers(70, 240), st.integers(40, 130))
def test_any_plausible_bp_is_read_exactly(systolic: int, diastolic: int) -> None:
    text = f"Vitals today: BP {systolic}/{diastolic} mmHg, afebrile."
    found = _measures(text)
    if systolic > diastolic:
        assert found == {"bp_systolic": systolic, "bp_diastolic": diastolic}
    else:
        assert found == {}  # a systolic at or below the diastolic is a typo, flagged


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None, str | None]]:
    return [
        (f.name, f.status, f.dose) for f in extract(text, field).facts if f.kind == "medication"
    ]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Start sertraline 50 mg daily.", "plan", [("sertraline", "started", "50 mg")]),
        ("Begin amlodipine 5 mg at night", "plan", [("amlodipine", "started", "5 mg")]),
        ("D/c metformin", "plan", [("metformin", "stopped", None)]),
        ("cont. lisinopril 10mg daily", "plan", [("lisinopril", "continued", "10mg")]),
        ("Naproxen 500 mg bid x 10 days", "plan", [("naproxen", "started", "500 mg")]),
        (
            "Meds: metformin 500 mg bid, atorvastatin 20 mg",
            "subjective",
            [("metformin", "listed", "500 mg"), ("atorvastatin", "listed", "20 mg")],
        ),
        (
            "Stop ibuprofen and start naproxen 500 mg bid",
            "plan",
            [("ibuprofen", "stopped", None), ("naproxen", "started", "500 mg")],
        ),
        ("ibuprofen was stopped last week", "subjective", [("ibuprofen", "stopped", None)]),
        (
            "Allergic to penicillin; takes Zoloft 50 mg",
            "subjective",
            [("sertraline", "listed", "50 mg")],
        ),
        ("Not on any anticoagulant; no warfarin", "subjective", []),
        ("התחיל סרטרלין 50 מ״ג", "plan", [("sertraline", "started", "50 מ״ג")]),
        # A misspelt name is matched (rapidfuzz) only where a dose follows it.
        ("Start sertaline 50 mg", "plan", [("sertraline", "started", "50 mg")]),
        ("Walked for 20 minutes, exercise 3 units", "plan", []),
        ("הפסיק איבופרופן", "plan", [("ibuprofen", "stopped", None)]),
    ],
)
def test_medications_by_verb_and_section(
    text: str, field: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _meds(text, field) == expected


def _diagnoses(text: str) -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, "assessment").facts if f.kind == "diagnosis"]


def test_negation_and_history_follow_their_scope() -> None:
    text = "Denies chest pain, no history of diabetes. DVT ruled out. h/o asthma. HTN, stable."
    assert _diagnoses(text) == [
        ("chest pain", "negated"),
        ("type 2 diabetes", "negated"),
        ("deep vein thrombosis", "negated"),
        ("asthma", "history"),
        ("hypertension", "present"),
    ]
    # A terminating word ends the negation's reach.
    assert _diagnoses("No fever but reports low back pain") == [
        ("fever", "negated"),
        ("low back pain", "present"),
    ]
    assert _diagnoses("שולל כאבים בחזה. ברקע סוכרת סוג 2") == [
        ("chest pain", "negated"),
        ("type 2 diabetes", "history"),
    ]


def test_procedures_referrals_and_the_visit_type() -> None:
    e = extract("Follow-up visit. Knee injection performed. Referred to cardiology.", "subjective")
    got = [(f.kind, f.name) for f in e.facts if f.kind in ("procedure", "visit")]
    assert got == [
        ("visit", "follow-up"),
        ("procedure", "knee injection"),
        ("procedure", "referral: cardiology"),
    ]
    # The plan's "follow up in two weeks" is the next visit, not this one's type.
    assert [f for f in extract("Follow up in two weeks.", "plan").facts if f.kind == "visit"] == []


def test_each_fact_keeps_the_span_it_was_read_from() -> None:
    text = "S: tired.\nO: BP 128/82, Wt 82kg.\nP: Start sertraline 50 mg."
    for f in extract(text, "objective").facts:
        assert text[f.start : f.end] == f.text


def test_sentences_keep_decimals_and_abbreviations_together() -> None:
    parts = [s.text.strip() for s in sentences("A1c 7.1. cont. lisinopril 10 mg. h/o asthma.")]
    assert parts == ["A1c 7.1", "cont. lisinopril 10 mg", "h/o asthma"]
