"""Blind sets #9 and #10 (bench/timeline/sets/blind9/ and blind10/, data.json): their own
properties, not the extractor's score. Half of each Hebrew, as issue 46 asks; every label on
its words, every measurement in its measure's unit, each blood pressure whole."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.timeline_set_checks import (
    assert_labels_at_their_spans,
    assert_measurements_in_units_and_pressures_whole,
)

SETS = Path(__file__).resolve().parents[2] / "bench" / "timeline" / "sets"


@pytest.mark.parametrize("name", ["blind9", "blind10"])
def test_half_hebrew_every_label_on_its_words_and_every_value_in_its_unit(name: str) -> None:
    records = json.loads((SETS / name / "data.json").read_text(encoding="utf-8"))["fields"]
    languages = Counter(r["language"] for r in records)
    assert len(records) >= 120 and languages["he"] == languages["en"]
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["clinic"] for r in records}) >= 10
    kinds = Counter(lb["kind"] for r in records for lb in r["labels"])
    assert {"measurement", "medication", "diagnosis", "procedure", "visit"} <= set(kinds)
    assert_labels_at_their_spans(records)
    assert_measurements_in_units_and_pressures_whole(records)
