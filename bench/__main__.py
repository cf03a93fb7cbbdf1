"""`make bench`: run every producer of bench/results/*.json and so rewrite them all, each
stamped with the commit it measured (bench.common.write_result); `python -m bench NAME...`
runs some (NAME: a key of PRODUCERS, or a suite's module such as store.speed)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from typing import Any

from bench.common import REPO
from bench.producers import PRODUCERS, Producer

os.environ.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})


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
