"""`python -m bench.compare BEFORE [AFTER]`: every ratio in the committed results at git
revision BEFORE beside the same ratio at AFTER (default HEAD), with the commit each result
measured and how far it moved.

Made for "no ratio worse than before by more than noise" after a refactor (issue 16): the
results of both sides come from git, so nothing is re-run. A ratio divides our time or
throughput by the raw library's from the same run, so one that moved by more than its
rounds' spread is worth a look at both of its sides (`--sides` prints them)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

from bench.common import REPO

# Leaves whose path names a ratio; goals and thresholds beside them are not measurements.
_RATIO_WORDS = ("ratio", "speedup")
_NOT_MEASURED = ("goal", "_min", "_max")


def _git(*args: str) -> str | None:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def results_at(rev: str) -> dict[str, dict[str, Any]]:
    """The committed bench/results/*.json at `rev`, by stem."""
    listing = _git("ls-tree", "--name-only", f"{rev}:bench/results")
    if listing is None:
        raise SystemExit(f"python -m bench.compare: no bench/results at {rev!r}")
    found: dict[str, dict[str, Any]] = {}
    for name in listing.split():
        text = _git("show", f"{rev}:bench/results/{name}") if name.endswith(".json") else None
        if text is not None:
            found[name.removesuffix(".json")] = json.loads(text)
    return found


def leaves(data: Any, path: str = "") -> Iterator[tuple[str, float]]:
    """Every number in `data` with its dotted path (booleans are not numbers here)."""
    if isinstance(data, dict):
        for key, value in data.items():  # pyright: ignore[reportUnknownVariableType]
            yield from leaves(value, f"{path}.{key}" if path else str(key))  # pyright: ignore[reportUnknownArgumentType]
    elif isinstance(data, int | float) and not isinstance(data, bool):
        yield path, float(data)


def is_ratio(path: str) -> bool:
    last = path.rsplit(".", 1)[-1]
    return any(w in last for w in _RATIO_WORDS) and not any(w in last for w in _NOT_MEASURED)


def commit_of(data: dict[str, Any]) -> str:
    commit = {**data.get("code", {}), **data}.get("commit")
    return str(commit)[:9] if commit else "?"


def compare(
    before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], *, sides: bool = False
) -> list[str]:
    """One block per result both sides hold: its commits, then each ratio before -> after
    and its change in percent; with `sides`, every other number of the result too."""
    lines: list[str] = []
    for stem in sorted(before.keys() & after.keys()):
        old, new = dict(leaves(before[stem])), dict(leaves(after[stem]))
        shared = [p for p in old if p in new and (sides or is_ratio(p))]
        if not shared:
            continue
        lines.append(f"== {stem}: {commit_of(before[stem])} -> {commit_of(after[stem])}")
        width = max(len(p) for p in shared)
        for path in shared:
            a, b = old[path], new[path]
            moved = f"{(b - a) / a:+.0%}" if a else "n/a"
            lines.append(f"  {path:<{width}}  {a:>10g} -> {b:<10g} {moved}")
    for stem in sorted(before.keys() ^ after.keys()):
        lines.append(f"== {stem}: only {'before' if stem in before else 'after'}")
    return lines


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__)
    p.add_argument("before", help="a git revision whose bench/results/ is the baseline")
    p.add_argument("after", nargs="?", default="HEAD")
    p.add_argument("--sides", action="store_true", help="every number, not only ratios")
    args = p.parse_args(argv)
    print("\n".join(compare(results_at(args.before), results_at(args.after), sides=args.sides)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
