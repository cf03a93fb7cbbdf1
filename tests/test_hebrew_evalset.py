"""The Hebrew twin of the retrieval eval's data set (bench/evalset/hebrew.py)."""

from __future__ import annotations

import json
import re

import pytest

from bench import eval as ev
from bench.evalset import EvalSet, build, hebrew, mentions
from bench.evalset.hebrew_terms import CONCEPTS
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


def test_the_hebrew_goal_is_reported() -> None:
    assert ev.HEBREW_GOAL == 0.85
