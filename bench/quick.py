"""`make bench-quick`: every hot path (the store, audit, models, indexing and search, the
timeline, the first dictated words; about 5 minutes on 2 cores), each ratio printed beside
its goal; exits 1 when a gated goal is missed twice (`measured`). Gated are ratios of
our path to the raw library measured in alternating rounds of one run, which a busy machine
moves little; absolute times are printed beside their goals but not gated. Nothing under
bench/results/ is rewritten (`make bench` does that).

Each suite runs in a process of its own, as it would alone, so that nothing an earlier
suite left loaded weighs on a later one: the indexing ratio, 0.93-0.96 with the retrieval
suite run alone, read 0.80 after the other suites in one process and 0.85 isolated (once
each, on a quiet host)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import offline

offline()

from bench.dictation import first_words  # noqa: E402
from bench.retrieval import speed as retrieval  # noqa: E402
from bench.runtime import models  # noqa: E402
from bench.stale import stale_results  # noqa: E402
from bench.store import audit  # noqa: E402
from bench.store import speed as store  # noqa: E402
from bench.timeline import speed as timeline  # noqa: E402

SUITES: dict[str, Callable[[], dict[str, Any]]] = {
    "store": lambda: store.run(rounds=3, write=False),
    "audit": lambda: audit.run(rounds=3, write=False),
    "models": lambda: models.run(write=False, quick=True),
    # About 400 chunks indexed and searched (about a minute): not the 100,000-chunk corpus.
    "retrieval": lambda: retrieval.quick(),
    # The full 10,000 sessions (about 90 s): on fewer, the reading process's start weighs
    # more than a user's backfill ever sees (0.74 on 5,000 on a busy host).
    "timeline": lambda: timeline.run(rounds=3, write=False),
    # The 4 committed recordings once, quiet (about 20 s); the delay is shown, not gated.
    "dictation_first_words": lambda: first_words.run(rounds=1, write=False, quick=True),
}


def table(checks: list[dict[str, Any]]) -> list[str]:
    width = max(len(c["name"]) for c in checks)
    lines = []
    for c in checks:
        verdict = "ok" if c["met"] else "MISSED" if c["gated"] else "missed (not gated)"
        lines.append(f"{c['name']:<{width}}  {c['value']:>9}  goal {c['goal']:<8}  {verdict}")
    return lines


def gated_misses(checks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in checks if c["gated"] and not c["met"]]


# Off only in the gate's own tests, whose stand-in suites live in the test's process.
ISOLATE = True


def run_suite(name: str) -> dict[str, Any]:
    """SUITES[name]'s result, measured in a fresh process (`ISOLATE`) or in this one."""
    if not ISOLATE:
        return SUITES[name]()
    with tempfile.TemporaryDirectory(prefix="chartside-bench-quick-") as tmp:
        out = Path(tmp) / "result.json"
        cmd = [sys.executable, "-m", "bench.quick", "--suite", name, "--json", str(out)]
        subprocess.run(cmd, check=True)
        return json.loads(out.read_text())


def measured(name: str) -> dict[str, Any]:
    """SUITES[name]'s result; a suite that misses a gated goal is measured once more, in a
    fresh process, and the second result stands, the first kept beside it as `first_try`.
    A shared runner busy for a minute moved one ratio under its goal in a CI run whose
    other 14 goals held; a slower path misses on both tries."""
    result = run_suite(name)
    missed = gated_misses(result["checks"])
    if not missed:
        return result
    print("\n".join(table(missed)), flush=True)
    print(f"== {name}: {len(missed)} gated goal(s) missed; measured once more", flush=True)
    again = run_suite(name)
    again["first_try"] = result["checks"]
    return again


def main(argv: list[str]) -> int:
    out = Path(argv[argv.index("--json") + 1]) if "--json" in argv else None
    if "--suite" in argv:  # one suite, in a process of its own (`run_suite`)
        result = SUITES[argv[argv.index("--suite") + 1]]()
        if out is not None:
            out.write_text(json.dumps(result, default=str))
        return 0
    started = time.perf_counter()
    results, checks = {}, []
    for name in SUITES:
        t = time.perf_counter()
        results[name] = measured(name)
        checks += results[name]["checks"]
        print(f"== {name}: {time.perf_counter() - t:.0f} s", flush=True)
    for line in stale_results():
        print(f"stale: {line}")
    # Last, so that the end of a long log (all a CI run may show) names the goal missed.
    print("\n".join(table(checks)))
    misses = gated_misses(checks)
    print(f"bench-quick: {len(checks) - len(misses)} of {len(checks)} met, "
          f"{len(misses)} gated goal(s) missed, {time.perf_counter() - started:.0f} s")  # fmt: skip
    if out is not None:
        out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
