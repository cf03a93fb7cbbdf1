"""Tests ordered at a visit and referrals by letter (issue 27): an ordered test is a
procedure fact with status "ordered"; one declined, recommended or due later is none."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _procs(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requested a Holter for the palpitations", [("holter monitor", "ordered")]),
        ("Exercise tolerance test booked", [("stress test", "ordered")]),
        ("Renal US tomorrow", [("ultrasound kidney", "ordered")]),
        ("הוזמן צילום חזה", [("chest x-ray", "ordered")]),
        ("לתאם אקו לב", [("echocardiogram", "ordered")]),
        # Done, said by a deed's word, even in the plan.
        ("ECG performed today", [("ecg", None)]),
        ("DN to the left upper trapezius", [("dry needling", None)]),
        # Not ordered now: due later, only advised, refused, or not done.
        ("Repeat the echo in a year", []),
        ("Advised a sleep study", []),
        ("Patient refused the MRI", []),
        ("Spirometry not performed", []),
        # "US" alone is no scan.
        ("Back from a US holiday", []),
    ],
)
def test_ordered_tests(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Referral letter to rheumatology", ["referral: rheumatology"]),
        ("Wrote to cardiology re: murmur", ["referral: cardiology"]),
        ("הפניה דחופה לאורתופדיה", ["referral: orthopedics"]),
        ("Urgent referral to the diabetic foot clinic", ["referral: podiatry"]),
        # A negation closed inside a parenthesis does not reach past it.
        ("Metformin stopped (not tolerated), letter to endocrinology", ["referral: endocrinology"]),
    ],
)
def test_referrals(text: str, expected: list[str]) -> None:
    assert [n for n, _ in _procs(text)] == expected
