"""`make release-check`: the gate before a release, never before a commit. It fails when a
figure the docs quote (README.md and docs/*.md, listed in bench.figures) comes from a
result older than the code it measured; re-run that result's producer (`python -m bench
NAME`), commit it, and update the docs. Results that no document quotes may be stale:
`python -m bench.stale` lists them, and nothing fails on them, so a change to shared code
costs no 80-minute `make bench`."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.common import RESULTS
from bench.figures import COMMITS, FIGURES
from bench.stale import staleness


def quoted_results() -> list[str]:
    """The results whose figures or commits the docs quote."""
    return sorted({name for name, _, _ in FIGURES} | {name for name, _ in COMMITS})


def stale_quoted(results: Path = RESULTS) -> list[str]:
    return [why for name in quoted_results() if (why := staleness(results / f"{name}.json"))]


def main() -> int:
    stale = stale_quoted(RESULTS)
    for why in stale:
        print(f"stale and quoted: {why}")
    names = ", ".join(quoted_results())
    print(f"release-check: {len(stale)} stale result(s) among those the docs quote ({names})")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
