"""The timeline extractor on blind set #9 (bench/timeline/sets/blind9/data.json), written without
reading the extractor, its lexicons or the other sets (issue 27): ten clinics (dermatology,
sleep, speech and language therapy, dietetics, occupational health, geriatrics, fertility,
pain, diabetes nurse, cardiac rehabilitation), half Hebrew. Set #8 stays as it is; this is
a further set of notes the extractor was never tuned on.

Runs bench/timeline/eval_blind.py's scoring on this set: the same entry point, scorer,
aggregates and counted causes, never a text or a name. Drug names are read as set #8's
eval reads them, plus the other official names of this set's drugs (calcipotriene is
calcipotriol, follitropin alpha follitropin alfa, menotropin menotropins, salts to their
bases, ...). `--write` keeps them in bench/results/eval_timeline_blind9.json under the key
"blind9". Exit status 1 when a kind's precision or recall is below the goal (0.95), or when
the extractor cannot be imported.

    .venv/bin/python -m bench.timeline.eval_blind9
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.timeline.eval_blind import run
from bench.timeline.eval_blind8 import SAME_DRUG_8

NAME = "eval_timeline_blind9"
DATA = Path(__file__).resolve().parent / "sets" / "blind9" / "data.json"
SAME_DRUG_9 = {
    **SAME_DRUG_8,
    "calcipotriene": "calcipotriol",
    "follitropin alpha": "follitropin alfa",
    "choriogonadotropin alpha": "choriogonadotropin alfa",
    "menotropin": "menotropins",
    "cetrorelix acetate": "cetrorelix",
    "ganirelix acetate": "ganirelix",
    "sodium fusidate": "fusidic acid",
    "doxycycline hyclate": "doxycycline",
    "doxycycline monohydrate": "doxycycline",
    "levothyroxine sodium": "levothyroxine",
    "methylphenidate hydrochloride": "methylphenidate",
    "escitalopram oxalate": "escitalopram",
    "sertraline hydrochloride": "sertraline",
    "duloxetine hydrochloride": "duloxetine",
    "tramadol hydrochloride": "tramadol",
    "metformin hydrochloride": "metformin",
    "clopidogrel bisulfate": "clopidogrel",
    "clopidogrel bisulphate": "clopidogrel",
    "atorvastatin calcium": "atorvastatin",
    "bisoprolol fumarate": "bisoprolol",
    "amlodipine besylate": "amlodipine",
    "amlodipine besilate": "amlodipine",
    "doxazosin mesylate": "doxazosin",
    "naproxen sodium": "naproxen",
    "sodium hydrogen carbonate": "sodium bicarbonate",
    "glucagon hydrochloride": "glucagon",
    "ferrous sulphate": "ferrous sulfate",
}


def seed() -> int:
    return int(json.loads(DATA.read_text(encoding="utf-8"))["seed"])


def fields() -> list[Any]:
    from bench.timeline.sets.labelled.labelled import StoredSet

    return StoredSet(seed(), DATA).fields()


def _write(report: dict[str, Any]) -> Path:
    from bench.common import write_result

    return write_result("eval_timeline_blind9", report)


def main(argv: list[str] | None = None) -> int:
    return run(
        argv,
        name=NAME,
        title="blind9",
        fields=fields,
        seed=seed,
        write=_write,
        same_drug=SAME_DRUG_9,
    )


if __name__ == "__main__":
    sys.exit(main())
