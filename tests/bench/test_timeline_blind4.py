"""Blind set #4 of the timeline (bench/timeline/sets/blind4/, issue 27): its size, Hebrew share,
styles and coverage, labels that hold up against their text, and a committed data.json that
the generator writes again byte for byte. The set only, never the extractor's score on it."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.timeline.kit.scoring import set_measures
from bench.timeline.sets.blind4 import DATA, fields, records
from bench.timeline.sets.blind4.__main__ import dump
from bench.timeline.sets.blind4.generate import generate
from bench.timeline.sets.blind4.markup import parse, style_of
from core.timeline.types import MEASURES

DATASET = records()


def _labels() -> list[tuple[dict[str, object], dict[str, object]]]:
    return [(r, e) for r in DATASET for e in (*r["expected"], *r["flags"])]


def test_the_committed_set_is_what_the_generator_writes() -> None:
    assert DATA.read_text(encoding="utf-8") == dump(generate())


def test_size_hebrew_share_and_fields() -> None:
    assert len(DATASET) >= 320
    he = sum(r["language"] == "he" for r in DATASET)
    assert he / len(DATASET) >= 0.35
    by_field = Counter(r["field"] for r in DATASET)
    assert set(by_field) == {"subjective", "objective", "assessment", "plan", "medical_history"}
    assert min(by_field.values()) >= 50
    assert len({r["clinic"] for r in DATASET}) == 13
    assert len({r["id"] for r in DATASET}) == len(DATASET)
    assert len({r["text"] for r in DATASET}) == len(DATASET)


def test_every_measure_is_written_in_at_least_ten_styles() -> None:
    styles: dict[str, set[str]] = {}
    for _, e in _labels():
        if e["kind"] == "measurement":
            styles.setdefault(str(e["name"]), set()).add(str(e["style"]))
    assert set(styles) == set_measures()
    thin = {m: len(s) for m, s in styles.items() if len(s) < 10}
    assert not thin


def test_every_label_spans_its_words() -> None:
    for r, e in _labels():
        text = str(r["text"])
        start, end = int(e["start"]), int(e["end"])  # type: ignore[call-overload]
        assert text[start:end] == e["text"], (r["id"], e["name"])
        if e["kind"] == "measurement":
            assert e["style"] == style_of(str(e["text"]))
            assert e["unit"] == MEASURES[str(e["name"])]
    assert not any("[[" in str(r["text"]) or "]]" in str(r["text"]) for r in DATASET)


def test_kinds_and_statuses_are_all_there() -> None:
    seen = Counter((e["kind"], e.get("status")) for r in DATASET for e in r["expected"])
    for status in ("started", "stopped", "continued", "listed"):
        assert seen[("medication", status)] >= 15, status
    for status in ("present", "negated", "history"):
        assert seen[("diagnosis", status)] >= 20, status
    assert seen[("procedure", None)] >= 40
    assert seen[("procedure", "ordered")] >= 15
    names = Counter(e["name"] for r in DATASET for e in r["expected"])
    assert sum(n for name, n in names.items() if str(name).startswith("referral: ")) >= 15
    visits = {e["name"] for r in DATASET for e in r["expected"] if e["kind"] == "visit"}
    assert visits == {"initial", "follow-up", "telehealth"}
    flags = Counter(f["name"] for r in DATASET for f in r["flags"])
    assert sum(flags.values()) >= 15
    assert len(flags) >= 8


def test_the_scorer_reads_the_same_labels() -> None:
    loaded = fields()
    assert [f.id for f in loaded] == [r["id"] for r in DATASET]
    for f, r in zip(loaded, DATASET, strict=True):
        assert [e.name for e in f.expected] == [e["name"] for e in r["expected"]]
        assert f.expected_flags == [x["name"] for x in r["flags"]]


def test_a_pressure_is_two_facts_over_one_reading() -> None:
    text, labels = parse("Vitals: [[BP 142/88|bp:142:88]], [[HR 71|m:heart_rate:71]]")
    assert text == "Vitals: BP 142/88, HR 71"
    assert [(x.name, x.value, text[x.start : x.end]) for x in labels] == [
        ("bp_systolic", 142.0, "BP 142/88"),
        ("bp_diastolic", 88.0, "BP 142/88"),
        ("heart_rate", 71.0, "HR 71"),
    ]


@pytest.mark.parametrize("bad", ["[[BP 140/90|m:bp:140]]", "[[x|zz:1]]", "[[open|dx:a:present]"])
def test_markup_errors_are_refused(bad: str) -> None:
    with pytest.raises((ValueError, AssertionError)):
        parse(bad)
