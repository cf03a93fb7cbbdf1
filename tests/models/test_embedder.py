"""The sentence-transformers embedder on the packaged all-MiniLM-L6-v2."""

from __future__ import annotations

import math
import threading

import pytest

from core.errors import Cancelled
from core.ports import CancelToken, Embedder
from models import packaged
from models.embedder import SentenceTransformerEmbedder

NOTES = [
    "Lower back pain radiating to the left leg, worse after prolonged sitting.",
    "Reports improved sleep since starting sertraline 50 mg.",
    "Right knee swelling after running; no locking or giving way.",
    "BP 142/91, repeat in two weeks.",
    "Anxious about returning to work; practised grounding techniques in session.",
]


def dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_implements_the_port(embedder: SentenceTransformerEmbedder) -> None:
    assert isinstance(embedder, Embedder)
    assert embedder.dimension == 384
    assert embedder.max_input_tokens == 254  # 256 minus [CLS] and [SEP]
    assert embedder.model_id.startswith("all-MiniLM-L6-v2@")


def test_query_vector_is_unit_length_and_meaningful(embedder: SentenceTransformerEmbedder) -> None:
    q = embedder.embed_query("knee injury from jogging")
    assert len(q) == 384 and all(isinstance(x, float) for x in q)
    assert math.isclose(math.sqrt(dot(q, q)), 1.0, rel_tol=1e-4)
    docs = embedder.embed_documents(NOTES)
    scores = [dot(q, d) for d in docs]
    assert max(range(len(NOTES)), key=scores.__getitem__) == 2


def test_documents_keep_their_order_across_batches(embedder: SentenceTransformerEmbedder) -> None:
    # Mixed lengths: the embedder reorders longest-first internally and must undo it.
    texts = [NOTES[i % len(NOTES)] * (1 + i % 4) for i in range(23)]
    seen: list[float] = []
    vectors = embedder.embed_documents(texts, batch_size=4, progress=lambda f, _m: seen.append(f))
    assert len(vectors) == len(texts)
    assert seen[-1] == 1.0 and seen == sorted(seen) and len(seen) == 6
    for text, vector in zip(texts[:5], vectors[:5], strict=True):
        assert dot(vector, embedder.embed_query(text)) > 0.999
    assert embedder.embed_documents([]) == []


def test_cancel_stops_between_batches(embedder: SentenceTransformerEmbedder) -> None:
    cancel = CancelToken()
    calls = 0

    def progress(_f: float, _m: str) -> None:
        nonlocal calls
        calls += 1
        cancel.cancel()

    with pytest.raises(Cancelled):
        embedder.embed_documents(NOTES * 4, batch_size=2, progress=progress, cancel=cancel)
    assert calls == 1


def test_concurrent_callers_are_serialised(embedder: SentenceTransformerEmbedder) -> None:
    expected = embedder.embed_query(NOTES[0])
    results: list[float] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(dot(embedder.embed_query(NOTES[0]), expected))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and all(r > 0.9999 for r in results)


def test_torch_runs_with_the_configured_threads(embedder: SentenceTransformerEmbedder) -> None:
    import torch

    assert embedder._worker.call(torch.get_num_threads) == embedder.settings.query_threads == 1


def test_tokenizer_works_without_loading_torch_weights() -> None:
    pm = packaged.embedder()
    fresh = SentenceTransformerEmbedder(pm.path, name=pm.name)
    try:
        ids = fresh.tokenize("Sertraline 50 mg")
        assert ids and fresh.count_tokens("Sertraline 50 mg") == len(ids)
        assert fresh.count_tokens("word " * 400) == 400  # no silent truncation
        assert not fresh.loaded
    finally:
        fresh.close()


def test_metrics_are_recorded(embedder: SentenceTransformerEmbedder) -> None:
    m = embedder.metrics
    before = m.value("chartside_embedded_texts_total", model=embedder.name, kind="query")
    embedder.embed_query("x")
    after = m.value("chartside_embedded_texts_total", model=embedder.name, kind="query")
    assert after == before + 1
    assert m.value("chartside_model_load_seconds_count", model=embedder.name) == 1
    assert m.value("chartside_embed_seconds_count", model=embedder.name, kind="query") >= 1


def test_a_question_waits_for_one_batch_not_for_an_index_run(
    embedder: SentenceTransformerEmbedder,
) -> None:
    """The window's indexer embeds hundreds of chunks in one call; a question asked
    meanwhile is embedded between two of its batches (issue 28: 14 s behind them)."""
    texts = [f"{NOTES[i % len(NOTES)]} Visit {i}." for i in range(320)]
    first_batch = threading.Event()
    done: list[float] = []

    def progress(fraction: float, _message: str) -> None:
        done.append(fraction)
        first_batch.set()

    indexing = threading.Thread(
        target=lambda: embedder.embed_documents(texts, batch_size=16, progress=progress)
    )
    indexing.start()
    assert first_batch.wait(60)
    vector = embedder.embed_query("knee injury from jogging")
    at_answer = done[-1]
    indexing.join(120)
    assert len(vector) == 384
    assert at_answer < 0.5, f"the question waited until {at_answer:.0%} of the index run"
