"""What writes bench/results/: one producer for each result, in the order `python -m bench`
runs them. A module of its own so that `bench.stale` can read it without importing the
runner (which imports `bench.quick`, which imports `bench.stale`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.common import RESULTS


@dataclass(frozen=True)
class Producer:
    """What writes some of bench/results/: a suite's run() in this process (it returns the
    result and its checks), or with `command` set, `python -m MODULE ARGS...` in a process
    of its own, as `make eval` runs it (exit status kept; sys.argv and the environment its
    own)."""

    module: str
    writes: tuple[str, ...]  # the files' stems under bench/results/
    command: tuple[str, ...] | None = None


def _suite(module: str, result: str) -> Producer:
    return Producer(module, (result,))


def _command(module: str, result: str, *args: str) -> Producer:
    return Producer(module, (result,), args)


def _blind(name: str) -> Producer:
    """A blind set's eval: the set's folder is an argument, so it counts as the result's code."""
    return _command(
        "bench.timeline.eval_blind",
        f"eval_timeline_{name}",
        f"bench/timeline/sets/{name}",
        "--write",
    )


# Keyed by the result each writes; `python -m bench` runs them in this order.
PRODUCERS: dict[str, Producer] = {
    "store": _suite("bench.store.speed", "store"),
    "audit": _suite("bench.store.audit", "audit"),
    "backup": _suite("bench.store.backup", "backup"),
    "crash_load": _suite("bench.store.crash_load", "crash_load"),
    "models": _suite("bench.runtime.models", "models"),
    "kernels": _suite("bench.runtime.kernels", "kernels"),
    "index_threads": _suite("bench.retrieval.index_threads", "index_threads"),
    "retrieval": _suite("bench.retrieval.speed", "retrieval"),
    "ask": _suite("bench.answers.speed", "ask"),
    # ask_busy_package with the package's llama.cpp (.venv-package's Python), by hand.
    "ask_busy": Producer("bench.answers.busy", ("ask_busy", "ask_busy_package"), ()),
    "first_sign": _suite("bench.answers.first_sign", "first_sign"),
    "dictation_first_words": _suite("bench.dictation.first_words", "dictation_first_words"),
    "timeline": _suite("bench.timeline.speed", "timeline"),
    "questions": _suite("bench.timeline.speed_questions", "questions"),
    "e5_isolation": _command("bench.runtime.e5_isolation", "e5_isolation"),
    "eval": _command("bench.retrieval.eval", "eval"),
    "eval_multilingual_e5_small": _command(
        "bench.retrieval.eval", "eval_multilingual_e5_small", "--embedder", "multilingual-e5-small"
    ),
    "eval_answers": _command("bench.answers.eval", "eval_answers"),
    "eval_answers_json": _command(
        "bench.answers.eval", "eval_answers_json", "--answer-format", "json"
    ),
    "eval_answers_holdout": _command(
        "bench.answers.eval_holdout", "eval_answers_holdout", "--write"
    ),
    "eval_timeline": _command("bench.timeline.eval", "eval_timeline"),
    "eval_timeline_holdout": _command(
        "bench.timeline.eval_holdout", "eval_timeline_holdout", "--write"
    ),
    "eval_timeline_blind": _blind("blind"),
    "eval_timeline_blind3": _blind("blind3"),
    "eval_timeline_blind4": _blind("blind4"),
    "eval_timeline_blind5": _blind("blind5"),
    "eval_timeline_blind6": _blind("blind6"),
    "eval_timeline_blind7": _blind("blind7"),
    "eval_timeline_blind8": _blind("blind8"),
    "eval_timeline_blind9": _blind("blind9"),
    "eval_timeline_blind10": _blind("blind10"),
    "eval_timeline_ehr": _command("bench.timeline.eval_ehr", "eval_timeline_ehr", "--write"),
    "names_by_meaning": _command("bench.timeline.names_by_meaning", "names_by_meaning", "--write"),
    "eval_timeline_questions": _command(
        "bench.timeline.eval_questions", "eval_timeline_questions", "--write"
    ),
    "eval_first_search": _command("bench.retrieval.eval_first", "eval_first_search", "--write"),
    "eval_question_reader": _command(
        "bench.timeline.eval_question_reader", "eval_question_reader", "--write"
    ),
    "eval_timeline_overtime_holdout": _command(
        "bench.timeline.eval_overtime", "eval_timeline_overtime_holdout", "--write"
    ),
    "eval_dictation": _command("bench.dictation.eval", "eval_dictation", "--write"),
    "eval_dictation_holdout": _command(
        "bench.dictation.eval_holdout", "eval_dictation_holdout", "--write"
    ),
    "eval_documents": _command("bench.documents.eval", "eval_documents", "--write"),
}
SUITES = [p.module for p in PRODUCERS.values() if p.command is None]


def without_producer(results: Path = RESULTS) -> list[str]:
    """The JSON files under `results` that `python -m bench` would not rewrite."""
    written = {stem for p in PRODUCERS.values() for stem in p.writes}
    return [p.name for p in sorted(results.glob("*.json")) if p.stem not in written]
