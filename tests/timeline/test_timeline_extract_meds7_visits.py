"""Visit rules of round 7 (issue 27): the visit's place in a series, read from the opener by
its noun in either word order, its number, a renewal, a repeat or a results visit, a first
coming to a service, a drop-in visit and a "Reviewed" opener. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _visits(text: str) -> list[str]:
    return [f.name for f in extract(text, "subjective").facts if f.kind == "visit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A first visit by any noun a visit goes by, in English and in Hebrew order.
        ("Initial dental exam for a school form. Brushes twice daily.", ["initial"]),
        ("First fitness check with the club doctor.", ["initial"]),
        ("קבלה ראשונה במחלקה. מתלונן על כאב ראש.", ["initial"]),
        ("טיפול ראשון במכון. כאב צוואר מזה חודש.", ["initial"]),
        # A later one by its ordinal or its number.
        ("Third physiotherapy session. Knee range better.", ["follow-up"]),
        ("Treatment 5 of 8. Less stiffness this week.", ["follow-up"]),
        ("Session 1 of 6. Sleep poor since the move.", ["initial"]),
        ("טיפול שלישי. הכאב בכתף פחת.", ["follow-up"]),
        ("מפגש חוזר לאחר שבועיים. מרגישה טוב יותר.", ["follow-up"]),
        # A renewal, a repeat examination and a visit for results answer an earlier one.
        ("Driving licence medical renewal. No blackouts.", ["follow-up"]),
        ("Annual revalidation for the fishing fleet. Fit.", ["follow-up"]),
        ("Repeat hearing exam after the course of drops.", ["follow-up"]),
        ("Attends for her scan results with her sister.", ["follow-up"]),
        # The first coming to a service, and a visit nobody booked ahead.
        ("New to the memory service, referred by the GP.", ["initial"]),
        ("Drop-in session, rash on both hands for a week.", ["initial"]),
        # "Reviewed" opening the note is a visit of review.
        ("Reviewed in clinic today; cough settling.", ["follow-up"]),
    ],
)
def test_series_place_in_the_opener(text: str, expected: list[str]) -> None:
    assert _visits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Past the opener the words are the history's.
        "Cough for a week.\nFirst episode of wheeze was at age 4.",
        "Cough for a week.\nHad a repeat chest exam at the GP last year.",
        # A number that is a dose, a time or a count of days is no session's.
        "Back pain. Two treatments 3 weeks apart helped.",
        # A planned or past review, and a review of systems, open no visit.
        "Knee pain since last reviewed in March.",
        "Knee pain, to be reviewed by the surgeon next week.",
    ],
)
def test_no_series_place(text: str) -> None:
    assert _visits(text) == []
