"""Part 1: `service.index_now()` against a raw `SentenceTransformer.encode` of the same texts."""

from __future__ import annotations

import json
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from bench.retrieval import GOALS, workspace

# What Indexer.run_batch passes on to the model: embed_documents' default sub-batch.
ENCODE_BATCH = 32


def _median_rounds(rounds: int, *fns: Callable[[], float]) -> list[list[float]]:
    """Interleaved rounds, alternating which side goes first."""
    samples: list[list[float]] = [[] for _ in fns]
    order = list(enumerate(fns))
    for r in range(rounds):
        for i, fn in order if r % 2 == 0 else list(reversed(order)):
            samples[i].append(fn())
    return samples


def bench_indexing(
    root: Path, embedder: Any, raw_model: Any, doc: dict[str, Any], rounds: int
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Returns the figures and the real vectors, by chunk text, for the corpus."""
    import torch

    from core.retrieval.indexer import Indexer

    src = root / "index.json"
    src.write_text(json.dumps(doc))
    kw = {"normalize_embeddings": True, "show_progress_bar": False, "convert_to_numpy": True}
    torch.set_num_threads(embedder.settings.batch_threads)  # this thread: the raw side's
    svc = workspace.service(root / "index", embedder)
    rows_per_batch = Indexer(svc.db, svc.cipher, embedder).batch_size
    texts: list[str] = []
    ours_n: list[int] = []
    vectors: dict[str, np.ndarray] = {}
    try:
        svc.import_file(src)
        texts = [c.text for c in workspace.chunks(svc)]
        # Warm both sides up outside the timing (the first batches pay for allocations).
        embedder.embed_documents(texts[:64], ENCODE_BATCH)
        raw_model.encode(texts[:64], batch_size=ENCODE_BATCH, **kw)

        def ours() -> float:
            workspace.new_workspace(svc)
            svc.import_file(src)
            t = time.perf_counter()
            status = svc.index_now()
            took = time.perf_counter() - t
            ours_n.append(status.current)
            return took

        def raw() -> float:
            t = time.perf_counter()
            out = raw_model.encode(texts, batch_size=ENCODE_BATCH, **kw)
            took = time.perf_counter() - t
            vectors.update(zip(texts, out, strict=True))
            return took

        ours_s, raw_s = _median_rounds(rounds, ours, raw)
    finally:
        svc.close()
        shutil.rmtree(root / "index", ignore_errors=True)
    assert all(n == len(texts) for n in ours_n), (ours_n, len(texts))
    o, r = statistics.median(ours_s), statistics.median(raw_s)
    ratio = r / o
    goal = GOALS["indexing_ratio_raw_over_ours_min"]
    return {
        "chunks": len(texts),
        "rounds": rounds,
        "batch_size": ENCODE_BATCH,
        "indexer_rows_per_batch": rows_per_batch,
        "threads": embedder.settings.batch_threads,
        "ours_s": [round(x, 2) for x in ours_s],
        "raw_s": [round(x, 2) for x in raw_s],
        "ours_chunks_per_s": round(len(texts) / o, 1),
        "raw_chunks_per_s": round(len(texts) / r, 1),
        "ratio_raw_s_over_ours_s": round(ratio, 3),
        "goal": goal,
        "meets_goal": ratio >= goal,
        "ours_includes": f"backfill check, SELECT FOR UPDATE SKIP LOCKED in batches of "
        f"{rows_per_batch}, decryption, embedding, UPDATE, status counts, audit event",
    }, vectors
