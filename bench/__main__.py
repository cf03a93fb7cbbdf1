"""`make bench`: run every benchmark and write bench/results/*.json, each stamped with the
commit it measured (bench.common.write_result); `python -m bench NAME...` runs some."""

from __future__ import annotations

import importlib
import json
import os
import sys

os.environ.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})

SUITES = [
    "bench.bench_store",
    "bench.bench_audit",
    "bench.bench_backup",
    "bench.bench_crash_load",
    "bench.bench_models",
    "bench.bench_index_threads",
    "bench.bench_retrieval",
    "bench.bench_ask",
]


def main(argv: list[str]) -> int:
    from bench.quick import table

    wanted = argv or SUITES
    checks = []
    for name in wanted:
        mod = name if name.startswith("bench.") else f"bench.{name}"
        try:
            result = importlib.import_module(mod).run()
        except ModuleNotFoundError as exc:
            if exc.name == mod:
                continue
            raise
        print(f"== {mod}\n{json.dumps(result, indent=2)}", flush=True)
        checks += result.get("checks", [])
    if checks:
        print("\n".join(table(checks)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
