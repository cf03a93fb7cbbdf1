"""`python -m bench.compare`: the ratios of two revisions' committed results side by side
(issue 16, point 8: no ratio worse than before by more than noise)."""

from __future__ import annotations

import pytest

from bench.compare import compare, is_ratio, main

BEFORE = {
    "store": {
        "commit": "a" * 40,
        "note_save": {"p50_ratio_ours_over_raw": 2.0, "ours": {"p50_ms": 8.0}, "goal_p95_ms": 15},
        "import_throughput": {"ratio_ours_over_raw": 0.8, "goal_ratio": 0.5},
    },
    "gone": {"commit": "c" * 40, "x_ratio": 1.0},
}
AFTER = {
    "store": {
        "commit": "b" * 40,
        "note_save": {"p50_ratio_ours_over_raw": 3.0, "ours": {"p50_ms": 7.0}, "goal_p95_ms": 15},
        "import_throughput": {"ratio_ours_over_raw": 0.8, "goal_ratio": 0.5},
    },
}


def test_ratios_are_listed_with_both_commits_and_how_far_they_moved() -> None:
    lines = compare(BEFORE, AFTER)
    assert lines[0] == f"== store: {'a' * 9} -> {'b' * 9}"
    saved = next(ln for ln in lines if "p50_ratio_ours_over_raw" in ln)
    assert "2 -> 3" in saved and "+50%" in saved
    assert any("import_throughput.ratio_ours_over_raw" in ln and "+0%" in ln for ln in lines)
    assert not any("goal" in ln or "p50_ms" in ln for ln in lines)  # goals and sides left out
    assert lines[-1] == "== gone: only before"


def test_sides_show_every_number() -> None:
    lines = compare(BEFORE, AFTER, sides=True)
    assert any("note_save.ours.p50_ms" in ln and "8 -> 7" in ln for ln in lines)


def test_what_counts_as_a_ratio() -> None:
    assert is_ratio("search.client.hybrid.p50_ratio_ours_over_raw")
    assert is_ratio("indexing_templated.clinosim.speedup_raw_all_s_over_ours_s")
    assert not is_ratio("goals.speed_ratio_min")
    assert not is_ratio("import_throughput.goal_ratio")


def test_the_committed_history_compares(capsys: pytest.CaptureFixture[str]) -> None:
    """Against git itself: HEAD with HEAD lists each committed result, nothing moved."""
    assert main(["HEAD", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "== store:" in out and "import_throughput.ratio_ours_over_raw" in out
    assert "only" not in out
