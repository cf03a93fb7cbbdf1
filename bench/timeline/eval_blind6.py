"""The timeline extractor on blind set #6 (bench/timeline/sets/blind6/data.json), written without
reading the extractor, its lexicons or the other sets (issue 27): twenty clinics no earlier
set keeps, about 42% Hebrew. Set #5 (bench/timeline/sets/blind5/) became a development set after
round 5 was tuned on it, so this is the set for notes the extractor was never tuned on.

Runs bench/timeline/eval_blind.py's scoring on this set: the same entry point, scorer,
aggregates and counted causes, never a text or a name. Drug names are read as SAME_DRUG
reads them, plus the other official names of this set's drugs (INN and USAN: rifampin is
rifampicin, cefalexin cephalexin; mycophenolate is the mofetil these notes mean).
`--write` keeps them in bench/results/eval_timeline_blind6.json under the key "blind6".
Exit status 1 when a kind's precision or recall is below the goal (0.95), or when the
extractor cannot be imported.

    .venv/bin/python -m bench.timeline.eval_blind6
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bench.timeline.eval_blind import SAME_DRUG, run

NAME = "eval_timeline_blind6"
SAME_DRUG_6 = {
    **SAME_DRUG,
    "rifampin": "rifampicin",
    "cefalexin": "cephalexin",
    "mycophenolate": "mycophenolate mofetil",
    "mycophenolic acid": "mycophenolate mofetil",
}


def _write(report: dict[str, Any]) -> Path:
    from bench.common import write_result

    return write_result("eval_timeline_blind6", report)


def main(argv: list[str] | None = None) -> int:
    from bench.timeline.sets.blind6 import fields, seed

    return run(
        argv,
        name=NAME,
        title="blind6",
        fields=fields,
        seed=seed,
        write=_write,
        same_drug=SAME_DRUG_6,
    )


if __name__ == "__main__":
    sys.exit(main())
