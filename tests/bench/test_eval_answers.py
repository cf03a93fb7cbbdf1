"""The answer eval's questions and scoring (bench/answers/, bench/answers/eval.py). No
models and no database: the harness itself runs under `make eval`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from types import SimpleNamespace

import pytest

from bench.answers import ANSWERABLE, GOALS, KINDS
from bench.answers.questions import (
    AnswerQuestion,
    answer_questions,
    condition_name,
    imaging_name,
    says_procedure,
)
from bench.answers.report import goal_lines, goals, summarise, table
from bench.answers.scoring import outcome, used_units, value_found
from bench.retrieval.evalset import EvalSet, build, mentions
from bench.retrieval.evalset.document import to_doc
from bench.retrieval.evalset.patients import Patient, Visit
from core.assistant.dates import find_dates

SMALL = 20  # catchment population: nine patients, a few seconds
SOAP = ("subjective", "objective", "assessment", "plan")


def q(kind: str, expected: tuple[str, ...], answer_type: str, relevant=("session:s1",)):
    return AnswerQuestion("a000", kind, "x", "c1", "?", expected, answer_type, tuple(relevant))


# -- scoring -------------------------------------------------------------------------------
def test_values_match_as_whole_numbers() -> None:
    a1c = q("value_on_date", ("7.1",), "value")
    assert value_found(a1c, "The HbA1c was 7.1% [1].")
    assert value_found(a1c, "HbA1c 7.10 % on that day [2]")
    assert not value_found(a1c, "The HbA1c was 7.15% [1].")
    assert not value_found(a1c, "The HbA1c was 17.1% [1].")
    na = q("value_on_date", ("138",), "value")
    assert value_found(na, "Sodium 138.0 mmol/L [3]")


def test_citation_markers_and_dates_are_not_values() -> None:
    hr = q("value_on_date", ("6",), "value")
    assert not value_found(hr, "It is in the notes [6].")
    assert not value_found(hr, "See [1, 6].")
    assert not value_found(hr, "At the visit on 6 June 2025 [1].")
    assert not value_found(hr, "At the visit on 2025-06-06 [1].")
    assert value_found(hr, "ALT was 6 U/L on 6 June 2025 [1].")


def test_blood_pressure_reads_with_or_without_spaces() -> None:
    bp = q("bp_on_date", ("136/80",), "value")
    assert value_found(bp, "BP 136/80 mmHg [1]")
    assert value_found(bp, "BP was 136 / 80 [1]")
    assert not value_found(bp, "BP 136/85 mmHg [1]")
    assert not value_found(bp, "BP 1136/80 [1]")


@pytest.mark.parametrize(
    "answer",
    [
        "It was started on 2025-03-04 [1].",
        "It was started on 4 March 2025 [1].",
        "Started 4 Mar 2025 [1].",
        "It was started on March 4, 2025 [1].",
        "Started on March 4th, 2025 [1].",
        "Started 03/04/2025 [1].",
        "Session of 2025-03-04T10:15:00 [1]",
    ],
)
def test_dates_match_in_any_written_form(answer: str) -> None:
    assert value_found(q("medication_started", ("2025-03-04",), "date"), answer)


def test_a_different_date_is_not_the_answer() -> None:
    started = q("medication_started", ("2025-03-04",), "date")
    assert not value_found(started, "It was started on 2025-04-03 [1].")
    assert not value_found(started, "It was started in March 2025 [1].")
    assert not value_found(started, "It was started in 2025 [1].")


def test_every_expected_medication_must_be_named() -> None:
    both = q("prescribed_for", ("Ketorolac", "Cyclobenzaprine"), "name")
    assert value_found(both, "Ketorolac 30mg and cyclobenzaprine 10mg were given [1].")
    assert not value_found(both, "Ketorolac 30mg was given [1].")
    assert not value_found(q("absent", (), "none", ()), "anything")


def test_outcomes() -> None:
    a1c = q("value_on_date", ("7.1",), "value", ("session:s1",))
    assert outcome(a1c, "HbA1c 7.1% [1]", False, ["session:s1"]) == "correct"
    assert outcome(a1c, "HbA1c 7.1% [1]", False, ["session:s2", "session:s1"]) == "correct"
    assert outcome(a1c, "HbA1c 7.1% [1]", False, ["session:s2"]) == "wrong"  # wrong source
    assert outcome(a1c, "HbA1c 6.8% [1]", False, ["session:s1"]) == "wrong"  # wrong value
    assert outcome(a1c, "HbA1c 7.1% [1]", False, []) == "wrong"  # nothing used
    assert outcome(a1c, "The notes do not say.", True, []) == "refused"
    onset = q("first_diagnosed", ("2011-08-20",), "date", ("client:medical_history",))
    assert outcome(onset, "Diagnosed 20 August 2011 [1].", False, ["client:medical_history"]) == (
        "correct"
    )
    absent = q("absent", (), "none", ())
    assert outcome(absent, "The notes do not say.", True, []) == "refused"
    assert outcome(absent, "Troponin was 0.01 [1].", False, ["session:s1"]) == "answered"


def test_used_units_name_sessions_and_client_fields() -> None:
    def src(used: bool, type_: str, session: str | None, field: str) -> SimpleNamespace:
        return SimpleNamespace(used=used, type=type_, session_external_id=session, field=field)

    sources = [
        src(True, "session", "s1", "objective"),
        src(True, "session", "s1", "plan"),
        src(False, "session", "s2", "plan"),
        src(True, "client", None, "medical_history"),
    ]
    assert used_units(sources) == ["session:s1", "client:medical_history"]


# -- names ---------------------------------------------------------------------------------
def test_names_as_clinicians_say_them() -> None:
    assert condition_name("Essential (primary) hypertension") == "essential hypertension"
    assert condition_name("Hyperlipidemia, unspecified") == "hyperlipidemia"
    assert condition_name("Type 2 diabetes mellitus without complications") == (
        "type 2 diabetes mellitus"
    )
    assert condition_name("Unspecified dementia, unspecified severity, without x") == "dementia"
    assert condition_name("COPD with acute exacerbation") == "COPD"
    assert imaging_name("Chest X-ray PA") == "chest X-ray"
    assert imaging_name("X-ray Wrist AP and Lateral") == "wrist X-ray"
    assert imaging_name("CT Head without contrast") == "CT of the head"
    assert imaging_name("Ultrasound Kidney") == "kidney ultrasound"
    assert imaging_name("Bacteria identified in Urine by Culture") is None


def test_procedures_are_found_as_notes_write_them() -> None:
    assert says_procedure("Imaging: Wrist Xray AP Lateral. Medications: none", "wrist X-ray")
    assert says_procedure("Imaging: cervical spine X-ray, CT head, chest X-ray", "CT of the head")
    assert says_procedure("Procedures ordered: Suture closure", "suture closure")
    assert not says_procedure("Imaging: chest X-ray\nWrist pain", "wrist X-ray")
    assert not says_procedure("CT head", "CT of the chest")


# -- derivation on hand-made patients ------------------------------------------------------
def _visit(ext: str, date: str, text: str, **kw: object) -> Visit:
    return Visit(ext, f"{date}T10:00:00", [("Objective", text)], **kw)  # type: ignore[arg-type]


def _patient(visits: list[Visit], problems: list[dict] | None = None) -> Patient:
    return Patient("c1", "A B", "1950-01-01", visits, problems or [], [], [])


A1C = "Hemoglobin A1c/Hemoglobin.total in Blood"


def _ask(p: Patient, **kw: int) -> list[AnswerQuestion]:
    return answer_questions([p], to_doc([p]), absent=0, **kw)


def test_a_value_on_a_date_needs_one_visit_that_day() -> None:
    p = _patient(
        [
            _visit("s1", "2025-03-04", "HbA1c 7.1 %", labs=[(A1C, "7.1", "%")]),
            _visit("s2", "2025-03-04", "Follow-up call."),
            _visit("s3", "2025-05-06", "HbA1c 6.8 %", labs=[(A1C, "6.8", "%")]),
        ]
    )
    dated = [x for x in _ask(p) if x.kind == "value_on_date"]
    assert [(x.expected, x.relevant) for x in dated] == [(("6.8",), ("session:s3",))]
    assert [d.date for d in find_dates(dated[0].text)] == [dt.date(2025, 5, 6)]
    assert "HbA1c" in dated[0].text


def test_a_value_must_be_written_in_its_session() -> None:
    p = _patient([_visit("s1", "2025-03-04", "Labs drawn.", labs=[(A1C, "7.1", "%")])])
    assert not [x for x in _ask(p) if x.kind == "value_on_date"]


def test_latest_value_is_the_last_visit_and_only_when_it_changed() -> None:
    p = _patient(
        [
            _visit("s1", "2025-01-04", "BP 120/80 mmHg", bp="120/80"),
            _visit("s2", "2025-05-06", "BP 131/85 mmHg", bp="131/85"),
            _visit("s3", "2025-02-01", "HR 72", vitals=[("Heart rate", "72")]),
            _visit("s4", "2025-06-01", "HR 72", vitals=[("Heart rate", "72")]),
        ]
    )
    latest = [x for x in _ask(p) if x.kind == "latest_value"]
    assert [(x.expected, x.relevant) for x in latest] == [(("131/85",), ("session:s2",))]


def test_a_medication_is_started_where_it_is_first_named() -> None:
    p = _patient(
        [
            _visit("s1", "2025-01-04", "Taking metformin at home."),
            _visit("s2", "2025-02-04", "Metformin 500mg", meds=[("Metformin", "")]),
            _visit("s3", "2025-03-04", "Methyldopa 250mg", meds=[("Methyldopa", "")]),
            _visit("s4", "2025-04-04", "Methyldopa 250mg", meds=[("Methyldopa", "")]),
        ]
    )
    started = [x for x in _ask(p) if x.kind == "medication_started"]
    assert [(x.about, x.expected, x.relevant) for x in started] == [
        ("medication:Methyldopa", ("2025-03-04",), ("session:s3",))
    ]


def test_a_procedure_done_once_is_asked_with_its_visit_date() -> None:
    p = _patient(
        [
            _visit("s1", "2025-01-04", "Imaging: chest X-ray", imaging=["Chest X-ray PA"]),
            _visit("s2", "2025-02-04", "Imaging: CT head", imaging=["CT Head without contrast"]),
            _visit("s3", "2025-03-04", "Imaging: CT head", imaging=["CT Head without contrast"]),
        ]
    )
    when = [x for x in _ask(p) if x.kind == "procedure_when"]
    assert [(x.about, x.expected, x.relevant) for x in when] == [
        ("procedure:chest X-ray", ("2025-01-04",), ("session:s1",))
    ]


def test_first_diagnosed_is_the_onset_in_the_history() -> None:
    problem = {
        "id": "cond-1",
        "code": {"coding": [{"code": "E78.5", "display": "Hyperlipidemia, unspecified"}]},
        "onsetDateTime": "2014-05-22",
    }
    p = _patient([_visit("s1", "2025-01-04", "Follow-up.")], [problem])
    (onset,) = [x for x in _ask(p) if x.kind == "first_diagnosed"]
    assert onset.expected == ("2014-05-22",)
    assert onset.relevant == ("client:medical_history",)
    assert "hyperlipidemia" in onset.text


def test_prescribed_for_a_condition_names_every_medication() -> None:
    v = _visit(
        "s1", "2025-02-14", "Medications: Ketorolac 30mg, Cyclobenzaprine 10mg",
        meds=[("Ketorolac", ""), ("Cyclobenzaprine", "")],
        med_reasons=[("Ketorolac", "Low back pain, unspecified"),
                     ("Cyclobenzaprine", "Low back pain, unspecified")],
    )  # fmt: skip
    found = [x for x in _ask(_patient([v])) if x.kind == "prescribed_for"]
    assert found[0].about == "condition:low back pain"
    assert found[0].expected == ("Cyclobenzaprine", "Ketorolac")
    assert found[0].relevant == ("session:s1",)


# -- derivation on the generator's patients --------------------------------------------------
@pytest.fixture(scope="module")
def small() -> EvalSet:
    return build(SMALL)


@pytest.fixture(scope="module")
def asked(small: EvalSet) -> list[AnswerQuestion]:
    return answer_questions(small.patients, small.doc)


def test_questions_are_deterministic_and_cover_every_kind(
    small: EvalSet, asked: list[AnswerQuestion]
) -> None:
    assert answer_questions(small.patients, small.doc) == asked
    count = Counter(x.kind for x in asked)
    assert set(count) == set(KINDS)
    assert all(n <= 6 for k, n in count.items() if k != "absent")
    assert count["absent"] == 12
    assert len({x.id for x in asked}) == len(asked) == len({(x.client, x.text) for x in asked})
    fewer = answer_questions(small.patients, small.doc, per_kind=2, absent=3)
    assert Counter(x.kind for x in fewer)["value_on_date"] == 2
    assert Counter(x.kind for x in fewer)["absent"] == 3
    assert [x.kind for x in asked[: len(KINDS)]] == list(KINDS)  # interleaved by kind


def _units(small: EvalSet) -> dict[tuple[str, str], str]:
    """(client, unit) -> the unit's text."""
    out = {}
    for c in small.doc["clients"]:
        for s in c["sessions"]:
            out[(c["external_id"], f"session:{s['external_id']}")] = "\n".join(s[f] for f in SOAP)
        for f in ("medical_history", "notes"):
            out[(c["external_id"], f"client:{f}")] = c[f]
    return out


def _dates(small: EvalSet) -> dict[tuple[str, str], dt.date]:
    return {
        (c["external_id"], f"session:{s['external_id']}"): dt.date.fromisoformat(s["date"][:10])
        for c in small.doc["clients"]
        for s in c["sessions"]
    }


def test_answers_stand_in_their_relevant_units(small: EvalSet, asked: list[AnswerQuestion]) -> None:
    units, dates = _units(small), _dates(small)
    for x in asked:
        if x.kind == "absent":
            assert not x.expected and not x.relevant, x
            continue
        assert x.expected and x.relevant, x
        for u in x.relevant:
            assert (x.client, u) in units, x
        if x.answer_type == "date":
            day = dt.date.fromisoformat(x.expected[0])
            if x.kind == "first_diagnosed":
                history = units[(x.client, "client:medical_history")]
                assert day in {d.date for d in find_dates(history)}, x
            else:  # the visit's own date, which its sources carry as their label
                assert [dates[(x.client, u)] for u in x.relevant] == [day], x
        else:
            for value in x.expected:
                assert any(mentions(units[(x.client, u)], value) for u in x.relevant), x


def test_a_date_in_a_question_names_exactly_one_visit(
    small: EvalSet, asked: list[AnswerQuestion]
) -> None:
    dates = _dates(small)
    for x in asked:
        if x.kind not in ("value_on_date", "bp_on_date") and x.about != "visit":
            continue
        (day,) = [d.date for d in find_dates(x.text)]
        same_day = [u for (c, u), d in dates.items() if c == x.client and d == day]
        assert list(x.relevant) == same_day, x


def test_absent_questions_name_nothing_in_the_record(
    small: EvalSet, asked: list[AnswerQuestion]
) -> None:
    dates = _dates(small)
    for x in asked:
        if x.about != "absent:date":
            continue
        (day,) = [d.date for d in find_dates(x.text)]
        assert all(abs((d - day).days) > 3 for (c, _), d in dates.items() if c == x.client), x
    subs = Counter(x.about for x in asked if x.kind == "absent")
    assert set(subs) == {"absent:lab", "absent:medication", "absent:procedure", "absent:date"}


# -- the report ----------------------------------------------------------------------------
def _row(mode: str, kind: str, out: str, total: float = 100.0) -> dict:
    return {
        "mode": mode, "kind": kind, "outcome": out, "relevant_used": out == "correct",
        "relevant_retrieved": True, "timings_ms": {"total": total, "generate": total / 2},
    }  # fmt: skip


def test_summary_goals_and_table() -> None:
    rows = [
        _row("instruct", "value_on_date", "correct"),
        _row("instruct", "value_on_date", "wrong"),
        _row("instruct", "latest_value", "refused"),
        _row("instruct", "latest_value", "correct"),
        _row("instruct", "absent", "refused"),
        _row("instruct", "absent", "answered"),
    ]
    s = summarise(rows)
    assert s["answerable"] == {"n": 4, "correct": 0.5, "wrong": 0.25, "refused": 0.25}
    assert s["per_kind"]["value_on_date"] == {"n": 2, "correct": 0.5, "wrong": 0.5, "refused": 0.0}
    assert s["absent"] == {"n": 2, "refused": 0.5}
    assert s["relevant_used"] == 0.5
    assert s["timings_ms"]["total"]["p50_ms"] == 100
    assert s["why"]["wrong_relevant_offered_not_used"] == 1
    assert s["why"]["refused_relevant_offered"] == 1
    g = goals({"instruct": s}, "instruct")
    assert g["correct"] == {"value": 0.5, "goal": GOALS["correct_min"], "met": False}
    assert g["extractive_relevant_quoted"]["met"] is None
    assert any("MISSED" in line for line in goal_lines(g))
    report = {
        "modes": {"instruct": s},
        "dataset": {"questions": 6, "answerable": 4, "absent": 2},
    }
    text = table(report)
    for kind in ("value_on_date", "latest_value", "ALL answerable", "absent: refused"):
        assert kind in text
    assert "0.50/0.25/0.25" in text
    assert set(ANSWERABLE) < set(KINDS)


def test_an_error_is_counted_but_is_no_outcome() -> None:
    s = summarise([_row("m", "bp_on_date", "correct"), {**_row("m", "bp_on_date", "error")}])
    assert s["answerable"] == {"n": 2, "correct": 0.5, "wrong": 0.0, "refused": 0.0, "errors": 1}


def test_generators_are_those_the_settings_accept() -> None:
    from bench.answers.eval import GENERATORS, accepted_generators

    assert accepted_generators(("instruct", "no-such-model")) == ["instruct"]
    assert set(accepted_generators()) <= set(GENERATORS)
