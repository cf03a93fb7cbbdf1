"""Retrieval benchmarks (issue 5): indexing throughput, search latency at 100,000 chunks,
HNSW recall. The parts, and how each is measured, are in `bench/retrieval/`."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import write_result
from bench.retrieval import GOALS, MODES, corpus, notes, workspace
from bench.retrieval.indexing import bench_indexing
from bench.retrieval.recall import bench_recall
from bench.retrieval.search import bench_search


def run(
    total_chunks: int = 100_000,
    n_clients: int = 100,
    sample_every: int = 60,
    index_rounds: int = 2,
    search_queries: int = 100,
    recall_queries: int = 200,
) -> dict[str, Any]:
    from sentence_transformers import SentenceTransformer

    from models import packaged
    from models.embedder import SentenceTransformerEmbedder

    started = time.perf_counter()
    pm = packaged.embedder()
    embedder = SentenceTransformerEmbedder(pm.path, name=pm.name)
    embedder.load()
    raw_model = SentenceTransformer(str(pm.path), device="cpu", local_files_only=True)
    raw_model.eval()
    doc = notes.notes_document(notes.spread(total_chunks, n_clients, small=2))
    result: dict[str, Any] = {"goals": GOALS, "model": embedder.model_id}
    with tempfile.TemporaryDirectory(prefix="chartside-bench-retrieval-") as tmp:
        root = Path(tmp)
        # No developer config or machine policy may leak into the measurement.
        os.environ["CHARTSIDE_CONFIG_FILE"] = str(root / "absent-config.toml")
        os.environ["CHARTSIDE_POLICY_FILE"] = str(root / "absent-policy.toml")
        # Part 1 embeds a sample of the same clients' notes: its vectors seed the corpus.
        indexing, real = bench_indexing(
            root, embedder, raw_model, notes.subset(doc, sample_every), index_rounds
        )
        result["indexing"] = indexing
        del raw_model
        svc, chunks, result["corpus"] = corpus.big_workspace(root, embedder, doc, real)
        try:
            queries = notes.query_sentences(max(search_queries, recall_queries))
            qvecs = np.asarray(embedder.embed_documents(queries), dtype=np.float32)
            per_client = Counter(c.client_id for c in chunks)
            client = max(per_client, key=lambda k: per_client[k])
            small = min(per_client, key=lambda k: per_client[k])
            result["search"] = bench_search(
                svc, chunks, queries[:search_queries], qvecs[:search_queries], client
            )
            result["recall"] = bench_recall(
                svc, qvecs[:recall_queries], client, small, recall_queries // 2
            )
        finally:
            svc.close()
    embedder.close()
    s, rc = result["search"], result["recall"]
    scopes = [name for name, _ in workspace.scopes(client)]
    result["meets_goals"] = {
        "indexing_throughput": indexing["meets_goal"],
        "search_p95": all(s[sc][m]["meets_goal"] for sc in scopes for m in MODES),
        "hnsw_recall": all(rc[sc]["meets_goal"] for sc in scopes),
    }
    result["seconds"] = round(time.perf_counter() - started, 1)
    write_result("retrieval", result)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
