"""The blind labelled set of the timeline (bench/timeline/sets/blind/, issue 27): its size,
Hebrew share and styles, labels that hold up against their text, and a committed
data.json that the generator writes again byte for byte. The set only, never the
extractor's score on it."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from bench.timeline.kit.scoring import set_measures
from bench.timeline.sets.blind import DATA, fields, load
from bench.timeline.sets.blind.generate import SEED, dumps
from core.timeline.types import MEASURES

FIELD_NAMES = {"subjective", "objective", "assessment", "plan", "medical_history"}
HEBREW = re.compile(r"[\u05d0-\u05ea]")


@pytest.fixture(scope="module")
def data() -> list[dict[str, Any]]:
    return load()["fields"]


def _labels(data: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [x for f in data for x in f["expected"] if x["kind"] == kind]


def test_size_fields_and_hebrew_share(data: list[dict[str, Any]]) -> None:
    assert len(data) >= 320
    assert len({f["id"] for f in data}) == len(data)
    assert {f["field"] for f in data} == FIELD_NAMES
    he = [f for f in data if f["language"] == "he"]
    assert len(he) / len(data) >= 0.35
    assert all(HEBREW.search(f["text"]) for f in he)
    assert not any(HEBREW.search(f["text"]) for f in data if f["language"] == "en")


def test_every_measure_is_written_in_ten_styles_or_more(data: list[dict[str, Any]]) -> None:
    styles: dict[str, set[str]] = {m: set() for m in set_measures()}
    for x in _labels(data, "measurement"):
        styles[x["name"]].add(x["style"])
        assert x["unit"] == MEASURES[x["name"]]
    assert {m: len(s) for m, s in styles.items() if len(s) < 10} == {}


def test_every_label_is_found_at_its_span(data: list[dict[str, Any]]) -> None:
    n = 0
    for f in data:
        for x in [*f["expected"], *f["expected_flags"]]:
            assert 0 <= x["start"] < x["end"] <= len(f["text"]), f["id"]
            assert f["text"][x["start"] : x["end"]] == x["text"], f["id"]
            assert x["text"].strip() == x["text"]
            n += 1
    assert n > 1000


def test_the_committed_set_is_what_the_generator_writes() -> None:
    assert load()["seed"] == SEED
    assert dumps() == DATA.read_text(encoding="utf-8")
    assert dumps() == dumps()  # one seed, no other chance


def test_it_covers_every_kind_and_status(data: list[dict[str, Any]]) -> None:
    meds = Counter(x["status"] for x in _labels(data, "medication"))
    assert all(meds[s] >= 30 for s in ("started", "stopped", "continued", "listed")), meds
    assert sum(bool(x.get("dose")) for x in _labels(data, "medication")) >= 100
    dx = Counter(x["status"] for x in _labels(data, "diagnosis"))
    assert all(dx[s] >= 40 for s in ("present", "negated", "history")), dx
    procs = [x["name"] for x in _labels(data, "procedure")]
    assert sum(p.startswith("referral: ") for p in procs) >= 20
    assert sum(not p.startswith("referral: ") for p in procs) >= 20
    visits = Counter(x["name"] for x in _labels(data, "visit"))
    assert set(visits) == {"initial", "follow-up", "telehealth"}
    flags = Counter(x["name"] for f in data for x in f["expected_flags"])
    assert sum(flags.values()) >= 25 and "bp" in flags


# Words that open what is no fact: a target, a family member's illness, a plan that waits
# on a condition. No label may cover them.
DISTRACTORS = re.compile(
    r"Target|[Gg]oal|\baim\b|יעד|FHx|Family history|Mum has|אמא עם|היסטוריה משפחתית|"
    r"If BP remains|Consider |אם ל\"ד|במידה ולא|last month's|at last visit|בביקור הקודם"
)


def test_distractors_are_written_and_never_labelled(data: list[dict[str, Any]]) -> None:
    hits = 0
    for f in data:
        spans = [(x["start"], x["end"]) for x in [*f["expected"], *f["expected_flags"]]]
        for m in DISTRACTORS.finditer(f["text"]):
            hits += 1
            assert not any(s <= m.start() < e for s, e in spans), (f["id"], m.group())
    assert hits >= 40


def test_the_scorer_types_carry_the_labels(data: list[dict[str, Any]]) -> None:
    got = fields()
    assert [f.id for f in got] == [f["id"] for f in data]
    for lf, raw in zip(got, data, strict=True):
        assert [e.name for e in lf.expected] == [x["name"] for x in raw["expected"]]
        assert lf.expected_flags == [x["name"] for x in raw["expected_flags"]]
