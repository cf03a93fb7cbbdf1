"""The blind sets' data.json read as the scorer's fields: each label an ExpectedFact. Sets
#4 to #8 write labels the same way; #5 on keep flags among the labels."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import ExpectedFact, LabelledField


def expected_fact(label: dict[str, Any]) -> ExpectedFact:
    return ExpectedFact(
        kind=label["kind"],
        name=label["name"],
        value=label.get("value"),
        unit=label.get("unit"),
        status=label.get("status"),
        style=label.get("style"),
        aliases=tuple(label.get("aliases", ())),
    )


def fields_with_flags_among_labels(records: Iterable[dict[str, Any]]) -> list[LabelledField]:
    """Fields whose "labels" hold facts and flags alike (a flag by its measure's name)."""
    out = []
    for r in records:
        facts = [expected_fact(lb) for lb in r["labels"] if lb["kind"] != "flag"]
        flags = [lb["name"] for lb in r["labels"] if lb["kind"] == "flag"]
        out.append(LabelledField(r["id"], r["language"], r["field"], r["text"], facts, flags))
    return out


@dataclass(frozen=True)
class StoredSet:
    """A blind set as committed: the seed its generator used and its data.json."""

    seed_value: int
    data: Path

    def seed(self) -> int:
        return self.seed_value

    def records(self) -> list[dict[str, Any]]:
        return _read(self.data)

    def fields(self) -> list[LabelledField]:
        """The set as the scorer reads it: facts expected, and flags by their measure's name."""
        return fields_with_flags_among_labels(self.records())


@cache
def _read(data: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(data.read_text(encoding="utf-8"))["fields"]
    return records
