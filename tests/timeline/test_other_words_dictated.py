"""Questions inside longer messages, dictated or typed in a hurry (the twenty-sixth and
twenty-seventh development sets' classes), in words of my own: spoken punctuation, numbers
that count rooms and sections, a scene set "today", a range of days in one month, and a
record asked "at some point" or "ever" of a condition named in full."""

from __future__ import annotations

import datetime as dt

import pytest

from core.retrieval.reading import read_question
from core.timeline.answers.corrections import dictated
from tests.timeline.asked import BP, TODAY, Read, asked


@pytest.mark.parametrize(
    ("spoken", "typed"),
    [
        ("her weight question mark", "her weight?"),
        ("the latest A1c full stop thanks", "the latest A1c. thanks"),
        ("ב-2024 פסיק כמה ביקורים סימן שאלה", "ב-2024, כמה ביקורים?"),
    ],
)
def test_spoken_punctuation_is_the_mark(spoken: str, typed: str) -> None:
    assert dictated(spoken) == typed


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # "full stop" is no stop of the drug, and the range before it stays the period.
        ("um when did he start lisinopril full stop thanks", ("med_first", "lisinopril")),
        ("um when did he stop lisinopril full stop", ("med_stopped", "lisinopril")),
    ],
)
def test_a_dictated_question_reads_as_typed(question: str, read: tuple[str, str]) -> None:
    assert asked(question)[:2] == read


@pytest.mark.parametrize(
    "question",
    [
        "driving between my 2nd and 3rd home visits - her last 3 weights please",
        "For the audit (part 1 of 3): her last 3 weights?",
        "Bed 4 of 12, her last 3 weights?",
    ],
)
def test_small_numbers_joined_by_words_are_no_date(question: str) -> None:
    assert asked(question) == ("last_n", None, ("weight",), None, None)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("weights between 3 and 17 March 2025", dt.date(2025, 3, 3), dt.date(2025, 3, 17)),
        ("BP from the 2nd to the 9th of June 2024", dt.date(2024, 6, 2), dt.date(2024, 6, 9)),
        (
            "weights between 4 June 2024 and 1 March 2025 for the team meeting at 2",
            dt.date(2024, 6, 4),
            dt.date(2025, 3, 1),
        ),
    ],
)
def test_a_range_of_days_reads_whole(question: str, start: dt.date, end: dt.date) -> None:
    found = read_question(question, TODAY)
    assert (found.date_from, found.date_to) == (start, end)


@pytest.mark.parametrize(
    ("question", "read"),
    [
        (
            "Filling in for her GP in clinic 2 today, never met her. What's her latest BP?",
            ("latest", None, BP, None, None),
        ),
        (
            "אני מחליף היום את הרופא שלה בחדר 5. מה המשקל האחרון שלה?",
            ("latest", None, ("weight",), None, None),
        ),
        # The day the question names is its period still.
        (
            "She's here today. What was her weight on 3 March 2025?",
            ("series", None, ("weight",), dt.date(2025, 3, 3), dt.date(2025, 3, 3)),
        ),
        # A sentence after the question that asks is no scene: "List the last 2 of them."
        (
            "Do we have several weights on file? List the last 2 of them.",
            ("last_n", None, ("weight",), None, None),
        ),
    ],
)
def test_today_in_a_sentence_that_sets_the_scene_is_no_period(question: str, read: Read) -> None:
    assert asked(question) == read


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Wasn't he referred to a rheumatologist at some point?", "referral: rheumatology"),
        ("היא הופנתה לקרדיולוג בשלב כלשהו?", "referral: cardiology"),
        # A condition named in full, whose words name a specialty too, is what is asked.
        ("Has he ever had chronic obstructive pulmonary disease?", "copd"),
        ("הוא אובחן פעם עם מחלת ריאות חסימתית?", "copd"),
    ],
)
def test_a_record_asked_at_some_point(question: str, subject: str) -> None:
    assert asked(question)[:2] == ("any_record", subject)
