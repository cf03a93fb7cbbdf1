"""`make bench`: run every producer of bench/results/*.json and so rewrite them all, each
stamped with the commit it measured (bench.common.write_result); `python -m bench NAME...`
runs some (NAME: a key of PRODUCERS, or a suite's module such as bench_store)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import REPO, RESULTS

os.environ.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})


@dataclass(frozen=True)
class Producer:
    """What writes some of bench/results/: a suite's run() in this process (it returns the
    result and its checks), or with `command` set, `python -m MODULE ARGS...` in a process
    of its own, as `make eval` runs it (exit status kept; sys.argv and the environment its
    own)."""

    module: str
    writes: tuple[str, ...]  # the files' stems under bench/results/
    command: tuple[str, ...] | None = None


def _suite(module: str, result: str) -> Producer:
    return Producer(module, (result,))


def _command(module: str, result: str, *args: str) -> Producer:
    return Producer(module, (result,), args)


# Keyed by the result each writes; `python -m bench` runs them in this order.
PRODUCERS: dict[str, Producer] = {
    "store": _suite("bench.bench_store", "store"),
    "audit": _suite("bench.bench_audit", "audit"),
    "backup": _suite("bench.bench_backup", "backup"),
    "crash_load": _suite("bench.bench_crash_load", "crash_load"),
    "models": _suite("bench.bench_models", "models"),
    "index_threads": _suite("bench.bench_index_threads", "index_threads"),
    "retrieval": _suite("bench.bench_retrieval", "retrieval"),
    "ask": _suite("bench.bench_ask", "ask"),
    "e5_isolation": _command("bench.e5_isolation", "e5_isolation"),
    "eval": _command("bench.eval", "eval"),
    "eval_multilingual_e5_small": _command(
        "bench.eval", "eval_multilingual_e5_small", "--embedder", "multilingual-e5-small"
    ),
    "eval_answers": _command("bench.eval_answers", "eval_answers"),
    "eval_answers_json": _command(
        "bench.eval_answers", "eval_answers_json", "--answer-format", "json"
    ),
}
SUITES = [p.module for p in PRODUCERS.values() if p.command is None]


def without_producer(results: Path = RESULTS) -> list[str]:
    """The JSON files under `results` that `python -m bench` would not rewrite."""
    written = {stem for p in PRODUCERS.values() for stem in p.writes}
    return [p.name for p in sorted(results.glob("*.json")) if p.stem not in written]


def resolve(name: str) -> str:
    """The PRODUCERS key for a command-line NAME: a key, or a module (bench. optional)
    whose producer takes no arguments."""
    if name in PRODUCERS:
        return name
    mod = name if name.startswith("bench.") else f"bench.{name}"
    keys = [k for k, p in PRODUCERS.items() if p.module == mod and not p.command]
    if len(keys) != 1:
        known = ", ".join(PRODUCERS)
        raise SystemExit(f"python -m bench: no producer named {name!r} (known: {known})")
    return keys[0]


def produce(producer: Producer) -> dict[str, Any]:
    """Runs one producer: its suite's result, or {"returncode": N} for a command."""
    if producer.command is None:
        result: dict[str, Any] = importlib.import_module(producer.module).run()
        return result
    argv = [sys.executable, "-m", producer.module, *producer.command]
    return {"returncode": subprocess.run(argv, cwd=REPO, check=False).returncode}


def main(argv: list[str]) -> int:
    from bench.quick import table

    keys = [resolve(name) for name in argv] or list(PRODUCERS)
    checks: list[dict[str, Any]] = []
    failed: list[str] = []
    for key in keys:
        producer = PRODUCERS[key]
        print(f"== {key}: {' '.join([producer.module, *(producer.command or ())])}", flush=True)
        result = produce(producer)
        if producer.command is None:
            print(json.dumps(result, indent=2), flush=True)
        elif result["returncode"] != 0:
            failed.append(f"{key} (exit status {result['returncode']})")
        checks += result.get("checks", [])
    if checks:
        print("\n".join(table(checks)))
    for line in failed:
        print(f"failed: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
