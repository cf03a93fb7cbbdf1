"""Which committed results are older than the code they measure: each names the commit it
was measured on (bench.common.write_result), and git says what changed since."""

from __future__ import annotations

import ast
import json
import subprocess
from pathlib import Path

from bench.common import REPO, RESULTS, measured_paths


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)


def staleness(path: Path) -> str | None:
    """Why `path` is not a measurement of the current code, or None when it is."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data = {**data.get("code", {}), **data}  # the answer eval nests it under "code"
    commit = data.get("commit")
    if not commit:
        return f"{path.name} records no commit"
    if data.get("uncommitted"):
        return f"{path.name} was measured with uncommitted changes: {data['uncommitted'][:3]}"
    if _git("cat-file", "-e", f"{commit}^{{commit}}").returncode != 0:
        return f"{path.name}: commit {commit[:12]} is not in this clone"
    paths = [*measured_paths(path.stem), *producer_paths(path.stem)]
    since = _git("rev-list", "--count", f"{commit}..HEAD", "--", *paths)
    n = int(since.stdout.strip() or 0)
    return f"{path.name}: {n} commit(s) since {commit[:12]} change its code" if n else None


def producer_paths(stem: str) -> list[str]:
    """The bench code behind results/<stem>.json: the module of its producer and every bench
    module that imports, followed through (a package counts whole). An answer eval's scoring
    lives in bench/answers/, its questions in bench/evalset/: both are its code."""
    from bench.__main__ import PRODUCERS

    todo = [p.module for p in PRODUCERS.values() if stem in p.writes]
    seen: set[str] = set()
    while todo:
        source = _source(todo.pop())
        if source is None or source in seen:
            continue
        seen.add(source)
        files = [REPO / source] if source.endswith(".py") else (REPO / source).rglob("*.py")
        for file in files:
            todo += _bench_imports(file)
    return sorted(seen)


def _source(module: str) -> str | None:
    """bench/NAME.py, or bench/NAME for a package, for module bench.NAME[.more]."""
    parts = module.split(".")
    if parts[0] != "bench" or len(parts) < 2:
        return None
    for source in (f"bench/{parts[1]}", f"bench/{parts[1]}.py"):
        if (REPO / source).exists():
            return source
    return None


def _bench_imports(file: Path) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "bench":
            found += [f"bench.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
    return [m for m in found if m.startswith("bench.")]


def stale_results(results: Path = RESULTS) -> list[str]:
    return [s for p in sorted(results.glob("*.json")) if (s := staleness(p)) is not None]


if __name__ == "__main__":
    print("\n".join(stale_results()) or "every result is current")
