"""Questions in the manner of the main set's development half (the forty-sixth and
forty-seventh development sets' classes), in words of my own: a date followed by the next
phrase's preposition ("since 2 May 2025, in date order"), a scale's name in the plural
("PHQ-9s"), a test done for the patient ("did the team do an ECG", "עשו לו"), "באילו
תאריכים", gained or lost in Hebrew, "the last day she was on", a drug that "נשאר לה" or is
"בטיפול הקבוע", "מארבע המדידות האחרונות" and "עצרו"."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.timeline.asked import asked


def test_a_date_followed_by_the_next_phrases_preposition_is_still_read() -> None:
    read = asked("Show me her weight readings since 2 May 2025, in date order.")
    assert read == ("series", None, ("weight",), dt.date(2025, 5, 2), None)


def test_a_scales_name_in_the_plural() -> None:
    read = asked("How many PHQ-9s has she filled in?")
    assert (read[0], read[2]) == ("reading_count", ("phq9",))


@pytest.mark.parametrize(
    "question", ["Did the team ever do an ECG for him?", 'כתוב שעשו לו אק"ג?', 'האם ביצעו לה אק"ג?']
)
def test_a_test_done_for_the_patient(question: str) -> None:
    assert asked(question)[:2] == ("any_record", "ecg")


def test_which_dates_a_visit_was_on() -> None:
    read = asked("באילו תאריכים היה ביקור שלה אחרי יוני 2024?")
    assert read == ("visits_in_period", None, (), dt.date(2024, 7, 1), None)


def test_gained_or_lost_weight_in_hebrew() -> None:
    read = asked("כמה הוא השמין מאז השקילה הראשונה?")
    assert (read[0], read[2]) == ("change", ("weight",))


@pytest.mark.parametrize(
    ("question", "ask", "drug"),
    [
        ("What was the last day she was on sertraline?", "med_stopped", "sertraline"),
        ("מתי עצרו את הסרטרלין?", "med_stopped", "sertraline"),
        ("מטפורמין נשאר לה?", "still_taking", "metformin"),
        ("האם ליזינופריל בטיפול הקבוע שלו?", "still_taking", "lisinopril"),
    ],
)
def test_a_drugs_course_in_other_words(question: str, ask: str, drug: str) -> None:
    assert asked(question)[:2] == (ask, drug)


def test_the_last_few_after_a_hebrew_from() -> None:
    read = asked("מה היו הערכים מארבע המדידות האחרונות של המשקל?")
    assert (read[0], read[2]) == ("last_n", ("weight",))
