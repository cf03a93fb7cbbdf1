"""How a question names a measure, as data (core/timeline/resources/{en,he}/asked.toml): a
new way of asking is one line, and a mistake stops the start with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.timeline.answers.asked import measure_patterns, measures_in
from core.timeline.resources import RulesError
from tests.timeline.rules_files import edit


def _asks(root: Path, question: str) -> list[tuple[str, ...]]:
    return [names for names, p in measure_patterns(root) if p.search(question)]


def test_a_new_way_of_asking_is_one_line(rules: Path) -> None:
    assert measures_in("What was her kidney score?") == ()  # the shipped words
    edit(rules / "en/asked.toml", "words = ['e?gfrs?'", "words = ['kidney score', 'e?gfrs?'")
    assert _asks(rules, "What was her kidney score?") == [("egfr",)]


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("[egfr]", "[egrf]", "no measure named 'egrf'"),
        ("words = ['e?gfrs?'", "wrds = ['e?gfrs?'", "unknown key 'wrds'"),
        ("words = ['e?gfrs?'", "words = ['e?gfrs?(', 'x'", "not a regular expression"),
    ],
)
def test_a_mistake_names_its_file_and_line(rules: Path, old: str, new: str, says: str) -> None:
    line = edit(rules / "en/asked.toml", old, new)
    with pytest.raises(RulesError) as e:
        measure_patterns(rules)
    assert says in str(e.value)
    assert re.search(rf"en/asked\.toml:{line}\b", str(e.value)), str(e.value)


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        ("What was her systolic blood pressure?", ("bp_systolic",)),
        ("Latest BP?", ("bp_systolic", "bp_diastolic")),
        ("מה היה לחץ הדם?", ("bp_systolic", "bp_diastolic")),
    ],
)
def test_the_shipped_words_find_their_measures(question: str, measures: tuple[str, ...]) -> None:
    assert measures_in(question) == measures
