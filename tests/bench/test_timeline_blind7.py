"""Blind set #7 (bench/timeline/sets/blind7/): its own properties, not the extractor's score.
The set is committed as data, so the generator must still write exactly data.json; what
every blind set must hold is checked in tests/bench/test_timeline_blind_sets.py."""

from __future__ import annotations

import random

import pytest

from bench.timeline.kit.markup import parse
from bench.timeline.sets.blind7 import DATA, SEED, records
from bench.timeline.sets.blind7.__main__ import dump
from bench.timeline.sets.blind7.generate import SNIPPETS, generate, layout, read_snippets
from bench.timeline.sets.blind7.measures import STYLES, mention
from bench.timeline.sets.blind7.names import aliases_of
from core.timeline.types import MEASURES


def test_regenerating_the_set_writes_data_json_exactly() -> None:
    assert dump(generate(SEED)) == DATA.read_text(encoding="utf-8")


def test_a_pressure_slot_is_two_facts_on_the_same_words() -> None:
    style = STYLES["bp"][0]
    text, labels = parse(mention("bp", style, random.Random(7)))
    assert [lb.name for lb in labels] == ["bp_systolic", "bp_diastolic"]
    assert labels[0].text == labels[1].text == text
    assert labels[0].value is not None and labels[1].value is not None
    assert labels[0].value > labels[1].value


@pytest.mark.parametrize(
    ("measure", "index", "value"),
    [("weight", 2, 0.45359237), ("temperature", 2, None), ("creatinine", 1, 1 / 88.4)],
)
def test_a_style_in_another_unit_is_labelled_in_the_measures_unit(
    measure: str, index: int, value: float | None
) -> None:
    """lb, °F and µmol/L are written as such and labelled in kg, °C and mg/dL."""
    text, (label,) = parse(mention(measure, STYLES[measure][index], random.Random(3)))
    written = float(text.split()[-2] if measure != "temperature" else text.split()[-1][:-1])
    expected = (written - 32) * 5 / 9 if value is None else written * value
    assert label.value == pytest.approx(expected, abs=0.01)
    assert label.unit == MEASURES[measure]


def test_a_plan_with_drugs_is_never_joined_by_semicolons_or_dots() -> None:
    lines = [
        "[[Stop ramipril||med.ramipril/stopped]]",
        "[[amlodipine 5 mg||med.amlodipine/started]]",
    ]
    seen = {layout(lines, "en", "plan", random.Random(i))[1] for i in range(60)}
    assert not seen & {"semicolons", "runon"}
    assert len(seen) >= 3


def test_a_block_with_its_own_list_keeps_its_lines() -> None:
    lines = ["1. [[Asthma||dx.asthma/present]]", "2. [[Gout||dx.gout/present]]"]
    for i in range(30):
        text, how = layout(lines, "en", "assessment", random.Random(i))
        assert how in ("lines", "heading")
        assert "#1 1." not in text and "1. 1." not in text


def test_snippets_read_in_blocks_and_aliases_from_names() -> None:
    blocks = [b for p in sorted(SNIPPETS.glob("*.txt")) for b in read_snippets(p)]
    assert len(blocks) == len(records())
    assert "htn" in aliases_of("hypertension")
    assert "referral: physio" in aliases_of("referral: physiotherapy")
