"""A value quoted from before the visit is no reading of the visit (issue 27; the
convention is in docs/timeline.md, "Not facts"): stored under the note's date it would be
misdated, so "the most recent pain" would answer with last month's."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _measures(text: str) -> list[tuple[str, float | None]]:
    return [(f.name, f.value) for f in extract(text, "objective").facts if f.kind == "measurement"]


@pytest.mark.parametrize(
    "text",
    [
        "Pain at last week's review was 6/10",
        "last year's eGFR 64",
        "previous LDL 152 (2022)",
        "weighed 77 kg two months ago",
        "BMI 31.2 in January",
        "A1c was 7.9% in 2023",
        "HR 88 at the last visit",
        "pain 9/10 before the procedure",
        'בביקור הקודם ל"ד 162/98',
        'לפני שנה משקל 71 ק"ג',
        "כאב 7/10 בעבר",
    ],
)
def test_an_earlier_value_is_no_reading(text: str) -> None:
    assert _measures(text) == []


def test_todays_value_beside_an_earlier_one_is_read() -> None:
    # Each value has its own clause: the word of the past is the second one's.
    assert _measures("weight 81 kg, previous 84 kg") == [("weight", 81.0)]
    assert _measures("LDL 101 (prior 140)") == [("ldl", 101.0)]
    assert _measures('ל"ד 128/78; בביקור הקודם ל"ד 150/90') == [
        ("bp_systolic", 128.0),
        ("bp_diastolic", 78.0),
    ]


def test_a_change_since_the_last_visit_is_todays_reading() -> None:
    assert _measures("weight since last visit 79 kg") == [("weight", 79.0)]


def test_a_symptom_over_a_window_up_to_now_is_read() -> None:
    # "Last month pain was 5/10" asks about the month up to today, as a questionnaire does.
    assert _measures("last month pain was 5/10") == [("pain", 5.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Pre-pregnancy weight 62 kg.",
        "Weight before pregnancy 62 kg",
        'משקל לפני ההריון 62 ק"ג',
        "worst ever pain 10/10",
        # No reading at all: a reference, not a measurement.
        "usual weight 70 kg",
        "ideal body weight 60 kg",
        # Another symptom's scale is no pain score.
        "Itch NRS 7/10",
        "itch VAS 6",
    ],
)
def test_a_value_of_another_time_or_kind_is_no_reading(text: str) -> None:
    assert _measures(text) == []


def test_today_beside_a_pre_pregnancy_weight_is_read() -> None:
    assert _measures("Weight 64 kg (pre-pregnancy 58 kg)") == [("weight", 64.0)]
    assert _measures("pain NRS 7/10") == [("pain", 7.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Weight 80kg (down from 84kg)", [("weight", 80.0)]),
        ("Weight 80 kg, up from 78 kg.", [("weight", 80.0)]),
        ("HbA1c 7.1% (improved from 8.2%)", [("a1c", 7.1)]),
        ("Weight 80 kg, compared with 84 kg", [("weight", 80.0)]),
        ('משקל 80 ק"ג (ירד מ-84)', [("weight", 80.0)]),
        ('משקל 80 ק"ג לעומת 84', [("weight", 80.0)]),
        # the value after "to" is today's; only the one right after "from" is earlier
        ("Weight down from 84 to 80 kg", [("weight", 80.0)]),
    ],
)
def test_the_value_a_change_is_from_is_no_reading(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert _measures(text) == expected
