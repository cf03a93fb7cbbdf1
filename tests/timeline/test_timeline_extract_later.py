"""A procedure due at a later visit, a results heading and a referral only considered are no
facts; visit types said as clinicians say them (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _kind(text: str, kind: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        "ECG at the next visit",
        "plan spirometry in 8/52",
        "לבצע ספירומטריה בהמשך",
        "הזרקה למפרק בביקור הבא",
        "בדיקות דם חוזרות בעוד חצי שנה",
        "Consider referral to dermatology if the rash persists",
        "לשקול הפניה לנוירולוג",
    ],
)
def test_what_is_only_to_come_is_no_procedure(text: str) -> None:
    assert _kind(text, "procedure") == []


def test_a_results_heading_is_no_blood_test() -> None:
    assert _kind("בדיקות דם: המוגלובין 13.1, LDL 98", "procedure", "objective") == []
    # Bloods taken at the visit are a procedure done.
    assert _kind("Bloods taken today", "procedure", "objective") == [("blood test", None)]


def test_a_booked_test_is_ordered() -> None:
    assert _kind("book an echo", "procedure") == [("echocardiogram", "ordered")]


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        ("Review appointment. Feeling better.", "follow-up"),
        ("באה למעקב לאחר שבועיים", "follow-up"),
        ("פניה ראשונה למרפאה, מתלונן על כאב גב", "initial"),
    ],
)
def test_visit_types(text: str, visit: str) -> None:
    assert _kind(text, "visit", "subjective") == [(visit, None)]


def test_an_earlier_intake_is_not_this_visits_type() -> None:
    assert _kind("PHQ-9 at intake was 21, now 12", "visit", "subjective") == []
