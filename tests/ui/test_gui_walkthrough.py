"""The clinician's walk-throughs (issue 28, point 10; issue 44, point 10), repeated under a
real X server.

The steps (tests/ui/walkthrough_steps.py: seven in English, six in Hebrew, on the real
service, embedder and a packaged generator) run in a pytest process of their own on an
Xvfb screen of 1366×768 with no window manager, as the walk-through that filed the issue
did; each step checks that none of its findings comes back.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from xvfb import unavailable, x_display

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
STEPS_LIMIT_S = 1500


def test_the_walkthrough_finds_none_of_the_issues_findings(tmp_path: Path) -> None:
    why = unavailable()
    if why is not None:
        pytest.skip(why)
    with x_display(1366, 768, window_manager=False) as display:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
             f"--basetemp={tmp_path / 'steps'}", str(HERE / "walkthrough_steps.py")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=STEPS_LIMIT_S,
        )  # fmt: skip
    assert run.returncode == 0, run.stdout[-6000:] + _crash(run.stderr)
    assert "2 passed" in run.stdout, run.stdout[-2000:]


def _crash(stderr: str) -> str:
    """A crash's own lines: faulthandler's tracebacks come before the long list of
    extension modules that ends its report."""
    start = stderr.find("Fatal Python error")
    return stderr[start : start + 8000] if start >= 0 else stderr[-2000:]
