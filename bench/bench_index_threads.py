"""Torch threads for a foreground `chartside index` (issue 17): one and two threads, on a
quiet machine and with a busy process beside it, against the raw library encoding the same
distinct texts with one and with two threads. Writes bench/results/index_threads.json;
`models.embedder_index_threads` is set from it. Goal: the chosen count reaches 0.9x the
best raw encode in both conditions."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.common import alternate, check, isolate, offline, write_result

offline()

GOAL = 0.9  # raw distinct-text encode s (best thread count) / our index_now s
THREADS = (1, 2)


def _spin(stop: Any) -> None:
    while not stop.is_set():
        sum(range(10_000))


@contextmanager
def _busy(on: bool) -> Iterator[None]:
    """One CPU-bound process beside the measurement: the rest of a desktop at work."""
    if not on:
        yield
        return
    stop = mp.Event()
    proc = mp.Process(target=_spin, args=(stop,), daemon=True)
    proc.start()
    try:
        yield
    finally:
        stop.set()
        proc.join(5)


def _doc(clients: int) -> dict[str, Any]:
    """The retrieval eval's clinosim notes (realistic, 80% distinct texts), first clients."""
    from bench.evalset import build

    doc = build().doc
    return {**doc, "clients": doc["clients"][:clients]}


def _measure(root: Path, doc: dict[str, Any], threads: int, rounds: int, tag: str) -> Any:
    from sentence_transformers import SentenceTransformer

    from bench.retrieval.indexing import _Run
    from models import packaged
    from models.embedder import EmbedderSettings, SentenceTransformerEmbedder

    pm = packaged.embedder()
    emb = SentenceTransformerEmbedder(
        pm.path, name=pm.name, settings=EmbedderSettings(batch_threads=threads)
    )
    emb.load()
    raw_model = SentenceTransformer(str(pm.path), device="cpu", local_files_only=True)
    raw_model.eval()
    run = _Run(root, f"{tag}-{threads}", emb, raw_model, doc)  # sets the raw side's threads
    try:
        ours_s, raw_s = alternate(rounds, run.ours, lambda: run.raw(run.distinct))
    finally:
        run.close()
        emb.close()
    return run, ours_s, raw_s


def run(clients: int = 20, rounds: int = 2, write: bool = True) -> dict[str, Any]:
    started = time.perf_counter()
    doc = _doc(clients)
    conditions: dict[str, Any] = {}
    medians: dict[str, dict[int, tuple[float, float]]] = {}  # condition -> threads -> s
    with tempfile.TemporaryDirectory(prefix="chartside-bench-threads-") as tmp:
        root = Path(tmp)
        isolate(root)
        for cond in ("quiet", "busy"):
            with _busy(cond == "busy"):
                per: dict[str, Any] = {}
                for n in THREADS:
                    r, ours_s, raw_s = _measure(root, doc, n, rounds, cond)
                    o, w = statistics.median(ours_s), statistics.median(raw_s)
                    medians.setdefault(cond, {})[n] = (o, w)
                    chunks, distinct = len(r.texts), len(r.distinct)
                    per[str(n)] = {
                        "ours_chunks_per_s": round(chunks / o, 1),
                        "raw_distinct_texts_per_s": round(distinct / w, 1),
                        "ours_s": [round(x, 2) for x in ours_s],
                        "raw_distinct_s": [round(x, 2) for x in raw_s],
                        "load_average_1m_start_end": r.load,
                    }
                conditions[cond] = per
    # Against the raw encode at its best thread count in that condition.
    ratios = {
        c: {str(t): round(min(w for _, w in m.values()) / o, 3) for t, (o, _) in m.items()}
        for c, m in medians.items()
    }
    # The count whose worse condition is best: a foreground job may meet either.
    chosen = max(THREADS, key=lambda t: min(r[str(t)] for r in ratios.values()))
    result: dict[str, Any] = {
        "document": f"bench.evalset.build() (clinosim), first {clients} clients",
        "chunks": chunks,
        "distinct_texts": distinct,
        "rounds": rounds,
        "busy": "one CPU-bound process beside the measurement",
        "conditions": conditions,
        "ratio_best_raw_s_over_ours_s": ratios,
        "chosen_threads": chosen,
        "goal": GOAL,
        "seconds": round(time.perf_counter() - started, 1),
    }
    result["checks"] = [
        check(f"index threads: {chosen} threads ({c}) ours/best raw", ratios[c][str(chosen)],
              ">=", GOAL)
        for c in ratios
    ]  # fmt: skip
    if write:
        write_result("index_threads", result)
    return result


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(run(), indent=2))
