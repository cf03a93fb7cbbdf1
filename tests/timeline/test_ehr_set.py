"""The EHR-export eval set (bench/timeline/sets/ehr/) is whole, and its scorer counts what it
says: nothing read scores recall 0, every label read exactly scores 1, and a reading taken
from a condition's name is counted."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bench.timeline.eval_ehr import DATA, name_spans, score


@dataclass(frozen=True)
class _Fact:
    kind: str
    name: str
    start: int
    end: int
    value: float


@dataclass(frozen=True)
class _Result:
    facts: list[_Fact]
    flags: list[Any]


def _data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def test_the_set_has_its_labels_where_it_says() -> None:
    data = _data()
    assert len(data["labels"]) >= 300
    assert {c["half"] for c in data["clients"]} == {"dev", "test"}
    visits = {v["visit"]: v for c in data["clients"] for v in c["visits"]}
    for label in data["labels"]:
        text = visits[label["visit"]]["fields"][label["field"]]
        assert text[label["start"] : label["end"]] == label["value"], label


def test_the_scorer_counts_misses_exact_readings_and_condition_names() -> None:
    data = _data()
    data["clients"] = data["clients"][:2]
    mine = {v["visit"] for c in data["clients"] for v in c["visits"]}
    data["labels"] = [lab for lab in data["labels"] if lab["visit"] in mine]
    lines = {(lab["visit"], lab["start"]): lab for lab in data["labels"]}

    def nothing(text: str, field: str) -> _Result:
        return _Result([], [])

    none = score(data, nothing)["all"].summary()["all"]
    assert none["recall"] == 0.0 and none["written"] == len(data["labels"])

    texts = {v["fields"]["objective"]: v["visit"] for c in data["clients"] for v in c["visits"]}

    def exact(text: str, field: str) -> _Result:
        if field != "objective":
            return _Result([], [])
        visit = texts[text]
        found = [
            _Fact("measurement", lab["measure"], start, lab["end"], lab["value_float"])
            for (v, start), lab in lines.items()
            if v == visit
        ]
        return _Result(found, [])

    every = score(data, exact)["all"].summary()["all"]
    assert every["precision"] == 1.0 and every["recall"] == 1.0

    subjective = {
        v["fields"]["subjective"]: v["condition_names"]
        for c in data["clients"]
        for v in c["visits"]
        if v["condition_names"]
    }
    assert subjective

    def from_names(text: str, field: str) -> _Result:
        if field == "subjective" and text in subjective:
            a, b = name_spans(text, subjective[text])[0]
            return _Result([_Fact("measurement", "bmi", a, b, 30.0)], [])
        return exact(text, field)

    counted = score(data, from_names)["all"].summary()["from_condition_names"]
    assert counted == sum(1 for c in data["clients"] for v in c["visits"] if v["condition_names"])
