"""ConText's cues as data (core/timeline/resources/{en,he}/context.toml): a new cue is one
line, and a mistake stops the start with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.timeline.extract import extract
from core.timeline.reading.cues import KINDS, cues
from core.timeline.resources import RulesError
from tests.timeline.rules_files import edit


def test_every_kind_has_cues_in_both_languages() -> None:
    for kind in KINDS:
        alternatives = cues(kind).split("|")
        assert any(re.search("[\u05d0-\u05ea]", a) for a in alternatives), kind
        assert any(re.search("[a-z]", a) for a in alternatives), kind


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Assessment: no pneumonia.", "negated"),
        ("Assessment: ללא דלקת ריאות.", "negated"),
        ("Assessment: history of pneumonia.", "history"),
        ("Assessment: possible pneumonia.", None),
    ],
)
def test_the_shipped_cues_set_a_names_context(text: str, status: str | None) -> None:
    found = [f for f in extract(text, "assessment").facts if f.name == "pneumonia"]
    if status is None:  # uncertain: not a diagnosis
        assert not found or all(f.status != "present" for f in found), found
    else:
        assert [f.status for f in found] == [status]


def test_a_new_cue_is_one_line(rules: Path) -> None:
    assert "nae" not in cues("pre_negation").split("|")  # the shipped cues
    head = "[pre_negation]\ncues = [\n"
    edit(rules / "en/context.toml", head, f"{head}    'nae',\n")
    assert "nae" in cues("pre_negation", rules).split("|")


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("[pre_negation]", "[pre_negaton]", "no kind of cue named 'pre_negaton'"),
        ("[pseudo]\ncues = [", "[pseudo]\nkues = [", "takes one key"),
        ("[terminate]\ncues = [\n", "[terminate]\ncues = [\n    'but(',\n",
         "not a regular expression"),
    ],
)  # fmt: skip
def test_a_mistake_names_its_file_and_line(rules: Path, old: str, new: str, says: str) -> None:
    line = edit(rules / "en/context.toml", old, new)
    with pytest.raises(RulesError) as e:
        cues("history", rules)
    assert says in str(e.value), str(e.value)
    assert re.search(rf"en/context\.toml:(?:{line}|{line + 1}|{line + 2})\b", str(e.value))


def test_a_new_word_of_an_earlier_time_is_one_line(rules: Path) -> None:
    """The words that date a value before the visit are data too: one line adds one."""
    assert "the other day" not in cues("earlier_before").split("|")
    head = "[earlier_before]\ncues = [\n"
    edit(rules / "en/context.toml", head, f"{head}    'the other day',\n")
    assert "the other day" in cues("earlier_before", rules).split("|")


def test_a_span_of_time_is_written_once_and_named() -> None:
    """`{span}` is the language's [fragments] span, written out in each cue that names it."""
    after = cues("earlier_after").split("|")
    assert not any("{span}" in a for a in after)
    assert any("חצי שנה" in a for a in after) and any("several" in a for a in after)


def test_a_fragment_that_is_no_string_names_its_file(rules: Path) -> None:
    edit(rules / "he/context.toml", "[fragments]\nspan = '", "[fragments]\nspan = 3\nx = '")
    with pytest.raises(RulesError, match=r"he/context\.toml.*\[fragments\] names strings"):
        cues("history", rules)
