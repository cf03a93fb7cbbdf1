"""The timeline extractor on blind set #7 (bench/timeline/sets/blind7/data.json), written without
reading the extractor, its lexicons or the other sets (issue 27): sixteen clinics no earlier
set keeps, about 39% Hebrew. Set #6 (bench/timeline/sets/blind6/) became a development set after
round 6 was tuned on it, so this is the set for notes the extractor was never tuned on.

Runs bench/timeline/eval_blind.py's scoring on this set: the same entry point, scorer,
aggregates and counted causes, never a text or a name. Drug names are read as set #6's
eval reads them, plus the other official names of this set's drugs (INN, USAN and BAN:
pancrelipase is pancreatin, dipyrone metamizole, nitroglycerin glyceryl trinitrate,
psyllium ispaghula husk, ...). `--write` keeps them in
bench/results/eval_timeline_blind7.json under the key "blind7". Exit status 1 when a kind's
precision or recall is below the goal (0.95), or when the extractor cannot be imported.

    .venv/bin/python -m bench.timeline.eval_blind7
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bench.timeline.eval_blind import run
from bench.timeline.eval_blind6 import SAME_DRUG_6

NAME = "eval_timeline_blind7"
SAME_DRUG_7 = {
    **SAME_DRUG_6,
    "pancrelipase": "pancreatin",
    "dipyrone": "metamizole",
    "metamizole sodium": "metamizole",
    "nitroglycerin": "glyceryl trinitrate",
    "chlorthalidone": "chlortalidone",
    "beclomethasone": "beclometasone",
    "beclometasone dipropionate": "beclometasone",
    "beclomethasone dipropionate": "beclometasone",
    "dalfampridine": "fampridine",
    "ferrous sulphate": "ferrous sulfate",
    "psyllium": "ispaghula husk",
    "ispaghula": "ispaghula husk",
    "alendronate": "alendronic acid",
    "zoledronate": "zoledronic acid",
    "lignocaine": "lidocaine",
    "ursodiol": "ursodeoxycholic acid",
    "tiotropium bromide": "tiotropium",
    "ipratropium bromide": "ipratropium",
    "triamcinolone acetonide": "triamcinolone",
    "lithium carbonate": "lithium",
    "dornase": "dornase alfa",
}


def _write(report: dict[str, Any]) -> Path:
    from bench.common import write_result

    return write_result("eval_timeline_blind7", report)


def main(argv: list[str] | None = None) -> int:
    from bench.timeline.sets.blind7 import fields, seed

    return run(
        argv,
        name=NAME,
        title="blind7",
        fields=fields,
        seed=seed,
        write=_write,
        same_drug=SAME_DRUG_7,
    )


if __name__ == "__main__":
    sys.exit(main())
