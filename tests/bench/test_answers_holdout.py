"""The held-out single-visit set (bench/answers/holdout/): its size, kinds, languages and
split, determinism, answers that stand in the notes they come from, absent questions
about nothing in the record, and the scorer. Reads the set and the notes only: never the
app's extraction or answers."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import bench.timeline.sets.overtime as gen
from bench.answers.holdout import generate, load
from bench.answers.holdout import phrases as ph
from bench.answers.holdout.notes import Client, read_clients
from bench.answers.holdout.phrases import absent
from bench.answers.holdout.questions import COUNTS, HoldoutQuestion
from bench.answers.holdout.scoring import outcome, rates, value_found
from bench.timeline.kit.vocab import VocabError, VocabFile

HEBREW = re.compile(r"[\u05d0-\u05ea]")


@pytest.fixture(scope="module")
def clients() -> dict[str, Client]:
    return {c.ext_id: c for c in read_clients(gen.load()["doc"])}


@pytest.fixture(scope="module")
def asked() -> list[HoldoutQuestion]:
    return [HoldoutQuestion.from_json(q) for q in load()["questions"]]


def _sessions(clients: dict[str, Client], q: HoldoutQuestion) -> list[tuple[str, str]]:
    """(date, text) of each relevant session."""
    visits = {f"session:{v.ext_id}": v for v in clients[q.client].visits}
    return [(visits[u].day.isoformat(), visits[u].text) for u in q.relevant]


def test_committed_set_is_what_the_seed_makes() -> None:
    assert load() == generate()


def test_size_kinds_languages_and_split(asked: list[HoldoutQuestion]) -> None:
    assert len(asked) >= 60
    assert len({q.id for q in asked}) == len(asked)
    assert len({(q.client, q.text) for q in asked}) == len(asked)
    assert Counter(q.kind for q in asked) == COUNTS
    assert sum(q.language == "he" for q in asked) >= 20
    for kind in COUNTS:
        of_kind = [q for q in asked if q.kind == kind]
        dev = sum(q.split == "dev" for q in of_kind)
        assert abs(dev - (len(of_kind) - dev)) <= 1, kind
    for q in asked:
        assert q.split in ("dev", "test")
        assert (q.language == "he") == bool(HEBREW.search(q.text)), q.id


def test_each_kind_is_asked_in_several_wordings(asked: list[HoldoutQuestion]) -> None:
    for kind in COUNTS:
        starts = {" ".join(q.text.split()[:2]) for q in asked if q.kind == kind}
        assert len(starts) >= 3, kind


def _names(about: str) -> list[str]:
    kind, key = about.split(":", 1)
    if kind == "medication":
        d = gen.DRUGS[key]
        return [d.name, *d.written, d.he]
    if kind == "condition":
        c = gen.CONDITIONS[key]
        return [c.en, c.he]
    if kind == "done":
        p = gen.PROCEDURES[key]
        return [s.rstrip(".") for s in (*p.en, p.he)]
    return list(gen.SPECIALTIES[key])


def _says(text: str, words: list[str]) -> bool:
    return any(w.lower() in text.lower() for w in words)


def test_answers_stand_in_their_notes(
    clients: dict[str, Client], asked: list[HoldoutQuestion]
) -> None:
    for q in asked:
        if q.kind == "absent":
            continue
        sessions = _sessions(clients, q)
        assert sessions, q.id
        if q.answer_type == "value":
            (value,) = q.expected
            # Not half of another number ("140" of "140/90"), though a score's "/10" may follow.
            alone = rf"(?<![\d./]){re.escape(value)}(?!\d|\.\d|/(?!(?:10|21|27)\b)\d)"
            assert any(re.search(alone, t) for _, t in sessions), q.id
        elif q.answer_type == "name":
            for drug in q.expected:
                names = [drug, *q.aliases[drug]]
                assert any(_says(t, names) for _, t in sessions), (q.id, drug)
        else:  # a date: the session's own, and it says what is asked about
            assert sorted(q.expected) == sorted(d for d, _ in sessions), q.id
            assert all(_says(t, _names(q.about)) for _, t in sessions), q.id


def test_a_first_diagnosis_has_no_earlier_record_but_a_ruled_out(
    clients: dict[str, Client], asked: list[HoldoutQuestion]
) -> None:
    for q in asked:
        if q.kind != "first_diagnosed":
            continue
        (first,) = q.expected
        names = _names(q.about)
        for v in clients[q.client].visits:
            if v.day.isoformat() < first and _says(v.text, names):
                assert re.search(r"ruled out|no evidence of|אין עדות", v.text, re.I), q.id


def test_prescribed_at_a_visit_leaves_out_drugs_only_listed_there(
    clients: dict[str, Client], asked: list[HoldoutQuestion]
) -> None:
    for q in asked:
        if q.about != "visit":
            continue
        (unit,) = q.relevant
        v = next(v for v in clients[q.client].visits if f"session:{v.ext_id}" == unit)
        listed = {f.name for f in v.of("med", "listed")} | {f.name for f in v.of("med", "stopped")}
        assert not listed & set(q.expected), q.id


def test_absent_questions_name_nothing_in_the_record(
    clients: dict[str, Client], asked: list[HoldoutQuestion]
) -> None:
    terms = [t for table in (ph.ABSENT_EN, ph.ABSENT_HE) for ts, _ in table.values() for t in ts]
    for q in asked:
        if q.kind != "absent":
            continue
        assert not q.expected and not q.relevant
        record = clients[q.client].record.lower()
        if q.about == "absent:not_taken":
            continue  # the measure is tracked; that day's visit did not take it
        named = [t for t in terms if t.lower() in q.text.lower()]
        assert named, q.id
        assert not any(t.lower() in record for t in named), q.id


def test_every_sentence_of_every_note_is_read(clients: dict[str, Client]) -> None:
    """What the reader leaves is only the visit's kind, fillers and distractor targets: a
    prescription or diagnosis it missed would make an expected answer incomplete."""
    plain = {
        s.rstrip(".")
        for t in (
            *[x for xs in gen.VISIT_EN.values() for x in xs],
            *[x for xs in gen.VISIT_HE.values() for x in xs],
            *gen.FILLER_EN,
            *gen.FILLER_HE,
            *gen.DISTRACTORS_EN,
            *gen.DISTRACTORS_HE,
            "Stable.",
            "ללא שינוי.",
            "Review as needed.",
            "המשך מעקב.",
            "Not examined (remote)",
            "ללא בדיקה",
        )
        for s in [t]
    }
    for c in clients.values():
        for v in c.visits:
            text = v.text
            for f in sorted(v.facts, key=lambda f: -len(f.said)):
                text = text.replace(f.said, "\x00")
            for kept in plain:
                text = text.replace(kept, "\x00")
            left = re.sub(r"Current meds:|Meds reviewed:|Taking|נוטל|תרופות:|לדקה", " ", text)
            assert not re.sub(r"[\x00\s.;,]", "", left), (v.ext_id, left)


def test_a_wording_file_of_the_wrong_shape_names_itself_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "phrases.toml"
    path.write_text('[ask_en]\nvalue_on_date = "What was the {m}?"\n', encoding="utf-8")
    with pytest.raises(VocabError, match=r"phrases\.toml: 'ask_en\.value_on_date': a list"):
        VocabFile(path).lists("ask_en")
    with pytest.raises(VocabError, match=r"phrases\.toml: no 'absent_en'"):
        absent(VocabFile(path), "absent_en")


# -- the scorer ------------------------------------------------------------------------------
def _q(
    kind: str,
    expected: tuple[str, ...],
    answer_type: str,
    aliases: dict[str, list[str]] | None = None,
) -> HoldoutQuestion:
    return HoldoutQuestion(
        "x",
        kind,
        "about",
        "c",
        "en",
        "dev",
        "?",
        expected,
        answer_type,
        ("session:s1",),
        aliases or {},
    )


def test_a_drug_counts_under_its_brand_or_hebrew_name() -> None:
    q = _q("prescribed_for", ("ramipril",), "name", aliases={"ramipril": ["tritace", "רמיפריל"]})
    assert value_found(q, "Renewed Tritace 10 mg [1].")
    assert value_found(q, "נרשם רמיפריל [1].")
    assert not value_found(q, "Bisoprolol 2.5 mg [1].")
    assert outcome(q, "Tritace [1]", False, ["session:s1"]) == "correct"
    assert outcome(q, "Tritace [1]", False, ["session:s2"]) == "wrong"


def test_any_record_needs_a_date_and_no_denial() -> None:
    q = _q("any_record", ("2024-03-02", "2025-01-05"), "any_date")
    assert outcome(q, "Yes, spirometry on 2 March 2024 [1].", False, ["session:s1"]) == "correct"
    said_no = "There is no record of spirometry; the 2024-03-02 note [1] is a review."
    assert outcome(q, said_no, False, ["session:s1"]) == "wrong"
    assert outcome(q, "Yes [1].", False, ["session:s1"]) == "wrong"


def test_absent_refusal_or_found_nothing_is_right_and_counts_as_correct_overall() -> None:
    q = _q("absent", (), "none")
    assert outcome(q, "", True, []) == "refused"
    assert outcome(q, "I found no note that mentions lithium.", False, []) == "refused"
    assert outcome(q, "Lithium 400 mg [1].", False, ["session:s1"]) == "answered"
    rows = [
        {"kind": "absent", "outcome": "refused"},
        {"kind": "absent", "outcome": "answered"},
        {"kind": "bp_on_date", "outcome": "correct"},
    ]
    r = rates(rows)
    assert r["all"]["correct"] == 2 and r["all"]["wrong"] == 1
    assert r["answerable"]["correct_rate"] == 1.0 and r["absent"]["refused_rate"] == 0.5


def test_a_hebrew_prefix_is_split_off_a_date_or_value() -> None:
    assert value_found(_q("bp_on_date", ("149/95",), "value"), "לחץ הדם היה 149/95 [1].")
    assert value_found(_q("procedure_when", ("2025-01-05",), "date"), "ההפניה נשלחה ב-2025-01-05.")
