"""The timeline extractor on blind set #8 (bench/timeline/sets/blind8/data.json), written without
reading the extractor, its lexicons or the other sets (issue 27): fourteen clinics no earlier
set keeps, about 43% Hebrew. Set #7 (bench/timeline/sets/blind7/) became a development set after
round 7 was tuned on it, so this is the set for notes the extractor was never tuned on.

Runs bench/timeline/eval_blind.py's scoring on this set: the same entry point, scorer,
aggregates and counted causes, never a text or a name. Drug names are read as set #7's
eval reads them, plus the other official names of this set's drugs (penicillin V is
phenoxymethylpenicillin, silver sulphadiazine silver sulfadiazine, ...). `--write` keeps
them in bench/results/eval_timeline_blind8.json under the key "blind8". Exit status 1 when
a kind's precision or recall is below the goal (0.95), or when the extractor cannot be
imported.

    .venv/bin/python -m bench.timeline.eval_blind8
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from bench.timeline.eval_blind import run
from bench.timeline.eval_blind7 import SAME_DRUG_7

NAME = "eval_timeline_blind8"
SAME_DRUG_8 = {
    **SAME_DRUG_7,
    "penicillin v": "phenoxymethylpenicillin",
    "penicillin v potassium": "phenoxymethylpenicillin",
    "phenoxymethylpenicillin potassium": "phenoxymethylpenicillin",
    "silver sulphadiazine": "silver sulfadiazine",
    "sulfadiazine silver": "silver sulfadiazine",
    "alendronic acid sodium": "alendronic acid",
    "alendronate sodium": "alendronic acid",
    "nicotine polacrilex": "nicotine",
    "varenicline tartrate": "varenicline",
    "solifenacin succinate": "solifenacin",
    "oxybutynin chloride": "oxybutynin",
    "tamsulosin hydrochloride": "tamsulosin",
    "estradiol hemihydrate": "estradiol",
    "oestradiol": "estradiol",
}


def _write(report: dict[str, Any]) -> Path:
    from bench.common import write_result

    return write_result("eval_timeline_blind8", report)


def main(argv: list[str] | None = None) -> int:
    from bench.timeline.sets.blind8 import fields, seed

    return run(
        argv,
        name=NAME,
        title="blind8",
        fields=fields,
        seed=seed,
        write=_write,
        same_drug=SAME_DRUG_8,
    )


if __name__ == "__main__":
    sys.exit(main())
