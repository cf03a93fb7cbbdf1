"""A misspelt question over time is read once more with its words put right, and only then."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.timeline.answers.questions import read_over_time
from core.timeline.answers.spelling import corrected, short_words, vocabulary
from core.timeline.resources import RulesError


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


@pytest.mark.parametrize(
    ("question", "fixed"),
    [
        ("hiw often was she weighed", "how often was she weighed"),
        ("hoe long since her last appointment", "how long since her last appointment"),
    ],
)
def test_a_short_word_slipped_a_key_is_put_right_before_its_word(question: str, fixed: str) -> None:
    assert corrected(question) == fixed


@pytest.mark.parametrize(
    "question",
    ["weight now latest", "is she now taking metformin", "hiw is she doing"],
)
def test_a_short_word_is_left_alone_elsewhere(question: str) -> None:
    # "now" is a word of its own; "hiw" before a word "how" does not come before is no guess.
    assert corrected(question) is None


def test_a_short_word_list_that_is_not_a_table_stops_the_start(rules: Path) -> None:
    path = rules / "en" / "question_words.toml"
    text = path.read_text(encoding="utf-8").replace(
        "short = { how = ['many', 'much', 'long', 'often', 'recent', 'recently'] }",
        "short = ['how']",
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=r"question_words\.toml"):
        short_words(rules)


def test_a_hebrew_word_with_a_letter_before_it_is_put_right_bare() -> None:
    assert corrected("מה הערך הרשון של המשקל") == "מה הערך הראשון של המשקל"
    assert corrected("מה הערך הראשון של המשקל") is None
