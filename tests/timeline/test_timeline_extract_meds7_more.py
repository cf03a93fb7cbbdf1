"""More medication rules of round 7 (issue 27): a drug taken since a time after a past
event's year is taken now, the same drug named twice before a bare value is its level, a
schedule may stand between a Hebrew drug and the next one joined by ו, and a drug received
was given. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "subjective") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "<event> <year>, on X" is what she took then, unless X is taken since.
        ("Epilepsy dx 2012, on lamotrigine since 2013.", [("lamotrigine", "listed")]),
        ("Gout dx 2019, on allopurinol for 4 years.", [("allopurinol", "listed")]),
        ("PE 2018 on the combined pill.", []),
    ],
)
def test_taken_since_is_taken_now(text: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # The drug's own deficiency and its level from the tests: no drug taken.
        ("Folate deficiency - folic acid 2 on recent bloods.", "assessment", []),
        ("B12 low, B12 140 in today's labs.", "assessment", []),
        # Two different drugs with bare numbers are doses.
        ("aspirin 75, folic acid 5", "plan", [("aspirin", "started"), ("folic acid", "started")]),
    ],
)  # fmt: skip
def test_a_level_after_its_own_name(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


def test_a_schedule_before_the_next_joined_drug() -> None:
    text = 'נוטל ליזינופריל 10 מ"ג פעמיים ביום וסימבסטטין בערב.'
    assert _meds(text) == [("lisinopril", "listed"), ("simvastatin", "listed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A drug received is one given: begun.
        ("Received a course of doxycycline from the walk-in centre on Monday.",
         [("doxycycline", "started")]),
        ("קיבלה דוקסיציקלין ממוקד רפואי ביום שני.", [("doxycycline", "started")]),
        # One received now and on ("מקבל") is taken.
        ("מקבלת דוקסיציקלין.", [("doxycycline", "listed")]),
    ],
)  # fmt: skip
def test_a_drug_received(text: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text) == expected
