"""`make bench-quick` gates the ratio goals, and every committed result names the commit it
measured (issue 17). The suites here are stand-ins: what is tested is the gate's logic, not
the figures (the benchmarks themselves run in CI after the suite)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench import quick
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


# The results `make bench` writes through this benchmarks: each measured on a
# commit with nothing of the code it depends on left uncommitted. The others' owners
# re-measure them on their own schedule; those must still name the commit they measured.
STRICT = {"store", "audit", "backup", "crash_load", "models", "retrieval", "index_threads"}


@pytest.mark.parametrize("path", sorted(RESULTS.glob("*.json")), ids=lambda p: p.name)
def test_every_committed_result_names_the_commit_it_measured(path: Path) -> None:
    why = staleness(path)
    if why is not None and "is not in this clone" in why:
        pytest.skip(why)
    assert why is None or "records no commit" not in why, why
    if path.stem in STRICT:
        assert why is None or "commit(s) since" in why, why


def test_the_strict_results_exist() -> None:
    assert {p.stem for p in RESULTS.glob("*.json")} >= STRICT


def test_bench_quick_runs_after_the_tests_in_ci() -> None:
    dry = subprocess.run(
        ["make", "-n", "bench-quick"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert "-m bench.quick" in dry.stdout
    # Each step may run through .ci/run's `timed` wrapper, which reports its duration.
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    steps = [ln.strip().removeprefix("timed ") for ln in lines]
    assert steps.index("make bench-quick") > steps.index("make test")
