"""The retrieval eval's data set and metrics (bench/retrieval/evalset/, bench/retrieval/eval.py)."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest

from bench.retrieval import eval as ev
from bench.retrieval.evalset import MAX_TARGETS, EvalSet, Question, Target, build, mentions
from core.assistant.dates import find_dates
from core.records.transfer import parse

SMALL = 20  # catchment population: a handful of patients, a few seconds


@pytest.fixture(scope="module")
def small() -> EvalSet:
    return build(SMALL)


def test_the_dataset_is_deterministic(small: EvalSet) -> None:
    again = build(SMALL)
    assert again.doc == small.doc
    assert again.questions == small.questions


def test_the_document_imports(small: EvalSet) -> None:
    records = parse(json.dumps(small.doc))
    assert len(records) == small.dataset["clients"] > 0
    assert sum(len(r.sessions) for r in records) == small.dataset["sessions"]
    assert small.dataset["licence"] == "MIT"
    assert small.dataset["name"] == "clinosim"


def test_every_question_has_targets_that_exist(small: EvalSet) -> None:
    clients = {c["external_id"]: c for c in small.doc["clients"]}
    assert small.questions
    for q in small.questions:
        client = clients[q.client]
        sessions = {s["external_id"]: s for s in client["sessions"]}
        assert 1 <= len(q.targets) <= MAX_TARGETS, q
        for t in q.targets:
            if t.kind == "session":
                assert t.ref in sessions, q
            else:
                assert client[t.ref].strip(), q


def test_questions_cover_lexical_semantic_and_dated_templates(small: EvalSet) -> None:
    styles = {q.style for q in small.questions}
    assert styles == {"lexical", "semantic", "dated"}
    assert len({q.template for q in small.questions}) >= 5
    assert len({q.id for q in small.questions}) == len(small.questions)


def test_lexical_answers_are_in_their_sessions(small: EvalSet) -> None:
    by_session = {
        s["external_id"]: " ".join(s[f] for f in ev.SOAP)
        for c in small.doc["clients"]
        for s in c["sessions"]
    }
    readings = [q for q in small.questions if q.template == "bp_reading"]
    assert readings
    for q in readings:
        m = re.search(r"\d+/\d+", q.text)
        assert m, q
        for t in q.targets:
            assert mentions(by_session[t.ref], m.group()), q


def test_a_dated_question_names_its_one_session_and_its_value_is_there(small: EvalSet) -> None:
    sessions = {
        (c["external_id"], s["external_id"]): s for c in small.doc["clients"] for s in c["sessions"]
    }
    dated = [q for q in small.questions if q.style == "dated"]
    assert {q.template for q in dated} == {"lab_on_date", "vital_on_date", "bp_on_date"}
    for q in dated:
        (day,) = [d.date for d in find_dates(q.text)]
        same_day = [
            s for (c, s), v in sessions.items() if c == q.client and v["date"][:10] == str(day)
        ]
        assert [t.ref for t in q.targets] == same_day, q
    for q in dated:
        if q.template == "bp_on_date":
            (target,) = q.targets
            text = " ".join(sessions[(q.client, target.ref)][f] for f in ev.SOAP)
            assert re.search(r"\d+/\d+ mmHg", text), q


def test_dated_questions_leave_the_others_as_they_were(small: EvalSet) -> None:
    others = [q for q in small.questions if q.style != "dated"]
    assert small.questions[: len(others)] == others  # appended, numbered after them
    dated = ev.dated_goal({"per_style": {"dated": {"hybrid": {"recall_at_5": 0.96, "n": 9}}}})
    assert dated == {"recall_at_5": 0.96, "n": 9, "goal": ev.DATED_GOAL, "met": True}
    assert ev.dated_goal({"per_style": {}})["met"] is None


def test_numbers_match_as_numbers() -> None:
    assert mentions("Na 138.0 mmol/L", "138")
    assert mentions("HbA1c 6.2%", "6.2")
    assert not mentions("Na 1380 mmol/L", "138")
    assert not mentions("Cr 13.8 mg/dL", "3.8")
    assert not mentions("HbA1c 6.25%", "6.2")
    assert mentions("Started Amlodipine 5mg", "amlodipine")


def test_recall_and_reciprocal_rank() -> None:
    ranked = ["session:a", "client:notes", "session:b", "session:c", "session:d", "session:e"]
    assert ev.recall_at_k(ranked, {"session:b"}) == 1.0
    assert ev.recall_at_k(ranked, {"session:b", "session:e"}) == 0.5  # e is 6th
    assert ev.recall_at_k(ranked, {"session:x"}) == 0.0
    assert ev.reciprocal_rank(ranked, {"session:b", "session:a"}) == 1.0
    assert ev.reciprocal_rank(ranked, {"client:notes"}) == 0.5
    assert ev.reciprocal_rank(ranked, {"session:e"}) == 0.0
    assert ev.reciprocal_rank([], {"session:a"}) == 0.0
    with pytest.raises(ValueError):
        ev.recall_at_k(ranked, set())


def test_hits_collapse_to_units_in_rank_order() -> None:
    assert ev.dedupe(["session:a", "session:a", "client:notes", "session:a", "session:b"]) == [
        "session:a",
        "client:notes",
        "session:b",
    ]


def test_summary_and_comparison() -> None:
    s = ev.summarise([(1.0, 1.0), (0.0, 0.0), (1.0, 0.5), (0.5, 0.25)])
    assert s == {"recall_at_5": 0.625, "mrr": 0.4375, "n": 4}
    assert ev.beats({"recall_at_5": 0.8, "mrr": 0.6}, {"recall_at_5": 0.8, "mrr": 0.5})
    assert not ev.beats({"recall_at_5": 0.7, "mrr": 0.9}, {"recall_at_5": 0.8, "mrr": 0.5})
    assert not ev.beats({"recall_at_5": 0.8, "mrr": 0.5}, {"recall_at_5": 0.8, "mrr": 0.5})


def _doc() -> dict:
    def session(ext: str, plan: str) -> dict:
        return {
            "external_id": ext,
            "date": "2025-01-01T10:00:00",
            "subjective": "Follow-up.",
            "objective": "BP 120/80 mmHg",
            "assessment": "Stable.",
            "plan": plan,
        }

    return {
        "format": "chartside.v1",
        "clients": [
            {
                "external_id": "c1",
                "full_name": "A B",
                "medical_history": "Asthma, diagnosed 2001.",
                "notes": "",
                "sessions": [
                    session("s1", "Continue Metformin 500mg"),
                    session("s2", "Ciprofloxacin 500mg PO BID"),
                    session("s3", "Continue Metformin 500mg"),
                ],
            }
        ],
    }


def test_the_bm25_baseline_ranks_whole_sessions_and_client_fields() -> None:
    bm25 = ev.SessionBm25(_doc())

    def q(text: str) -> Question:
        return Question("q", "t", "lexical", "c1", text, (Target("session", "s2"),))

    assert bm25.rank(q("When was ciprofloxacin given?"))[0] == "session:s2"
    assert bm25.rank(q("When was asthma diagnosed?"))[0] == "client:medical_history"
    assert bm25.rank(q("zebra")) == []  # no shared word: nothing retrieved


def test_evaluate_reports_every_mode_and_template() -> None:
    questions = [
        Question("q1", "medication", "lexical", "c1", "ciprofloxacin", (Target("session", "s2"),)),
        Question("q2", "visit_reason", "semantic", "c1", "x", (Target("session", "s1"),)),
    ]
    rankers = {
        "perfect": lambda q: [t.unit for t in q.targets],
        "second": lambda q: ["session:zz", *[t.unit for t in q.targets]],
    }
    report = ev.evaluate(questions, rankers)
    assert report["modes"]["perfect"] == {"recall_at_5": 1.0, "mrr": 1.0, "n": 2}
    assert report["modes"]["second"] == {"recall_at_5": 1.0, "mrr": 0.5, "n": 2}
    assert report["per_template"]["visit_reason"]["style"] == "semantic"
    assert set(report["per_style"]) == {"lexical", "semantic"}
    assert "perfect" in ev.table({**report, "dataset": {"questions": 2}})


def test_the_sets_words_are_data_and_a_malformed_file_names_itself(tmp_path: Path) -> None:
    from bench.retrieval.evalset import dated
    from bench.timeline.kit.vocab import VocabError, VocabFile

    assert dated.DATE_FORMS == ("iso", "visit_day_month", "month_day", "day_mon")
    assert dated.write_date(dt.date(2025, 3, 4), "day_mon") == "on 4 Mar 2025"
    bad = tmp_path / "dated.toml"
    bad.write_text('[phrases]\nlab = "What was the {name}?"\n[cap]\nlab = "2"\n', encoding="utf-8")
    with pytest.raises(VocabError, match=r"dated\.toml: 'phrases\.lab': a list of strings"):
        VocabFile(bad).lists("phrases")
    with pytest.raises(VocabError, match=r"dated\.toml: 'cap\.lab': a whole number"):
        VocabFile(bad).counts("cap")
    with pytest.raises(VocabError, match=r"dated\.toml: no 'phrases\.vital'"):
        VocabFile(bad).strings("phrases", "vital")


def test_a_notes_template_fills_its_slots_in_order_and_an_unknown_slot_is_refused() -> None:
    from bench.retrieval import notes
    from bench.timeline.kit.vocab import VocabError

    r, again = random.Random(3), random.Random(3)
    filled = notes._fill(r, "{C} {int:1:9} {site}", C="Knee")
    assert filled == f"Knee {again.randint(1, 9)} {again.choice(notes._DRAW['site'])}"
    with pytest.raises(VocabError, match=r"notes\.toml: 'plan\.review': \{nowhere\}"):
        notes._checked(("plan", "review"), ("review in {nowhere}",))
