"""A question that names a drug, condition or procedure none of the client's notes holds is
refused with the exhaustive-absence wording, on the model's path too (issue 27): offered
other drugs' lines, the small model answered "What dose of X" with another drug's dose.
And "what was prescribed for <condition>" is read from the visits that assessed it. Real
service, database and embedder; extractive answers, so no generator is needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from core.assistant.types import AskRequest, AskResult
from core.domain import ClientData, SessionData
from core.services.service import ChartsideService
from models.embedder import SentenceTransformerEmbedder

PASS = "correct horse battery staple"
START = dt.datetime(2024, 3, 4, 10)
# (days after START, subjective, assessment, plan)
VISITS: list[tuple[int, str, str, str]] = [
    (0, "Painful swollen big toe.", "Gout flare, right first MTP.", "Start colchicine 0.5 mg bid."),
    (21, "Toe better. Feels low.", "Gout settling. Low mood.", "Begin allopurinol 100 mg daily."),
    (60, "Mood low, poor sleep.", "Depression, moderate.", "Counselling referral."),
    (90, "Night-time sugars high.", "Type 2 diabetes.", "Lantus 10 units at night."),
]


@pytest.fixture
def chart(
    service_factory: Callable[..., ChartsideService], embedder: SentenceTransformerEmbedder
) -> tuple[ChartsideService, Any]:
    svc = service_factory(embedder=embedder)
    svc.initialise(PASS)
    client = svc.notes.create_client(
        ClientData(full_name="Dana Levi", medical_history="Hypertension on ramipril 5 mg.")
    ).id
    for days, subjective, assessment, plan in VISITS:
        svc.notes.create_session(
            client,
            SessionData(
                date=START + dt.timedelta(days=days),
                subjective=subjective,
                assessment=assessment,
                plan=plan,
            ),
        )
    svc.search.index_now()
    return svc, client


def _ask(svc: ChartsideService, client: Any, question: str) -> AskResult:
    return svc.assistant.ask(
        AskRequest(question, client_id=client, use_cache=False, extractive=True)
    )


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("How much warfarin is she taking?", "I found no note that mentions warfarin."),
        ("Is the Coumadin dose right?", "I found no note that mentions Coumadin (warfarin)."),
        ("Her asthma inhaler: which one?", "I found no note that mentions asthma."),
        ("מה המינון של וורפרין?", "לא מצאתי רשומה שמזכירה את וורפרין (warfarin)."),
    ],
)
def test_a_name_no_note_holds_is_refused_as_absent(chart: Any, question: str, answer: str) -> None:
    svc, client = chart
    result = _ask(svc, client, question)
    assert result.refused and result.path == "timeline"
    assert result.answer == answer
    assert result.sources == []


@pytest.mark.parametrize(
    "question",
    [
        "What dose of ramipril is she on?",  # the client's record
        "Is she on insulin?",  # written as Lantus: insulin glargine is insulin
        "How is the gouty arthritis?",  # another name of gout
        "מה המינון של קולכיצין?",  # Hebrew name of a drug the notes write in English
    ],
)
def test_a_name_the_notes_hold_in_any_form_is_answered(chart: Any, question: str) -> None:
    svc, client = chart
    result = _ask(svc, client, question)
    assert not result.refused and result.path == "model", result.answer


@pytest.mark.parametrize(
    "question",
    [
        "She is still refusing warfarin. What did the plan say on 25 March 2024?",
        "What did the plan say on 25 March 2024? The family worry about her asthma.",
        "Hx: non-smoker, no asthma. What did the assessment say on 2 June 2024?",
    ],
)
def test_a_name_only_a_telling_sentence_holds_is_no_absence(chart: Any, question: str) -> None:
    """What a sentence that tells names is not asked: the question about the day's note is
    answered from it, never refused as "no note mentions warfarin"."""
    svc, client = chart
    result = _ask(svc, client, question)
    assert not result.refused, result.answer
    assert "no note" not in result.answer and result.sources


def test_a_name_the_asking_part_needs_is_still_refused_when_absent(chart: Any) -> None:
    """ "She takes warfarin. What dose?": what is left asks of warfarin, which no note holds."""
    svc, client = chart
    result = _ask(svc, client, "She takes warfarin. What dose?")
    assert result.refused and result.answer == "I found no note that mentions warfarin."


def test_what_was_prescribed_for_a_condition_is_the_drugs_used_for_it(chart: Any) -> None:
    """The drugs prescribed that treat it, wherever prescribed: the note that started
    allopurinol assessed gout, the one that started colchicine a flare; ramipril (the
    client's record, hypertension) is no gout drug."""
    svc, client = chart
    result = _ask(svc, client, "What was prescribed for gout?")
    assert result.path == "timeline" and not result.refused
    assert result.answer == (
        "Prescribed, of the drugs used for gout: "
        "colchicine 0.5 mg, first on 2024-03-04 [1]; allopurinol 100 mg, first on 2024-03-25 [2]."
    )
    assert [s.session_date.date() for s in result.sources if s.session_date] == [
        dt.date(2024, 3, 4),
        dt.date(2024, 3, 25),
    ]
    hebrew = _ask(svc, client, "איזו תרופה ניתנה לשיגדון?")
    assert hebrew.path == "timeline"
    assert hebrew.answer.startswith("נרשמו, מבין התרופות לטיפול ב-gout: colchicine 0.5 mg")
    # Lantus is insulin glargine, a diabetes drug, though the visit said "sugars high".
    diabetes = _ask(svc, client, "What medications was she given for her diabetes?")
    assert diabetes.path == "timeline" and "insulin glargine" in diabetes.answer
    # No drug used for it was prescribed: the notes are read instead.
    none = _ask(svc, client, "What was prescribed for depression?")
    assert none.path == "model"


def test_every_name_of_the_indications_table_is_one_the_extractor_gives() -> None:
    """A misspelt drug or condition in TREATS would never match a fact: caught here."""
    from core.timeline.vocab.indications import TREATS
    from core.timeline.vocab.lexicon import CONDITIONS, DRUGS

    assert set(TREATS) <= set(CONDITIONS)
    assert {d for drugs in TREATS.values() for d in drugs} <= set(DRUGS)
