"""What every blind set's labels must hold, whichever set: shared by the sets' own tests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.timeline.types import MEASURES


def assert_labels_at_their_spans(records: Iterable[dict[str, Any]]) -> None:
    for r in records:
        for lb in r["labels"]:
            assert r["text"][lb["start"] : lb["end"]] == lb["text"], r["id"]
            assert lb["text"].strip() == lb["text"] and lb["text"], r["id"]


def assert_measurements_in_units_and_pressures_whole(records: Iterable[dict[str, Any]]) -> None:
    """Each measurement in its measure's unit, and each pressure a systolic above its
    diastolic."""
    for r in records:
        for lb in r["labels"]:
            if lb["kind"] == "measurement":
                assert lb["unit"] == MEASURES[lb["name"]]
                assert lb["value"] is not None and lb["value"] >= 0
        sys_ = [lb["value"] for lb in r["labels"] if lb["name"] == "bp_systolic"]
        dia = [lb["value"] for lb in r["labels"] if lb["name"] == "bp_diastolic"]
        assert len(sys_) == len(dia)
        assert all(s > d for s, d in zip(sys_, dia, strict=True)), r["id"]
