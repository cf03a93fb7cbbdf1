"""llama.cpp's CPU kernels, each level this host can run: prompt reading and generation in
tokens/s, Chartside's generator against raw llama-cpp-python of the same build, rounds
alternating in one process.

A build whose kernels are loaded at run time (the package's: packaging/llama_wheel.sh
`variants`) is measured once per level it ships, each in a process of its own, since a
process loads one set of kernels (models/cpu_kernels.load(only=...)). A level this CPU
cannot run is listed as such. A build with its kernels linked in (the development
environment's portable x86-64-v3 one) is measured once. The model is the default answering
one, Qwen2.5-Coder-1.5B Q4_K_M, with the app's own thread counts; each prompt starts with a
new token, so neither side reuses a cached prefix. Run with the package's Python to measure
every level it ships:

    .venv-package/bin/python -m bench.runtime.kernels [--rounds N] [--only zen4,haswell]
"""

from __future__ import annotations

import os

# Before any ML import (docs/security.md).
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.common import bench_settings, check, paired_ratio, write_result

ROOT = Path(__file__).resolve().parents[2]
# The wrapper's cost, as bench_models gates it: ours within 10% of raw at each level.
GOALS = {"prompt_tokens_per_s_ratio_min": 0.90, "generation_tokens_per_s_ratio_min": 0.90}
ROUNDS = 3
NEW_TOKENS = 32
LINKED_IN = "linked in"  # a build with no variants: its one level
# A level's process: loading Qwen and six answers, minutes on the slowest kernels.
CHILD_TIMEOUT_S = 1200
SLOW_PROMPT_S = 20.0


def _prompt() -> str:
    from bench.runtime.models import _corpus  # pyright: ignore[reportPrivateUsage]

    return " ".join(_corpus(6)) + "\nSummary:"  # ~540 tokens of notes


def _timed(stream: Iterator[Any]) -> tuple[float, float]:
    """(seconds to the first piece, pieces a second after it)."""
    start = time.perf_counter()
    first: float | None = None
    n = 0
    for _ in stream:
        if first is None:
            first = time.perf_counter()
        n += 1
    end = time.perf_counter()
    assert first is not None
    return first - start, (n - 1) / max(end - first, 1e-9)


def measure(only: str | None, rounds: int) -> dict[str, Any]:
    """One level's figures, in this process: the kernels must not be loaded yet."""
    import llama_cpp

    from app.models_setup import runtime_settings
    from models import cpu_kernels, packaged
    from models.generator import LlamaCppGenerator

    try:
        kernels = cpu_kernels.load(only)
    except cpu_kernels.KernelsError:
        return {"variant": only, "runs": False}
    with tempfile.TemporaryDirectory(prefix="chartside-bench-kernels-") as tmp:
        settings = bench_settings(Path(tmp) / "settings")
        _, gen_settings = runtime_settings(settings)
        pm = packaged.qwen_generator(settings.model_cache_dir)
    ours = LlamaCppGenerator(
        pm.path, name=pm.name, expected_sha256=pm.sha256, settings=gen_settings
    )
    ours.load()
    s = ours.settings
    raw = llama_cpp.Llama(
        str(pm.path), n_ctx=s.n_ctx, n_batch=s.n_batch, n_threads=s.n_threads,
        n_threads_batch=s.n_threads_batch, seed=s.seed, verbose=False,
    )  # fmt: skip
    text = _prompt()
    counter = iter(range(10_000))

    def fresh() -> str:
        return f"Note {next(counter)}. {text}"

    def raw_stream(prompt: str) -> Iterator[Any]:
        toks = raw.tokenize(prompt.encode(), add_bos=True)
        for chunk in raw.create_completion(
            toks, max_tokens=NEW_TOKENS, temperature=0.0, stream=True, seed=s.seed,
            repeat_penalty=s.repeat_penalty,
        ):  # fmt: skip
            if chunk["choices"][0]["text"]:  # pyright: ignore[reportArgumentType, reportCallIssue, reportIndexIssue]
                yield chunk

    def our_stream(prompt: str) -> Iterator[Any]:
        return iter(ours.stream(prompt, max_tokens=NEW_TOKENS))

    prompt_tokens = len(raw.tokenize(fresh().encode(), add_bos=True))
    figures: dict[str, dict[str, list[float]]] = {
        side: {"prompt": [], "generation": []} for side in ("raw", "ours")
    }
    sides: list[tuple[str, Callable[[str], Iterator[Any]]]] = [
        ("raw", raw_stream),
        ("ours", our_stream),
    ]
    for _, stream in sides:  # warm-up: the weights paged in, a short prompt
        _timed(stream(f"Note {next(counter)}."))
    ttft, _ = _timed(raw_stream(fresh()))
    # The oldest levels (no AVX) read this prompt in minutes: one round of them says enough.
    rounds = 1 if ttft > SLOW_PROMPT_S else rounds
    for r in range(rounds):
        for side, stream in sides if r % 2 == 0 else reversed(sides):
            ttft, tps = _timed(stream(fresh()))
            figures[side]["prompt"].append(prompt_tokens / ttft)
            figures[side]["generation"].append(tps)
    raw.close()
    ours.close()
    out: dict[str, Any] = {
        "variant": only or LINKED_IN,
        "runs": True,
        "level": kernels.level,
        "prompt_tokens": prompt_tokens,
        "new_tokens": NEW_TOKENS,
        "rounds": rounds,
    }
    for part in ("prompt", "generation"):
        r_, o_ = figures["raw"][part], figures["ours"][part]
        out[f"raw_{part}_tokens_per_s"] = round(statistics.median(r_), 1)
        out[f"ours_{part}_tokens_per_s"] = round(statistics.median(o_), 1)
        out[f"{part}_ratio"] = round(paired_ratio(r_, o_), 3)
    return out


def _child(variant: str | None, rounds: int) -> dict[str, Any]:
    """`measure` in a process of its own (one set of kernels a process)."""
    args = [sys.executable, "-m", "bench.runtime.kernels", "--child", variant or "-"]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [*args, "--rounds", str(rounds)], capture_output=True, text=True, env=env, cwd=ROOT,
        timeout=CHILD_TIMEOUT_S, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:]
        return {"variant": variant or LINKED_IN, "runs": False, "error": " | ".join(tail)}
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def checks(result: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for row in result["levels"]:
        if not row["runs"]:
            continue
        for part in ("prompt", "generation"):
            out.append(
                check(
                    f"kernels {row['variant']}: {part} tokens/s ours/raw",
                    row[f"{part}_ratio"],
                    ">=",
                    GOALS[f"{part}_tokens_per_s_ratio_min"],
                )
            )
    return out


def run(
    write: bool = True, rounds: int = ROUNDS, only: tuple[str, ...] | None = None
) -> dict[str, Any]:
    import llama_cpp

    from models import cpu_kernels

    started = time.perf_counter()
    shipped = cpu_kernels.variants()
    wanted: list[str | None] = (
        [v for v in shipped if only is None or v in only] if shipped else [None]
    )
    levels = []
    for v in wanted:
        row = _child(v, rounds)
        levels.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    ran = [r for r in levels if r["runs"]]
    best = max(ran, key=lambda r: r["ours_prompt_tokens_per_s"], default=None)
    result: dict[str, Any] = {
        "llama_cpp_python": llama_cpp.__version__,
        "build": "variants loaded at run time" if shipped else "one portable build (x86-64-v3)",
        "shipped": list(shipped),
        "cpu_level": cpu_kernels.cpu_level(),
        "model": "Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
        "rounds": rounds,
        "goals": GOALS,
        "levels": levels,
        "fastest_prompt_reading": best["variant"] if best else None,
    }
    result["checks"] = checks(result)
    result["meets_goals"] = {c["name"]: c["met"] for c in result["checks"]}
    result["seconds"] = round(time.perf_counter() - started, 1)
    if write:
        write_result("kernels", result)
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=ROUNDS)
    p.add_argument("--only", help="comma-separated variants (a run-time-loaded build)")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--no-write", action="store_true")
    a = p.parse_args(argv)
    if a.child is not None:
        print(json.dumps(measure(None if a.child == "-" else a.child, a.rounds)))
        return 0
    only = tuple(a.only.split(",")) if a.only else None
    result = run(write=not a.no_write, rounds=a.rounds, only=only)
    for row in result["levels"]:
        if not row["runs"]:
            print(f"{row['variant']:>14}: this CPU cannot run it {row.get('error', '')}")
            continue
        print(
            f"{row['variant']:>14} ({row['level']}): prompt {row['ours_prompt_tokens_per_s']}"
            f" tok/s (raw {row['raw_prompt_tokens_per_s']}, x{row['prompt_ratio']}),"
            f" generation {row['ours_generation_tokens_per_s']}"
            f" (raw {row['raw_generation_tokens_per_s']}, x{row['generation_ratio']})"
        )
    return 0 if all(c["met"] for c in result["checks"]) else 1


if __name__ == "__main__":
    sys.exit(main())
