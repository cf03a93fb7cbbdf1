"""Blind set #8 (bench/timeline/sets/blind8/): its own properties, not the extractor's score.
The set is committed as data, so the generator must still write exactly data.json; what
every blind set must hold is checked in tests/bench/test_timeline_blind_sets.py."""

from __future__ import annotations

import random

import pytest

from bench.timeline.kit.markup import parse
from bench.timeline.sets.blind8 import DATA, SEED
from bench.timeline.sets.blind8.__main__ import dump
from bench.timeline.sets.blind8.generate import SNIPPETS, generate, layout, read_snippets
from bench.timeline.sets.blind8.measures import STYLES, Rotation, mention
from bench.timeline.sets.blind8.names import aliases_of
from core.timeline.types import MEASURES


def test_regenerating_the_set_writes_data_json_exactly() -> None:
    assert dump(generate(SEED)) == DATA.read_text(encoding="utf-8")


def test_a_pressure_slot_is_two_facts_on_the_same_words() -> None:
    text, labels = parse(mention("bp", 0, random.Random(7)))
    assert [lb.name for lb in labels] == ["bp_systolic", "bp_diastolic"]
    assert labels[0].text == labels[1].text == text
    assert labels[0].value is not None and labels[1].value is not None
    assert labels[0].value > labels[1].value


@pytest.mark.parametrize(
    ("measure", "unit", "to_base"),
    [
        ("weight", "lb", lambda w: w * 0.45359237),
        ("temperature", "F", lambda w: (w - 32) * 5 / 9),
        ("creatinine", "umol", lambda w: w / 88.4),
        ("glucose", "glu", lambda w: w * 18.0),
        ("ldl", "chol", lambda w: w * 38.67),
        ("height", "m", lambda w: w * 100),
    ],
)
def test_a_style_in_another_unit_is_labelled_in_the_measures_unit(
    measure: str, unit: str, to_base: object
) -> None:
    """lb, °F, µmol/L, mmol/L and metres are written as such, labelled in MEASURES' unit."""
    index = next(i for i, (_, _, u) in enumerate(STYLES[measure]) if u == unit)
    text, (label,) = parse(mention(measure, index, random.Random(3)))
    written = float(next(t for t in text.replace("F", " ").split() if t[0].isdigit()))
    assert callable(to_base)
    assert label.value == pytest.approx(to_base(written), abs=0.01)
    assert label.unit == MEASURES[measure]


def test_a_hebrew_note_takes_the_hebrew_styles_first_and_an_english_one_never() -> None:
    rot = Rotation()
    he = [STYLES["weight"][rot.next("weight", "he")][0] for _ in range(3)]
    en = {STYLES["weight"][rot.next("weight", "en")][0] for _ in range(20)}
    assert he == ["he", "he", "he"]
    assert en == {"en"}


def test_a_plan_or_a_negating_field_is_never_joined_by_semicolons_or_dots() -> None:
    plan = [
        "[[Stop ramipril||med.ramipril/stopped]]",
        "[[amlodipine 5 mg||med.amlodipine/started]]",
    ]
    seen = {layout(plan, "en", "plan", random.Random(i))[1] for i in range(60)}
    assert not seen & {"semicolons", "runon"} and len(seen) >= 3
    neg = ["No [[fever||dx.fever/negated]]", "[[Cough||dx.cough/present]]"]
    seen = {layout(neg, "en", "subjective", random.Random(i))[1] for i in range(60)}
    assert not seen & {"semicolons", "runon"} and "paragraph" in seen


def test_every_snippet_line_parses_and_aliases_come_from_names() -> None:
    for path in sorted(SNIPPETS.glob("*.txt")):
        for lines in read_snippets(path).values():
            for line in lines:
                parse(line.lstrip("^ "))
    assert "htn" in aliases_of("hypertension")
    assert "referral: physio" in aliases_of("referral: physiotherapy")
