"""The layer rules of docs/architecture.md, as import-linter contracts, and the tr() rule for
ui/."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = ("app", "core", "ui", "models", "migrations")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(root), "PATH": ""},
        timeout=300,
    )


def test_layer_contracts_hold() -> None:
    res = _lint(ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "broken" not in res.stdout.lower().replace("0 broken", "")


@pytest.mark.parametrize(
    ("package", "module", "forbidden"),
    [
        ("core", "core/_probe.py", "PySide6"),
        ("core", "core/_probe.py", "torch"),
        ("core", "core/_probe.py", "numpy"),
        ("core.assistant", "core/assistant/_probe.py", "bm25s"),
        ("ui", "ui/_probe.py", "sqlalchemy"),
        ("ui", "ui/_probe.py", "models"),
        # The rooms' order (issue 31): the kit under everything, the rooms not sideways.
        ("ui.kit", "ui/kit/_probe.py", "ui.shell.main_window"),
        ("ui.notes", "ui/notes/_probe.py", "ui.assistant.conversation"),
        ("ui.access", "ui/access/_probe.py", "ui.tools.settings_dialog"),
    ],
)
def test_a_forbidden_import_breaks_the_contracts(
    tmp_path: Path, package: str, module: str, forbidden: str
) -> None:
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / module).write_text(f"import {forbidden}\n")
    res = _lint(tmp_path)
    assert res.returncode != 0
    assert f"{package}._probe -> {forbidden}" in res.stdout


# Qt calls whose string argument reaches the user and must therefore be translatable.
_USER_TEXT_CALLS = {
    "setText",
    "setWindowTitle",
    "setPlaceholderText",
    "setToolTip",
    "setStatusTip",
    "showMessage",
    "setTitle",
    "addAction",
    "addMenu",
    "setLabelText",
    "setHeaderLabels",
    "QLabel",
    "QPushButton",
    "QAction",
    "QGroupBox",
    "QCheckBox",
    "QRadioButton",
    "QMenu",
    "critical",
    "warning",
    "information",
    "question",
    "addTab",
    "addRow",
    "setSuffix",
}


def _bare_literals(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in _USER_TEXT_CALLS:
            continue
        for arg in node.args:
            # Symbols such as "×" carry no words to translate.
            if (
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and any(c.isalpha() for c in arg.value)
            ):
                found.append((node.lineno, arg.value))
            if isinstance(arg, ast.JoinedStr):
                found.append((node.lineno, "<f-string>"))
    return found


def test_ui_strings_go_through_tr() -> None:
    offenders = []
    files = sorted((ROOT / "ui").rglob("*.py"))
    assert files, "ui/ has no modules"
    for path in files:
        for line, text in _bare_literals(ast.parse(path.read_text(), str(path))):
            offenders.append(f"{path.relative_to(ROOT)}:{line}: {text!r}")
    assert not offenders, "user-visible strings without tr():\n" + "\n".join(offenders)


def test_the_tr_check_catches_a_bare_literal() -> None:
    tree = ast.parse('label = QLabel("Client name")\nbutton.setText(self.tr("Save"))\n')
    assert _bare_literals(tree) == [(1, "Client name")]


def _policy_readers(tree: ast.AST) -> list[tuple[int, str]]:
    """Where a module reads the settings files itself: a function of core.settings imported
    (`locked_keys`, `setting_source`, `policy_file`, `load_settings`, ...; its classes, the
    settings' shape, are fine), the module imported whole, or a TOML parser."""
    import core.settings

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "core.settings":
            for alias in node.names:
                if not isinstance(getattr(core.settings, alias.name, None), type):
                    found.append((node.lineno, alias.name))
        elif isinstance(node, ast.ImportFrom) and node.module == "core":
            found += [(node.lineno, a.name) for a in node.names if a.name == "settings"]
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name)
                for a in node.names
                if a.name in {"core.settings", "tomllib", "tomlkit"}
            ]
    return found


def test_the_window_learns_the_policy_through_a_part() -> None:
    """Issue 31, point 3: what the policy locks reaches ui/ through the service's parts
    (`api.config.locked()`, `api.models.generator_locked`), never by reading the file."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for line, name in _policy_readers(ast.parse(path.read_text(), str(path)))
    ]
    assert offenders == []


def test_the_policy_check_catches_a_module_that_reads_it() -> None:
    tree = ast.parse(
        "from core.settings import Settings, locked_keys, setting_source\n"
        "from core import settings\nimport tomllib\n"
    )
    assert _policy_readers(tree) == [
        (1, "locked_keys"), (1, "setting_source"), (2, "settings"), (3, "tomllib"),
    ]  # fmt: skip
