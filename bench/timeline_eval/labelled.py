"""The blind sets' data.json read as the scorer's fields: each label an ExpectedFact. Sets
#4 to #6 write labels the same way; #5 and #6 keep flags among the labels."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bench.timeline_eval.fields import LabelledField
from bench.timeline_eval.writer import ExpectedFact


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
