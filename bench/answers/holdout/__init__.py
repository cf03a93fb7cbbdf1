"""Single-visit questions on held-out notes (`python -m bench.answers.eval_holdout`).

The patients and notes are those of bench/timeline/sets/overtime/data.json, written
by a generator of their own, apart from the code; its over-time questions are left alone.
Here `notes` reads each note's facts back from its text, `questions` derives single-visit
questions with known answers from them (the kinds of bench/answers, "any record of X" and
absent ones; English and Hebrew, several wordings a kind), and `scoring` scores an answer.
The set's vocabulary is data beside the code: phrases.toml (and phrases_<name>.toml) its
wordings and names, questions.toml its counts, therapies and pronouns.
The set is generated once (seed SEED) and committed as data.json; each kind is split half
`dev` (failures may be looked at to improve the code) and half `test` (never looked at:
its numbers are the honest figure).

    .venv/bin/python -m bench.answers.holdout   # rewrites data.json (seed SEED)
    .venv/bin/python -m bench.answers.holdout --extra dev2   # writes dev2.json
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

SEED = 27_118
DATA = Path(__file__).resolve().parent / "data.json"
# Further development sets, each in wordings written blind after the sets before it were
# scored and tuned on (phrases_<name>.py, which reads phrases_<name>.toml), over the same
# notes: every question in that split, never the test half.
EXTRA = ("dev2",)


def _phrases(extra: str | None) -> Any:
    """The wordings a set is asked in: phrases.py's (phrases.toml), or a further set's over
    them."""
    import importlib

    from bench.answers.holdout import phrases

    if extra is None:
        return phrases
    own = importlib.import_module(f"bench.answers.holdout.phrases_{extra}")
    return SimpleNamespace(
        **{**vars(phrases), **{k: v for k, v in vars(own).items() if k.isupper()}}
    )


def generate(seed: int = SEED, extra: str | None = None) -> dict[str, Any]:
    from bench.answers.holdout.notes import read_clients
    from bench.answers.holdout.questions import holdout_questions
    from bench.timeline.sets.overtime import load as load_notes

    clients = read_clients(load_notes()["doc"])
    # A further set draws anew: its own seed, so its picks are not the first set's.
    seed = seed if extra is None else seed + EXTRA.index(extra) + 1
    questions = holdout_questions(clients, seed, _phrases(extra), extra)
    return {
        "seed": seed,
        "notes": "bench/timeline/sets/overtime/data.json",
        "questions": [q.to_json() for q in questions],
    }


def _path(extra: str | None) -> Path:
    return DATA if extra is None else DATA.with_name(f"{extra}.json")


def load(extra: str | None = None) -> dict[str, Any]:
    """The committed set (data.json): what is scored; or, `extra`, a further development
    set (dev2.json)."""
    return json.loads(_path(extra).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def write(extra: str | None = None) -> Path:
    path = _path(extra)
    text = json.dumps(generate(extra=extra), ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    return path
