"""`make bench-quick` gates the ratio goals, every committed result names the commit it
measured (issue 17), and only `make release-check` fails on a stale one that the docs quote
(issue 31). The suites here are stand-ins: what is tested is the gate's logic, not
the figures (the benchmarks themselves run in CI after the suite)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench import quick, release_check, stale
from bench.common import check, code_state, paired_ratio
from bench.retrieval import speed as bench_retrieval
from bench.stale import stale_results, staleness

ROOT = Path(__file__).resolve().parents[2]


def _suites(monkeypatch: pytest.MonkeyPatch, *checks: dict[str, Any]) -> None:
    monkeypatch.setattr(quick, "SUITES", {"fake": lambda: {"checks": list(checks)}})
    monkeypatch.setattr(quick, "ISOLATE", False)
    monkeypatch.setattr(quick, "stale_results", lambda: [])


def test_a_missed_ratio_goal_fails_the_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _suites(monkeypatch, check("import ours/raw", 0.42, ">=", 0.5), check("x", 1.0, "<=", 2.0))
    assert quick.main([]) == 1
    out = capsys.readouterr().out
    assert "import ours/raw" in out and "0.42" in out and ">= 0.5" in out and "MISSED" in out


def test_met_goals_and_an_ungated_miss_pass(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _suites(
        monkeypatch,
        check("import ours/raw", 0.61, ">=", 0.5),
        check("save p95 ms", 31.0, "<=", 15.0, gated=False),
    )
    assert quick.main(["--json", str(tmp_path / "q.json")]) == 0
    out = capsys.readouterr().out
    assert "0.61" in out and "missed (not gated)" in out
    assert json.loads((tmp_path / "q.json").read_text())["fake"]["checks"][0]["met"]


def test_each_suite_is_measured_in_a_process_of_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """What an earlier suite leaves loaded must not weigh on a later one's ratio: the gate
    runs each as `python -m bench.quick --suite NAME`, which writes that suite's result."""
    result = {"checks": [check("x", 1.0, "<=", 2.0)]}
    monkeypatch.setattr(quick, "SUITES", {"fake": lambda: result})
    out = tmp_path / "fake.json"
    assert quick.main(["--suite", "fake", "--json", str(out)]) == 0
    assert json.loads(out.read_text()) == result

    ran: list[list[str]] = []

    def child(cmd: list[str], check: bool) -> None:
        ran.append(cmd)
        quick.main(cmd[3:])  # what the fresh interpreter would do

    monkeypatch.setattr(quick.subprocess, "run", child)
    assert quick.run_suite("fake") == result
    assert ran[0][:5] == [sys.executable, "-m", "bench.quick", "--suite", "fake"]


def test_bench_quick_gates_indexing_and_search() -> None:
    """Indexing and search are hot paths too (issue 31): bench-quick runs them, and a
    slower indexing (raw/ours under its goal) or a slower search (ours/raw over its goal)
    fails it."""
    assert set(quick.SUITES) == {
        "store",
        "audit",
        "models",
        "retrieval",
        "timeline",
        "dictation_first_words",
    }

    def figures(indexing: float, search: float) -> dict[str, Any]:
        hybrid = {"paired_ratio_ours_over_raw": search, "ours": {"p95_ms": 99.0}}
        return {
            "indexing": {"ratio_raw_s_over_ours_s": indexing, "chunks": 400},
            "search": {"workspace": {"hybrid": hybrid}},
        }

    index_goal, goal = (
        bench_retrieval.QUICK_INDEXING_RATIO_GOAL,
        bench_retrieval.QUICK_SEARCH_RATIO_GOAL,
    )
    met = bench_retrieval.quick_checks(figures(index_goal, goal))
    assert [c["name"] for c in met if c["gated"]] == [
        "retrieval: indexing raw/ours",
        "retrieval: hybrid search ours/raw",
    ]
    assert quick.gated_misses(met) == []  # the p95 beside the 25 ms goal is not gated
    slow_index = quick.gated_misses(bench_retrieval.quick_checks(figures(index_goal - 0.01, goal)))
    assert [c["name"] for c in slow_index] == ["retrieval: indexing raw/ours"]
    slow_search = quick.gated_misses(bench_retrieval.quick_checks(figures(index_goal, goal + 0.1)))
    assert [c["name"] for c in slow_search] == ["retrieval: hybrid search ours/raw"]


def test_check_compares_each_way() -> None:
    assert check("a", 0.5, ">=", 0.5)["met"] and not check("a", 0.49, ">=", 0.5)["met"]
    assert check("b", 2.0, "<=", 2.0)["met"] and not check("b", 2.1, "<=", 2.0)["met"]
    with pytest.raises(ValueError):
        check("c", 1.0, ">", 0.5)


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_generation_ratio_pairs_each_round() -> None:
    # Round 1 ran ours in a quiet moment, round 2 in a busy one: each round's own ratio
    # shows us level with raw, where the ratio of the medians (12/20) would read 0.6.
    assert paired_ratio([10.0, 20.0, 40.0], [12.0, 10.0, 40.0]) == 1.0


def test_a_result_names_the_commit_and_is_stale_once_its_code_changes(tmp_path: Path) -> None:
    head = _git("rev-parse", "HEAD")
    assert code_state("store")["commit"] == head
    touching_core = _git("log", "-2", "--format=%H", "--", "core").split()
    if len(touching_core) < 2:
        pytest.skip("a shallow clone: no older commit to compare with")
    results = tmp_path / "results"
    results.mkdir()
    (results / "none.json").write_text(json.dumps({"benchmark": "none"}))
    (results / "old.json").write_text(json.dumps({"commit": touching_core[1]}))
    (results / "dirty.json").write_text(json.dumps({"commit": head, "uncommitted": ["core/x"]}))
    (results / "fresh.json").write_text(json.dumps({"commit": head, "uncommitted": []}))
    found = "\n".join(stale_results(results))
    assert "none.json records no commit" in found
    assert "old.json: " in found and "commit(s) since" in found
    assert "dirty.json was measured with uncommitted changes" in found
    assert "fresh.json" not in found


def _commit(repo: Path, path: str, text: str) -> str:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    for args in (["add", path], ["commit", "-q", "-m", text]):
        subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


def _repo_with_history(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    old = _commit(repo, "core/x.py", "one")
    new = _commit(repo, "core/x.py", "two")
    _commit(repo, "README.md", "not measured")
    return repo, {"old": old, "new": new}


def _write(results: Path, name: str, commit: str, uncommitted: list[str] | None = None) -> None:
    results.mkdir(exist_ok=True)
    payload = {"commit": commit, "uncommitted": uncommitted or []}
    (results / f"{name}.json").write_text(json.dumps(payload))


def test_staleness_names_why_a_result_is_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, commits = _repo_with_history(tmp_path)
    results = tmp_path / "results"
    _write(results, "old", commits["old"])
    _write(results, "new", commits["new"])
    _write(results, "gone", "f" * 40)
    _write(results, "dirty", commits["new"], ["core/x"])
    monkeypatch.setattr(stale, "REPO", repo)

    assert staleness(results / "new.json") is None
    assert re.search(r"old.json: 1 commit\(s\) since", staleness(results / "old.json") or "")
    assert "uncommitted changes" in (staleness(results / "dirty.json") or "")
    assert "is not in this clone" in (staleness(results / "gone.json") or "")


def test_a_stale_result_is_listed_but_fails_no_test_run(tmp_path: Path) -> None:
    """Issue 31: a result older than its code no longer fails `make test`; `python -m
    bench.stale` lists it and exits 0. What it lists depends on this clone's history; it must
    say something and succeed either way."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.stale"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "bench.stale printed nothing"


def test_release_check_fails_only_on_a_stale_result_the_docs_quote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, commits = _repo_with_history(tmp_path)
    results = tmp_path / "results"
    quoted = release_check.quoted_results()
    assert "store" in quoted and "eval" in quoted
    for name in quoted:
        _write(results, name, commits["new"])
    _write(results, "unquoted", commits["old"])  # stale, but no document quotes it
    monkeypatch.setattr(stale, "REPO", repo)
    monkeypatch.setattr(release_check, "RESULTS", results)
    assert release_check.stale_quoted(results) == []
    assert release_check.main() == 0

    _write(results, "store", commits["old"])
    assert release_check.main() == 1
    assert "stale and quoted: store.json: 1 commit(s) since" in capsys.readouterr().out


def test_release_check_is_a_make_target() -> None:
    dry = subprocess.run(
        ["make", "-n", "release-check"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert "-m bench.release_check" in dry.stdout


def test_bench_quick_runs_after_the_tests_in_ci() -> None:
    dry = subprocess.run(
        ["make", "-n", "bench-quick"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert "-m bench.quick" in dry.stdout
    # Each step may run through .ci/run's `timed` wrapper, which reports its duration.
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    steps = [ln.strip().removeprefix("timed ") for ln in lines]
    assert steps.index("make bench-quick") > steps.index("make test")
    assert "make lint" in steps  # pyright is in make lint only


def test_the_quick_indexing_raw_side_reads_the_same_fields_an_index_run_reads() -> None:
    # index_now reads the timeline of what it indexes; the raw side reads the same fields.
    from bench.retrieval import notes

    doc = notes.notes_document([2, 1])
    fields = notes.timeline_fields(doc)
    sessions = sum(len(c["sessions"]) for c in doc["clients"])
    history = sum(bool(c[f]) for c in doc["clients"] for f in ("medical_history", "notes"))
    assert len(fields) == 4 * sessions + history
    assert {name for _, name in fields} == {
        "medical_history",
        "subjective",
        "objective",
        "assessment",
        "plan",
    }
    assert all(text.strip() for text, _ in fields)


def test_a_suite_that_misses_is_measured_once_more_and_the_second_result_stands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tries = iter([0.42, 0.61])
    monkeypatch.setattr(
        quick, "SUITES", {"fake": lambda: {"checks": [check("ours/raw", next(tries), ">=", 0.5)]}}
    )
    monkeypatch.setattr(quick, "ISOLATE", False)
    monkeypatch.setattr(quick, "stale_results", lambda: ["old.json: 3 commit(s) since"])
    assert quick.main([]) == 0
    out = capsys.readouterr().out
    assert "measured once more" in out and "0.42" in out
    # The table closes the log, after the stale results: a log's tail names the goals.
    assert out.index("stale: old.json") < out.rindex("ours/raw") < out.index("bench-quick:")

    slower = iter([0.42, 0.43])
    monkeypatch.setattr(
        quick, "SUITES", {"fake": lambda: {"checks": [check("ours/raw", next(slower), ">=", 0.5)]}}
    )
    assert quick.main([]) == 1
    assert "0.43" in capsys.readouterr().out
