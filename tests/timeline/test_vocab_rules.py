"""Conditions', procedures' and specialties' names as data (core/timeline/resources/): the
files give the extractor its names, a new name is one string, and a mistake stops the start
with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.timeline.extract import extract
from core.timeline.resources import RulesError
from core.timeline.vocab.lexicon import CONDITIONS, PROCEDURES, SPECIALTIES
from core.timeline.vocab.names import names
from tests.timeline.rules_files import edit


def test_the_extractor_reads_its_names_from_the_files() -> None:
    assert names("conditions") == CONDITIONS
    assert (names("procedures"), names("specialties")) == (PROCEDURES, SPECIALTIES)
    assert "יתר לחץ דם" in CONDITIONS["hypertension"] and "htn" in CONDITIONS["hypertension"]
    found = {f.name for f in extract("Assessment: HTN. יתר לחץ דם.", "assessment").facts}
    assert found == {"hypertension"}


def test_a_new_name_is_one_string(rules: Path) -> None:
    edit(rules / "he/conditions.toml", '"hypertension" = [', '"hypertension" = ["לחצים", ')
    assert "לחצים" in names("conditions", rules)["hypertension"]


@pytest.mark.parametrize(
    ("file", "old", "new", "says"),
    [
        ("he/conditions.toml", '"hypertension" = [', '"hypertensionn" = [',
         "'hypertensionn' is no name of en/conditions.toml"),
        ("en/conditions.toml", '"hypertension" = [', '"hypertension" = ["dm", ',
         "'dm' is a name of 'hypertension' already"),
        ("en/procedures.toml", '"knee injection" = [', '"knee injection" = [3, ',
         "takes a list of names, each a string"),
    ],
)  # fmt: skip
def test_a_mistake_names_its_file_and_line(
    rules: Path, file: str, old: str, new: str, says: str
) -> None:
    line = edit(rules / file, old, new)
    kind = file.split("/")[1].removesuffix(".toml")
    with pytest.raises(RulesError) as e:
        names(kind, rules)
    assert says in str(e.value), str(e.value)
    if "already" not in says:
        assert re.search(rf"{re.escape(file)}:{line}\b", str(e.value)), str(e.value)
