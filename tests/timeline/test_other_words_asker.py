"""Questions about a medicine's course and about change, asked by someone who names their
own role first (the thirty-second and thirty-third development sets' classes), in words of
my own: the asker before a colon, the specialty referred to after "referred", "active" and
"נשאר על" for a drug still taken, "where did it go, and by how much", what a list is for,
and a pill box that is no pill."""

from __future__ import annotations

import pytest

from tests.timeline.asked import asked


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Dietitian: was she ever referred to cardiology?", "referral: cardiology"),
        ("Psychologist here: any referral to rheumatology on file?", "referral: rheumatology"),
        ("GP review: was he ever sent to a neurologist?", "referral: neurology"),
        ("דיאטנית: הוא הופנה אי פעם לקרדיולוגיה?", "referral: cardiology"),
    ],
)
def test_who_asks_is_not_asked_about(question: str, subject: str) -> None:
    assert asked(question)[:2] == ("any_record", subject)


def test_a_condition_in_the_askers_role_is_not_asked_about() -> None:
    question = "Diabetes educator: how long since his last visit?"
    assert asked(question)[:2] == ("time_since_visit", None)
    # Words before the colon that refer are what is asked.
    assert asked("Dietitian referral: when?")[:2] == ("any_record", "referral: dietitian")


@pytest.mark.parametrize(
    ("question", "drug"),
    [
        ("Is metformin active for her?", "metformin"),
        ("האם מטפורמין פעיל ברשימה שלה?", "metformin"),
        ("היא נשארה על מטפורמין?", "metformin"),
    ],
)
def test_a_drug_still_active(question: str, drug: str) -> None:
    assert asked(question)[:2] == ("still_taking", drug)


def test_where_it_went_and_by_how_much_is_a_change() -> None:
    assert asked("לאן הלך המשקל מאז 3.4.25, ובכמה?")[:3] == ("change", None, ("weight",))


def test_what_a_list_is_for_asks_no_change() -> None:
    question = "Show me every weight since 2025-01-01, so I can see how it has moved."
    assert asked(question)[:3] == ("series", None, ("weight",))


def test_a_pill_box_is_no_pill() -> None:
    question = "What was her highest weight? I fill her pill box every week."
    assert asked(question)[:3] == ("highest", None, ("weight",))
    assert asked("Is she still on the pill?")[:2] == ("still_taking", "oral contraceptive")


def test_time_since_in_the_askers_words() -> None:
    assert asked("how many weeks since we last had her in?")[0] == "time_since_visit"
    assert asked("כמה זמן אמא לא הייתה אצל הרופא?")[0] == "time_since_visit"
