"""The words that place a question over time, as data
(core/timeline/resources/{en,he}/question_cues.toml): a new way of asking is one line in
its cue's table, and a mistake stops the start with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.timeline.answers import cues
from core.timeline.answers.questions import read_over_time, readings_asked
from core.timeline.resources import RulesError
from tests.timeline.rules_files import edit


def test_a_new_way_of_saying_stopped_is_one_line(rules: Path) -> None:
    asked = "When was the metformin axed?"
    assert not cues.cue("stopped").search(asked)  # the shipped words
    edit(rules / "en/question_cues.toml", "'stop\\w*', ", "'axed', 'stop\\w*', ")
    assert cues.cue("stopped", rules).search(asked)


def test_a_new_hebrew_way_is_one_line_in_the_hebrew_file(rules: Path) -> None:
    asked = "מתי נחתך המטפורמין?"
    assert not cues.cue("stopped").search(asked)
    edit(rules / "he/question_cues.toml", "'הופסק\\w*', ", "'נחתך', 'הופסק\\w*', ")
    assert cues.cue("stopped", rules).search(asked)


@pytest.mark.parametrize(
    ("lang", "old", "new", "says"),
    [
        ("en", "[latest]", "[lastest]", "no cue named 'lastest'"),
        ("en", "[trend]\nwords =", "[trend]\nwrds =", "unknown key 'wrds'"),
        ("en", "'trajectory'", "'trajectory('", "not a regular expression"),
        ("he", "'בכמה'", "'בכמה', 'x{plural}'", "no fragment named {plural}"),
        ("he", '"שלוש" = 3', '"שלוש" = "three"', "counts are numbers"),
    ],
)
def test_a_mistake_names_its_file_and_line(
    rules: Path, lang: str, old: str, new: str, says: str
) -> None:
    line = edit(rules / f"{lang}/question_cues.toml", old, new)
    with pytest.raises(RulesError) as e:
        for name in sorted(cues.NAMES):
            cues.cue(name, rules)
        cues.numbers(lang, rules)
    assert says in str(e.value)
    assert re.search(rf"{lang}/question_cues\.toml(:{line}\b|:)", str(e.value)), str(e.value)


def test_every_cue_the_router_reads_has_its_words() -> None:
    for name in cues.NAMES:
        assert cues.cue(name).pattern, name
    assert cues.numbers("en")["three"] == 3
    assert cues.numbers("he")["שלושת"] == 3
    assert {"the", "האם"} <= cues.filler()


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("When did she come off the citalopram?", "med_stopped"),
        ("מתי הופסק הציטלופרם?", "med_stopped"),
        ("How many times did we see her in 2023?", "visits_in_period"),
        ("כמה פעמים ראינו אותה ב-2023?", "visits_in_period"),
        ("Has her weight gone up or down since the first reading?", "change"),
    ],
)
def test_the_shipped_cues_place_their_questions(question: str, ask: str) -> None:
    placed = read_over_time(question)
    assert placed is not None and placed.ask == ask


def test_counts_in_words_are_the_data_s() -> None:
    assert readings_asked("the last four blood pressures") == 4
    assert readings_asked("שלושת המדידות האחרונות של הדופק") == 3
