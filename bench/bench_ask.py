"""The assistant end to end (issue 6 §10, §3): `ask` latency against raw llama-cpp, cache
hit against miss, cancel latency, for each packaged generator. How each part is measured
is in `bench/ask/`. Writes bench/results/ask.json.
Run alone with `python -m bench bench_ask`.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.ask import GOALS, corpus
from bench.ask.cache import bench_cache
from bench.ask.cancel import bench_cancel
from bench.ask.generators import Raw, Recording
from bench.ask.latency import bench_batch_threads, bench_end_to_end
from bench.common import isolate, write_result


def _one_generator(root: Path, name: str, pm: Any, embedder: Any) -> dict[str, Any]:
    from models.generator import LlamaCppGenerator

    gen = LlamaCppGenerator(pm.path, name=pm.name, expected_sha256=pm.sha256)
    gen.load()
    rec = Recording(gen)
    raw = Raw(gen)
    svc, client = corpus.service(root, name, rec, embedder)
    started = time.perf_counter()
    try:
        e2e = bench_end_to_end(svc, rec, raw, client)
        threads = bench_batch_threads(gen, raw, e2e.pop("prompts"))
        cache = bench_cache(svc, client)
        cancel = bench_cancel(svc, rec, client)
    finally:
        svc.close()
        raw.close()
        gen.close()
    return {
        "model": pm.name,
        "chat_template": gen.has_chat_template,
        "end_to_end": e2e,
        "prompt_processing_threads": threads,
        "cache": cache,
        "cancel": cancel,
        "seconds": round(time.perf_counter() - started, 1),
    }


def _meets(g: dict[str, Any]) -> dict[str, Any]:
    cache = g["cache"]["speedup_p50_miss_over_hit"]
    stream_cancel = g["cancel"]["after_first_pieces"]
    prompt_cancel = g["cancel"]["during_prompt_processing"]
    return {
        # None: no answer was stored (every one refused), so nothing could hit.
        "cache_hit_speedup": None if cache is None else cache >= GOALS["cache_hit_speedup_min"],
        "cancel_after_pieces": stream_cancel["n"] > 0
        and stream_cancel["p95_ms"] <= GOALS["cancel_p95_ms_max"],
        "cancel_during_prompt": prompt_cancel["n"] > 0
        and prompt_cancel["p95_ms"] <= GOALS["cancel_p95_ms_max"],
    }


def run() -> dict[str, Any]:
    import llama_cpp

    from models import packaged
    from models.embedder import SentenceTransformerEmbedder

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="chartside-bench-ask-") as tmp:
        root = Path(tmp)
        isolate(root)
        pe = packaged.embedder()
        embedder = SentenceTransformerEmbedder(pe.path, name=pe.name)
        embedder.load()
        try:
            gens = {
                "gemma": packaged.base_generator(root / "models"),
                "smollm": packaged.instruct_generator(),
            }
            per = {k: _one_generator(root, k, pm, embedder) for k, pm in gens.items()}
        finally:
            embedder.close()
    result = {
        "llama_cpp_python": llama_cpp.__version__,
        "goals": GOALS,
        "generators": per,
        "meets_goals": {k: _meets(g) for k, g in per.items()},
        "seconds": round(time.perf_counter() - started, 1),
    }
    write_result("ask", result)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
