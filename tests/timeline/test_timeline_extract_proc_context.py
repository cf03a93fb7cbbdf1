"""Procedures and referrals that are no act of the visit (issue 27): one that waits on a
condition, what a referral is for, an operation of the patient's past, a screening score,
a home programme advised; a test due later; and the newer names. Phrasings are this test's
own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _procs(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refer to rheumatology if CRP stays high", []),
        ("Refer physio should pain persist beyond 4 weeks of bracing", []),
        ("אם אין שיפור - הפניה לאורתופד", []),
        ("Refer to rheumatology.", [("referral: rheumatology", None)]),
    ],
)
def test_waiting_on_a_condition(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Letter to GP re: bone density scan", [("referral: general practice", None)]),
        ("Refer to psychology for CBT", [("referral: psychology", None)]),
        ("הפניה לפסיכולוג לטיפול CBT", [("referral: psychology", None)]),
        ("Fundoscopy - ophthalmology referral", [("referral: ophthalmology", None)]),
        # A test of its own sentence stays the visit's.
        ("Refer to psychology. ECG done.", [("referral: psychology", None), ("ecg", None)]),
    ],
)
def test_what_a_referral_is_for(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Knee arthroscopy L 2017, no problems since", "medical_history"),
        ("PSH: appendicectomy, cholecystectomy", "medical_history"),
        ("ORIF 6 weeks ago, healing", "assessment"),
        ("ניתוחים: כריתת תוספתן", "medical_history"),
        ("MMSE 24/30, oriented", "objective"),
        ("Night splint, tendon gliding HEP", "plan"),
    ],
)
def test_no_act_of_the_visit(text: str, field: str) -> None:
    assert _procs(text, field) == []


def test_home_programme_taught_is_an_act() -> None:
    assert _procs("HEP taught and given", "objective") == [("exercise therapy", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Mammogram due in spring",
        "Bloods before next visit",
        "בדיקות דם ושתן בעוד חודשיים",
        "בדיקות דם לפני הביקור הבא",
    ],
)
def test_due_later(text: str) -> None:
    assert _procs(text) == []


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Thermoplastic splint fabricated", "objective", "splint fabrication"),
        ("הוכנס התקן תוך רחמי", "objective", "iud insertion"),
        ("נלקח משטח צוואר הרחם", "objective", "pap smear"),
    ],
)
def test_newer_procedure_names(text: str, field: str, expected: str) -> None:
    assert _procs(text, field) == [(expected, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refer falls clinic", "referral: falls clinic"),
        ("הפניה למרפאת נפילות", "referral: falls clinic"),
        ("Letter to GP", "referral: general practice"),
    ],
)
def test_newer_referrals(text: str, expected: str) -> None:
    assert _procs(text) == [(expected, None)]
