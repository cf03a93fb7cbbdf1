"""Blind set #6 of the timeline (bench/timeline/sets/blind6/, issue 27): its size, Hebrew share,
clinics, written styles per measure, labels at their spans, and that data.json is what the
seeded generator writes. The set's own properties only: never the extractor's score on it."""

from __future__ import annotations

from collections import Counter, defaultdict

from bench.timeline.kit.scoring import set_measures
from bench.timeline.sets.blind6 import DATA, SEED, fields, records
from bench.timeline.sets.blind6.__main__ import dump
from bench.timeline.sets.blind6.generate import generate, layout, sentences
from bench.timeline.sets.blind6.measures import STYLES
from tests.timeline_set_checks import (
    assert_labels_at_their_spans,
    assert_measurements_in_units_and_pressures_whole,
)

FIELD_NAMES = {"subjective", "objective", "assessment", "plan", "medical_history"}
# The clinics of blind sets #2 to #5 (their docstrings): this set keeps none of them.
EARLIER_CLINICS = {"ophthalmology", "allergy", "haematology", "hepatology", "gp", "cardiology"}


def test_data_json_is_what_the_generator_writes() -> None:
    assert DATA.read_text(encoding="utf-8") == dump(generate(SEED))


def test_size_hebrew_share_fields_and_clinics() -> None:
    data = records()
    assert len(data) >= 320
    assert sum(r["language"] == "he" for r in data) / len(data) >= 0.35
    assert {r["field"] for r in data} == FIELD_NAMES
    assert len({r["text"] for r in data}) == len(data)
    clinics = {r["clinic"] for r in data}
    assert len(clinics) >= 12 and not clinics & EARLIER_CLINICS
    assert all(sum(r["clinic"] == c and r["language"] == "he" for r in data) >= 5 for c in clinics)


def test_every_measure_in_at_least_ten_styles() -> None:
    styles: dict[str, set[str]] = defaultdict(set)
    for r in records():
        for lb in r["labels"]:
            if lb["kind"] == "measurement":
                styles[lb["name"]].add(lb["style"])
    assert set(styles) == set_measures()
    assert {m: len(s) for m, s in styles.items() if len(s) < 10} == {}
    assert all(len(v) >= 10 for v in STYLES.values())


def test_each_label_is_found_at_its_span() -> None:
    assert_labels_at_their_spans(records())
    for r in records():
        assert "[[" not in r["text"] and "||" not in r["text"] and "{" not in r["text"], r["id"]


def test_measurements_in_their_units_and_a_pressure_whole() -> None:
    assert_measurements_in_units_and_pressures_whole(records())


def test_every_kind_and_status_is_present() -> None:
    kinds = Counter((lb["kind"], lb.get("status")) for r in records() for lb in r["labels"])
    for status in ("started", "stopped", "continued", "listed"):
        assert kinds["medication", status] >= 25, status
    for status in ("present", "negated", "history"):
        assert kinds["diagnosis", status] >= 25, status
    assert kinds["procedure", None] >= 60 and kinds["procedure", "ordered"] >= 25
    assert kinds["visit", None] >= 80 and kinds["flag", None] >= 10
    names = [lb["name"] for r in records() for lb in r["labels"]]
    assert sum(n.startswith("referral: ") for n in names) >= 30
    visits = {lb["name"] for r in records() for lb in r["labels"] if lb["kind"] == "visit"}
    assert visits == {"initial", "follow-up", "telehealth"}


def test_layouts_vary_and_sentences_never_split_a_label() -> None:
    assert len({r["layout"] for r in records()}) >= 8
    line = "Seen. [[C. diff||dx.x/negated]] ruled out. {bp} today."
    assert sentences(line) == ["Seen.", "[[C. diff||dx.x/negated]] ruled out.", "{bp} today."]


def test_a_layout_keeps_every_line() -> None:
    import random

    lines = ["Stop [[X||med.x/stopped]]", "Start [[Y||med.y/started]] 5 mg"]
    rng = random.Random(0)
    for how in ("lines", "bullets", "numbered", "problems", "paragraph", "semicolons", "runon"):
        text = layout(lines, "en", "plan", how, rng)
        assert "[[X||med.x/stopped]]" in text and "[[Y||med.y/started]] 5 mg" in text, how


def test_the_loader_gives_the_scorer_its_fields() -> None:
    loaded = fields()
    assert len(loaded) == len(records())
    flags = sum(len(f.expected_flags) for f in loaded)
    assert flags == sum(lb["kind"] == "flag" for r in records() for lb in r["labels"])
    assert all(e.kind != "flag" for f in loaded for e in f.expected)
    aliased = [e for f in loaded for e in f.expected if e.aliases]
    assert aliased and all(e.kind in ("diagnosis", "procedure") for e in aliased)


def test_other_names_are_read_with_a_referral_s_own_colon() -> None:
    from bench.timeline.sets.blind6.names import aliases_of

    assert "referral: general practice" in aliases_of("procedure", "referral: gp")
    assert "af" in aliases_of("diagnosis", "atrial fibrillation")
    assert aliases_of("medication", "warfarin") == ()
