"""The timeline eval's own data and scorer (bench/timeline/sets/labelled/): the labelled fields and
the questions over time cover what the issue asks, their labels hold up against the notes,
and the scorer's rules decide hand-made answers as written. No database, no model, and
never the extractor itself: its author must not tune to this data."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from bench.timeline.kit.facts import ExpectedFact, LabelledField, OverTimeQuestion
from bench.timeline.kit.scoring import (
    MAX_MISSES,
    fact_matches,
    has_value,
    norm_name,
    score_answer,
    score_extraction,
    set_measures,
)
from bench.timeline.sets.labelled.fields import labelled_fields, style_counts
from bench.timeline.sets.labelled.measures import UNITS, render
from bench.timeline.sets.labelled.questions import QUESTION_KINDS, OverTimeSet, over_time_set
from bench.timeline.sets.labelled.styles import EARLIER, STYLES
from core.records.transfer import parse
from core.timeline.types import KINDS, MEASURES, Extraction, Fact, Flag


@pytest.fixture(scope="module")
def fields() -> list[LabelledField]:
    return labelled_fields()


@pytest.fixture(scope="module")
def data() -> OverTimeSet:
    return over_time_set()


# -- the labelled fields ---------------------------------------------------------------------
def test_enough_fields_in_both_languages(fields: list[LabelledField]) -> None:
    assert len(fields) >= 300
    assert sum(f.language == "he" for f in fields) / len(fields) >= 0.25
    assert {f.field for f in fields} == {
        "subjective", "objective", "assessment", "plan", "medical_history",
    }  # fmt: skip
    assert len({f.id for f in fields}) == len(fields)


def test_every_measure_is_written_in_ten_styles_or_more(fields: list[LabelledField]) -> None:
    counts = style_counts(fields)
    assert set(counts) == set_measures()
    thin = {m: len(s) for m, s in counts.items() if len(s) < 10}
    assert not thin, thin
    # Every style in the table is used, in both languages; an earlier value's style is
    # written but labelled no fact (docs/timeline.md), so it has no labelled style.
    used = {s for per in counts.values() for s in per}
    assert {s.id for s in STYLES if s.id not in EARLIER} <= used
    for m, per in counts.items():
        assert any("/he-" in s for s in per) and any("/en-" in s for s in per), m


def test_every_kind_status_and_flag_is_present(fields: list[LabelledField]) -> None:
    facts = [e for f in fields for e in f.expected]
    assert {e.kind for e in facts} == set(KINDS) - {"flag"}  # flags are labelled apart
    statuses = Counter((e.kind, e.status) for e in facts if e.status)
    for s in ("started", "stopped", "continued", "listed"):
        assert statuses[("medication", s)] >= 20, s
    for s in ("present", "negated", "history"):
        assert statuses[("diagnosis", s)] >= 20, s
    assert sum(len(f.expected_flags) for f in fields) >= 20
    assert {e.name for e in facts if e.kind == "visit"} == {"follow-up", "initial", "telehealth"}
    assert any(e.name.startswith("referral: ") for e in facts if e.kind == "procedure")
    assert (
        sum(f.language == "he" and any(e.kind == "medication" for e in f.expected) for f in fields)
        >= 20
    )


def test_measurements_are_labelled_in_canonical_units(fields: list[LabelledField]) -> None:
    for f in fields:
        for e in f.expected:
            if e.kind == "measurement":
                assert e.unit == MEASURES[e.name] and e.value is not None, (f.id, e)


def test_fields_hold_distractors_that_are_no_facts(fields: list[LabelledField]) -> None:
    texts = " ".join(f.text for f in fields)
    for distractor in ("Target BP < 130/80", "Goal A1c under 7%", "Recheck BP in 2 weeks"):
        assert distractor in texts
    for f in fields:
        if "Target BP < 130/80" in f.text:
            bp = {(e.name, e.value) for e in f.expected if e.kind == "measurement"}
            assert not {("bp_systolic", 130.0), ("bp_diastolic", 80.0)} <= bp, f.id
    # A reported past value is a fact.
    past = [e for f in fields for e in f.expected if e.style == "pain/en-past"]
    assert past


@pytest.mark.parametrize(
    ("style_id", "written", "measure", "value"),
    [
        ("weight/en-lb", {"v": 180}, "weight", 81.647),
        ("temperature/en-temp-f", {"v": 100.4}, "temperature", 38.0),
        ("ldl/en-mmol", {"v": 3.4}, "ldl", 131.478),
        ("glucose/en-mmol", {"v": 6.1}, "glucose", 109.8),
        ("creatinine/en-umol", {"v": 88}, "creatinine", 0.995),
        ("height/en-ft-in", {"v": 67}, "height", 170.18),
        ("height/en-m", {"v": 1.7}, "height", 170.0),
        ("bp/en-words-over", {"s": 130, "d": 85}, "bp_diastolic", 85.0),
    ],
)
def test_conversions_to_canonical_units(
    style_id: str, written: dict[str, float], measure: str, value: float
) -> None:
    style = next(s for s in STYLES if s.id == style_id)
    m = render(style, written)
    assert dict(m.facts)[measure] == pytest.approx(value, abs=0.001)
    if style_id == "height/en-ft-in":
        assert m.text == "Ht 5'7\""
    assert style.unit in UNITS[style.group]


def test_fields_are_deterministic() -> None:
    a = [f.to_json() for f in labelled_fields(60, seed=5)]
    assert a == [f.to_json() for f in labelled_fields(60, seed=5)]
    assert a != [f.to_json() for f in labelled_fields(60, seed=6)]


# -- the questions over time ---------------------------------------------------------------
def test_the_patients_import_as_chartside_v1(data: OverTimeSet) -> None:
    parsed = parse(json.dumps(data.doc, ensure_ascii=False))
    assert len(parsed) == len(data.patients) >= 10
    for p in parsed:
        assert 8 <= len(p.sessions) <= 14
    dates = [s.date.date() for p in parsed for s in p.sessions]
    assert max(dates) < data.today


def test_enough_questions_of_every_kind(data: OverTimeSet) -> None:
    qs = data.questions
    assert len(qs) >= 150
    kinds = Counter(q.kind for q in qs)
    assert set(kinds) == set(QUESTION_KINDS)
    assert min(kinds.values()) >= 8, kinds
    hebrew = [q for q in qs if q.language == "he"]
    assert 15 <= len(hebrew) <= 30
    assert all(re.search("[\u0590-\u05ff]", q.question) for q in hebrew)
    assert len({q.id for q in qs}) == len(qs)
    # Phrasings vary within a kind.
    for kind in QUESTION_KINDS:
        assert len({q.question for q in qs if q.kind == kind and q.language == "en"}) >= 3, kind


def test_expected_answers_stand_in_the_cited_notes(data: OverTimeSet) -> None:
    visits = {v.external_id: v for p in data.patients for v in p.visits}
    clients = {p.external_id: p for p in data.patients}
    for q in data.questions:
        assert q.client_external_id in clients
        for sid in q.expected_sessions:
            assert sid in visits, (q.id, sid)
            assert sid.startswith(q.client_external_id + "-"), (q.id, sid)
        if q.absent:
            assert not q.expected_values and not q.expected_sessions
            continue
        assert q.expected_values and q.expected_sessions, q.id
        for value in q.expected_values:
            assert any(
                value == visits[s].date.isoformat() or value.lower() in visits[s].text.lower()
                for s in q.expected_sessions
            ), (q.id, value)


def test_absent_questions_ask_about_what_no_note_mentions(data: OverTimeSet) -> None:
    from bench.timeline.sets.labelled.vocab import ABSENT_EN, ABSENT_HE

    asked = {
        tq.format(pron=pron): t for t, tq in (*ABSENT_EN, *ABSENT_HE) for pron in ("she", "he")
    }
    absent = [q for q in data.questions if q.kind == "absent"]
    assert {q.language for q in absent} == {"en", "he"}
    for q in absent:
        p = next(p for p in data.patients if p.external_id == q.client_external_id)
        text = "\n".join([p.medical_history, p.notes, *(v.text for v in p.visits)]).lower()
        term = asked[q.question]
        assert term not in text, (q.id, term)


def test_traps_are_in_place(data: OverTimeSet) -> None:
    visits = {v.external_id: v for p in data.patients for v in p.visits}
    # The last prescription is earlier than a later visit that only lists the drug.
    listed_later = 0
    for q in data.questions:
        if q.kind == "med_last" and q.language == "en":
            drug = re.search(r"\b([a-z]+(?:in|ide|ole|ine|am|il|ate|one|an))\b", q.question)
            p = next(p for p in data.patients if p.external_id == q.client_external_id)
            after = [v for v in p.visits if v.date.isoformat() > q.expected_values[0]]
            if drug and any(drug.group(1) in v.text.lower() for v in after):
                listed_later += 1
    assert listed_later >= 5
    every = " ".join(v.text for v in visits.values())
    assert "Target BP < 130/80" in every
    assert re.search(r"(BP was \d+/\d+ at the last visit|Previous BP|Previous weight)", every)
    assert all(q.today == data.today.isoformat() for q in data.questions if q.kind == "time_since")
    last_n = [q for q in data.questions if q.kind == "last_n"]
    assert all(q.measure and len(q.expected_values) >= 2 for q in last_n)


def test_questions_are_deterministic() -> None:
    a, b = over_time_set(seed=3), over_time_set(seed=3)
    assert [q.to_json() for q in a.questions] == [q.to_json() for q in b.questions]
    assert a.doc == b.doc
    assert a.doc != over_time_set(seed=4).doc


# -- the scorer: extraction ------------------------------------------------------------------
def _fact(e: ExpectedFact, **change: Any) -> Fact:
    kw: dict[str, Any] = {"value": e.value, "unit": e.unit, "status": e.status, **change}
    return Fact(kw.pop("kind", e.kind), kw.pop("name", e.name), 0, 1, "x", **kw)


def _oracle(fields: list[LabelledField]) -> Any:
    by = {(f.text, f.field): f for f in fields}

    def extract(text: str, field: str) -> Extraction:
        f = by[(text, field)]
        flags = [Flag(n, 0, 1, "x", "implausible") for n in f.expected_flags]
        return Extraction([_fact(e) for e in f.expected], flags)

    return extract


def test_a_perfect_extractor_scores_one_and_an_empty_one_zero(fields: list[LabelledField]) -> None:
    perfect = score_extraction(fields, _oracle(fields))
    for s in (*perfect["per_kind"].values(), perfect["flags"]):
        assert s["precision"] == s["recall"] == 1.0
    assert perfect["misses"] == [] and perfect["fields_with_misses"] == 0
    empty = score_extraction(fields, lambda text, field: Extraction([], []))
    assert all(s["recall"] == 0.0 for s in empty["per_kind"].values())
    assert len(empty["misses"]) == MAX_MISSES
    assert empty["misses"][0]["text"] and empty["misses"][0]["missed"]
    assert set(empty["by_language"]) == {"en", "he"}
    assert empty["style_recall"]["weight"]["weight/en-lb"]["recall"] == 0.0


def test_an_extractor_that_raises_counts_as_missing_not_as_a_crash(
    fields: list[LabelledField],
) -> None:
    def broken(text: str, field: str) -> Extraction:
        raise ValueError("boom")

    out = score_extraction(fields[:5], broken)
    assert out["n_errors"] == 5 and "boom" in out["errors"][0]["error"]


def test_extraction_matching_rules() -> None:
    weight = ExpectedFact("measurement", "weight", 81.647, "kg")
    assert fact_matches(_fact(weight, value=81.6), weight)
    assert fact_matches(_fact(weight, value=81.65), weight)
    assert not fact_matches(_fact(weight, value=81.8), weight)
    assert not fact_matches(_fact(weight, unit="lb"), weight)
    assert not fact_matches(_fact(weight, name="height"), weight)
    creat = ExpectedFact("measurement", "creatinine", 1.652, "mg/dL")
    assert fact_matches(_fact(creat, value=1.65), creat)
    med = ExpectedFact("medication", "sertraline", status="started")
    assert fact_matches(_fact(med, name="Sertraline "), med)
    assert not fact_matches(_fact(med, status="continued"), med)
    assert not fact_matches(_fact(med, name="סרטרלין"), med)
    dx = ExpectedFact("diagnosis", "type 2 diabetes", status="negated", aliases=("T2DM",))
    assert fact_matches(_fact(dx, name="diabetes"), dx)
    assert fact_matches(_fact(dx, name="diabetes mellitus type 2"), dx)
    assert fact_matches(_fact(dx, name="t2dm"), dx)
    assert not fact_matches(_fact(dx, status="present"), dx)
    assert not fact_matches(_fact(dx, name="hypertension"), dx)
    ref = ExpectedFact("procedure", "referral: cardiology", aliases=("referral: קרדיולוגיה",))
    assert fact_matches(_fact(ref, name="Referral to cardiology"), ref)
    assert fact_matches(_fact(ref, name="referral: קרדיולוגיה"), ref)
    assert not fact_matches(_fact(ref, name="referral: neurology"), ref)
    visit = ExpectedFact("visit", "follow-up", aliases=("follow up",))
    assert fact_matches(_fact(visit, name="Follow up"), visit)
    assert not fact_matches(_fact(visit, name="telehealth"), visit)
    assert norm_name("Gastro-esophageal reflux disease") == "gastro esophageal reflux"
    # British and American spellings are one name; a different word is not.
    anaemia = ExpectedFact("diagnosis", "iron deficiency anaemia", status="present")
    assert fact_matches(_fact(anaemia, name="iron deficiency anemia"), anaemia)
    oedema = ExpectedFact("diagnosis", "lymphoedema", status="present")
    assert fact_matches(_fact(oedema, name="lymphedema"), oedema)
    assert not fact_matches(_fact(oedema, name="lipedema"), oedema)


def test_flags_of_either_half_of_a_blood_pressure_match() -> None:
    field = LabelledField("t", "en", "objective", "BP 1280/82", [], ["bp_systolic"])
    for name in ("bp", "bp_systolic", "bp_diastolic"):
        out = score_extraction(
            [field], lambda t, f, n=name: Extraction([], [Flag(n, 0, 1, t, "x")])
        )
        assert out["flags"]["recall"] == 1.0 and out["flags"]["precision"] == 1.0
    diastolic = Fact("measurement", "bp_diastolic", 0, 1, "82", value=82.0, unit="mmHg")
    out = score_extraction([field], lambda t, f: Extraction([diastolic], []))
    assert out["per_kind"]["measurement"]["fp"] == 1 and out["flags"]["recall"] == 0.0


# -- the scorer: answers ---------------------------------------------------------------------
LAST3 = OverTimeQuestion(
    "q1", "c1", "What were her last three systolic readings?", "last_n",
    ["128", "135", "131"], ["s3", "s2", "s1"], measure="bp_systolic",
)  # fmt: skip
ABSENT = OverTimeQuestion("q2", "c1", "Any record of warfarin?", "absent", [], [], absent=True)
DATED = OverTimeQuestion(
    "q3", "c1", "When was the last visit?", "last_visit", ["2024-03-02"], ["s3"]
)


def _ask(answer: str, cited: list[str], refused: bool = False, **extra: Any) -> dict[str, Any]:
    sources = [{"n": i + 1, "session_external_id": s, "used": True} for i, s in enumerate(cited)]
    sources.append({"n": 99, "session_external_id": "s-unused", "used": False})
    return {"answer": answer, "refused": refused, "sources": sources, **extra}


def test_a_correct_answer() -> None:
    answer = "128/82 on 2024-03-02 [1], 135/85 on 2024-01-10 [2], and 131.0 on 2023-11-05 [3]."
    assert score_answer(LAST3, _ask(answer, ["s3", "s2", "s1"])) == "correct"
    assert score_answer(DATED, _ask("The last visit was on 2 March 2024 [1].", ["s3"])) == "correct"


def test_a_wrong_value_is_wrong() -> None:
    assert score_answer(LAST3, _ask("128 [1], 135 [2] and 138 [3].", ["s3", "s2", "s1"])) == "wrong"
    # A date's digits or a citation marker never stand for a value.
    assert (
        score_answer(LAST3, _ask("128 [1], 135 [2], on 2023-11-05 [131]", ["s3", "s2", "s1"]))
        == "wrong"
    )
    assert score_answer(DATED, _ask("The last visit was on 2024-03-20 [1].", ["s3"])) == "wrong"
    assert not has_value("1280/82", "128")


def test_a_missing_citation_is_wrong() -> None:
    answer = "128 [1], 135 [2], 131 [3]."
    assert score_answer(LAST3, _ask(answer, ["s3", "s2"])) == "wrong"
    # Offered but not used is not cited.
    ask = _ask(answer, ["s3", "s2"])
    ask["sources"].append({"n": 4, "session_external_id": "s1", "used": False})
    assert score_answer(LAST3, ask) == "wrong"


def test_an_extra_value_in_a_last_n_answer_is_wrong() -> None:
    cited = ["s3", "s2", "s1"]
    assert score_answer(LAST3, _ask("128 [1], 135 [2], 131 [3], 142 [4].", cited)) == "wrong"
    # The count, the other half of a reading and a change are not readings of the measure.
    fine = "Her last 3 systolic readings: 128/82 [1], 135/85 [2], 131/80 [3], down 7 mmHg."
    assert score_answer(LAST3, _ask(fine, cited)) == "correct"


def test_a_refusal_is_refused() -> None:
    assert (
        score_answer(LAST3, _ask("I found no note that answers this.", [], refused=True))
        == "refused"
    )


def test_an_absent_question() -> None:
    assert score_answer(ABSENT, _ask("", [], refused=True)) == "correct"
    assert score_answer(ABSENT, _ask("I found no note that mentions warfarin.", [])) == "correct"
    invented = "Warfarin 5 mg was started on 2023-01-02 [1]."
    assert score_answer(ABSENT, _ask(invented, ["s1"])) == "wrong"


def test_numbers_and_names_match_as_numbers_and_words() -> None:
    assert has_value("Weight was 82.0 kg [2].", "82")
    assert has_value("weight 81.6kg", "81.6")
    assert not has_value("weight 81.65 kg", "81.6")
    assert has_value("She takes Metformin 500 mg.", "metformin")
    assert not has_value("She takes metformins.", "metformin")
    assert has_value("Seen on March 2, 2024.", "2024-03-02")
    # Hebrew joins a preposition to a date or a number.
    assert has_value("נרשם לראשונה ב-2022-11-18 [1].", "2022-11-18")
    assert has_value("הדופק האחרון: ל-103 לדקה", "103")


def test_the_runner_sums_outcomes_and_misses_goals_it_cannot_measure() -> None:
    from bench.timeline.eval import over_time_checks, summarise

    rows = [
        {
            "kind": "latest",
            "language": "en",
            "outcome": "correct",
            "path": "timeline",
            "seconds": 0.02,
        },
        {
            "kind": "latest",
            "language": "he",
            "outcome": "wrong",
            "path": "timeline",
            "seconds": 0.04,
        },
        {"kind": "absent", "language": "en", "outcome": "correct", "path": "model", "seconds": 3.0},
        {
            "kind": "dx_first",
            "language": "en",
            "outcome": "refused",
            "path": "model",
            "seconds": 5.0,
        },
    ]
    part = summarise(rows)
    assert part["overall"]["n"] == 4 and part["overall"]["correct_rate"] == 0.5
    assert part["per_kind"]["latest"]["paths"] == {"timeline": 2}
    assert part["by_path"]["timeline"]["p50_s"] == pytest.approx(0.03)
    checks = {c["name"]: c for c in over_time_checks(part)}
    assert not checks["over time: correct"]["met"] and not checks["over time: wrong"]["met"]
    assert checks["over time: timeline answer p50 s"]["met"]
    only_model = summarise([{**r, "path": "model"} for r in rows])
    timed = {c["name"]: c for c in over_time_checks(only_model)}["over time: timeline answer p50 s"]
    assert timed["value"] is None and not timed["met"]


def test_the_held_out_runner_counts_misses_by_cause_with_no_name_or_text() -> None:
    from bench.timeline.eval_holdout import causes
    from bench.timeline.kit.facts import ExpectedFact
    from core.timeline.types import Extraction, Fact

    expected = [
        ExpectedFact("medication", "naproxen", status="stopped"),
        ExpectedFact("diagnosis", "asthma", status="history"),
        ExpectedFact("measurement", "weight", 82.0, "kg"),
        ExpectedFact("procedure", "referral: cardiology"),
    ]
    field = LabelledField("x-1", "en", "plan", "any text", expected)
    read = [
        Fact("medication", "naproxen", 0, 1, "n", status="started"),
        Fact("diagnosis", "asthma", 0, 1, "a", status="present"),
        Fact("diagnosis", "gout", 0, 1, "g", status="present"),
        Fact("measurement", "weight", 0, 1, "w", value=28.0, unit="kg"),
    ]
    found = causes([field], lambda _text, _field: Extraction(read, []))
    assert found == {
        "diagnosis": {
            "history read as present": 1,
            "unexpected: present where none was expected": 1,
            "unexpected: present, a missed one's name": 1,
        },
        "measurement": {
            "read with another value or unit": 1,
            "unexpected: where none was expected": 1,
        },
        "medication": {
            "stopped read as started": 1,
            "unexpected: started, a missed one's name": 1,
        },
        "procedure": {"referral not read": 1},
    }
    assert "asthma" not in json.dumps(found) and "naproxen" not in json.dumps(found)


def test_a_value_dated_before_the_visit_is_written_but_no_fact(
    fields: list[LabelledField],
) -> None:
    earlier = [f for f in fields if "three months ago" in f.text]
    assert earlier
    for f in earlier:
        weighed = f.text.split("weighed ")[1].split(" kg")[0]
        assert not any(e.name == "weight" and e.value == float(weighed) for e in f.expected)
