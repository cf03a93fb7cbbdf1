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


def test_drugs_names_are_data_too() -> None:
    """A brand, in either script, is read as its generic name, from drugs.toml."""
    from core.timeline.vocab.lexicon import DRUGS

    assert names("drugs", articles=False) == DRUGS
    assert {"ventolin", "ונטולין"} <= set(DRUGS["albuterol"])
    found = {
        (f.name, f.status) for f in extract("Plan: start Ventolin. להמשיך אקמול.", "plan").facts
    }
    assert {("albuterol", "started"), ("acetaminophen", "continued")} <= found


def test_a_new_brand_is_one_string(rules: Path) -> None:
    edit(rules / "he/drugs.toml", '"albuterol" = [', '"albuterol" = ["אוונטול", ')
    assert "אוונטול" in names("drugs", rules, articles=False)["albuterol"]


def test_a_drugs_name_takes_no_article() -> None:
    """A drug's Hebrew name of several words is read as written: the forms with "ה" added
    that a condition's name takes are none of the drugs' lexicon's."""
    from core.timeline.vocab.lexicon import DRUGS

    plain = {f for forms in names("drugs", articles=False).values() for f in forms}
    added = {f for forms in names("drugs").values() for f in forms} - plain
    assert added
    assert not added & {f for forms in DRUGS.values() for f in forms}


def test_a_hebrew_name_of_a_drug_the_english_file_lacks_is_refused(rules: Path) -> None:
    edit(rules / "he/drugs.toml", '"albuterol" = [', '"albuterl" = [')
    with pytest.raises(RulesError, match=r"'albuterl' is no name of en/drugs\.toml"):
        names("drugs", rules, articles=False)
