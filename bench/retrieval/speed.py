"""Retrieval benchmarks (issue 5): indexing throughput (distinct and templated notes),
search latency at 100,000 chunks, HNSW recall. The parts, and how each is measured, are in
`bench/retrieval/`. `python -m bench.retrieval.speed --indexing-only` re-measures the
indexing parts alone and merges them into the last full run's retrieval.json; `quick`
(`make bench-quick`) measures both hot paths, indexing and search, on a small workspace
and writes nothing."""

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

from bench.common import (
    RESULTS,
    alternate,
    check,
    code_state,
    isolate,
    paired_ratio,
    write_result,
)
from bench.retrieval import GOALS, MODES, corpus, notes, workspace
from bench.retrieval.indexing import _Run, bench_indexing, bench_templated, templated_docs
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
        f"(`python -m bench.retrieval.speed --indexing-only`, "
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


# `make bench-quick`: the full run's kind of notes, about 400 chunks in 3 clients (a client
# scope of about 130, above the 50 candidates each side of a search asks for), 40 queries;
# about a minute on 2 cores.
QUICK_CHUNKS, QUICK_CLIENTS = 400, 3
QUICK_QUERIES = 40
# An index run also reads the timeline of the notes it indexes (issue 27), about a fifth of
# its time here, so the raw side is the bare encode plus the bare extractor over the same
# notes' fields. Indexing 400 chunks, an index run's fixed steps (the backfill check, the
# status counts, the audit event) weigh more than in the full run's 2,205,
# and ours keeps the database busy beside the model, which a busy host slows more than the
# raw encode. Measured raw/ours (median of 5 rounds) with the host's load average at 3-7:
# 0.81, 0.78 and 0.69 (0.95 on 600 chunks). The full run keeps its goal of 0.9; this one
# catches an index run grown a quarter slower.
QUICK_INDEXING_RATIO_GOAL = 0.75
# Searching so few chunks, the raw side (the pgvector query and bm25s) takes about a
# millisecond, where ours adds its fixed steps: the count of chunks left to index, the BM25
# fingerprint, fusion, decrypting what it returns. Measured ours/raw (median over 40 hybrid
# queries across the workspace, each query's sides back to back): 4.3, 5.1 and 7.0 with
# the load average at 3-7. A search path that takes twice as long misses the goal.
QUICK_SEARCH_RATIO_GOAL = 10.0


def quick(rounds: int = 5, queries: int = QUICK_QUERIES) -> dict[str, Any]:
    """`make bench-quick`'s indexing and search, on one small workspace; nothing written.

    Indexing: `index_now` over a fresh import against a raw `SentenceTransformer.encode` of
    the same texts and the bare timeline extractor over the same fields, rounds
    alternating, gated on the median of each round's raw/ours.
    Search: each mode and scope against the bare pgvector query and bm25s, query by query,
    gated on the median of each hybrid query's ours/raw across the workspace."""
    embedder, raw_model = _models()
    doc = notes.notes_document(notes.spread(QUICK_CHUNKS, QUICK_CLIENTS, small=2))
    result: dict[str, Any] = {"model": embedder.model_id}
    with tempfile.TemporaryDirectory(prefix="chartside-bench-quick-retrieval-") as tmp:
        root = Path(tmp)
        isolate(root)
        run = _Run(root, "quick", embedder, raw_model, doc)
        try:
            run.ours()  # untimed: the database's first index builds its HNSW index
            ours_s, raw_s = alternate(rounds, run.ours, lambda: run.raw(run.texts))
            result["indexing"] = {
                **run.common(rounds),
                "ours_s": [round(x, 2) for x in ours_s],
                "raw_s": [round(x, 2) for x in raw_s],
                "ratio_raw_s_over_ours_s": round(1 / paired_ratio(raw_s, ours_s), 3),
                "ratio_per_round": [round(r / o, 3) for r, o in zip(raw_s, ours_s, strict=True)],
            }
            # The last round's workspace is indexed: search it.
            chunks = workspace.chunks(run.svc)
            qs = notes.query_sentences(queries)
            qvecs = np.asarray(embedder.embed_documents(qs), dtype=np.float32)
            per_client = Counter(c.client_id for c in chunks)
            client = max(per_client, key=lambda k: per_client[k])
            result["search"] = bench_search(run.svc, chunks, qs, qvecs, client)
        finally:
            run.close()
    embedder.close()
    result["checks"] = quick_checks(result)
    return result


def quick_checks(result: dict[str, Any]) -> list[dict[str, Any]]:
    hybrid = result["search"]["workspace"]["hybrid"]
    chunks = result["indexing"]["chunks"]
    return [
        check("retrieval: indexing raw/ours", result["indexing"]["ratio_raw_s_over_ours_s"],
              ">=", QUICK_INDEXING_RATIO_GOAL),
        check("retrieval: hybrid search ours/raw", hybrid["paired_ratio_ours_over_raw"], "<=",
              QUICK_SEARCH_RATIO_GOAL),
        check(f"retrieval: hybrid search p95 ms ({chunks} chunks)", hybrid["ours"]["p95_ms"],
              "<=", GOALS["search_p95_ms_max"], gated=False),
    ]  # fmt: skip


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
