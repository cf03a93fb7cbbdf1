"""Torch threads for a foreground `chartside index` (issue 17): one and two threads, on a
quiet machine and with a busy process beside it, against the raw library encoding the same
distinct texts with one and with two threads, plus the bare extractor reading the same
notes' timeline as an index run does. Writes bench/results/index_threads.json;
`models.embedder_index_threads` is set from it. Goal: the chosen count reaches 0.9x the
best raw side in both conditions."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
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
    from bench.retrieval.evalset import build

    doc = build().doc
    return {**doc, "clients": doc["clients"][:clients]}


def _measure(root: Path, doc: dict[str, Any], rounds: int, tag: str) -> dict[str, Any]:
    """Per round, our `index_now` and the raw encode of the distinct texts at each thread
    count, back to back in alternating order, so each round's sides share its load."""
    import torch
    from sentence_transformers import SentenceTransformer

    from bench.retrieval.indexing import _Run
    from models import packaged
    from models.embedder import SentenceTransformerEmbedder

    pm = packaged.embedder()
    emb = SentenceTransformerEmbedder(pm.path, name=pm.name)
    emb.load()
    raw_model = SentenceTransformer(str(pm.path), device="cpu", local_files_only=True)
    raw_model.eval()
    run = _Run(root, tag, emb, raw_model, doc)

    def ours(n: int) -> Callable[[], float]:
        def side() -> float:
            emb.settings = replace(emb.settings, batch_threads=n)
            return run.ours()

        return side

    def raw(n: int) -> Callable[[], float]:
        def side() -> float:
            torch.set_num_threads(n)
            return run.raw(run.distinct)

        return side

    try:
        samples = alternate(rounds, *(ours(n) for n in THREADS), *(raw(n) for n in THREADS))
    finally:
        run.close()
        emb.close()
    o, w = samples[: len(THREADS)], samples[len(THREADS) :]
    best_raw = [min(r) for r in zip(*w, strict=True)]  # per round
    out: dict[str, Any] = {"chunks": len(run.texts), "distinct_texts": len(run.distinct)}
    for i, n in enumerate(THREADS):
        per_round = [b / x for b, x in zip(best_raw, o[i], strict=True)]
        out[str(n)] = {
            "ours_chunks_per_s": round(len(run.texts) / statistics.median(o[i]), 1),
            "raw_distinct_texts_per_s": round(len(run.distinct) / statistics.median(w[i]), 1),
            "ours_s": [round(x, 2) for x in o[i]],
            "raw_distinct_s": [round(x, 2) for x in w[i]],
            "ratio_best_raw_s_over_ours_s": round(statistics.median(per_round), 3),
            "ratio_per_round": [round(x, 3) for x in per_round],
        }
    out["load_average_1m_start_end"] = run.load
    return out


# 5 rounds, not 3: at 3 the quiet 2-thread median read 0.81 with rounds at 0.81, 0.81 and
# 1.06 on a host whose other core was taken, and 0.95 on the same code the run before.
def run(clients: int = 12, rounds: int = 5, write: bool = True) -> dict[str, Any]:
    started = time.perf_counter()
    doc = _doc(clients)
    conditions: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="chartside-bench-threads-") as tmp:
        root = Path(tmp)
        isolate(root)
        for cond in ("quiet", "busy"):
            with _busy(cond == "busy"):
                conditions[cond] = _measure(root, doc, rounds, cond)
    ratios = {c: {str(n): m[str(n)]["ratio_best_raw_s_over_ours_s"] for n in THREADS}
              for c, m in conditions.items()}  # fmt: skip
    # The count whose worse condition is best: a foreground job may meet either.
    chosen = max(THREADS, key=lambda n: min(r[str(n)] for r in ratios.values()))
    result: dict[str, Any] = {
        "document": f"bench.retrieval.evalset.build() (clinosim), first {clients} clients",
        "rounds": rounds,
        "busy": "one CPU-bound process beside the measurement",
        "raw_side": "SentenceTransformer.encode of the distinct chunk texts (the indexer "
        "embeds each distinct text once) and the bare timeline extractor over the notes' "
        "fields (an index run reads their timeline), at the better of 1 and 2 threads in "
        "each round",
        "conditions": conditions,
        "ratio_best_raw_s_over_ours_s": ratios,
        "chosen_threads": chosen,
        "goal": GOAL,
        "seconds": round(time.perf_counter() - started, 1),
    }
    result["checks"] = [
        check(f"index: {chosen} threads ({c}) ours/best raw", ratios[c][str(chosen)], ">=",
              GOAL)
        for c in ratios
    ]  # fmt: skip
    if write:
        write_result("index_threads", result)
    return result


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(run(), indent=2))
