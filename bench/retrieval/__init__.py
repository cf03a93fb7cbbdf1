"""Retrieval benchmarks (issue 5): indexing throughput, search latency at 100,000 chunks,
HNSW recall. `bench/retrieval/speed.py` runs them; each part lives in its own module.

Each figure is compared with the raw library doing the same work in the same run, as a
ratio (this machine is shared and noisy; absolute times mean little):

1. `indexing`: `service.search.index_now()` over freshly imported chunks against a plain
   `SentenceTransformer.encode` of the same decrypted texts, same batch size and threads.
   Ratio raw_s / ours_s (goal >= 0.9).
2. `search`: `Searcher.search` with the query vector precomputed (the embedding is
   excluded), per mode and scope, against the bare pgvector query on a psycopg connection
   and bare bm25s `get_scores` on the same tokens. Goal p95 <= 25 ms.
3. `recall`: HNSW recall@10 against exact search (`vector.candidates(..., exact=True)`),
   across the workspace and within one client (iterative scans). Goal >= 0.95, on
   distance-based recall (a hit as near as the k-th exact one counts: identical template
   vectors tie, and the exact scan's order among a tie is arbitrary); the id-based
   figure is kept beside it.

`notes` writes the synthetic notes; `corpus` fills the 100,000-chunk table from them.
`index_threads` times a foreground index at one and two torch threads. The retrieval eval
(`eval`, the first part of `make eval`) and the "first" questions' eval (`eval_first`)
score search on `evalset/`, patients none of us wrote.
"""

from __future__ import annotations

import os

# Before any ML import (docs/security.md): every module of the package comes through here first.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

GOALS = {
    "indexing_ratio_raw_over_ours_min": 0.9,
    "search_p95_ms_max": 25.0,
    "hnsw_recall_at_10_min": 0.95,
}
MODES = ("hybrid", "vector", "lexical")
SEARCH_K = 10
