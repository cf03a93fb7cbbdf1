"""Single-visit answers on held-out notes (bench/answers/holdout/data.json).

The patients and notes are bench/timeline/sets/overtime's, written by a generator of
their own; the questions (a value or BP on a date, first diagnosed, medication started,
prescribed for a condition or at a visit, when a procedure was done, any record of X, and
absent ones; English and Hebrew) were derived from the notes' text and committed. Asked
the way bench/answers/eval.py asks (and with its helpers): a fresh, encrypted data dir,
the doc imported and indexed once, every question through the service's own `ask` with
the cache off, once extractive and then with each generator made the active one.

Outcomes (bench/answers/holdout/scoring.py) per mode, split (`dev` may be looked at to
improve the code, `test` never: its figure is the honest one), kind and language. Goals,
for the app's default generator over all questions of a split (a refused absent one
correct): correct >= 0.90, wrong <= 0.03. A missed goal is printed; the exit status is 1
only when a mode could not run at all.

    .venv/bin/python -m bench.answers.eval_holdout [--generators qwen] [--split dev]
        [--limit N] [--no-extractive] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from uuid import UUID

from bench.answers.eval import (
    EXTRACTIVE,
    GENERATORS,
    _activate,
    _close,
    _settings,
    accepted_generators,
    ask_each,
)
from bench.answers.holdout import EXTRA, load
from bench.answers.holdout.questions import COUNTS, HoldoutQuestion
from bench.answers.holdout.scoring import outcome, rates, value_found
from bench.answers.scoring import used_units
from bench.common import PASSPHRASE, client_ids, code_state, isolate, offline, write_result

NAME = "eval_answers_holdout"
GOALS = {"correct_min": 0.90, "wrong_max": 0.03}
SPLITS = ("dev", "test", *EXTRA)
# Loads the model before the timed questions; a summary, since the timeline answers a
# reading on its own, without the generator (which the check below needs to see open).
WARM_UP = "Summarise the last visit in two sentences."


def questions(split: str | None = None) -> tuple[list[HoldoutQuestion], dict[str, Any]]:
    from bench.timeline.sets.overtime import load as load_notes

    data = load(split if split in EXTRA else None)
    qs = [HoldoutQuestion.from_json(q) for q in data["questions"]]
    return [q for q in qs if split in (None, q.split)], load_notes()["doc"]


def _detail(q: HoldoutQuestion, res: Any, seconds: float) -> dict[str, Any]:
    return {"used": used_units(res.sources), "seconds": round(seconds, 2)}


def ask_all(
    svc: Any, qs: Sequence[HoldoutQuestion], ids: dict[str, UUID], mode: str
) -> list[dict[str, Any]]:
    return ask_each(svc, qs, ids, mode, outcome=outcome, value_found=value_found, extra=_detail)


def run(
    qs: Sequence[HoldoutQuestion],
    doc: dict[str, Any],
    generators: Sequence[str],
    extractive: bool = True,
) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    modes: dict[str, dict[str, Any]] = {}
    broken: dict[str, str] = {}
    default: str | None = None
    offline()  # `make eval` runs this module directly, not through bench/__main__.py
    with tempfile.TemporaryDirectory(prefix="chartside-eval-answers-holdout-") as tmp:
        root = Path(tmp)
        isolate(root)
        from app.compose import build_service
        from core.assistant.types import AskRequest

        svc = build_service(_settings(root))
        svc.initialise(PASSPHRASE)
        try:
            path = root / "import.json"
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            svc.notes.import_file(path)
            svc.search.index_now()
            ids = client_ids(svc)
            if extractive:
                t0 = time.perf_counter()
                rows += ask_all(svc, qs, ids, EXTRACTIVE)
                modes[EXTRACTIVE] = {"generator": None, "run_s": round(time.perf_counter() - t0)}
        finally:
            _close(svc, with_generator=False)
        for name in generators:
            settings = _settings(root, name)
            try:
                model_id, app_default = _activate(settings, name)
                default = default or app_default
            except Exception as exc:  # reported; the mode counts as broken
                broken[name] = f"{type(exc).__name__}: {exc}"
                continue
            svc = build_service(settings)
            svc.unlock(PASSPHRASE)
            try:
                if not svc.search.index_status().complete:  # a different embedder id: re-embed
                    svc.search.index_now()
                warm = svc.assistant.ask(
                    AskRequest(WARM_UP, client_id=ids[qs[0].client], use_cache=False)
                )
                if warm.models.get("generator") is None:
                    broken[name] = "no generator could be opened (answers were extractive)"
                    continue
                t0 = time.perf_counter()
                rows += ask_all(svc, qs, ids, name)
                modes[name] = {"generator": model_id, "run_s": round(time.perf_counter() - t0)}
            finally:
                _close(svc, with_generator=True)
    ran = [g for g in generators if g in modes]
    default = default if default in ran else (ran[0] if ran else None)
    for mode, meta in modes.items():
        mine = [r for r in rows if r["mode"] == mode]
        meta.update(_breakdown(mine))
        if mine and all(r["outcome"] == "error" for r in mine):
            broken[mode] = "every question failed"
    return {"modes": modes, "default": default, "broken": broken, "details": rows}


def _breakdown(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def part(key: str, values: Sequence[str]) -> dict[str, Any]:
        return {v: rates([r for r in rows if r[key] == v]) for v in values}

    return {
        "overall": rates(rows),
        "per_split": part("split", SPLITS),
        "per_kind": {
            k: {s: rates([r for r in rows if r["kind"] == k and r["split"] == s]) for s in SPLITS}
            for k in COUNTS
        },
        "per_language": {
            lang: {
                s: rates([r for r in rows if r["language"] == lang and r["split"] == s])
                for s in SPLITS
            }
            for lang in ("en", "he")
        },
    }


def checks(report: dict[str, Any]) -> list[dict[str, Any]]:
    default = report["default"]
    if default is None:
        return []
    out = []
    for split in SPLITS:
        a = report["modes"][default]["per_split"][split]["all"]
        if not a["n"]:
            continue
        for name, value, op, goal in (
            ("correct", a["correct_rate"], ">=", GOALS["correct_min"]),
            ("wrong", a["wrong_rate"], "<=", GOALS["wrong_max"]),
        ):
            met = value >= goal if op == ">=" else value <= goal
            out.append(
                {
                    "name": f"{default} {split}: {name}",
                    "value": value,
                    "goal": f"{op} {goal}",
                    "met": met,
                }
            )
    return out


def table(report: dict[str, Any]) -> list[str]:
    lines = []
    for mode, meta in report["modes"].items():
        lines.append(f"{mode} ({meta['generator'] or 'no generator'}, {meta['run_s']} s)")
        for split in SPLITS:
            s = meta["per_split"][split]
            a, al = s["answerable"], s["all"]
            if not al["n"]:
                continue
            lines.append(
                f"  {split}: all {al['n']}: correct {al['correct_rate']} wrong {al['wrong_rate']} "
                f"refused {al['refused_rate']} | answerable {a['n']}: correct {a['correct_rate']} "
                f"wrong {a['wrong_rate']} refused {a['refused_rate']} | absent refused "
                f"{s['absent']['refused']}/{s['absent']['n']}"
            )
            for kind, per in meta["per_kind"].items():
                k = per[split]
                if k["n"]:
                    right = "refused" if kind == "absent" else "correct"
                    got = k["absent" if kind == "absent" else "answerable"][right]
                    lines.append(f"    {kind}: {got}/{k['n']} {right}")
            for lang, per in meta["per_language"].items():
                k = per[split]["all"]
                if k["n"]:
                    lines.append(f"    {lang}: {k['correct']}/{k['n']} correct, {k['wrong']} wrong")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m bench.{NAME}", description=__doc__)
    parser.add_argument(
        "--generators",
        help="comma-separated, from "
        + ",".join(GENERATORS)
        + "; empty for extractive only (default: every one the settings accept)",
    )
    parser.add_argument("--split", choices=SPLITS, help="ask only this half")
    parser.add_argument("--limit", type=int, help="ask only the first N (kinds interleaved)")
    parser.add_argument("--no-extractive", action="store_true")
    parser.add_argument("--write", action="store_true", help=f"write bench/results/{NAME}.json")
    parser.add_argument(
        "--show-dev-failures",
        action="store_true",
        help="print the dev half's failed questions and answers (never test's)",
    )
    args = parser.parse_args(argv)
    if args.generators is None:
        generators = accepted_generators()
    else:
        generators = [g.strip() for g in args.generators.split(",") if g.strip()]
        if unknown := sorted(set(generators) - set(accepted_generators())):
            parser.error(f"unknown generator(s): {', '.join(unknown)}")
    code = code_state(NAME)  # before the run: the code it imports is the code measured
    qs, doc = questions(args.split)
    qs = qs[: args.limit] if args.limit is not None else qs
    report = run(qs, doc, generators, extractive=not args.no_extractive)
    report["checks"] = checks(report)
    for line in table(report):
        print(line)
    if args.show_dev_failures:
        for r in report["details"]:
            right = "refused" if r["kind"] == "absent" else "correct"
            if r["split"] != "test" and r["outcome"] != right:
                print(
                    f"-- {r['mode']} {r['id']} {r['kind']} {r['outcome']}: {r['question']} "
                    f"expected {r['expected']} in {r['relevant']}; used {r.get('used')}\n"
                    f"   {r.get('answer') or r.get('error')}",
                    file=sys.stderr,
                )
    for c in report["checks"]:
        print(f"{c['name']}: {c['value']} (goal {c['goal']}) {'met' if c['met'] else 'MISSED'}")
    for mode, why in report["broken"].items():
        print(f"BROKEN {mode}: {why}")
    if args.write:
        report["run"] = {
            "generators": generators,
            "split": args.split,
            "limit": args.limit,
            "extractive": not args.no_extractive,
            "seed": load(args.split if args.split in EXTRA else None)["seed"],
        }
        report["code"] = code
        path = write_result("eval_answers_holdout", report)
        print(f"wrote {path}")
    return 1 if report["broken"] else 0


if __name__ == "__main__":
    sys.exit(main())
