"""Questions over time in the clinician's own words (bench/timeline/sets/questions/data.json,
issue 42 point 5): 14 operations, at least 25 wordings each, a third in Hebrew, half dev and
half test, about the patients of bench/timeline/sets/overtime, gold answers computed from
the facts that set's notes were written from.

The same service and way of asking as `bench/timeline/eval_overtime.py` (its import,
`bench.timeline.eval.ask_part`: a fresh, encrypted data dir with the default setup, the
patients imported and indexed once, every question through the service's own `ask`, the
cache off); the answers are scored here (bench/timeline/sets/questions/scoring.py): correct,
wrong or refused (quoted: refused by quoting the notes instead of answering), and
false_no_record (says there is no note or record where there is one).
Prints outcomes per operation, per language, per split and per notes' language, with p50
seconds per answering path; `--write` keeps them in bench/results/eval_timeline_questions.json
(each question's id, operation, language, split and outcome; no answer text).

Exit status 1 when, on the test split, correct < 0.95, wrong > 0.02 or false_no_record > 0
(on the questions asked: with `--split dev` or a `--limit` that asks no test question, the
gate is read on what was asked, and says so).

    .venv/bin/python -m bench.timeline.eval_questions [--limit N] [--split dev|test|all] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.common import check, code_state, write_result
from bench.timeline.eval import ask_part
from bench.timeline.kit.facts import OverTimeQuestion
from bench.timeline.sets.overtime import load as load_source
from bench.timeline.sets.questions import EXTRA, load
from bench.timeline.sets.questions.generate import OPERATIONS, source_digest
from bench.timeline.sets.questions.scoring import score

NAME = "eval_timeline_questions"
CORRECT_GOAL = 0.95
WRONG_GOAL = 0.02
FALSE_NO_RECORD_GOAL = 0
OUTCOMES = ("correct", "wrong", "refused")


@dataclass(frozen=True)
class _Set:
    """What `ask_part` asks: the import, the questions and "today"."""

    doc: dict[str, Any]
    questions: list[OverTimeQuestion]
    today: dt.date


def questions(split: str, limit: int | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = load(split if split in EXTRA else None)
    if data["source"]["doc_sha256"] != source_digest():
        raise SystemExit(
            f"{NAME}: bench/timeline/sets/overtime/data.json changed since this set was "
            "written; its gold no longer holds (python -m bench.timeline.sets.questions.generate "
            "writes a new set, whose first score is the honest one)"
        )
    qs = [q for q in data["questions"] if split == "all" or q["split"] == split]
    return data, qs[:limit] if limit is not None else qs


def ask(data: dict[str, Any], qs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    asked = [
        OverTimeQuestion(
            id=q["id"],
            client_external_id=q["client"],
            question=q["question"],
            kind=q["operation"],
            expected_values=[],
            expected_sessions=[],
            language=q["language"],
        )
        for q in qs
    ]
    today = dt.date.fromisoformat(data["source"]["dataset_today"])
    return ask_part(_Set(load_source()["doc"], asked, today))  # type: ignore[arg-type]


def scored(
    data: dict[str, Any], qs: Sequence[dict[str, Any]], part: dict[str, Any], today: dt.date
) -> list[dict[str, Any]]:
    rows = {r["id"]: r for r in part["details"]}
    visits = {t["client"]: [v["date"] for v in t["visits"]] for t in data["truth"]}
    out = []
    for q in qs:
        r = rows[q["id"]]
        if r.get("error"):  # the service raised: no answer
            s = {"outcome": "wrong", "quoted": False, "false_no_record": False}
        else:
            s = score(q, str(r.get("answer") or ""), bool(r.get("refused")), today,
                      visits[q["client"]])  # fmt: skip
        out.append(
            {
                "id": q["id"],
                "operation": q["operation"],
                "language": q["language"],
                "notes_language": q["notes_language"],
                "split": q["split"],
                **s,
                "path": r.get("path"),
                "seconds": r.get("seconds"),
                "error": r.get("error"),
                "question": q["question"],
                "answer": str(r.get("answer") or ""),
                "gold": q["gold"],
            }
        )
    return out


def misses(rows: Sequence[dict[str, Any]]) -> str:
    """What a development split got wrong or refused, question, answer and gold, to learn
    from; never the test half's."""
    if any(r["split"] == "test" for r in rows):
        raise SystemExit(f"{NAME}: --misses shows development questions only (--split dev|dev2)")
    out = []
    for r in rows:
        if r["outcome"] != "correct":
            out += [f"[{r['id']} {r['operation']} {r['outcome']} {r['path']}] {r['question']}",
                    f"    answer: {r['answer'][:300]!r}", f"    gold: {r['gold']}"]  # fmt: skip
    return "\n".join(out)


def outcomes(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    out: dict[str, Any] = {"n": n}
    for o in OUTCOMES:
        c = sum(r["outcome"] == o for r in rows)
        out[o] = c
        out[f"{o}_rate"] = round(c / n, 4) if n else 0.0
    out["quoted"] = sum(bool(r["quoted"]) for r in rows)
    fnr = sum(bool(r["false_no_record"]) for r in rows)
    out["false_no_record"] = fnr
    out["false_no_record_rate"] = round(fnr / n, 4) if n else 0.0
    return out


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    def by(key: str, values: Sequence[str]) -> dict[str, Any]:
        return {v: outcomes([r for r in rows if r[key] == v]) for v in values}

    paths: dict[str, Any] = {}
    for p in sorted({str(r["path"]) for r in rows}):
        mine = [r for r in rows if str(r["path"]) == p]
        secs = [float(r["seconds"]) for r in mine if r.get("seconds") is not None]
        paths[p] = {
            **outcomes(mine),
            "p50_s": round(statistics.median(secs), 3) if secs else None,
        }
    return {
        "overall": outcomes(rows),
        "per_operation": {k: v for k, v in by("operation", OPERATIONS).items() if v["n"]},
        "per_language": by("language", ("en", "he")),
        "per_split": {k: v for k, v in by("split", ("dev", "test", *EXTRA)).items() if v["n"]},
        "per_notes_language": {
            f"{lang} question, {notes} notes": outcomes(
                [r for r in rows if r["language"] == lang and r["notes_language"] == notes]
            )
            for lang in ("en", "he")
            for notes in ("en", "he")
            if any(r["language"] == lang and r["notes_language"] == notes for r in rows)
        },
        "per_path": paths,
        "errors": sum(bool(r.get("error")) for r in rows),
    }


def gate(rows: Sequence[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    test = [r for r in rows if r["split"] == "test"]
    scope = "test split" if test else "questions asked (no test question was asked)"
    s = outcomes(test or rows)
    return scope, [
        check(f"{scope}: correct", s["correct_rate"], ">=", CORRECT_GOAL),
        check(f"{scope}: wrong", s["wrong_rate"], "<=", WRONG_GOAL),
        check(f"{scope}: false_no_record", s["false_no_record"], "<=", FALSE_NO_RECORD_GOAL),
    ]


def _line(label: str, s: dict[str, Any], width: int = 34) -> str:
    return (
        f"  {label:<{width}} {s['n']:>4} {s['correct']:>4} ({s['correct_rate']:>5.1%}) "
        f"{s['wrong']:>4} ({s['wrong_rate']:>5.1%}) {s['refused']:>4} ({s['refused_rate']:>5.1%}) "
        f"{s['false_no_record']:>6} {s['quoted']:>6}"
    )


def table(summary: dict[str, Any], checks: Sequence[dict[str, Any]]) -> str:
    cols = ("correct", "wrong", "refused")
    head = f"  {'':<34} {'n':>4} " + " ".join(f"{c:>12}" for c in cols)
    head += f" {'no-rec':>6} {'quoted':>6}"
    lines = [f"{NAME}: {summary['overall']['n']} questions", head]
    for title, key in (("operation", "per_operation"), ("language", "per_language"),
                       ("split", "per_split"), ("asked in / notes in", "per_notes_language"),
                       ("path", "per_path")):  # fmt: skip
        lines.append(f" by {title}:")
        for label, s in summary[key].items():
            if s["n"]:
                extra = f"  p50 {s['p50_s']} s" if key == "per_path" else ""
                lines.append(_line(label, s) + extra)
    lines.append(_line("all", summary["overall"]))
    if summary["errors"]:
        lines.append(f"  service errors: {summary['errors']}")
    for c in checks:
        state = "met" if c["met"] else "MISSED"
        lines.append(f"{c['name']}: {c['value']} (goal {c['goal']}) {state}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m bench.{NAME}", description=__doc__)
    parser.add_argument("--limit", type=int, help="ask only the first N questions")
    parser.add_argument("--split", choices=("dev", "test", "all", *EXTRA), default="all")
    parser.add_argument("--write", action="store_true", help=f"write bench/results/{NAME}.json")
    parser.add_argument(
        "--misses", action="store_true", help="print what a development split missed"
    )
    args = parser.parse_args(argv)
    code = code_state(NAME)  # before the run: the code it imports is the code measured
    data, qs = questions(args.split, args.limit)
    if not qs:
        print(f"{NAME}: no question to ask", file=sys.stderr)
        return 1
    part = ask(data, qs)
    # The app's request takes no "today" (then it counts from its own clock): time since the
    # last visit is scored from the day it answered.
    today = (
        dt.date.fromisoformat(data["source"]["dataset_today"])
        if part.get("today_passed_to_app")
        else dt.date.today()
    )
    rows = scored(data, qs, part, today)
    summary = summarise(rows)
    scope, checks = gate(rows)
    print(table(summary, checks))
    if args.misses:
        print(misses(rows))
    if args.write:
        keep = ("id", "operation", "language", "split", "outcome", "quoted", "false_no_record",
                "path", "seconds")  # fmt: skip
        report = {
            "summary": summary,
            "service": {k: part.get(k) for k in ("index", "warm_up_s", "run_s")},
            "today_passed_to_app": part.get("today_passed_to_app"),
            "scored_today": today.isoformat(),
            "outcomes": [{k: r.get(k) for k in keep} for r in rows],
            "gate_scope": scope,
            "checks": checks,
            "goals_met": all(c["met"] for c in checks),
            "run": {
                "limit": args.limit,
                "split": args.split,
                "seed": data["seed"],
                "questions": len(qs),
            },
            "code": code,
        }
        path = write_result("eval_timeline_questions", report)
        print(f"wrote {path}")
    return 0 if all(c["met"] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
