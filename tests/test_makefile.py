"""`make run` and `make test` reuse .venv and reinstall only when the pins change."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _make_dry(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_a_second_run_does_not_reinstall() -> None:
    # The suite itself runs from the venv `make test` just built, so the stamp is fresh.
    for target in ("run", "test"):
        out = _make_dry(target).stdout
        assert "pip install" not in out, out
        assert ".venv/bin/" in out


def test_changed_pins_trigger_a_reinstall() -> None:
    for pin in ("requirements.lock", "requirements-nodeps.txt", "pyproject.toml"):
        out = _make_dry("-W", pin, "test").stdout  # -W: pretend the pin file just changed
        assert "pip install -r requirements.lock" in out, out
        assert "QT_QPA_PLATFORM=offscreen" in out


def test_lock_pins_every_package_exactly() -> None:
    lines = [
        ln.strip()
        for ln in (ROOT / "requirements.lock").read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert lines
    assert all("==" in ln for ln in lines), [ln for ln in lines if "==" not in ln]
    assert "torch==2.13.0" in lines
