"""Questions written in a second language, or relayed from the patient (the twenty-eighth
and twenty-ninth development sets' classes), in words of my own: "minimal", "how much
readings", "till date", a number before what it counts, a measure named before "it", an
"I mean" that says the ask again, the patient's own first person in Hebrew, and "the
surgery" that is the GP's practice."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.timeline.asked import Read, asked


@pytest.mark.parametrize(
    ("question", "read"),
    [
        (
            "Which was the maximal weight of her until now?",
            ("highest", None, ("weight",), None, None),
        ),
        ("What is minimal A1c measured to him?", ("lowest", None, ("a1c",), None, None)),
        (
            "How much readings of weight there are in 2024?",
            ("reading_count", None, ("weight",), dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ),
        (
            "What is the change in weight from 3 Feb 2025 till date?",
            ("change", None, ("weight",), dt.date(2025, 2, 3), None),
        ),
        # A number before what it counts is no day of a month.
        ("Show me the weight from the 4 last times.", ("last_n", None, ("weight",), None, None)),
        # A measure named before the clause that asks of "it" is what it counts.
        (
            "The weight, how many times it was taken in 2024?",
            ("reading_count", None, ("weight",), dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ),
    ],
)
def test_a_second_languages_wording(question: str, read: Read) -> None:
    assert asked(question) == read


def test_i_mean_that_says_the_ask_again_takes_nothing_back() -> None:
    assert asked("When was her first visit here? I mean the very first one.")[0] == "first_visit"
    # A correction that asks anew still does.
    assert asked("Her first weight - sorry, I mean the latest one")[:3] == (
        "latest",
        None,
        ("weight",),
    )


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("הבת שואלת: כמה פעמים הייתי אצלכם מאז 1 במרץ 2025?", "visits_in_period"),
        ("המטופל שואל: כמה זמן לא הייתי אצלכם?", "time_since_visit"),
    ],
)
def test_the_patients_own_words_in_hebrew(question: str, ask: str) -> None:
    assert asked(question)[0] == ask


def test_the_surgery_where_she_is_seen_is_no_referral() -> None:
    found = asked("Receptionist: when was he last seen at the surgery, how long ago?")
    assert found[:2] == ("time_since_visit", None)
