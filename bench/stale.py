"""Which committed results are older than the code they measure: each names the commit it
was measured on (bench.common.write_result), and git says what changed since."""

from __future__ import annotations

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
    since = _git("rev-list", "--count", f"{commit}..HEAD", "--", *measured_paths(path.stem))
    n = int(since.stdout.strip() or 0)
    return f"{path.name}: {n} commit(s) since {commit[:12]} change its code" if n else None


def stale_results(results: Path = RESULTS) -> list[str]:
    return [s for p in sorted(results.glob("*.json")) if (s := staleness(p)) is not None]


if __name__ == "__main__":
    print("\n".join(stale_results()) or "every result is current")
