"""Questions in colleagues' idiom and in a records request's formal register (the
forty-fourth and forty-fifth development sets' classes), in words of my own: a drug
"packed in" or its "date of cessation", "the length of time that has elapsed", a patient
who "darkened the door", a number with its Hebrew possessive ending ("מספרן של"), a range
opened by its start ("since the beginning of 2024", "מתחילת 2024"), and what the answer is
for or where it is written, which is not what is asked."""

from __future__ import annotations

import datetime as dt

import pytest

from core.retrieval.reading import read_question
from tests.timeline.asked import TODAY, asked


@pytest.mark.parametrize(
    ("question", "drug"),
    [
        ("When did we pack in the metformin?", "metformin"),
        ("When did they pull the plug on sertraline?", "sertraline"),
        ("When did he give lisinopril the flick?", "lisinopril"),
        ("When did we ditch the metformin?", "metformin"),
        ("Please give the date on which sertraline was terminated.", "sertraline"),
        ("Please give the date of cessation of lisinopril.", "lisinopril"),
        ("The date of withdrawal of metformin from her regimen is requested.", "metformin"),
    ],
)
def test_a_drug_stopped_in_idiom_or_in_a_formal_register(question: str, drug: str) -> None:
    assert asked(question)[:2] == ("med_stopped", drug)


@pytest.mark.parametrize(
    "question",
    [
        "What length of time has elapsed since her last consultation?",
        "Please state the period since he was last seen.",
        "The time that has passed since her last visit is requested.",
        "How long since he last darkened the door?",
        "How long since she showed her face in clinic?",
        "For the purposes of the insurance report, how long since her last visit?",
        "כמה זמן מאז שקפץ אלינו?",
        "כמה זמן הוא לא הראה את הפרצוף?",
        "כמה זמן חלף מאז שהתייצב במרפאה?",
    ],
)
def test_the_time_since_the_last_visit_in_idiom_or_in_a_formal_register(question: str) -> None:
    assert asked(question)[:2] == ("time_since_visit", None)


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("When did we last set eyes on her?", "last_visit"),
        ("When was she last seen, as recorded in the medical notes?", "last_visit"),
        ("When did he first roll in?", "first_visit"),
    ],
)
def test_a_visit_in_idiom_and_a_record_named_as_where_to_look(question: str, ask: str) -> None:
    assert asked(question)[:2] == (ask, None)


@pytest.mark.parametrize(
    ("question", "ask", "measures"),
    [
        ("נא לציין את מספרן הכולל של מדידות הדופק.", "reading_count", ("heart_rate",)),
        ("מה מספרם של הביקורים שלה?", "visits_in_period", ()),
    ],
)
def test_a_number_with_its_possessive_ending_counts(
    question: str, ask: str, measures: tuple[str, ...]
) -> None:
    assert asked(question)[0] == ask and asked(question)[2] == measures


def test_the_few_most_recently_recorded_readings() -> None:
    read = asked("Please provide the three most recently recorded pain scores.")
    assert read[0] == "last_n" and read[2] == ("pain",)


def test_a_referral_to_a_lung_doctor_passed_on() -> None:
    read = asked("Did we ever pass her on to a lung doctor?")
    assert read[:2] == ("any_record", "referral: pulmonology")


@pytest.mark.parametrize(
    ("question", "since"),
    [
        ("How many weight readings since the start of 2025?", dt.date(2025, 1, 1)),
        ("How many A1c results since the beginning of March 2024?", dt.date(2024, 3, 1)),
        ("כמה מדידות דופק מתחילת 2024?", dt.date(2024, 1, 1)),
        ("כמה מדידות משקל מאז תחילת 2025?", dt.date(2025, 1, 1)),
    ],
)
def test_a_range_opened_by_its_start_stays_open(question: str, since: dt.date) -> None:
    """It had been read as that year or month alone."""
    reading = read_question(question, TODAY)
    assert (reading.date_from, reading.date_to) == (since, None)
    assert asked(question)[3:] == (since, None)
