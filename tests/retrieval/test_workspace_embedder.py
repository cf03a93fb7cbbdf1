"""The embedder is chosen per workspace (issue 14, point 2): two desktops, each with its own
data dir and model registry, share one workspace on a clinic server. One switches to the
multilingual embedder from the models screen; the other follows without being told, its
background indexer and the first's re-embed the workspace once between them, and neither
turns the other's vectors back. A third desktop, whose registry still names the packaged
default, takes the workspace's embedder when it unlocks. All of it through the app's own
composition root, with the real packaged models.

A workspace whose embedder is not installed on a desktop is searched by words there, and
that desktop embeds nothing, rather than re-embedding everyone's notes to its own model.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.compose import build_service, migrations_dir
from app.models_api import RegistryModelsPart
from app.models_setup import WORKSPACE_CHOICE
from core.domain import ClientData, SessionData
from core.errors import ModelError
from core.retrieval.model_choice import chosen_embedder, record_embedder
from core.retrieval.types import IndexStatus, SearchQuery
from core.services.search_ops import CHUNK_TOKENS
from core.services.service import ChartsideService
from models import packaged
from models.embedder import SentenceTransformerEmbedder
from models.registry import ModelRegistry
from tests.clinic import start_clinic
from tests.conftest import PASSPHRASE, make_settings
from tests.db.test_clinic_desktops import _EMBED_LOG
from tests.retrieval.test_hebrew_search import add_notes

pytestmark = pytest.mark.slow
BOB = ("bob", "bob has a long passphrase")
CAROL = ("carol", "carol has a long passphrase")


def _until(what: str, done: Callable[[], bool], timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.2)


def _watch(svc: ChartsideService) -> list[IndexStatus]:
    seen: list[IndexStatus] = []
    svc.search.watch_index(seen.append)
    return seen


def _model_of(svc: ChartsideService) -> str | None:
    return None if svc.embedder is None else svc.embedder.model_id


def test_one_desktop_switches_the_workspace_s_embedder_and_the_others_follow(
    tmp_path: Path,
) -> None:
    clinic = start_clinic(tmp_path / "clinic")
    made: list[ChartsideService] = []

    def desk(name: str) -> ChartsideService:
        svc = build_service(make_settings(tmp_path / name, database=clinic.database_settings()))
        made.append(svc)
        return svc

    try:
        a = desk("desk-a")
        a.initialise(PASSPHRASE)
        for username, pw in (BOB, CAROL):
            a.keys.add_practitioner(username, username.title(), pw)
        client, sessions = add_notes(a)
        minilm = _model_of(a)
        assert minilm is not None and minilm.startswith(packaged.EMBEDDER_NAME)
        # The first desktop to unlock records its embedder as the workspace's.
        assert a.session.run(lambda c, k: chosen_embedder(c, k.workspace_id)) == minilm
        b = desk("desk-b")
        b.unlock(BOB[1], username=BOB[0])
        assert _model_of(b) == minilm
        b_seen, a_seen = _watch(b), _watch(a)
        _until(
            "both indexed",
            lambda: a.search.index_status().complete and b.search.index_status().complete,
        )
        with clinic.superuser() as conn:
            conn.execute(_EMBED_LOG)  # from here on, each vector written is logged

        # The models screen on desktop A (its ModelsPart over its registry and service).
        e5_path = str(packaged.multilingual_embedder().path)
        chosen = RegistryModelsPart(a.settings, a).use_model("embedder", e5_path)
        e5 = chosen.model_id
        assert e5.startswith(packaged.MULTILINGUAL_NAME) and _model_of(a) == e5
        assert a.session.run(lambda c, k: chosen_embedder(c, k.workspace_id)) == e5

        # Desktop B follows: woken by the change's NOTIFY, not told by anyone in-process.
        _until("desktop B follows", lambda: _model_of(b) == e5, timeout_s=60)
        _until(
            "the workspace is re-embedded",
            lambda: a.search.index_status().complete and b.search.index_status().complete,
        )
        # Each desktop's bar ends at the new model, complete, whichever did the work.
        done = IndexStatus(a.search.index_status().total, a.search.index_status().total, e5)
        _until("the bars follow", lambda: a_seen[-1] == b_seen[-1] == done, timeout_s=30)
        time.sleep(3)  # a desktop still on the old model would be re-embedding by now
        with clinic.superuser() as conn:
            models = dict(
                conn.execute("SELECT model_id, count(*) FROM chunks GROUP BY model_id").fetchall()
            )
            per_chunk = conn.execute(
                "SELECT max(n) FROM (SELECT count(*) n FROM test_embed_log GROUP BY chunk_id) t"
            ).fetchone()
        assert set(models) == {e5}
        assert per_chunk == (1,), "a chunk was embedded more than once by the new model"
        hits = b.search.query(SearchQuery("מתי התחילו הכאבים בברך?", client_id=client, k=3))
        assert hits.index.model_id == e5 and hits.hits[0].session_id == sessions["knee"]
        # B's own registry now names the workspace's embedder, and says why.
        active = ModelRegistry(b.settings.models_dir)
        record = active.active("embedder")
        assert record is not None and record.model_id == e5
        assert active.why_active("embedder") == WORKSPACE_CHOICE

        # A desktop whose registry still has the packaged default takes the workspace's.
        c = desk("desk-c")
        assert _model_of(c) == minilm
        c.unlock(CAROL[1], username=CAROL[0])
        assert _model_of(c) == e5
        assert c.search.index_status() == IndexStatus(models[e5], models[e5], e5)
    finally:
        for svc in made:
            svc.close()


def test_a_desktop_without_the_workspace_s_embedder_searches_by_words_and_embeds_nothing(
    service_factory: Callable[..., ChartsideService], embedder: SentenceTransformerEmbedder
) -> None:
    first = service_factory(embedder=embedder)
    first.initialise(PASSPHRASE)
    client, sessions = add_notes(first)
    assert first.search.index_now().complete
    elsewhere = "some-other-embedder@0123456789ab"  # installed on another desktop only
    first.session.run(lambda c, k: record_embedder(c, k.workspace_id, elsewhere))
    settings = first.settings
    first.close()

    asked: list[str] = []

    def not_here(model_id: str) -> Any:
        asked.append(model_id)
        return None

    svc = ChartsideService(settings, migrations_dir(), embedder=embedder, embedder_for=not_here)
    try:
        svc.unlock(PASSPHRASE)
        assert asked == [elsewhere] and svc.embedder is None
        found = svc.search.query(SearchQuery("כאבים בברך", client_id=client, k=3))
        assert found.hits[0].session_id == sessions["knee"]  # by its words
        with pytest.raises(ModelError, match="not installed on this computer"):
            svc.search.index_now()
        with pytest.raises(ModelError, match=elsewhere):
            svc.search.watch_index(lambda _s: None)
        index = next(check for check in svc.health.doctor() if check.name == "index")
        assert not index.ok and "not installed on this computer" in index.detail
        # Its vectors stay as the other desktops left them.
        assert svc.session.run(lambda c, k: chosen_embedder(c, k.workspace_id)) == elsewhere
    finally:
        svc.close()


# -- the default for a Hebrew practice (issue 28) --------------------------------------------
ENGLISH_NOTES = (
    "Knee pain on stairs for two weeks; quadriceps exercises twice daily.",
    "Low mood and poor sleep for a month; started sertraline 50 mg.",
    "BP 150/95 on two readings; amlodipine 5 mg, recheck in a month.",
)


def _workspace_choice(svc: ChartsideService) -> str | None:
    return svc.session.run(lambda c, k: chosen_embedder(c, k.workspace_id))


def test_a_workspace_created_in_a_hebrew_window_starts_with_the_multilingual_embedder(
    tmp_path: Path,
) -> None:
    """The window's language when the workspace is created picks its embedder, through the
    app's own composition root: Hebrew gets multilingual-e5-small, chunked in its own
    tokens; English keeps the packaged default. The choice is the workspace's (every desktop
    follows it) and this computer's active model from then on."""
    he = build_service(make_settings(tmp_path / "he", ui={"language": "he"}))
    try:
        he.initialise(PASSPHRASE)
        e5 = _model_of(he)
        assert e5 is not None and e5.startswith(packaged.MULTILINGUAL_NAME)
        assert _workspace_choice(he) == e5
        registry = ModelRegistry(he.settings.models_dir)
        record = registry.active("embedder")
        assert record is not None and record.model_id == e5
        assert registry.why_active("embedder") == WORKSPACE_CHOICE
        client, sessions = add_notes(he)
        long_note = "כאבים בברך ימין בעליה במדרגות. " * 60  # longer than one chunk
        he.notes.create_session(
            client, SessionData(date=dt.datetime(2025, 9, 1), subjective=long_note)
        )
        assert he.search.index_now().complete
        # Chunks were counted in the multilingual model's tokens (MiniLM cuts Hebrew into
        # many more): each window but the last is 96-128 of them.
        assert he.embedder is not None
        parts = he.chunker.split(long_note)
        counts = [he.embedder.count_tokens(part) for part in parts[:-1]]
        assert counts and all(CHUNK_TOKENS * 3 // 4 <= n <= CHUNK_TOKENS for n in counts), counts
        # A paraphrase no note words ("דיכאון"), found by the embedder alone.
        found = he.search.query(
            SearchQuery("מה נרשם לגבי הדיכאון והשינה?", client_id=client, mode="vector")
        )
        assert found.hits[0].session_id == sessions["mood"]
        settings = he.settings
    finally:
        he.close()

    again = build_service(settings)  # the next start opens it directly
    try:
        assert _model_of(again) == e5
        again.unlock(PASSPHRASE)
        assert _model_of(again) == e5 and again.search.index_status().complete
        assert again.search.embedder_advice() is None  # Hebrew notes, and already on it
    finally:
        again.close()

    en = build_service(make_settings(tmp_path / "en"))
    try:
        en.initialise(PASSPHRASE)
        minilm = _model_of(en)
        assert minilm is not None and minilm.startswith(packaged.EMBEDDER_NAME)
        assert _workspace_choice(en) == minilm
    finally:
        en.close()


def test_a_workspace_of_hebrew_notes_on_the_default_embedder_is_offered_the_multilingual_one(
    tmp_path: Path,
) -> None:
    """Created in English, its notes turn out Hebrew: the service advises the multilingual
    embedder with the reason, and taking the advice switches the workspace (recorded for
    every desktop) and re-embeds its notes."""
    svc = build_service(make_settings(tmp_path / "data"))
    try:
        svc.initialise(PASSPHRASE)
        client, sessions = add_notes(svc)
        assert svc.search.index_now().complete
        minilm = _model_of(svc)
        advice = svc.search.embedder_advice()
        assert advice is not None and advice.current == minilm
        assert advice.suggested.startswith(packaged.MULTILINGUAL_NAME)
        assert advice.hebrew_share == 1.0 and "notes are in Hebrew" in advice.reason

        e5 = svc.search.take_advice()
        assert e5 == advice.suggested == _model_of(svc) == _workspace_choice(svc)
        assert svc.search.embedder_advice() is None
        assert svc.search.index_now() == IndexStatus(
            svc.search.index_status().total, svc.search.index_status().total, e5
        )
        found = svc.search.query(
            SearchQuery("מה נרשם לגבי הדיכאון והשינה?", client_id=client, mode="vector")
        )
        assert found.hits[0].session_id == sessions["mood"]
    finally:
        svc.close()


def test_english_notes_get_no_advice_and_a_declined_one_is_not_offered_again(
    tmp_path: Path,
) -> None:
    svc = build_service(make_settings(tmp_path / "data"))
    try:
        svc.initialise(PASSPHRASE)
        client = svc.notes.create_client(ClientData(full_name="Dana Levi")).id
        for i, note in enumerate(ENGLISH_NOTES * 2):
            svc.notes.create_session(
                client, SessionData(date=dt.datetime(2025, 1, 1 + i), subjective=note)
            )
        assert svc.search.embedder_advice() is None  # English notes: the default suits them

        add_notes(svc)
        add_notes(svc)  # now mostly Hebrew
        advice = svc.search.embedder_advice()
        assert advice is not None and 0.5 <= advice.hebrew_share < 1.0
        svc.search.decline_advice()
        assert svc.search.embedder_advice() is None
        minilm = _model_of(svc)
        assert _workspace_choice(svc) == minilm  # nothing switched
        settings = svc.settings
    finally:
        svc.close()
    again = build_service(settings)
    try:
        again.unlock(PASSPHRASE)
        assert again.search.embedder_advice() is None  # remembered on this computer
        with pytest.raises(ModelError, match="No other embedder is advised"):
            again.search.take_advice()
    finally:
        again.close()
