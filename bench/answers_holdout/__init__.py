"""Single-visit questions on held-out notes (`python -m bench.eval_answers_holdout`).

The patients and notes are those of bench/timeline_overtime_holdout/data.json, written
by a generator of their own, apart from the code; its over-time questions are left alone.
Here `notes` reads each note's facts back from its text, `questions` derives single-visit
questions with known answers from them (the kinds of bench/answers, "any record of X" and
absent ones; English and Hebrew, several wordings a kind), and `scoring` scores an answer.
The set is generated once (seed SEED) and committed as data.json; each kind is split half
`dev` (failures may be looked at to improve the code) and half `test` (never looked at:
its numbers are the honest figure).

    .venv/bin/python -m bench.answers_holdout   # rewrites data.json (seed SEED)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SEED = 27_118
DATA = Path(__file__).resolve().parent / "data.json"


def generate(seed: int = SEED) -> dict[str, Any]:
    from bench.answers_holdout.notes import read_clients
    from bench.answers_holdout.questions import holdout_questions
    from bench.timeline_overtime_holdout import load as load_notes

    clients = read_clients(load_notes()["doc"])
    questions = holdout_questions(clients, seed)
    return {
        "seed": seed,
        "notes": "bench/timeline_overtime_holdout/data.json",
        "questions": [q.to_json() for q in questions],
    }


def load() -> dict[str, Any]:
    """The committed set (data.json): what is scored."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def write() -> Path:
    DATA.write_text(json.dumps(generate(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return DATA
