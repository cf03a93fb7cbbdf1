"""The timeline extractor on blind set #3 (bench/timeline/sets/blind3/data.json), written without
reading the extractor, its lexicons or the other sets (issue 27): nine clinics the earlier
sets do not keep, 40% Hebrew. Set #2 (bench/timeline/sets/blind/) had fixes made against its
first score, so this is the set for notes the extractor was never tuned on.

Runs bench/timeline/eval_blind.py's scoring on this set: the same entry point, drug names
(SAME_DRUG), scorer, aggregates and counted causes, never a text or a name. `--write`
keeps them in bench/results/eval_timeline_blind3.json under the key "blind3". Exit status 1
when a kind's precision or recall is below the goal (0.95), or when the extractor cannot
be imported.

    .venv/bin/python -m bench.timeline.eval_blind3
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bench.timeline.eval_blind import run

NAME = "eval_timeline_blind3"


def _write(report: dict[str, Any]) -> Path:
    from bench.common import write_result

    return write_result("eval_timeline_blind3", report)


def main(argv: list[str] | None = None) -> int:
    from bench.timeline.sets.blind3 import fields, seed

    return run(argv, name=NAME, title="blind3", fields=fields, seed=seed, write=_write)


if __name__ == "__main__":
    sys.exit(main())
