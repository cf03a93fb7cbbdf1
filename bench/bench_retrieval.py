"""Retrieval benchmarks (issue 5): indexing throughput (distinct and templated notes),
search latency at 100,000 chunks, HNSW recall. The parts, and how each is measured, are in
`bench/retrieval/`. `python -m bench.bench_retrieval --indexing-only` re-measures the
indexing parts alone and merges them into the last full run's retrieval.json."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import RESULTS, code_state, write_result
from bench.retrieval import GOALS, MODES, corpus, notes, workspace
from bench.retrieval.indexing import bench_indexing, bench_templated, templated_docs
from bench.retrieval.recall import bench_recall
from bench.retrieval.search import bench_search


def run(
    total_chunks: int = 100_000,
    n_clients: int = 100,
    sample_every: int = 60,
    index_rounds: int = 2,
    templated_rounds: int = 5,
    search_queries: int = 100,
    recall_queries: int = 200,
) -> dict[str, Any]:
    started = time.perf_counter()
    # The code that runs is the code at the start: record it then, not at write time.
    state = code_state("retrieval")
    embedder, raw_model = _models()
    doc = notes.notes_document(notes.spread(total_chunks, n_clients, small=2))
    result: dict[str, Any] = {**state, "goals": GOALS, "model": embedder.model_id}
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
        result["indexing_templated"] = _templated(root, embedder, raw_model, templated_rounds)
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
        "indexing_templated_overhead": _templated_goal(result["indexing_templated"]),
        "search_p95": all(s[sc][m]["meets_goal"] for sc in scopes for m in MODES),
        "hnsw_recall": all(rc[sc]["meets_goal"] for sc in scopes),
    }
    result["seconds"] = round(time.perf_counter() - started, 1)
    write_result("retrieval", result)
    return result


def run_indexing(
    total_chunks: int = 100_000,
    n_clients: int = 100,
    sample_every: int = 60,
    index_rounds: int = 2,
    templated_rounds: int = 5,
) -> dict[str, Any]:
    """The indexing parts alone (minutes, not the corpus build): re-measures `indexing` and
    `indexing_templated` and merges them into the last full run's retrieval.json, whose
    corpus, search and recall figures stay as they were (its `note` says so)."""
    started = time.perf_counter()
    state = code_state("retrieval")
    embedder, raw_model = _models()
    doc = notes.notes_document(notes.spread(total_chunks, n_clients, small=2))
    with tempfile.TemporaryDirectory(prefix="chartside-bench-retrieval-") as tmp:
        root = Path(tmp)
        os.environ["CHARTSIDE_CONFIG_FILE"] = str(root / "absent-config.toml")
        os.environ["CHARTSIDE_POLICY_FILE"] = str(root / "absent-policy.toml")
        indexing, _ = bench_indexing(
            root, embedder, raw_model, notes.subset(doc, sample_every), index_rounds
        )
        templated = _templated(root, embedder, raw_model, templated_rounds)
    embedder.close()
    last = json.loads((RESULTS / "retrieval.json").read_text())
    full_when = last.get("full_run_when", last["when"])
    full_commit = last.get("full_run_commit", last.get("commit"))
    stale = ("benchmark", "when", "commit", "uncommitted", "machine", "note")
    for key in (*stale, "full_run_when", "full_run_commit"):
        last.pop(key, None)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    result = {
        "note": f"Only `indexing` and `indexing_templated` were measured at {when} "
        f"(`python -m bench.bench_retrieval --indexing-only`, "
        f"{time.perf_counter() - started:.0f} s); `corpus`, `search`, `recall` and "
        f"`seconds` are from the full run at {full_when}.",
        "full_run_when": full_when,
        "full_run_commit": full_commit,
        **state,
        **last,
        "indexing": indexing,
        "indexing_templated": templated,
    }
    result["meets_goals"] = {
        **last.get("meets_goals", {}),
        "indexing_throughput": indexing["meets_goal"],
        "indexing_templated_overhead": _templated_goal(templated),
    }
    write_result("retrieval", result)
    return result


def _templated(root: Path, embedder: Any, raw_model: Any, rounds: int) -> dict[str, Any]:
    return {
        name: bench_templated(root, embedder, raw_model, doc, data, rounds, f"templated-{name}")
        for name, (doc, data) in templated_docs().items()
    }


def _templated_goal(figures: dict[str, Any]) -> bool:
    return all(f["meets_goal"] for f in figures.values())


def _models() -> tuple[Any, Any]:
    """Our embedder and the raw library's model, from the same packaged files."""
    from sentence_transformers import SentenceTransformer

    from models import packaged
    from models.embedder import SentenceTransformerEmbedder

    pm = packaged.embedder()
    embedder = SentenceTransformerEmbedder(pm.path, name=pm.name)
    embedder.load()
    raw_model = SentenceTransformer(str(pm.path), device="cpu", local_files_only=True)
    raw_model.eval()
    return embedder, raw_model


if __name__ == "__main__":
    if sys.argv[1:] == ["--indexing-only"]:
        print(json.dumps(run_indexing(), indent=2))
    else:
        print(json.dumps(run(), indent=2))
