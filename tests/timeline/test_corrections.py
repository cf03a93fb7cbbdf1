"""A question that corrects itself is read as corrected: what it takes back is not asked,
what it named still is (core/timeline/answers/corrections.py). Wordings of these tests'
own, after the twentieth development set's self-corrections."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.corrections import set_aside, taken_back
from core.timeline.answers.questions import read_over_time

TODAY = dt.date(2025, 9, 15)


# Questions that correct themselves, and what each asks once corrected.
TAKEN_BACK = [
    ("Earliest weight - sorry, I meant the most recent one?", "latest", None, ("weight",)),
    ("What was his highest pulse — no wait, the lowest?", "lowest", None, ("heart_rate",)),
    ("The latest A1c, or rather the first one on file?", "first_value", None, ("a1c",)),
    ("When was the metformin stopped? Scratch that: when was it started?", "med_first",
     "metformin", ()),
    ("When did she start sertraline? Never mind that, is she still on it?", "still_taking",
     "sertraline", ()),
    ("המשקל האחרון — סליחה, התכוונתי לראשון. מה הוא היה?", "first_value", None,
     ("weight",)),
    ("מתי התחילה מטפורמין? בעצם עזוב, היא עדיין נוטלת אותו?", "still_taking",
     "metformin", ()),
]  # fmt: skip

# Questions that name an ask only to set it aside (the twenty-fifth set's shapes, in words of
# these tests' own): what is set aside keeps its names, not its asks.
SET_ASIDE = [
    ("Rather than the lowest pulse on file, what was the latest?", "latest", None,
     ("heart_rate",)),
    ("What's her most recent weight, not the one from her first visit?", "latest", None,
     ("weight",)),
    ("I'm not asking when metformin was started; when was it stopped?", "med_stopped",
     "metformin", ()),
    ("Instead of the first reading, what was the highest A1c?", "highest", None, ("a1c",)),
    ("במקום תאריך ההתחלה, מתי הופסק המטפורמין?", "med_stopped", "metformin", ()),
    ("לא את הממוצע — מה המשקל הנמוך ביותר?", "lowest", None, ("weight",)),
]  # fmt: skip


@pytest.mark.parametrize(("question", "ask", "subject", "measures"), TAKEN_BACK + SET_ASIDE)
def test_what_is_taken_back_or_set_aside_is_not_asked(
    question: str, ask: str, subject: str | None, measures: tuple[str, ...]
) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None, question
    assert (found.ask, found.subject, found.measures) == (ask, subject, measures)


@pytest.mark.parametrize(
    "question",
    [
        "Sorry, what was her last BP?",  # an apology that opens the question takes nothing back
        "What is her latest BP, sorry?",  # nor one after it
        "What was her first weight? I mean at this clinic.",  # says more; asks nothing anew
        "Is she actually still taking metformin?",  # "actually" alone corrects nothing
    ],
)
def test_words_that_only_sound_like_a_correction_change_nothing(question: str) -> None:
    assert taken_back(question) == question


def test_the_words_before_keep_their_names_and_lose_their_asks() -> None:
    got = taken_back("The first HR — no, sorry, I mean the latest one. What was it?")
    assert got == "The HR - the latest one. What was it?"


@pytest.mark.parametrize(
    "question",
    [
        "Is she not on metformin any more?",  # "not on" is the drug's status
        "היא לא היתה בביקור מאז המדידה הראשונה?",  # "לא" of a verb sets nothing aside
        "Did the pain get worse rather than better?",  # names no ask to set aside
    ],
)
def test_a_not_that_sets_nothing_aside_changes_nothing(question: str) -> None:
    assert set_aside(question) == question
