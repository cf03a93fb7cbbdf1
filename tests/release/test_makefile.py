"""`make run` and `make test` reuse .venv and reinstall only when the pins change."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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
    for pin in (
        "packaging/requirements.lock",
        "packaging/requirements-nodeps.txt",
        "pyproject.toml",
    ):
        out = _make_dry("-W", pin, "test").stdout  # -W: pretend the pin file just changed
        assert "pip install -r packaging/requirements.lock" in out, out
        assert "QT_QPA_PLATFORM=offscreen" in out


def test_lock_pins_every_package_exactly() -> None:
    lines = [
        ln.strip()
        for ln in (ROOT / "packaging" / "requirements.lock").read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert lines
    assert all("==" in ln for ln in lines), [ln for ln in lines if "==" not in ln]
    assert "torch==2.13.0" in lines


def test_top_level_layout_is_exactly_the_agreed_one() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    top = {p.split("/")[0] for p in tracked} - {".gitignore"}
    assert top == {
        "pyproject.toml",
        "app",
        "core",
        "ui",
        "models",
        "migrations",
        "tests",
        "packaging",
        "README.md",
        # What changed for the people who use it; history beside git's
        "CHANGELOG.md",
        "Makefile",
        ".ci",
        "bench",
        # The living architecture (issue 31): inside the repository
        "docs",
    }
    assert ".ci/run" in tracked


def test_readme_shows_the_two_commands_first() -> None:
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make run" in first_block and "make test" in first_block
    assert readme.index("make run") < readme.index("## ", readme.index("## ") + 1)


def test_make_run_checks_the_qt_system_libraries_first() -> None:
    out = _make_dry("run").stdout
    assert out.index("packaging/check_qt_libs.py") < out.index(".venv/bin/chartside"), out
