"""`make bench` rewrites every committed result (issue 17): each JSON under bench/results/
has a producer in bench.producers.PRODUCERS, which `python -m bench` runs one after another.
Nothing here runs a benchmark: the producers are stand-ins or stop before measuring."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest

import bench.__main__ as bench_main
from bench import stale
from bench.common import RESULTS
from bench.producers import PRODUCERS, Producer, without_producer
from bench.stale import producer_paths


def _written() -> set[str]:
    return {stem for p in PRODUCERS.values() for stem in p.writes}


def test_every_committed_result_has_a_producer_and_every_producer_a_result() -> None:
    assert without_producer() == [], "add them to bench.producers.PRODUCERS"
    assert {p.stem for p in RESULTS.glob("*.json")} == _written()


def test_a_result_without_producer_is_named(tmp_path: Path) -> None:
    for stem in _written():
        (tmp_path / f"{stem}.json").write_text("{}")
    assert without_producer(tmp_path) == []
    (tmp_path / "orphan.json").write_text(json.dumps({"benchmark": "orphan"}))
    (tmp_path / "notes.txt").write_text("not a result")
    assert without_producer(tmp_path) == ["orphan.json"]


def _fake_runs(monkeypatch: pytest.MonkeyPatch, fail: Collection[str] = ()) -> list[str]:
    ran: list[str] = []

    def produce(producer: Producer) -> dict[str, Any]:
        key = next(k for k, p in PRODUCERS.items() if p is producer)
        ran.append(key)
        if producer.command is None:
            return {"checks": []}
        return {"returncode": 1 if key in fail else 0}

    monkeypatch.setattr(bench_main, "produce", produce)
    return ran


def test_bench_without_names_runs_every_producer(monkeypatch: pytest.MonkeyPatch) -> None:
    ran = _fake_runs(monkeypatch)
    assert bench_main.main([]) == 0
    assert ran == list(PRODUCERS)
    assert {s for k in ran for s in PRODUCERS[k].writes} >= {p.stem for p in RESULTS.glob("*.json")}


def test_a_name_runs_one_producer(monkeypatch: pytest.MonkeyPatch) -> None:
    ran = _fake_runs(monkeypatch)
    bench_main.main(["eval_answers_json"])
    bench_main.main(["store.speed"])
    bench_main.main(["bench.retrieval.eval"])
    bench_main.main(["e5_isolation"])
    assert ran == ["eval_answers_json", "store", "eval", "e5_isolation"]
    with pytest.raises(SystemExit, match="no producer named 'nope'"):
        bench_main.main(["nope"])


def test_a_failed_producer_fails_the_run_after_the_others(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = _fake_runs(monkeypatch, fail={"eval"})
    assert bench_main.main([]) == 1
    assert ran == list(PRODUCERS)
    assert "failed: eval (exit status 1)" in capsys.readouterr().out


# Their file's name comes from their arguments: checked below by running their main.
EVALS = ("bench.retrieval.eval", "bench.answers.eval", "bench.timeline.eval_blind")


@pytest.mark.parametrize("key", list(PRODUCERS))
def test_each_producer_runs_alone(key: str) -> None:
    """A suite has run(); a command is a module with a `__main__` block. Each names the
    file it writes. (Read, not imported: the suites import the model libraries.)"""
    producer = PRODUCERS[key]
    spec = importlib.util.find_spec(producer.module)
    assert spec is not None and spec.origin is not None, producer.module
    source = Path(spec.origin).read_text(encoding="utf-8")
    tree = ast.parse(source)
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    if producer.command is None:
        assert "run" in functions
    else:
        assert "main" in functions and "__main__" in ast.unparse(tree.body[-1])
    if producer.module not in EVALS:
        for stem in producer.writes:
            assert f'write_result("{stem}"' in source, stem


class _Wrote(Exception):
    pass


@pytest.mark.parametrize("key", [k for k, p in PRODUCERS.items() if p.module in EVALS])
def test_an_eval_command_writes_the_file_its_producer_names(
    key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The eval's own main, with its measurement replaced, names the file it would write."""
    producer = PRODUCERS[key]
    module = importlib.import_module(producer.module)

    def write_result(name: str, payload: dict[str, Any]) -> Path:
        raise _Wrote(name)

    monkeypatch.setattr(module, "run", lambda *a, **k: {})
    monkeypatch.setattr(module, "write_result", write_result)
    with pytest.raises(_Wrote) as wrote:
        module.main(list(producer.command or ()))
    assert (str(wrote.value),) == producer.writes


def test_a_result_depends_on_its_producers_own_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """An answer eval is stale once its scoring (bench/answers/scoring.py) or its questions
    (bench/retrieval/evalset) change, not only bench/answers/eval.py: its producer's
    imports are followed. A room's other suites are not its code; a set's folder is, whole,
    and so is a room's data beside a suite."""
    answers = set(producer_paths("eval_answers"))
    assert {
        "bench/answers/eval.py",
        "bench/answers/scoring.py",
        "bench/retrieval/evalset",
    } <= answers
    assert "bench/answers/speed.py" not in answers
    e5_small = set(producer_paths("eval_multilingual_e5_small"))
    assert {"bench/retrieval/eval.py", "bench/retrieval/evalset"} <= e5_small
    assert producer_paths("store") == ["bench/common.py", "bench/store/speed.py"]
    assert "bench/timeline/sets/blind5" in producer_paths("eval_timeline_blind5")
    assert "bench/documents/data" in producer_paths("eval_documents")
    asked: list[tuple[str, ...]] = []

    def git(*args: str) -> Any:
        asked.append(args)
        return type("Done", (), {"returncode": 0, "stdout": "0"})()

    monkeypatch.setattr(stale, "_git", git)
    assert stale.staleness(RESULTS / "eval_answers.json") is None
    assert answers <= set(asked[-1])  # the rev-list of what changed since names them


def test_a_result_depends_on_the_app_code_its_producer_imports() -> None:
    """A result measured the app's modules its bench code reaches through imports, not every
    file of core, models and app: a CLI-only change leaves the store figures current, while
    a change to the service, the database or a model runtime does not."""
    store = set(stale.code_paths("store"))
    assert {"core/services/service.py", "core/db/store.py", "core/security/crypto.py"} <= store
    assert "migrations" in store  # the service migrates: every version counts
    assert not {"app/main.py", "app/cli/files.py", "app/cli/entry.py"} & store
    assert not {"core", "models", "app"} & store  # files, not whole folders
    assert "bench/store/speed.py" in store  # its own sources, as before
    models = set(stale.code_paths("models"))
    # bench_models runs `from models.factory import open_defaults` in a child, from a string.
    assert {"models/factory.py", "models/generator.py", "models/embedder.py"} <= models
    assert not any(p.startswith("core/db/") for p in models)
    # A result no producer writes keeps the coarse rule: every file of the app.
    assert set(stale.APP_CODE) <= set(stale.code_paths("no_such_result"))


def test_imports_are_followed_through_relative_and_string_code() -> None:
    source = (
        "from . import ports\n"
        "from .retrieval import search\n"
        "CHILD = 'import sys\\nfrom models.factory import open_defaults'\n"
    )
    file = stale.REPO / "core" / "assistant" / "x.py"  # a path for the relative imports
    names = set(stale._imports(source, file))  # pyright: ignore[reportPrivateUsage]
    assert {"core.assistant.ports", "core.assistant.retrieval.search"} <= names
    assert "models.factory.open_defaults" in names
