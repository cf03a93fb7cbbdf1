"""What every blind set's labels must hold, whichever set: shared by the sets' own tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import LabelledField
from bench.timeline.kit.scoring import set_measures
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


def assert_size_language_and_fields(records: Sequence[dict[str, Any]], per_field: int) -> None:
    """At least 380 fields, 35% of them Hebrew, every field kind at least `per_field` times,
    each id once."""
    assert len(records) >= 380
    assert sum(r["language"] == "he" for r in records) / len(records) >= 0.35
    by_field = Counter(r["field"] for r in records)
    assert set(by_field) == {"subjective", "objective", "assessment", "plan", "medical_history"}
    assert min(by_field.values()) >= per_field
    assert len({r["id"] for r in records}) == len(records)


def assert_new_clinics(
    records: Iterable[dict[str, Any]], snippets: Path, earlier: set[str]
) -> None:
    """Twelve clinics or more, none an earlier set's, each with its snippet file."""
    clinics = {r["clinic"] for r in records}
    assert len(clinics) >= 12
    assert not clinics & earlier
    assert {p.stem for p in snippets.glob("*.txt")} == clinics


def assert_every_measure_in_ten_styles(fields: Iterable[LabelledField]) -> None:
    styles: dict[str, set[str]] = {}
    for f in fields:
        for e in f.expected:
            if e.kind == "measurement" and e.style:
                styles.setdefault(e.name, set()).add(e.style)
    assert set(styles) == set_measures()
    assert {m: len(s) for m, s in styles.items() if len(s) < 10} == {}


def assert_every_kind_and_status(records: Sequence[dict[str, Any]], ordered: int) -> None:
    """Each medication status 20 times or more, each diagnosis status 40, 60 procedures
    done and `ordered` ordered, 15 of each visit type, 12 flags, 40 referrals."""
    got = Counter(f"{lb['kind']}/{lb.get('status', '')}" for r in records for lb in r["labels"])
    for status in ("started", "stopped", "continued", "listed"):
        assert got[f"medication/{status}"] >= 20, status
    for status in ("present", "negated", "history"):
        assert got[f"diagnosis/{status}"] >= 40, status
    assert got["procedure/"] >= 60 and got["procedure/ordered"] >= ordered
    visits = Counter(lb["name"] for r in records for lb in r["labels"] if lb["kind"] == "visit")
    assert min(visits[v] for v in ("initial", "follow-up", "telehealth")) >= 15
    assert got["flag/"] >= 12
    referrals = [lb for r in records for lb in r["labels"] if lb["name"].startswith("referral:")]
    assert len(referrals) >= 40


def assert_visits_only_in_the_subjective(records: Iterable[dict[str, Any]]) -> None:
    for r in records:
        kinds = {lb["kind"] for lb in r["labels"]}
        assert "visit" not in kinds or r["field"] == "subjective", r["id"]
