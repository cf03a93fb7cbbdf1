"""The reader by meaning (core/timeline/answers/meaning.py): its examples as data, checked at
start-up; the subject masked; and, with the real multilingual embedder, wordings written
here and in no example placed by meaning, in English and Hebrew, while questions about a
note's words stay on the model's path."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import get_args

import pytest

from core.timeline.answers.meaning import Label, MeaningReader, examples, subject_of
from core.timeline.answers.questions import read_over_time
from core.timeline.resources import RulesError
from tests.timeline.rules_files import edit


def test_every_operation_has_examples_in_both_languages() -> None:
    shipped = examples()
    for lang, script in (("en", r"[A-Za-z]"), ("he", r"[\u05d0-\u05ea]")):
        labels = {label for label, text in shipped if re.search(script, text)}
        assert labels == set(get_args(Label)), lang


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("[highest]", "[hihgest]", "no operation named 'hihgest'"),
        ("[highest]\nexamples", "[highest]\nexampels", "unknown key 'exampels'"),
        ('"What was the highest X?",', "3,", "examples is a list of strings"),
    ],
)
def test_a_mistake_names_its_file_and_line(rules: Path, old: str, new: str, says: str) -> None:
    line = edit(rules / "en/operations.toml", old, new)
    with pytest.raises(RulesError) as e:
        examples(rules)
    assert says in str(e.value)
    assert re.search(r"en/operations\.toml:\d+\b", str(e.value)), str(e.value)
    assert int(re.findall(r"operations\.toml:(\d+)", str(e.value))[0]) <= line


@pytest.mark.parametrize(
    ("question", "kind", "masked"),
    [
        ("Is she still taking metformin?", "drug", "Is she still taking X?"),
        ("Her systolic BP at its peak?", "measure", "Her X at its peak?"),
        ("Has she had hypertension for long?", "condition", "Has she had X for long?"),
        ("How many visits in 2023?", "visits", "How many visits in 2023?"),
        ("האם היא ממשיכה את המטפורמין?", "drug", "האם היא ממשיכה את X?"),
    ],
)
def test_the_subject_is_masked_as_one_word(question: str, kind: str, masked: str) -> None:
    assert subject_of(question) == (kind, masked)


def test_a_question_naming_nothing_the_timeline_holds_is_not_read() -> None:
    assert subject_of("What did we talk about last time?") is None


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Is she keeping up with the metformin?", "still_taking"),
        ("When did she get off sertraline?", "med_stopped"),
        ("How did her PHQ-9 move over the year?", "change"),
        ("Has she had hypertension for long?", "first_diagnosed"),
        ("Give me every blood pressure we took", "series"),
        ("האם היא ממשיכה את המטפורמין?", "still_taking"),
    ],
)
def test_wordings_no_example_holds_are_placed_by_meaning(
    reader: MeaningReader, question: str, ask: str
) -> None:
    read = reader.read(question)
    assert read is not None and read.ask == ask and not read.fallback


@pytest.mark.parametrize(
    "question",
    [
        "What dose of metformin is she on?",
        "Why was metformin stopped?",
        "What side effect did sertraline cause?",
        "מה המינון של מטפורמין?",
    ],
)
def test_questions_about_a_notes_words_stay_with_the_notes(
    reader: MeaningReader, question: str
) -> None:
    assert reader.read(question) is None


def test_a_question_over_time_as_near_to_two_operations_gets_the_whole_record(
    reader: MeaningReader,
) -> None:
    question = "What was her weight when she started here?"
    assert read_over_time(question) is None  # no pattern places it
    guess = reader.guess(question)
    assert guess is not None and guess.label != "notes"
    read = reader.read(question)
    assert read is not None and (read.ask, read.measures, read.fallback) == (
        "series",
        ("weight",),
        True,
    )


@pytest.mark.parametrize(
    ("question", "broad", "narrow"),
    [
        ("How much weight has she lost since the start?", "series", "change"),
    ],
)
def test_a_broad_placing_that_clearly_asks_more_is_placed_again(
    reader: MeaningReader, question: str, broad: str, narrow: str
) -> None:
    """The patterns now read "lost" as a change themselves: the reader is handed the broad
    placing they once made, as it is handed any wording they still place so."""
    placed = read_over_time(question)
    assert placed is not None and placed.ask == narrow
    assert reader.reconsidered(question, replace(placed, ask=broad), None).ask == narrow


@pytest.mark.parametrize(
    "question",
    [
        "What were her weight readings since January?",
        "When was amlodipine last prescribed?",
        "Did her A1c drop since January?",  # a change, but not clearly enough to overrule
    ],
)
def test_a_placing_the_reader_does_not_clearly_overrule_stands(
    reader: MeaningReader, question: str
) -> None:
    placed = read_over_time(question)
    assert placed is not None
    assert reader.reconsidered(question, placed, None) == placed
