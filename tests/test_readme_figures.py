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

from bench.figures import COMMITS, FIGURES

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RESULTS = ROOT / "bench" / "results"


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
