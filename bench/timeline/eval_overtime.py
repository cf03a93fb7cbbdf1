"""Questions over time on a set written apart (bench/timeline/sets/overtime/data.json):
the timeline eval's part (b), on patients, notes and questions of another generator,
generated once and committed, so the router and the answers meet wording they were not
fixed against.

Same service, same way of asking and the same scorer as `bench/timeline/eval.py` (a fresh,
encrypted data dir with the default setup, the set imported and indexed once, every
question through the service's own `ask`, the cache off). Prints outcomes overall, per
kind, per language and per answering path, with latencies; `--write` keeps them in
bench/results/eval_timeline_overtime_holdout.json (each question's id, kind and outcome,
no answer text). Exit status 1 when a goal of the main eval is missed (correct >= 0.90,
wrong <= 0.03).

    .venv/bin/python -m bench.timeline.eval_overtime [--limit N] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from typing import Any

from bench.common import check, code_state, write_result
from bench.timeline.eval import CORRECT_GOAL, WRONG_GOAL, ask_part, over_time_table
from bench.timeline.kit.facts import OverTimeQuestion
from bench.timeline.sets.overtime import load

NAME = "eval_timeline_overtime_holdout"


@dataclass(frozen=True)
class _Set:
    """What `ask_part` asks: the import, the questions and "today"."""

    doc: dict[str, Any]
    questions: list[OverTimeQuestion]
    today: dt.date


def dataset() -> tuple[_Set, int]:
    data = load()
    questions = [OverTimeQuestion(**q) for q in data["questions"]]
    return _Set(data["doc"], questions, dt.date.fromisoformat(data["today"])), int(data["seed"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m bench.{NAME}", description=__doc__)
    parser.add_argument("--limit", type=int, help="ask only the first N questions")
    parser.add_argument("--write", action="store_true", help=f"write bench/results/{NAME}.json")
    args = parser.parse_args(argv)
    code = code_state(NAME)
    data, seed = dataset()
    part = ask_part(data, args.limit)  # type: ignore[arg-type]  # duck-typed as OverTimeSet
    checks = [
        check("held-out over time: correct", part["overall"]["correct_rate"], ">=", CORRECT_GOAL),
        check("held-out over time: wrong", part["overall"]["wrong_rate"], "<=", WRONG_GOAL),
    ]
    lines = over_time_table(part)
    for lang, s in part["by_language"].items():
        lines.append(f"  {lang}: {s['n']} questions, {s['correct']} correct, {s['wrong']} wrong")
    for c in checks:
        lines.append(
            f"{c['name']}: {c['value']} (goal {c['goal']}) {'met' if c['met'] else 'MISSED'}"
        )
    print("\n".join(lines))
    if args.write:
        keep = ("id", "kind", "language", "outcome", "path", "seconds")
        report = {
            "over_time": {k: v for k, v in part.items() if k != "details"},
            "outcomes": [{k: row.get(k) for k in keep} for row in part["details"]],
            "checks": checks,
            "goals_met": all(c["met"] for c in checks),
            "run": {"limit": args.limit, "seed": seed, "questions": len(data.questions)},
            "code": code,
        }
        path = write_result("eval_timeline_overtime_holdout", report)
        print(f"wrote {path}")
    return 0 if all(c["met"] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
