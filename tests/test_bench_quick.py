"""`make bench-quick` gates the ratio goals, and every committed result names the commit it
measured (issue 17). The suites here are stand-ins: what is tested is the gate's logic, not
the figures (the benchmarks themselves run in CI after the suite)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench import quick, stale
from bench.common import RESULTS, check, code_state, paired_ratio
from bench.stale import stale_results, staleness

ROOT = Path(__file__).resolve().parent.parent


def _suites(monkeypatch: pytest.MonkeyPatch, *checks: dict[str, Any]) -> None:
    monkeypatch.setattr(quick, "SUITES", {"fake": lambda: {"checks": list(checks)}})
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


def _shallow(repo: Path) -> bool:
    done = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"], cwd=repo, capture_output=True, text=True
    )
    return done.stdout.strip() == "true"


def assert_current(path: Path, repo: Path = ROOT) -> None:
    """`path` measured the code as it is at HEAD (`make bench` rewrites every result), or
    fails. Skipped only where a shallow clone lacks the commit it names."""
    why = staleness(path)
    if why is not None and "is not in this clone" in why and _shallow(repo):
        pytest.skip(f"{why}: a shallow clone, so whether it is stale is unknown")
    assert why is None, f"{why}: re-run `make bench` and commit bench/results/"


@pytest.mark.parametrize("path", sorted(RESULTS.glob("*.json")), ids=lambda p: p.name)
def test_every_committed_result_measured_the_current_code(path: Path) -> None:
    assert_current(path)


def _commit(repo: Path, path: str, text: str) -> str:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    for args in (["add", path], ["commit", "-q", "-m", text]):
        subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


def test_a_stale_result_fails_and_only_a_shallow_clone_skips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    old = _commit(repo, "core/x.py", "one")
    new = _commit(repo, "core/x.py", "two")
    _commit(repo, "README.md", "not measured")
    results = tmp_path / "results"
    results.mkdir()
    for name, commit in {"old": old, "new": new, "gone": "f" * 40}.items():
        (results / f"{name}.json").write_text(json.dumps({"commit": commit, "uncommitted": []}))
    (results / "dirty.json").write_text(json.dumps({"commit": new, "uncommitted": ["core/x"]}))
    monkeypatch.setattr(stale, "REPO", repo)

    assert_current(results / "new.json", repo)
    with pytest.raises(AssertionError, match=r"old.json: 1 commit\(s\) since"):
        assert_current(results / "old.json", repo)
    with pytest.raises(AssertionError, match="uncommitted changes"):
        assert_current(results / "dirty.json", repo)
    with pytest.raises(AssertionError, match="is not in this clone"):
        assert_current(results / "gone.json", repo)

    shallow = tmp_path / "shallow"
    clone = ["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)]
    subprocess.run(clone, check=True, capture_output=True)
    monkeypatch.setattr(stale, "REPO", shallow)
    with pytest.raises(pytest.skip.Exception, match="shallow clone"):
        assert_current(results / "old.json", shallow)
    with pytest.raises(AssertionError, match="uncommitted changes"):
        assert_current(results / "dirty.json", shallow)


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
