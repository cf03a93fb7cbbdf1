"""Part 3: HNSW recall against exact search, across the workspace and within one client."""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any
from uuid import UUID

import numpy as np

from bench.retrieval import GOALS, SEARCH_K, workspace

PGVECTOR_MAX_EF_SEARCH = 1000


def bench_recall(
    svc: Any, qvecs: np.ndarray, client: UUID, small: UUID, client_queries: int
) -> dict[str, Any]:
    from core.retrieval.types import SearchQuery
    from core.retrieval.vector import EF_SEARCH, VectorHit, candidates

    model_id = svc.embedder.model_id

    def near(scope: UUID | None, vec: list[float], k: int, exact: bool) -> list[VectorHit]:
        # One transaction each: exact=True's planner settings would outlive its query.
        with svc.db.tx(svc.workspace_id) as conn:
            return candidates(
                conn, vec, model_id, SearchQuery("x", client_id=scope), k, exact=exact
            )

    out: dict[str, Any] = {}
    truths: list[set[UUID]] = []  # the workspace's exact top k, for the ef_search sweep
    for scope_name, scope in workspace.scopes(client):
        vecs = qvecs if scope is None else qvecs[:client_queries]
        per_k: dict[int, dict[str, list[float]]] = {k: defaultdict(list) for k in (SEARCH_K, 50)}
        for v in vecs:
            vec = v.tolist()
            exact = near(scope, vec, 50, True)
            for k, acc in per_k.items():
                truth = exact[:k]
                approx = near(scope, vec, k, False)
                got = {h.chunk_id for h in approx}
                acc["recall"].append(len(got & {h.chunk_id for h in truth}) / len(truth))
                # Ties: a neighbour as near as the k-th exact one is as good an answer.
                kth = truth[-1].similarity - 1e-6
                acc["ties"].append(sum(h.similarity >= kth for h in approx) / len(truth))
                acc["full"].append(float(len(approx) >= len(truth)))
            if scope is None:
                truths.append({h.chunk_id for h in exact[:SEARCH_K]})
        res: dict[str, Any] = {"queries": len(vecs)}
        for k, acc in per_k.items():
            res[f"recall_at_{k}"] = round(statistics.mean(acc["recall"]), 4)
            res[f"recall_at_{k}_min"] = round(min(acc["recall"]), 2)
            res[f"recall_at_{k}_ties_allowed"] = round(statistics.mean(acc["ties"]), 4)
            res[f"full_result_fraction_at_{k}"] = round(statistics.mean(acc["full"]), 4)
        # The goal reads the distance-based recall, as ann-benchmarks counts it: templated
        # notes give many chunks the very same vector, and which of a tie the exact scan
        # lists first is arbitrary, so id-based recall marks correct answers wrong.
        res["meets_goal"] = (
            res[f"recall_at_{SEARCH_K}_ties_allowed"] >= GOALS["hnsw_recall_at_10_min"]
            and res[f"full_result_fraction_at_{SEARCH_K}"] == 1.0
        )
        out[scope_name] = res
    out["workspace"]["recall_at_10_by_ef_search"] = {
        str(EF_SEARCH): out["workspace"][f"recall_at_{SEARCH_K}"],
        **_ef_sweep(svc, qvecs, truths, (2 * EF_SEARCH, PGVECTOR_MAX_EF_SEARCH)),
    }
    # A client with fewer chunks than k: the filtered scan must still return them all.
    got = [
        (
            len(near(small, v.tolist(), SEARCH_K, True)),
            len(near(small, v.tolist(), SEARCH_K, False)),
        )
        for v in qvecs[:20]
    ]
    out["small_client"] = {
        "chunks": got[0][0],
        "results_min": min(a for _, a in got),
        "all_found": all(a == e for e, a in got),
    }
    return out


def _ef_sweep(
    svc: Any, qvecs: np.ndarray, truths: list[set[UUID]], efs: tuple[int, ...]
) -> dict[str, float]:
    """Workspace recall@k at larger ef_search values: the headroom a setting change buys."""
    model_id = svc.embedder.model_id
    out: dict[str, float] = {}
    with workspace.runtime_conn(svc) as conn:
        for ef in efs:
            recalls = []
            for v, truth in zip(qvecs, truths, strict=True):
                got = workspace.raw_knn(conn, svc.workspace_id, v, model_id, SEARCH_K, ef=ef)
                recalls.append(len(truth & set(got)) / SEARCH_K)
            out[str(ef)] = round(statistics.mean(recalls), 4)
    return out
