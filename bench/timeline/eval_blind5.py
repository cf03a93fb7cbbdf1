"""The timeline extractor on blind set #5 (bench/timeline/sets/blind5/data.json), written without
reading the extractor, its lexicons or the other sets (issue 27): seventeen clinics no
earlier set keeps, 46% Hebrew. Set #4 (bench/timeline/sets/blind4/) became a development
set after its first score, so this is the set for notes the extractor was never tuned on.

Runs bench/timeline/eval_blind.py's scoring on this set: the same entry point, drug names
(SAME_DRUG), scorer, aggregates and counted causes, never a text or a name. `--write`
keeps them in bench/results/eval_timeline_blind5.json under the key "blind5". Exit status 1
when a kind's precision or recall is below the goal (0.95), or when the extractor cannot
be imported.

    .venv/bin/python -m bench.timeline.eval_blind5
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bench.timeline.eval_blind import run

NAME = "eval_timeline_blind5"


def _write(report: dict[str, Any]) -> Path:
    from bench.common import write_result

    return write_result("eval_timeline_blind5", report)


def main(argv: list[str] | None = None) -> int:
    from bench.timeline.sets.blind5 import fields, seed

    return run(argv, name=NAME, title="blind5", fields=fields, seed=seed, write=_write)


if __name__ == "__main__":
    sys.exit(main())
