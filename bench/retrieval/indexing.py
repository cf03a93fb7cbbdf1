"""Part 1: `service.search.index_now()` against a raw `SentenceTransformer.encode` of the
same texts and the bare timeline extractor over the same notes' fields (an index run also
reads the timeline of what it indexes, issue 27).

Since the indexer embeds each distinct text once per workspace (`Indexer._vectors`: a
batch embeds its distinct texts only, and a text the workspace already has a vector for
with this model takes that one), two questions have two answers:

- `bench_indexing`: the synthetic notes sample that seeds the 100,000-chunk corpus, whose
  texts are nearly all distinct (94%): our overhead against encoding every chunk (goal
  >= 0.9).
- `bench_templated`: templated notes (`templated_docs`), where texts repeat. `index_now`
  against a raw encode of every chunk text (what indexing cost before the dedup: > 1 is
  the speed-up), and against a raw encode of the distinct texts only (the work left: our
  overhead, goal >= 0.9). `ours_embedded_texts` can exceed the distinct count: two batches
  are in flight, and a new text in both is embedded by each.

Same model, batch size and thread count on both sides, in the same run, rounds interleaved.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.retrieval import GOALS, notes, workspace
from core.timeline.extract import read_fields

# What Indexer.run_batch passes on to the model: embed_documents' default sub-batch.
ENCODE_BATCH = 32
_ENCODE_KW = {"normalize_embeddings": True, "show_progress_bar": False, "convert_to_numpy": True}


class _Counting:
    """The real embedder, counting the texts it is asked to embed (it delegates)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.texts = 0
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed_documents(self, texts: Sequence[str], *args: Any, **kw: Any) -> Any:
        with self._lock:
            self.texts += len(texts)
        return self.inner.embed_documents(texts, *args, **kw)


def _median_rounds(rounds: int, *fns: Callable[[], float]) -> list[list[float]]:
    """Interleaved rounds, alternating which side goes first."""
    samples: list[list[float]] = [[] for _ in fns]
    order = list(enumerate(fns))
    for r in range(rounds):
        for i, fn in order if r % 2 == 0 else list(reversed(order)):
            samples[i].append(fn())
    return samples


def _per_round(num: list[float], den: list[float]) -> list[float]:
    """Each round's own ratio: its sides ran back to back, so they saw the same load."""
    return [round(n / d, 3) for n, d in zip(num, den, strict=True)]


class _Run:
    """One imported document: its chunk texts, and the timed sides over fresh workspaces."""

    def __init__(self, root: Path, name: str, embedder: Any, raw_model: Any, doc: Any) -> None:
        import torch

        from core.retrieval.indexer import Indexer

        self.dir = root / name
        self.src = root / f"{name}.json"
        self.src.write_text(json.dumps(doc))
        self.raw_model = raw_model
        self.threads = embedder.settings.batch_threads
        torch.set_num_threads(self.threads)  # this thread: the raw side's
        self.counting = _Counting(embedder)
        self.svc = workspace.service(self.dir, self.counting)
        self.rows_per_batch = Indexer(self.svc.db, self.svc.cipher, embedder).batch_size
        self.load = [round(os.getloadavg()[0], 2)]  # the shared machine's, start and end
        self.indexed: list[int] = []  # status.current after each of our rounds
        self.embedded: list[int] = []  # texts our path sent to the model, per round
        try:
            self.svc.notes.import_file(self.src)
            self.texts = [c.text for c in workspace.chunks(self.svc)]
        except BaseException:
            self.close()
            raise
        self.distinct = list(dict.fromkeys(self.texts))
        self.fields = notes.timeline_fields(doc)
        # Warm both sides up outside the timing (the first batches pay for allocations).
        embedder.embed_documents(self.texts[:64], ENCODE_BATCH)
        raw_model.encode(self.texts[:64], batch_size=ENCODE_BATCH, **_ENCODE_KW)
        read_fields(self.fields[:8])  # the extractor's vocabulary loads once a process

    def ours(self) -> float:
        workspace.new_workspace(self.svc)  # a fresh workspace: no vector to reuse yet
        self.svc.notes.import_file(self.src)
        before = self.counting.texts
        t = time.perf_counter()
        status = self.svc.search.index_now()
        took = time.perf_counter() - t
        self.indexed.append(status.current)
        self.embedded.append(self.counting.texts - before)
        return took

    def raw(self, texts: list[str], keep: dict[str, np.ndarray] | None = None) -> float:
        """The bare libraries doing an index run's work: encode `texts` and read the
        timeline of the document's fields, as `index_now` does since issue 27."""
        t = time.perf_counter()
        out = self.raw_model.encode(texts, batch_size=ENCODE_BATCH, **_ENCODE_KW)
        read_fields(self.fields)
        took = time.perf_counter() - t
        if keep is not None:
            keep.update(zip(texts, out, strict=True))
        return took

    def close(self) -> None:
        self.load.append(round(os.getloadavg()[0], 2))
        self.svc.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def common(self, rounds: int) -> dict[str, Any]:
        assert all(n == len(self.texts) for n in self.indexed), (self.indexed, len(self.texts))
        return {
            "chunks": len(self.texts),
            "distinct_texts": len(self.distinct),
            "distinct_share": round(len(self.distinct) / len(self.texts), 3),
            "ours_embedded_texts": self.embedded,
            "rounds": rounds,
            "batch_size": ENCODE_BATCH,
            "indexer_rows_per_batch": self.rows_per_batch,
            "threads": self.threads,
            "load_average_1m_start_end": self.load,
        }

    def includes(self) -> str:
        return (
            f"backfill check, SELECT FOR UPDATE SKIP LOCKED in batches of "
            f"{self.rows_per_batch}, lookup of vectors already computed for the same "
            "content hash, decryption and embedding of the new distinct texts, UPDATE, "
            "status counts, audit event"
        )


def bench_indexing(
    root: Path, embedder: Any, raw_model: Any, doc: dict[str, Any], rounds: int
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Returns the figures and the real vectors, by chunk text, for the corpus."""
    vectors: dict[str, np.ndarray] = {}
    run = _Run(root, "index", embedder, raw_model, doc)
    try:
        ours_s, raw_s = _median_rounds(rounds, run.ours, lambda: run.raw(run.texts, vectors))
    finally:
        run.close()
    n = len(run.texts)
    o, r = statistics.median(ours_s), statistics.median(raw_s)
    ratio = r / o
    goal = GOALS["indexing_ratio_raw_over_ours_min"]
    return {
        **run.common(rounds),
        "ours_s": [round(x, 2) for x in ours_s],
        "raw_s": [round(x, 2) for x in raw_s],
        "ours_chunks_per_s": round(n / o, 1),
        "raw_chunks_per_s": round(n / r, 1),
        "ratio_raw_s_over_ours_s": round(ratio, 3),
        "ratio_per_round": _per_round(raw_s, ours_s),
        "goal": goal,
        "meets_goal": ratio >= goal,
        "raw_encodes": "every chunk text, and the bare timeline extractor over the fields",
        "ours_includes": run.includes(),
    }, vectors


def bench_templated(
    root: Path,
    embedder: Any,
    raw_model: Any,
    doc: dict[str, Any],
    data: dict[str, Any],
    rounds: int,
    name: str = "templated",
) -> dict[str, Any]:
    """Templated notes: `index_now` against a raw encode of every chunk text (the cost
    before the dedup) and of the distinct texts only (our overhead). `data` says what
    `doc` is; it goes into the figures as given."""
    run = _Run(root, name, embedder, raw_model, doc)
    try:
        ours_s, all_s, distinct_s = _median_rounds(
            rounds, run.ours, lambda: run.raw(run.texts), lambda: run.raw(run.distinct)
        )
    finally:
        run.close()
    n = len(run.texts)
    o, a, d = (statistics.median(x) for x in (ours_s, all_s, distinct_s))
    overhead = d / o
    goal = GOALS["indexing_ratio_raw_over_ours_min"]
    return {
        "data": data,
        **run.common(rounds),
        "ours_s": [round(x, 2) for x in ours_s],
        "raw_all_s": [round(x, 2) for x in all_s],
        "raw_distinct_s": [round(x, 2) for x in distinct_s],
        "ours_chunks_per_s": round(n / o, 1),
        "raw_all_chunks_per_s": round(n / a, 1),
        # > 1: indexing the document is that many times faster than embedding every chunk.
        "speedup_raw_all_s_over_ours_s": round(a / o, 3),
        "speedup_per_round": _per_round(all_s, ours_s),
        # The most the dedup could give: the bare work, every chunk over distinct texts.
        "bound_raw_all_s_over_raw_distinct_s": round(a / d, 3),
        # Our overhead against the work left, as `indexing`'s ratio (goal >= 0.9).
        "ratio_raw_distinct_s_over_ours_s": round(overhead, 3),
        "ratio_per_round": _per_round(distinct_s, ours_s),
        "goal": goal,
        "meets_goal": overhead >= goal,
        "ours_includes": run.includes(),
    }


# Clients x sessions of tests/factories.document: its share of distinct field texts falls
# with scale; 30 x 10 gives 44%, the share the issue reports for a Synthea import (2,626
# distinct of 5,744 session fields, 46%).
FACTORIES_SCALE = (30, 10)


def templated_docs() -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Two templated documents, by name, with what each is.

    - `clinosim`: the retrieval eval's data set (`bench.retrieval.evalset.build()`, ~20 s): notes
      written by an independent public generator from its own templates, repeating the way
      templated notes do (the vital-signs line, "Continue current medications: ...", "defer
      ... focused review to next visit"). Realistic; modest repetition.
    - `factories`: tests/factories.document, pick-list notes ("Findings consistent with
      {complaint}; progress {good|slow}.") from short word lists; scaled to the Synthea
      share. Heavier repetition, short texts; synthetic."""
    from bench.retrieval.evalset import build
    from tests.factories import document

    es = build()
    info = {k: v for k, v in es.dataset.items() if k != "questions"}
    n_clients, sessions = FACTORIES_SCALE
    return {
        "clinosim": (
            es.doc,
            {"document": "bench.retrieval.evalset.build(): the retrieval eval's import", **info},
        ),
        "factories": (
            document(n_clients, sessions),
            {
                "document": f"tests.factories.document({n_clients}, {sessions})",
                "clients": n_clients,
                "sessions": n_clients * sessions,
                "scale": "distinct share of field texts near the Synthea import's 46%",
            },
        ),
    }
