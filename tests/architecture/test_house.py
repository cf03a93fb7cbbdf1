"""The house's shape, as docs/architecture.md and docs/timeline.md describe it: the
timeline's rooms small enough to find one's way in, the ask's steps each short enough to
read at a glance, and the tests in folders that mirror the product's packages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMELINE = ROOT / "core/timeline"
MOST_MODULES = 20
MOST_STEP_LINES = 40


def _folders(root: Path) -> list[Path]:
    return [root, *(p for p in sorted(root.rglob("*")) if p.is_dir() and p.name != "__pycache__")]


@pytest.mark.parametrize("folder", _folders(TIMELINE), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_room_of_the_timeline_holds_more_than_twenty_modules(folder: Path) -> None:
    assert len(list(folder.glob("*.py"))) <= MOST_MODULES


def _ask_service() -> ast.ClassDef:
    tree = ast.parse((ROOT / "core/services/ask_ops.py").read_text(encoding="utf-8"))
    return next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "AskService")


def _steps(service: ast.ClassDef) -> dict[str, ast.FunctionDef]:
    """`ask` and every step it is made of: the service's own methods."""
    return {
        f.name: f
        for f in service.body
        if isinstance(f, ast.FunctionDef)
        and (f.name == "ask" or f.name.startswith("_"))
        and f.name != "__init__"
    }


def test_the_ask_reads_as_its_pipeline() -> None:
    steps = _steps(_ask_service())
    called = {
        n.func.attr
        for n in ast.walk(steps["ask"])
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
    }
    assert {"_route", "_cached", "_retrieve_and_answer", "_finish"} <= called


def test_each_step_of_the_ask_is_at_most_forty_lines() -> None:
    steps = _steps(_ask_service())
    long = {
        name: f.end_lineno - f.lineno + 1
        for name, f in steps.items()
        if f.end_lineno is not None and f.end_lineno - f.lineno + 1 > MOST_STEP_LINES
    }
    assert len(steps) > 10 and long == {}


def test_the_ask_keeps_its_formatting() -> None:
    assert "fmt: skip" not in (ROOT / "core/services/ask_ops.py").read_text(encoding="utf-8")


# core's packages whose tests sit elsewhere: the api's Protocols are held by the fakes'
# conformance (tests/fakes_conform.py) and the facade's tests (tests/services/).
_TESTED_ELSEWHERE = {"api"}


@pytest.mark.parametrize(
    "package",
    sorted(p.name for p in (ROOT / "core").iterdir() if (p / "__init__.py").is_file()),
)
def test_each_package_of_core_has_its_tests_folder(package: str) -> None:
    if package not in _TESTED_ELSEWHERE:
        assert (ROOT / "tests" / package).is_dir()


def test_no_test_sits_outside_the_mirrored_folders() -> None:
    assert list((ROOT / "tests").glob("test_*.py")) == []
