"""A misspelt question over time is read once more with its words put right, and only then."""

from __future__ import annotations

import pytest

from core.timeline.answers.questions import read_over_time
from core.timeline.answers.spelling import corrected, vocabulary


@pytest.mark.parametrize(
    ("question", "fixed"),
    [
        ("most recnt HbA1c?", "most recent HbA1c?"),
        ("hihgest GAD-7?", "highest GAD-7?"),
        ("how many tiems did she come in 2025", "how many times did she come in 2025"),
        ("any recrod of colon cancer?", "any record of colon cancer?"),
        ("היא עדין נוטלת פנטופרזול?", "היא עדיין נוטלת פנטופרזול?"),
        ("how many PHQ-9 meaurements total", "how many PHQ-9 measurements total"),
    ],
)  # fmt: skip
def test_a_word_one_letter_off_is_put_right(question: str, fixed: str) -> None:
    assert corrected(question) == fixed


@pytest.mark.parametrize(
    "question",
    ["What did she say about her sister?", "Is she still taking sertraline?", "BP?"],
)
def test_a_question_spelt_right_is_left_alone(question: str) -> None:
    assert corrected(question) is None


def test_the_measures_words_are_known() -> None:
    assert {"systolic", "saturation", "המוגלובין"} <= vocabulary()


@pytest.mark.parametrize(
    ("question", "ask"),
    [("most recnt HbA1c?", "latest"), ("hihgest GAD-7?", "highest"),
     ("היא עדין נוטלת אמלודיפין?", "still_taking")],
)  # fmt: skip
def test_a_misspelt_question_takes_its_operation(question: str, ask: str) -> None:
    q = read_over_time(question)
    assert q is not None and q.ask == ask, q
