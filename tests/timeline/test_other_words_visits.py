"""Questions about the last visit in words the visit cues lacked ("check-in", "booked in",
"made it in", "last physical", "follow up" unhyphenated), and questions that name a visit
but ask what the record of visits cannot answer: what its note said, or a visit yet to
come. In words of my own."""

from __future__ import annotations

import pytest

from core.timeline.answers.meaning import MeaningReader, subject_of
from core.timeline.answers.questions import read_over_time
from tests.timeline.asked import TODAY, asked


@pytest.mark.parametrize(
    "question",
    [
        "How long since the patient's last check-in?",
        "How long since she last checked in with us?",
        "How long since she was last booked in?",
        "How long since her last booking?",
        "How many months since her last follow up?",
        "How long since he consulted?",
        "How long since he last presented to clinic?",
        # The patient turning up, or not: not a pain that "appears".
        "הוא לא הופיע כבר חודשים, נכון? כמה זמן?",
    ],
)
def test_the_time_since_the_last_visit_in_other_words(question: str) -> None:
    assert asked(question)[:2] == ("time_since_visit", None)


@pytest.mark.parametrize(
    "question",
    [
        "When did she last check in?",
        "When did she last make it in?",
        "When did he come by last?",
        "When did we last have her in?",
        "When did we last catch up with her?",
        "When did we last meet?",
        "When did the patient last present?",
        "When was her last physical?",
        "When was she last examined?",
        "Most recent clinic date for him?",
        # A short ask, opening on its order.
        "Last appt?",
        "Last attended?",
        "latest appointment on file?",
        "Latest encounter on file for him?",
    ],
)
def test_the_last_visit_in_other_words(question: str) -> None:
    assert asked(question)[:2] == ("last_visit", None)


@pytest.mark.parametrize("question", ["First appt?", "earliest appointment on file?"])
def test_the_first_visit_asked_in_a_short_ask_that_opens_on_its_order(question: str) -> None:
    assert asked(question)[:2] == ("first_visit", None)


def test_visits_in_the_plural_with_a_period_are_still_listed() -> None:
    assert asked("First visits in 2024?")[0] == "visits_in_period"


@pytest.mark.parametrize(
    "question",
    [
        # A reading asked "by the last entry" stays that reading's.
        "רופא מחלקה: מה הדופק שלו כרגע, לפי הרישום האחרון?",
        "Ward doctor: her pulse now, by the latest entry?",
    ],
)
def test_a_terse_clause_of_order_after_a_reading_does_not_ask_for_the_visit(
    question: str,
) -> None:
    assert asked(question)[0] == "latest"


def test_say_how_long_is_a_request_not_the_notes_words() -> None:
    assert asked("Please to say how long since the last visit of him.")[0] == "time_since_visit"
    assert read_over_time("What did she say at the last visit?", TODAY) is None


@pytest.mark.parametrize(
    "question",
    [
        "How long until her next visit?",
        "When is her next appointment?",
        "When is he due back?",
        "כמה זמן עד התור הבא?",
        "מתי הביקור הבא שלה?",
        "What was discussed at her last appointment?",
        "What happened at the last session?",
        "מה נאמר בביקור האחרון?",
    ],
)
def test_a_visit_to_come_or_a_visits_words_is_not_the_record_of_visits(
    reader: MeaningReader, question: str
) -> None:
    """Neither the patterns nor the reader by meaning answer them from the visits' dates:
    the time since the last visit is no answer to "how long until the next"."""
    assert read_over_time(question, TODAY) is None
    assert subject_of(question) is None
    assert reader.read(question, TODAY) is None
