"""Conditions from a maintained terminology (issue 46, point 8): ICD-10-CM's titles and
inclusion terms, from the tabular list simple-icd-10-cm carries, read where the project's
lexicon names nothing; which titles are names is data (resources/en/terminology.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.timeline.extract import extract
from core.timeline.resources import RulesError
from core.timeline.vocab import terminology
from core.timeline.vocab.lexicon import CONDITIONS
from core.timeline.vocab.terminology import Rules, name_of, terms
from tests.timeline.rules_files import edit


def _lexicon_forms() -> set[str]:
    return {f.casefold() for name, forms in CONDITIONS.items() for f in (name, *forms)}


def _diagnoses(text: str, field: str = "assessment") -> set[tuple[str, str | None]]:
    return {(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"}


def test_the_terminology_is_the_packaged_list() -> None:
    found = terms()
    # The whole list gives ten thousand names and more, each a few words.
    assert len(found) > 10_000
    assert max(map(len, found)) <= terminology.rules().longest
    # A title, and an inclusion term under another title (N92.0's "Menorrhagia NOS").
    assert found[("snoring",)] == "snoring"
    assert found[("menorrhagia",)] == "menorrhagia"


def test_a_title_the_lexicon_codes_takes_the_lexicons_name() -> None:
    # G45's title; vocab/conditions.py's ICD10 maps G45 to the lexicon's name.
    assert terms()[("transient", "cerebral", "ischemic", "attack")] == "transient ischemic attack"


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("Rosacea, unspecified", ("rosacea",)),
        ("Menorrhagia NOS", ("menorrhagia",)),
        ("Abdominal distension (gaseous)", ("abdominal", "distension")),
        # A class, a combination or a coder's choice is no name a note writes.
        ("Other rosacea", None),
        ("Nausea with vomiting, unspecified", None),
        ("Type 2 diabetes mellitus without complications", None),
        ("CADASIL", None),
        # An ordinary word alone is not read as a condition.
        ("Pain, unspecified", None),
    ],
)
def test_which_titles_are_names(title: str, words: tuple[str, ...] | None) -> None:
    assert name_of(title, terminology.rules()) == words


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Halitosis per wife.", {("halitosis", "present")}),
        ("Abdomen soft. No ascites.", {("ascites", "negated")}),
        ("Assessment: head-louse infestation.", {("head-louse infestation", "present")}),
        ("A: splenomegaly, for ultrasound.", {("splenomegaly", "present")}),
        ("Hx of pyoderma in 2019.", {("pyoderma", "history")}),
        # What a vaccine or a prophylaxis is for is not the patient's condition.
        ("Plan: rabies immunoglobulin given today.", set()),
    ],
)
def test_a_note_names_a_condition_the_lexicon_does_not_know(
    text: str, found: set[tuple[str, str | None]]
) -> None:
    names = {name for name, _ in found}
    assert not names & _lexicon_forms(), "the lexicon names it: no test of the terminology"
    assert _diagnoses(text) == found


def test_a_coded_titles_complication_is_its_conditions() -> None:
    # ICD-10's E11.65 names the diabetes and what it comes with; free text names both.
    coded = _diagnoses("E11.65 - Type 2 DM with hyperglycemia")
    assert coded == {("type 2 diabetes", "present")}
    assert ("ascites", "present") in _diagnoses("Assessment: cirrhosis with ascites.")


def test_the_lexicon_reads_first() -> None:
    # "HTN" is the lexicon's; the terminology adds no second name for its words.
    assert _diagnoses("Assessment: HTN, essential hypertension.") == {("hypertension", "present")}


def test_a_name_is_read_within_one_phrase() -> None:
    # Words of one name are joined by spaces or a hyphen, never across a quote or a comma.
    assert _diagnoses('Affect "flat", affect reactive.') == set()


def test_the_rules_are_checked_with_their_file(rules: Path) -> None:
    edit(rules / "en/terminology.toml", "longest = 5", "longest = 5\nlongst = 4")
    with pytest.raises(RulesError, match=r"terminology\.toml.*unknown key 'longst'"):
        terminology.rules(rules)


def test_a_word_made_ordinary_is_one_string(rules: Path) -> None:
    edit(rules / "en/terminology.toml", "not_alone = [\n", 'not_alone = [\n    "snoring",\n')
    assert name_of("Snoring", terminology.rules(rules)) is None
    assert name_of("Snoring", terminology.rules()) == ("snoring",)


def test_rules_hold_every_list() -> None:
    r = terminology.rules()
    assert isinstance(r, Rules) and "R" in r.chapters and "Z" not in r.chapters
    assert "vaccine" in r.not_before and "other" in r.coder_words
