"""`make eval`, second half: answer quality on patients none of us wrote.

The clinosim patients of the retrieval eval (bench/retrieval/evalset/) are imported into a fresh,
encrypted data dir and indexed once. Questions with known answers come from the
generator's structured data (bench/answers/questions.py): a lab, vital sign or blood
pressure on a visit date, when a problem was first diagnosed, when a medication was
started, what was prescribed for a condition (or at a dated visit), whether and when a
procedure was done, the latest value of something, and questions whose answer is in no
note. Each is asked about its client through the service's own `ask`, with the cache off:
once in extractive mode (the notes' own words, no generator), then with each generator.

A generator is the data dir's active one in the model registry, chosen at the first ask.
To switch, the service is closed, the packaged models are registered as the app does
(`ModelRegistry.ensure_defaults`, which also says which generator the app would pick by
default), the wanted one is made active (`ModelRegistry.use`), and a new service is opened
on the same data dir with `models.default_generator` set to match. One throwaway question
loads the model before the timed ones.

Outcomes (bench/answers/scoring.py) are summed per mode and per kind. Goals, for the app's
default generator: correct >= 0.80, wrong <= 0.05, absent refused >= 0.90; extractive: a
relevant unit among the quoted passages >= 0.90. A missed goal is printed, not an error:
the exit status is 1 only when a mode could not run at all.

Writes bench/results/eval_answers.json (per-question details included) and prints a table.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from uuid import UUID

from bench.answers import GOALS, KINDS
from bench.answers.questions import ABSENT, PER_KIND, AnswerQuestion, answer_questions
from bench.answers.report import goal_lines, goals, summarise, table
from bench.answers.scoring import outcome, unit, used_units, value_found
from bench.common import (
    PASSPHRASE,
    bench_settings,
    client_ids,
    code_state,
    isolate,
    offline,
    write_result,
)
from bench.retrieval.evalset import build
from bench.retrieval.evalset.clinosim import POPULATION

GENERATORS = ("qwen", "instruct")  # the packaged ones, the app's default first
EXTRACTIVE = "extractive"
# A question the timeline does not take (a latest value is the timeline's, and its answer
# opens no generator), nor one naming a drug no note holds.
WARM_UP = "Summarise the last visit in two sentences."


def accepted_generators(names: Sequence[str] = GENERATORS) -> list[str]:
    """Those `models.default_generator` accepts (a generator is added to the settings
    before the eval can ask for it)."""
    from pydantic import ValidationError

    from core.settings import ModelSettings

    out = []
    for name in names:
        try:
            ModelSettings(default_generator=name)
        except ValidationError:
            continue
        out.append(name)
    return out


# -- the service -------------------------------------------------------------------------
def _settings(root: Path, generator: str | None = None, answer_format: str = "text") -> Any:
    # No rate limit (a run asks hundreds of questions a minute), and a generation timeout
    # that a busy 2-core machine does not hit: the eval measures answers, not patience.
    models: dict[str, Any] = {"generation_timeout_s": 900}
    if generator is not None:
        models["default_generator"] = generator
    assistant = {"rate_limit_per_minute": 0, "answer_format": answer_format}
    return bench_settings(root / "data", assistant=assistant, models=models)


def _activate(settings: Any, generator: str) -> tuple[str, str | None]:
    """Make the packaged `generator` the data dir's active one; return its model id and,
    the first time (nothing active yet), which packaged generator the app itself makes
    active with its default settings."""
    from core.settings import ModelSettings
    from models.registry import ModelRegistry

    reg = ModelRegistry(settings.models_dir)
    first = reg.active("generator") is None
    app_default = ModelSettings().default_generator
    found = reg.ensure_defaults(settings.model_cache_dir, generator=app_default)
    active = reg.active("generator")
    default = next((k for k, r in found.items() if active and r.path == active.path), None)
    default = default if first else None
    if generator not in found:
        raise RuntimeError(f"the packaged generator {generator!r} is not installed")
    return reg.use("generator", found[generator].path).model_id, default


def _close(svc: Any, with_generator: bool) -> None:
    try:
        if with_generator and (gen := svc.assistant.generator()) is not None:
            gen.close()
        if svc.embedder is not None and hasattr(svc.embedder, "close"):
            svc.embedder.close()
    finally:
        svc.close()


Scorer = Callable[[Any, str, bool, list[str]], Any]
Extra = Callable[[Any, Any, float], dict[str, Any]]


def ask_each(
    svc: Any,
    questions: Sequence[Any],
    ids: dict[str, UUID],
    mode: str,
    *,
    outcome: Scorer,
    value_found: Callable[[Any, str], Any],
    extra: Extra,
    on_error: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Ask every question through the service (cache off; extractive in that mode) and
    score it: the outcome, whether the value was found and the relevant unit used, with
    what `extra(question, result, seconds)` adds. A set's own scorers come in."""
    from core.assistant.types import AskRequest
    from core.errors import ChartsideError

    rows = []
    t0 = time.perf_counter()
    for i, q in enumerate(questions, start=1):
        row: dict[str, Any] = {"mode": mode, **q.to_json()}
        request = AskRequest(
            q.text, client_id=ids[q.client], use_cache=False, extractive=mode == EXTRACTIVE
        )
        t1 = time.perf_counter()
        try:
            res = svc.assistant.ask(request)
        except ChartsideError as exc:
            row.update(outcome="error", error=f"{type(exc).__name__}: {exc.message}")
            row.update(on_error or {})
            rows.append(row)
            continue
        used = used_units(res.sources)
        row.update(
            outcome=outcome(q, res.answer, res.refused, used),
            refused=res.refused,
            value_found=value_found(q, res.answer),
            relevant_used=bool(set(used) & set(q.relevant)),
            relevant_retrieved=bool({unit(s) for s in res.sources} & set(q.relevant)),
            answer=res.answer,
            **extra(q, res, time.perf_counter() - t1),
        )
        rows.append(row)
        if i % 10 == 0 or i == len(questions):
            rate = (time.perf_counter() - t0) / i
            print(f"  {mode}: {i}/{len(questions)} ({rate:.1f} s a question)", file=sys.stderr)
    return rows


def _detail(q: AnswerQuestion, res: Any, seconds: float) -> dict[str, Any]:
    return {
        "used": [
            {
                "n": s.n,
                "unit": unit(s),
                "session_date": s.session_date.date().isoformat() if s.session_date else None,
                "field": s.field,
                "support": None if s.support is None else round(s.support, 3),
            }
            for s in res.sources
            if s.used
        ],
        "sources": [unit(s) for s in res.sources],
        "warnings": [str(w) for w in res.warnings],  # their English rendering
        "timings_ms": {k: round(v, 1) for k, v in res.timings_ms.items()},
        "generator": res.models.get("generator"),
    }


def ask_all(
    svc: Any, questions: Sequence[AnswerQuestion], ids: dict[str, UUID], mode: str
) -> list[dict[str, Any]]:
    return ask_each(
        svc,
        questions,
        ids,
        mode,
        outcome=outcome,
        value_found=value_found,
        extra=_detail,
        on_error={"timings_ms": {}},
    )


# -- the run -------------------------------------------------------------------------------
def run(
    population: int = POPULATION,
    generators: Sequence[str] = GENERATORS,
    per_kind: int = PER_KIND,
    absent: int = ABSENT,
    extractive: bool = True,
    limit: int | None = None,
    answer_format: str = "text",
) -> dict[str, Any]:
    data = build(population)
    questions = answer_questions(data.patients, data.doc, per_kind, absent)
    if limit is not None:
        questions = questions[:limit]
    rows: list[dict[str, Any]] = []
    modes: dict[str, dict[str, Any]] = {}
    broken: dict[str, str] = {}
    default: str | None = None
    info: dict[str, Any] = {}
    offline()  # `make eval` runs this module directly, not through bench/__main__.py
    with tempfile.TemporaryDirectory(prefix="chartside-eval-answers-") as tmp:
        root = Path(tmp)
        isolate(root)
        from app.compose import build_service

        svc = build_service(_settings(root, answer_format=answer_format))
        svc.initialise(PASSPHRASE)
        try:
            path = root / "import.json"
            path.write_text(json.dumps(data.doc), encoding="utf-8")
            t0 = time.perf_counter()
            svc.notes.import_file(path)
            status = svc.search.index_now()
            info["index"] = {
                **status.to_json(),
                "import_index_s": round(time.perf_counter() - t0, 1),
            }
            ids = client_ids(svc)
            if extractive:
                t0 = time.perf_counter()
                rows += ask_all(svc, questions, ids, EXTRACTIVE)
                modes[EXTRACTIVE] = {"generator": None, "run_s": round(time.perf_counter() - t0)}
        finally:
            _close(svc, with_generator=False)
        for name in generators:
            settings = _settings(root, name, answer_format)
            try:
                model_id, app_default = _activate(settings, name)
                default = default or app_default
            except Exception as exc:  # reported; the run counts as broken
                broken[name] = f"{type(exc).__name__}: {exc}"
                continue
            svc = build_service(settings)
            svc.unlock(PASSPHRASE)
            try:
                if not svc.search.index_status().complete:  # a different embedder id: re-embed
                    svc.search.index_now()
                t0 = time.perf_counter()
                warm = svc.assistant.ask(_warm_up(ids, questions))
                if warm.models.get("generator") is None:
                    broken[name] = "no generator could be opened (answers were extractive)"
                    continue
                load_s = time.perf_counter() - t0
                t0 = time.perf_counter()
                rows += ask_all(svc, questions, ids, name)
                modes[name] = {
                    "generator": model_id,
                    "warm_up_s": round(load_s, 1),
                    "run_s": round(time.perf_counter() - t0),
                }
            finally:
                _close(svc, with_generator=True)
    for mode, meta in modes.items():
        meta.update(summarise([r for r in rows if r["mode"] == mode]))
        if meta["answerable"]["n"] + meta["absent"]["n"] and all(
            r["outcome"] == "error" for r in rows if r["mode"] == mode
        ):
            broken[mode] = "every question failed"
    ran = [g for g in generators if g in modes]
    default = default if default in ran else (ran[0] if ran else None)
    answerable = sum(q.kind != "absent" for q in questions)
    return {
        "dataset": {
            **data.dataset,
            "questions": len(questions),
            "answerable": answerable,
            "absent": len(questions) - answerable,
            "per_kind": {k: sum(q.kind == k for q in questions) for k in KINDS},
        },
        **info,
        "goals": GOALS,
        "modes": modes,
        "goals_met": goals(modes, default),
        "broken": broken,
        "questions": [q.to_json() for q in questions],
        "details": rows,
    }


def _warm_up(ids: dict[str, UUID], questions: Sequence[AnswerQuestion]) -> Any:
    from core.assistant.types import AskRequest

    client = questions[0].client if questions else next(iter(ids))
    return AskRequest(WARM_UP, client_id=ids[client], use_cache=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.answers.eval", description=__doc__)
    parser.add_argument("--population", type=int, default=POPULATION)
    parser.add_argument(
        "--generators",
        help="comma-separated, from " + ",".join(GENERATORS) + "; empty for extractive only "
        "(default: every one the settings accept)",
    )
    parser.add_argument("--per-kind", type=int, default=PER_KIND, help="questions per kind")
    parser.add_argument("--absent", type=int, default=ABSENT, help="absent questions")
    parser.add_argument("--limit", type=int, help="ask only the first N (kinds interleaved)")
    parser.add_argument("--no-extractive", action="store_true")
    parser.add_argument(
        "--answer-format",
        choices=("text", "json"),
        default="text",
        help="assistant.answer_format; json writes bench/results/eval_answers_json.json",
    )
    args = parser.parse_args(argv)
    if args.generators is None:
        generators = accepted_generators()
    else:
        generators = [g.strip() for g in args.generators.split(",") if g.strip()]
        unknown = sorted(set(generators) - set(GENERATORS))
        refused = sorted(set(generators) - set(accepted_generators()) - set(unknown))
        if unknown or refused:
            parser.error(f"unknown generator(s): {', '.join(unknown + refused)}")
    name = "eval_answers" if args.answer_format == "text" else f"eval_answers_{args.answer_format}"
    code = code_state(name)  # before the run: the code it imports is the code measured
    report = run(
        args.population, generators, args.per_kind, args.absent,
        extractive=not args.no_extractive, limit=args.limit, answer_format=args.answer_format,
    )  # fmt: skip
    report["run"] = {
        "population": args.population,
        "generators": generators,
        "per_kind": args.per_kind,
        "absent": args.absent,
        "limit": args.limit,
        "extractive": not args.no_extractive,
        "answer_format": args.answer_format,
    }
    report["code"] = code
    path = write_result(name, report)
    print(table(report))
    for line in goal_lines(report["goals_met"]):
        print(line)
    for mode, why in report["broken"].items():
        print(f"BROKEN {mode}: {why}")
    print(f"wrote {path}")
    return 1 if report["broken"] else 0


if __name__ == "__main__":
    sys.exit(main())
