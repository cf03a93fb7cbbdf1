"""Blind set #3 of the timeline (bench/timeline/sets/blind3/, issue 27): its size, its Hebrew
share, the written styles of every measure, the kinds and statuses it labels, that each
label's span holds its words, and that the generator still writes data.json. Nothing here
runs the extractor: the set's score is the eval's (`python -m bench.timeline.eval_blind blind3`)."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from typing import Any

import pytest

from bench.timeline.kit.scoring import set_measures
from bench.timeline.sets.blind3 import DATA, fields, load
from bench.timeline.sets.blind3.generate import SEED, build, dumps
from bench.timeline.sets.blind3.markup import parse
from core.timeline.types import MEASURES

FIELD_NAMES = {"subjective", "objective", "assessment", "plan", "medical_history"}
HEBREW = re.compile(r"[\u05d0-\u05ea]")


def _fields() -> list[dict[str, Any]]:
    return load()["fields"]


def test_the_committed_set_is_what_the_generator_writes() -> None:
    assert load()["seed"] == SEED
    assert DATA.read_text(encoding="utf-8") == dumps(build())


def test_size_fields_and_hebrew_share() -> None:
    data = _fields()
    assert len(data) >= 320
    assert len({f["id"] for f in data}) == len(data)
    assert {f["field"] for f in data} == FIELD_NAMES
    assert min(Counter(f["field"] for f in data).values()) >= 40
    he = [f for f in data if f["language"] == "he"]
    assert len(he) / len(data) >= 0.35
    # a Hebrew field is written in Hebrew, an English one is not
    assert all(HEBREW.search(f["text"]) for f in he)
    assert not any(HEBREW.search(f["text"]) for f in data if f["language"] == "en")


def test_every_measure_in_at_least_ten_written_styles() -> None:
    styles: dict[str, set[str]] = defaultdict(set)
    for f in _fields():
        for e in f["expected"]:
            if e["kind"] == "measurement":
                assert e["unit"] == MEASURES[e["name"]]
                styles[e["name"]].add(e["style"])
    assert set(styles) == set_measures()
    assert {m: len(s) for m, s in styles.items() if len(s) < 10} == {}


def test_both_languages_hold_every_kind_and_status() -> None:
    want = {("medication", s) for s in ("started", "stopped", "continued", "listed")} | {
        ("diagnosis", s) for s in ("present", "negated", "history")
    }
    want |= {("procedure", None), ("procedure", "ordered"), ("visit", None)}
    for lang in ("en", "he"):
        got = {
            (e["kind"], e.get("status"))
            for f in _fields()
            if f["language"] == lang
            for e in f["expected"]
        }
        assert want <= got, lang
        referrals = [
            e
            for f in _fields()
            if f["language"] == lang
            for e in f["expected"]
            if e["name"].startswith("referral: ")
        ]
        assert len(referrals) >= 5
        assert {
            e["name"]
            for f in _fields()
            if f["language"] == lang
            for e in f["expected"]
            if e["kind"] == "visit"
        } == {"initial", "follow-up", "telehealth"}
    flags = Counter(x["name"] for f in _fields() for x in f["expected_flags"])
    assert sum(flags.values()) >= 30 and len(flags) >= 8


def test_every_label_spans_its_words() -> None:
    for f in _fields():
        for x in [*f["expected"], *f["expected_flags"]]:
            assert f["text"][x["start"] : x["end"]] == x["text"], f["id"]
            assert x["text"].strip() == x["text"] and x["text"]


def test_a_flag_is_never_also_a_fact() -> None:
    for f in _fields():
        spans = {(e["start"], e["end"]) for e in f["expected"]}
        assert not any((x["start"], x["end"]) in spans for x in f["expected_flags"])


def test_values_are_those_of_the_numbers_written() -> None:
    """A value in the MEASURES unit is the number of its span; one converted from another
    unit is close to what the number converts to."""
    converted = 0
    for f in _fields():
        for e in f["expected"]:
            if e["kind"] != "measurement":
                continue
            numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", e["text"])]
            if e["value"] in numbers:
                continue
            converted += 1
            assert e["name"] in {
                "weight",
                "height",
                "temperature",
                "ldl",
                "hdl",
                "total_cholesterol",
                "glucose",
                "creatinine",
                "a1c",
            }, (f["id"], e["text"])
    assert converted >= 15


def test_the_loader_gives_the_scorers_types() -> None:
    data = fields()
    assert len(data) == len(_fields())
    first = data[0]
    assert first.text == _fields()[0]["text"]
    assert [e.kind for e in first.expected] == [e["kind"] for e in _fields()[0]["expected"]]


def test_markup_parses_spans_and_rejects_what_it_does_not_know() -> None:
    text, facts, flags = parse(
        "BP ⟦128/76|m:bp_systolic=128;m:bp_diastolic=76⟧, HR ⟦900|fl:heart_rate⟧"
    )
    assert text == "BP 128/76, HR 900"
    assert [(f["name"], f["value"], f["start"], f["end"]) for f in facts] == [
        ("bp_systolic", 128.0, 3, 9),
        ("bp_diastolic", 76.0, 3, 9),
    ]
    assert flags == [{"name": "heart_rate", "start": 14, "end": 17, "text": "900"}]
    with pytest.raises(ValueError, match="no such measure"):
        parse("⟦101|m:chloride=101⟧")
    with pytest.raises(ValueError, match="unbalanced"):
        parse("⟦5 without its label")


def test_data_json_is_valid_utf8_json_with_hebrew_unescaped() -> None:
    raw = DATA.read_text(encoding="utf-8")
    assert "\\u05" not in raw
    assert json.loads(raw)["seed"] == SEED
