"""What issue 27 asks of every blind set written since #7, each set checked the same way:
as large, as Hebrew and as varied in its written styles and clinics as a blind set must be,
every label on its words in its measure's unit."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

import bench.timeline.sets.blind7 as set7
import bench.timeline.sets.blind8 as set8
from bench.timeline.sets.blind7.generate import SNIPPETS as SNIPPETS7
from bench.timeline.sets.blind8.generate import SNIPPETS as SNIPPETS8
from tests.timeline_set_checks import (
    assert_every_kind_and_status,
    assert_every_measure_in_ten_styles,
    assert_labels_at_their_spans,
    assert_measurements_in_units_and_pressures_whole,
    assert_new_clinics,
    assert_size_language_and_fields,
    assert_visits_only_in_the_subjective,
)

# Earlier sets' clinics (their docstrings), as each set would name its snippet files.
EARLIER7 = {"ophthalmology", "cardiology", "neurology", "anticoagulation", "tb", "dental"}
EARLIER8 = {
    "gp", "psychiatry", "physiotherapy", "cardiology", "geriatrics", "nephrology",
    "ophthalmology", "anticoagulation", "tb", "dental", "ms", "colorectal", "audiology",
    "lactation", "copd", "hypertension", "prison", "antenatal", "palliative", "wound_care",
    "stroke", "memory", "epilepsy", "urgent_care", "refugee", "eating_disorders",
}  # fmt: skip

# (the set, its snippets, the least of each field kind, the least procedures ordered,
# earlier sets' clinics)
SETS = [
    pytest.param((set7, SNIPPETS7, 30, 30, EARLIER7), id="set7"),
    pytest.param((set8, SNIPPETS8, 40, 20, EARLIER8), id="set8"),
]
Case = tuple[ModuleType, Path, int, int, set[str]]


@pytest.fixture(params=SETS)
def case(request: pytest.FixtureRequest) -> Case:
    return request.param  # type: ignore[no-any-return]


def test_size_hebrew_share_and_fields(case: Case) -> None:
    labelled, _, per_field, _, _ = case
    assert_size_language_and_fields(labelled.records(), per_field=per_field)


def test_twelve_clinics_or_more_none_of_an_earlier_set(case: Case) -> None:
    labelled, snippets, _, _, earlier = case
    assert_new_clinics(labelled.records(), snippets, earlier)


def test_every_measure_in_at_least_ten_written_styles(case: Case) -> None:
    assert_every_measure_in_ten_styles(case[0].fields())


def test_labels_sit_on_their_words_in_their_units(case: Case) -> None:
    assert_labels_at_their_spans(case[0].records())
    assert_measurements_in_units_and_pressures_whole(case[0].records())


def test_every_kind_and_status_is_labelled(case: Case) -> None:
    labelled, _, _, ordered, _ = case
    assert_every_kind_and_status(labelled.records(), ordered=ordered)


def test_visits_only_in_the_subjective(case: Case) -> None:
    assert_visits_only_in_the_subjective(case[0].records())
