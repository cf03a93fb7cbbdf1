"""Blind set #5 of the timeline (bench/timeline/sets/blind5/, issue 27): its size, Hebrew share,
written styles per measure, labels at their spans, and that data.json is what the seeded
generator writes. The set's own properties only: never the extractor's score on it."""

from __future__ import annotations

from collections import Counter, defaultdict

from bench.timeline.kit.markup import parse
from bench.timeline.kit.scoring import set_measures
from bench.timeline.sets.blind5 import DATA, SEED, fields, records
from bench.timeline.sets.blind5.__main__ import dump
from bench.timeline.sets.blind5.generate import generate
from tests.timeline_set_checks import (
    assert_labels_at_their_spans,
    assert_measurements_in_units_and_pressures_whole,
)

FIELD_NAMES = {"subjective", "objective", "assessment", "plan", "medical_history"}


def test_data_json_is_what_the_generator_writes() -> None:
    assert DATA.read_text(encoding="utf-8") == dump(generate(SEED))


def test_size_hebrew_share_and_fields() -> None:
    data = records()
    assert len(data) >= 320
    assert sum(r["language"] == "he" for r in data) / len(data) >= 0.35
    assert {r["field"] for r in data} == FIELD_NAMES
    assert len({r["text"] for r in data}) == len(data)
    assert len({r["clinic"] for r in data}) >= 12


def test_every_measure_in_at_least_ten_styles() -> None:
    styles: dict[str, set[str]] = defaultdict(set)
    for r in records():
        for lb in r["labels"]:
            if lb["kind"] == "measurement":
                styles[lb["name"]].add(lb["style"])
    assert set(styles) == set_measures()
    assert {m: len(s) for m, s in styles.items() if len(s) < 10} == {}


def test_each_label_is_found_at_its_span() -> None:
    assert_labels_at_their_spans(records())


def test_measurements_in_their_units_and_believable() -> None:
    assert_measurements_in_units_and_pressures_whole(records())


def test_every_kind_and_status_is_present() -> None:
    kinds = Counter((lb["kind"], lb.get("status")) for r in records() for lb in r["labels"])
    for status in ("started", "stopped", "continued", "listed"):
        assert kinds["medication", status] >= 20, status
    for status in ("present", "negated", "history"):
        assert kinds["diagnosis", status] >= 20, status
    assert kinds["procedure", None] >= 20 and kinds["procedure", "ordered"] >= 10
    assert kinds["visit", None] >= 30 and kinds["flag", None] >= 10
    referrals = sum(
        1 for r in records() for lb in r["labels"] if lb["name"].startswith("referral: ")
    )
    assert referrals >= 10


def test_markup_keeps_spans_and_splits_a_pressure() -> None:
    text, labels = parse("Seen. [[BP 150/90||bp=150/90@x]] and [[Xalatan||med.latanoprost/listed]]")
    assert text == "Seen. BP 150/90 and Xalatan"
    assert [(lb.name, lb.value) for lb in labels[:2]] == [
        ("bp_systolic", 150),
        ("bp_diastolic", 90),
    ]
    assert text[labels[2].start : labels[2].end] == "Xalatan"


def test_the_loader_gives_the_scorer_its_fields() -> None:
    loaded = fields()
    assert len(loaded) == len(records())
    flags = sum(len(f.expected_flags) for f in loaded)
    assert flags == sum(lb["kind"] == "flag" for r in records() for lb in r["labels"])
    assert all(e.kind != "flag" for f in loaded for e in f.expected)
