"""The README quotes the committed results (issue 17, point 4): each figure below is read
from its JSON under bench/results/ and must stand in the README as the README rounds it, and
each commit the README names for a result is the one that result measured. A `make bench`
that moves a figure fails this until the README follows."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RESULTS = ROOT / "bench" / "results"

# (result, its JSON paths, the README's words with one number group per path). Each number
# must be the JSON's within half a unit of the README's last digit.
FIGURES: list[tuple[str, tuple[str, ...], str]] = [
    ("store", ("import_throughput.ratio_ours_over_raw",), r"(\d+(?:\.\d+)?)× raw psycopg"),
    ("store", ("note_save.ours.p50_ms",), r"a note save p50 (\d+(?:\.\d+)?) ms"),
    ("audit", ("ratio_ours_over_raw_time",), r"(\d+(?:\.\d+)?)× a bare\s+HMAC"),
    (
        "index_threads",
        ("ratio_best_raw_s_over_ours_s.quiet.2", "ratio_best_raw_s_over_ours_s.busy.2"),
        r"2\s+torch threads runs at (\d+(?:\.\d+)?)× \(quiet\) and (\d+(?:\.\d+)?)× \(beside",
    ),
    (
        "retrieval",
        (
            "indexing_templated.clinosim.speedup_raw_all_s_over_ours_s",
            "indexing_templated.factories.speedup_raw_all_s_over_ours_s",
        ),
        r"\(80% distinct\) is (\d+(?:\.\d+)?)× as fast.*?\(44%\s+distinct\) (\d+(?:\.\d+)?)×",
    ),
    (
        "retrieval",
        ("indexing.ratio_raw_s_over_ours_s",),
        r"distinct notes index at (\d+(?:\.\d+)?)×",
    ),
    (
        "retrieval",
        ("recall.workspace.recall_at_10_ties_allowed",),
        r"ef_search=300: recall@10\s+(\d+(?:\.\d+)?) against exact search",
    ),
    (
        "eval",
        ("modes.hybrid.recall_at_5", "modes.hybrid.mrr"),
        r"424 questions,\s+hybrid recall@5 / MRR (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?)",
    ),
    ("eval", ("dated.recall_at_5",), r"hybrid recall@5 is (\d+(?:\.\d+)?)\s+\(goal 0\.95\)"),
    (
        "eval",
        ("hebrew.modes.hybrid.recall_at_5", "hebrew.modes.hybrid.mrr"),
        r"hybrid recall@5 / MRR (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?) \(goal 0\.85",
    ),
    (
        "eval_answers",
        (
            "modes.qwen.answerable.correct",
            "modes.qwen.answerable.wrong",
            "modes.qwen.answerable.refused",
        ),
        r"\*\*all answerable \(42\)\*\* \| [^|]+ \| "
        r"\*\*(\d+(?:\.\d+)?) / (\d+(?:\.\d+)?) / (\d+(?:\.\d+)?)\*\*",
    ),
    (
        "eval_answers",
        ("modes.qwen.absent.refused",),
        r"absent refused ≥ 0\.90 \((\d+(?:\.\d+)?), met\)",
    ),
    (
        "ask",
        (
            "generators.qwen.end_to_end.ours_total.p50_ms",
            "generators.qwen.end_to_end.ours_total.p95_ms",
        ),
        r"`ask` with Qwen measured p50 (\d+(?:\.\d+)?) s / p95 (\d+(?:\.\d+)?) s",
    ),
    (
        "ask",
        ("generators.qwen.end_to_end.ours_ttft.p50_ms",),
        r"first word after (\d+(?:\.\d+)?) s",
    ),
]
# Where the README says which commit a result measured.
COMMITS: list[tuple[str, str]] = [
    ("store", r"Figures from `make bench` at commit ([0-9a-f]{7,})"),
    ("index_threads", r"`index_threads\.json` at ([0-9a-f]{7,})"),
    ("retrieval", r"`bench/results/retrieval\.json`,\s+commit ([0-9a-f]{7,})"),
    ("eval", r"`bench/results/eval\.json`, commit ([0-9a-f]{7,})"),
    ("eval_answers", r"All four columns: commit ([0-9a-f]{7,})"),
    ("ask", r"`bench/results/ask\.json`,\s+commit ([0-9a-f]{7,})"),
]


def _result(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _at(data: dict[str, Any], path: str) -> float:
    value: Any = data
    for key in path.split("."):
        value = value[key]
    return float(value)


def _in_readme_units(value: float, path: str, pattern: str) -> float:
    """Milliseconds in the JSON are seconds where the README writes "s"."""
    return value / 1000 if path.endswith("_ms") and " ms" not in pattern else value


@pytest.mark.parametrize(
    ("name", "paths", "pattern"), FIGURES, ids=[f"{n}:{p[0]}" for n, p, _ in FIGURES]
)
def test_the_readme_quotes_each_figure_as_measured(
    name: str, paths: tuple[str, ...], pattern: str
) -> None:
    text = README.read_text(encoding="utf-8")
    found = re.search(pattern, text, re.DOTALL)
    assert found, f"the README no longer says {pattern!r}"
    data = _result(name)
    for path, written in zip(paths, found.groups(), strict=True):
        decimals = len(written.partition(".")[2])
        measured = _in_readme_units(_at(data, path), path, pattern)
        assert abs(float(written) - measured) <= 0.5 * 10**-decimals + 1e-9, (
            f"README says {written} where {name}.json {path} is {measured}"
        )


@pytest.mark.parametrize(("name", "pattern"), COMMITS, ids=[n for n, _ in COMMITS])
def test_the_readme_names_the_commit_each_result_measured(name: str, pattern: str) -> None:
    found = re.search(pattern, README.read_text(encoding="utf-8"))
    assert found, f"the README no longer says {pattern!r}"
    data = _result(name)
    commit = {**data.get("code", {}), **data}["commit"]
    assert commit.startswith(found.group(1)), f"README: {found.group(1)}, {name}.json: {commit}"
