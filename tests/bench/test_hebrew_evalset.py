"""The Hebrew twin of the retrieval eval's data set (bench/retrieval/evalset/hebrew.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.retrieval import eval as ev
from bench.retrieval.evalset import EvalSet, build, hebrew, mentions
from bench.retrieval.evalset.hebrew_terms import CONCEPTS
from core.records.transfer import parse
from core.retrieval.reading import read_query
from core.retrieval.types import SearchQuery

SMALL = 20
HEBREW = re.compile("[\u05d0-\u05ea]")
SOAP = ("subjective", "objective", "assessment", "plan")


@pytest.fixture(scope="module")
def english() -> EvalSet:
    return build(SMALL)


@pytest.fixture(scope="module")
def he(english: EvalSet) -> EvalSet:
    return hebrew(english)


def test_same_patients_and_visits_in_hebrew(english: EvalSet, he: EvalSet) -> None:
    records = parse(json.dumps(he.doc))
    assert [c["external_id"] for c in he.doc["clients"]] == [
        c["external_id"] for c in english.doc["clients"]
    ]
    assert sum(len(r.sessions) for r in records) == english.dataset["sessions"]
    english_lines = {
        line.strip()
        for c in english.doc["clients"]
        for s in c["sessions"]
        for f in SOAP
        for line in s[f].splitlines()
        if len(line.strip()) >= 25
    }
    assert english_lines
    for c in he.doc["clients"]:
        for s in c["sessions"]:
            text = "\n".join(s[f] for f in SOAP)
            # Written from the structured facts: none of the generator's English note text.
            assert HEBREW.search(text) and not any(line in text for line in english_lines)
    assert he.dataset["language"] == "he" and he.questions


def test_questions_are_hebrew_and_their_values_are_in_their_targets(he: EvalSet) -> None:
    clients = {c["external_id"]: c for c in he.doc["clients"]}
    templates = {q.template for q in he.questions}
    assert {"bp_reading", "visit_reason", "diagnosis_alias", "lab_on_date"} <= templates
    for q in he.questions:
        assert HEBREW.search(q.text), q.text
        sessions = {s["external_id"]: s for s in clients[q.client]["sessions"]}
        for t in q.targets:
            assert t.ref in sessions or t.ref in ("medical_history", "notes")
        if q.template == "bp_reading":
            value = re.search(r"\d+/\d+", q.text)
            assert value is not None
            for t in q.targets:
                assert mentions(sessions[t.ref]["objective"], value.group())


def test_paraphrased_questions_do_not_use_the_notes_term(he: EvalSet) -> None:
    paraphrases = [q for q in he.questions if q.template in ("visit_reason", "diagnosis_alias")]
    assert paraphrases
    notes_terms = {note for note, asked in CONCEPTS.values() if note != asked}
    for q in paraphrases:
        assert not any(term in q.text for term in notes_terms), q.text


def test_dated_hebrew_questions_are_read_as_dates(he: EvalSet) -> None:
    dated = [q for q in he.questions if q.style == "dated"]
    assert dated
    for q in dated:
        read = read_query(SearchQuery(q.text))
        assert read.date_from is not None and read.date_from == read.date_to, q.text


def test_the_same_questions_are_asked_in_english_about_the_hebrew_notes(he: EvalSet) -> None:
    """Issue 28: an English-speaking clinician of a Hebrew practice asks about the same
    facts; each English question has its Hebrew twin's template, client and targets."""
    assert len(he.english_questions) == len(he.questions)
    for h, e in zip(he.questions, he.english_questions, strict=True):
        assert (e.template, e.style, e.client, e.targets) == (
            h.template,
            h.style,
            h.client,
            h.targets,
        )
        assert not HEBREW.search(e.text) and e.text != h.text
    # The Hebrew questions are drawn as before: the English ones use a stream of their own.
    assert [q.id for q in he.questions] == [f"he{i:04d}" for i in range(len(he.questions))]
    dated = [q for q in he.english_questions if q.style == "dated"]
    for q in dated:
        read = read_query(SearchQuery(q.text))
        assert read.date_from is not None and read.date_from == read.date_to, q.text


def test_the_hebrew_goal_is_reported() -> None:
    assert ev.HEBREW_GOAL == 0.90
    report = {
        "embedder": "multilingual-e5-small@1571fc982750",
        "modes": {m: {"recall_at_5": 0.95} for m in ev.MODES},
        "languages": {
            "he": {"questions": 9, "hybrid_recall_at_5": 0.95, "goal": 0.9, "met": True},
            "en": {"questions": 9, "hybrid_recall_at_5": 0.85, "goal": 0.9, "met": False},
        },
        "english_questions": {"modes": {m: {"recall_at_5": 0.85} for m in ev.MODES}},
        "default_embedder": {
            "model": "all-MiniLM-L6-v2@c4a57a7f2011",
            "modes": {m: {"recall_at_5": 0.8} for m in ev.MODES},
            "english_questions": {"modes": {m: {"recall_at_5": 0.7} for m in ev.MODES}},
        },
    }
    lines = ev.hebrew_lines(report)
    assert "Hebrew 0.950 met, English 0.850 MISSED" in lines[-1]
    assert any(line.startswith("all-MiniLM-L6-v2") and "English" in line for line in lines)


@pytest.mark.parametrize("english", [0.95, 0.85])
def test_a_language_under_the_goal_fails_make_eval(
    english: float, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    modes = {m: {"recall_at_5": 0.95, "mrr": 0.9, "n": 9} for m in (*ev.MODES, ev.BASELINE)}
    languages = {
        "he": {"questions": 9, "hybrid_recall_at_5": 0.95, "goal": 0.9, "met": True},
        "en": {"questions": 9, "hybrid_recall_at_5": english, "goal": 0.9, "met": english >= 0.9},
    }
    section = {"dataset": {"questions": 9}, "modes": modes, "per_style": {}, "per_template": {}}
    hebrew_part = {
        **section,
        "embedder": "multilingual-e5-small@1571fc982750",
        "languages": languages,
        "met": english >= 0.9,
        "english_questions": {"modes": modes},
        "default_embedder": {
            "model": "all-MiniLM-L6-v2@c4a57a7f2011",
            "modes": modes,
            "english_questions": {"modes": modes},
        },
    }
    report = {
        **section,
        "hybrid_beats_vector": True,
        "hybrid_beats_baseline": True,
        "dated": {"n": 0},
        "hebrew": hebrew_part,
    }
    monkeypatch.setattr(ev, "run", lambda *args: report)
    out = tmp_path / "eval.json"
    assert ev.main(["--out", str(out)]) == (0 if english >= 0.9 else 1)
    assert out.exists()
