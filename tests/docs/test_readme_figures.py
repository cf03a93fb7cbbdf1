"""The docs quote the committed results (issue 17, point 4): each figure below is read from
its JSON under bench/results/ and must stand, as written there, in whichever of README.md
and docs/*.md quotes it, and each commit a document names for a result is the one that
result measured. A `make bench` that moves a figure fails this until the docs follow.

`bench.figures` lists them all, and `make release-check` holds the same list to current
results (no quoted figure from a stale one)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bench.figures import COMMITS, FIGURES

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
BENCHMARKS = ROOT / "docs" / "benchmarks.md"


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _result(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _commit(name: str) -> str:
    data = _result(name)
    return str({**data.get("code", {}), **data}["commit"])


def _at(data: dict[str, Any], path: str) -> float:
    value: Any = data
    for key in path.split("."):
        value = value[key]
    return float(value)


def _in_doc_units(value: float, path: str, pattern: str) -> float:
    """Milliseconds in the JSON are seconds where the document writes "s"."""
    return value / 1000 if path.endswith("_ms") and " ms" not in pattern else value


def _quoting(pattern: str, flags: int = 0) -> list[tuple[Path, re.Match[str]]]:
    """Each document that quotes `pattern`, with its first match there."""
    found = []
    for doc in _documents():
        match = re.search(pattern, doc.read_text(encoding="utf-8"), flags)
        if match:
            found.append((doc, match))
    return found


@pytest.mark.parametrize(
    ("name", "paths", "pattern"),
    FIGURES,
    ids=[f"{n}:{p[0]}" for n, p, _ in FIGURES],
)
def test_the_docs_quote_each_figure_as_measured(
    name: str, paths: tuple[str, ...], pattern: str
) -> None:
    quotes = _quoting(pattern, re.DOTALL)
    assert quotes, f"no document says {pattern!r} any more"
    data = _result(name)
    for doc, found in quotes:
        for path, written in zip(paths, found.groups(), strict=True):
            written = written.replace(",", "")
            decimals = len(written.partition(".")[2])
            measured = _in_doc_units(_at(data, path), path, pattern)
            assert abs(float(written) - measured) <= 0.5 * 10**-decimals + 1e-9, (
                f"{doc.relative_to(ROOT)} says {written} where {name}.json {path} is {measured}"
            )


@pytest.mark.parametrize(("name", "pattern"), COMMITS, ids=[n for n, _ in COMMITS])
def test_the_docs_name_the_commit_each_result_measured(name: str, pattern: str) -> None:
    quotes = _quoting(pattern)
    assert quotes, f"no document says {pattern!r} any more"
    for doc, found in quotes:
        assert _commit(name).startswith(found.group(1)), (
            f"{doc.relative_to(ROOT)}: {found.group(1)}, {name}.json: {_commit(name)}"
        )


def _table_rows() -> list[tuple[list[str], str]]:
    """docs/benchmarks.md's table of results: (the JSON files a row names, its commit)."""
    rows = []
    for line in BENCHMARKS.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and re.fullmatch(r"[0-9a-f]{7,40}", cells[1]):
            rows.append((re.findall(r"`(\w+)\.json`", cells[0]), cells[1]))
    return rows


def test_the_benchmarks_table_names_every_result_with_its_commit() -> None:
    rows = _table_rows()
    named = {name for names, _ in rows for name in names}
    results = {p.stem for p in RESULTS.glob("*.json")}
    assert named == results, f"missing {sorted(results - named)}, unknown {sorted(named - results)}"
    for names, commit in rows:
        for name in names:
            measured = _commit(name)
            assert measured.startswith(commit), f"{name}.json: {measured}, table: {commit}"
