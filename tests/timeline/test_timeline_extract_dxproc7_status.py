"""Diagnoses, round 7 of issue 27: a background written "Past hx", a year after a name in
the medical history field, a condition said to be chronic after its name, a parent's
condition after a preposition's letter in Hebrew, and an episode dated in brackets.
Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _dx(text: str, field: str) -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


def test_past_hx_is_a_background_cue_not_a_word_of_the_past() -> None:
    assert _dx("Past hx: type 2 diabetes, asthma.", "medical_history") == [
        ("type 2 diabetes", "present"),
        ("asthma", "present"),
    ]


def test_a_year_after_a_name_in_the_medical_history_makes_an_event_over() -> None:
    assert _dx("Appendicitis. Pneumothorax 2016, drained.", "medical_history")[-1] == (
        "pneumothorax",
        "history",
    )


def test_a_year_after_a_lasting_condition_is_its_onset() -> None:
    facts = [f for f in extract("Gout. Hypertension 2011.", "medical_history").facts]
    dx = [(f.name, f.status) for f in facts if f.kind == "diagnosis"]
    assert dx == [("gout", "present"), ("hypertension", "present")]


def test_a_year_outside_the_medical_history_keeps_the_status() -> None:
    assert _dx("Pneumothorax 2016 on the right.", "assessment") == [("pneumothorax", "present")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("רקע: מיגרנה, כאבי גב כרוניים.", ("back pain", "present")),
        # the next name's "chronic" says nothing of this one
        ("PMH: pneumonia, chronic kidney disease.", ("pneumonia", "history")),
    ],
)
def test_chronic_after_a_name_says_it_lasts(text: str, expected: tuple[str, str]) -> None:
    found = _dx(text, "medical_history")
    assert expected in found


def test_a_parent_after_a_prepositions_letter_has_the_condition() -> None:
    assert [n for n, _ in _dx("מטפלת באב עם פרקינסון.", "subjective")] == []


def test_a_bracket_dating_the_last_episode_is_no_second_condition() -> None:
    assert _dx("PMH: migraine (last headache in March).", "medical_history") == [
        ("migraine", "present")
    ]
