"""Chunks, the indexer and hybrid search on the real database and the real embedder
(issue 5 §1–§4)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Sequence
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import text

from core.domain import ClientData, SessionData
from core.errors import Cancelled, ModelError
from core.ports import CancelToken
from core.retrieval.chunks import Chunker
from core.retrieval.indexer import _Plan  # pyright: ignore[reportPrivateUsage]
from core.retrieval.types import IndexStatus, SearchQuery
from core.services.service import ChartsideService
from models.embedder import SentenceTransformerEmbedder

DAY = dt.datetime(2024, 3, 2, 10, 0)


def add_client(svc: ChartsideService, name: str = "Dana Levi", history: str = "") -> UUID:
    return svc.notes.create_client(ClientData(full_name=name, medical_history=history)).id


def add_session(svc: ChartsideService, client: UUID, day: dt.datetime = DAY, **fields: str) -> UUID:
    data = {f: "" for f in ("subjective", "objective", "assessment", "plan")} | fields
    return svc.notes.create_session(client, SessionData(date=day, **data)).id


def chunk_rows(svc: ChartsideService) -> list[Any]:
    return svc.session.run(
        lambda c, k: c.execute(
            text(
                "SELECT id, client_id, session_id, field, ordinal, content_hash, content, "
                "model_id, dim, embedding FROM chunks ORDER BY field, ordinal"
            )
        ).all()
    )


def test_saving_a_note_writes_its_chunks_without_plaintext(
    indexed_service: ChartsideService,
) -> None:
    svc = indexed_service
    cid = add_client(svc, history="Hypothyroidism since 2019, on levothyroxine.")
    add_session(svc, cid, subjective="Knee pain on stairs.", plan="Quadriceps exercises daily.")
    rows = chunk_rows(svc)
    assert sorted(r.field for r in rows) == ["medical_history", "plan", "subjective"]
    assert all(r.embedding is None and r.model_id is None for r in rows)  # not yet indexed
    cipher = svc.cipher()
    for r in rows:
        blob = bytes(r.content)
        plain = cipher.decrypt("chunks", "content", r.id, blob)
        assert plain.split()[0].encode() not in blob
        assert bytes(r.content_hash) == cipher.lookup_hash("chunk", plain)
    everything = b"".join(bytes(r.content) + bytes(r.content_hash) for r in rows)
    for word in (b"levothyroxine", b"Knee", b"Quadriceps", b"stairs"):
        assert word not in everything


def test_chunks_commit_or_fail_with_the_note(indexed_service: ChartsideService) -> None:
    svc = indexed_service
    cid = add_client(svc)
    sid = add_session(svc, cid, plan="Walk daily.")
    before = chunk_rows(svc)

    def broken(_: str) -> list[tuple[int, int]]:
        raise RuntimeError("tokenizer failed")

    real = svc.chunker
    svc.chunker = Chunker(broken)
    with pytest.raises(RuntimeError):
        svc.notes.update_session(sid, SessionData(date=DAY, plan="Swim twice a week. " * 10))
    svc.chunker = real
    assert svc.notes.get_session(sid).data.plan == "Walk daily."  # the note did not change either
    assert [r.id for r in chunk_rows(svc)] == [r.id for r in before]


def test_editing_replaces_only_changed_chunks_and_delete_removes_them(
    indexed_service: ChartsideService,
) -> None:
    svc = indexed_service
    cid = add_client(svc, history="Asthma.")
    sid = add_session(svc, cid, subjective="Sleeping badly.", plan="Sleep hygiene.")
    svc.search.index_now()
    old = {r.field: r for r in chunk_rows(svc)}
    svc.notes.update_session(
        sid, SessionData(date=DAY, subjective="Sleeping badly.", plan="CBT-I.")
    )
    new = {r.field: r for r in chunk_rows(svc)}
    assert new["subjective"].id == old["subjective"].id  # unchanged: vector kept
    assert new["subjective"].embedding is not None
    assert new["plan"].id != old["plan"].id and new["plan"].embedding is None
    assert svc.search.index_status() == IndexStatus(2, 3, svc.embedder.model_id)  # type: ignore[union-attr]
    svc.notes.delete_session(sid)
    assert [r.field for r in chunk_rows(svc)] == ["medical_history"]
    svc.notes.delete_client(cid)
    assert chunk_rows(svc) == []


class CountingEmbedder:
    """The real embedder, counting what it is asked to embed (not a mock: it delegates)."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner
        self.texts = 0
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed_documents(self, texts: Sequence[str], *args: Any, **kw: Any) -> list[list[float]]:
        with self._lock:
            self.texts += len(texts)
        return self.inner.embed_documents(texts, *args, **kw)


def test_two_indexers_share_the_queue_and_embed_each_chunk_once(
    service_factory: Any, embedder: SentenceTransformerEmbedder
) -> None:
    counting = CountingEmbedder(embedder)
    svc = service_factory(embedder=counting)
    svc.initialise("correct horse battery staple")
    cid = add_client(svc)
    for i in range(150):
        add_session(svc, cid, DAY + dt.timedelta(days=i), plan=f"Plan number {i}.")
    seen: list[IndexStatus] = []
    threads = [threading.Thread(target=svc.search.index_now, args=(seen.append,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = chunk_rows(svc)
    assert len(rows) == 150 and counting.texts == 150  # SKIP LOCKED: no chunk twice
    assert all(r.model_id == embedder.model_id and r.dim == 384 for r in rows)
    assert all(abs(sum(x * x for x in json.loads(r.embedding)) - 1.0) < 1e-3 for r in rows)
    assert svc.search.index_status().complete
    currents = [s.current for s in seen]
    assert max(currents) == 150 and min(currents) <= 64


def test_identical_texts_are_embedded_once_and_share_the_vector(
    service_factory: Any, embedder: SentenceTransformerEmbedder
) -> None:
    """Templated notes: a text already embedded in the workspace (in this batch, an earlier
    one, or another client's note) takes that vector instead of being embedded again."""
    counting = CountingEmbedder(embedder)
    svc = service_factory(embedder=counting)
    svc.initialise("correct horse battery staple")
    for name in ("Ada", "Ben", "Cy"):
        cid = add_client(svc, name=name)
        for i in range(40):
            add_session(svc, cid, DAY + dt.timedelta(days=i), plan=f"Plan {i % 5}. No change.")
    svc.search.index_now()
    rows = chunk_rows(svc)
    assert len(rows) == 120 and counting.texts == 5  # 5 distinct texts, each embedded once
    by_text: dict[str, set[str]] = {}
    for r in rows:
        by_text.setdefault(r.content_hash.hex(), set()).add(r.embedding)
    assert len(by_text) == 5 and all(len(v) == 1 for v in by_text.values())
    # A new note with a known text needs no embedding; a new text does.
    cid = add_client(svc, name="Dee")
    add_session(svc, cid, DAY, plan="Plan 3. No change.")
    add_session(svc, cid, DAY, plan="Something new entirely.")
    svc.search.index_now()
    assert counting.texts == 6 and svc.search.index_status().complete


def test_no_embedder_means_a_clear_error_and_notes_still_save(service: ChartsideService) -> None:
    add_client(service, history="Migraine.")
    assert len(chunk_rows(service)) == 1  # chunked by words instead
    with pytest.raises(ModelError, match="No embedding model"):
        service.search.index_now()


def test_cancel_stops_between_batches(indexed_service: ChartsideService) -> None:
    svc = indexed_service
    cid = add_client(svc)
    for i in range(600):
        add_session(svc, cid, DAY + dt.timedelta(days=i), plan=f"Exercise {i}.")
    token = CancelToken()

    def progress(s: IndexStatus) -> None:
        if s.current > 0:  # after the first batch committed
            token.cancel()

    with pytest.raises(Cancelled):
        svc.search.index_now(progress, token)
    status = svc.search.index_status()
    # Two batches are in flight: the other one may have committed before the cancel.
    plan = _Plan(600, 256)
    first, second = plan.next(), plan.next()
    assert status.current in (first, second, first + second) and status.total == 600
    assert svc.search.index_now().complete  # and it resumes where it stopped


def test_model_change_reembeds_in_the_background_and_search_says_how_current(
    tmp_path: Any, service_factory: Any, embedder: SentenceTransformerEmbedder
) -> None:
    import shutil

    svc = service_factory(embedder=embedder)
    svc.initialise("correct horse battery staple")
    cid = add_client(svc)
    for i in range(40):
        add_session(svc, cid, DAY + dt.timedelta(days=i), plan=f"Ibuprofen {i} mg.")
    assert svc.search.index_now().complete
    svc.close()
    copy = tmp_path / "minilm-copy"  # the same weights under another name: another model id
    shutil.copytree(embedder.path, copy, copy_function=shutil.copy)
    other = SentenceTransformerEmbedder(copy, name="minilm-copy")
    try:
        svc2 = service_factory(embedder=embedder)
        svc2.unlock("correct horse battery staple")
        svc2.search.use_embedder(other)  # the workspace's model changes (`models use-embedder`)
        before = svc2.search.query(SearchQuery("ibuprofen", k=3))
        assert before.index == IndexStatus(0, 40, other.model_id)
        assert before.hits  # the lexical side still answers meanwhile
        done = threading.Event()
        seen: list[IndexStatus] = []

        def listen(s: IndexStatus) -> None:
            seen.append(s)
            if s.complete:
                done.set()

        svc2.search.watch_index(listen)
        assert done.wait(120)
        assert svc2.search.query(SearchQuery("ibuprofen", k=3)).index == IndexStatus(
            40, 40, other.model_id
        )
        assert {r.model_id for r in chunk_rows(svc2)} == {other.model_id}
        assert any(0 < s.current < 40 for s in seen) or len(seen) >= 2
    finally:
        other.close()


def test_background_indexer_wakes_on_notify(indexed_service: ChartsideService) -> None:
    svc = indexed_service
    cid = add_client(svc, history="Diabetes type 2.")
    statuses: list[IndexStatus] = []
    changed = threading.Condition()

    def listen(s: IndexStatus) -> None:
        with changed:
            statuses.append(s)
            changed.notify_all()

    svc.search.watch_index(listen)
    with changed:
        assert changed.wait_for(lambda: statuses and statuses[-1].complete, 60)
    svc.search.background.poll_s = 1e9  # type: ignore[union-attr]  # only a NOTIFY can wake it now
    add_session(svc, cid, plan="Metformin 500 mg twice daily.")
    with changed:
        assert changed.wait_for(
            lambda: statuses[-1] == IndexStatus(2, 2, svc.embedder.model_id), 60
        )  # type: ignore[union-attr]
    svc.lock()  # stops the thread
    assert svc.search.background is None
