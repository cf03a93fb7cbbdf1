"""Issue 14: `chartside index` off a terminal prints progress lines instead of silence."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

from app.cli.search import IndexProgress
from core.retrieval.types import IndexStatus
from tests.cli.test_cli import CHARTSIDE, cli, cli_env, ok
from tests.factories import document


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _status(current: int, total: int) -> IndexStatus:
    return IndexStatus(current=current, total=total, model_id="m")


def test_lines_come_first_then_every_period_then_at_the_end() -> None:
    out, clock = io.StringIO(), Clock()
    show = IndexProgress(out, every_s=10, clock=clock)
    for step, t in enumerate((0, 3, 9, 10.5, 15, 21, 22)):
        clock.now = t
        show(_status(step * 10, 100))
    clock.now = 23
    show(_status(100, 100))
    show(_status(100, 100))  # the caller reports the end again: said once
    show.finish()
    assert out.getvalue().splitlines() == [
        "Indexing: 0/100 chunks (0%)",
        "Indexing: 30/100 chunks (30%)",
        "Indexing: 50/100 chunks (50%)",
        "Indexing: 100/100 chunks (100%)",
    ]


def test_index_through_a_pipe_reports_progress(tmp_path: Path) -> None:
    d = tmp_path / "data"
    ok(cli(d, "init"))
    (tmp_path / "in.json").write_text(json.dumps(document(2, 3)))
    ok(cli(d, "import", str(tmp_path / "in.json")))
    run = subprocess.run(
        [CHARTSIDE, "--data-dir", str(d), "--json", "index", "--wait"],
        capture_output=True,  # stderr is a pipe, as under systemd or in a log
        text=True,
        env=cli_env(),
        timeout=600,
    )
    status = ok(run)
    total = status["index"]["total"]
    lines = [x for x in run.stderr.splitlines() if x.startswith("Indexing: ")]
    assert lines and lines[-1] == f"Indexing: {total}/{total} chunks (100%)"
    assert "\r" not in run.stderr  # no terminal bar in a log
