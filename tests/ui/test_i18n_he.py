"""Issue 14, point 1: the window in Hebrew, from Qt Linguist files compiled at build time.

The catalogue (ui/i18n/chartside_he.ts) must be complete and current with the code; the
compiled catalogue, loaded the way the app loads it, must leave no English of the app's own
in any window or dialog (walked on the real service).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from a11y import clashes, tour, widgets_of, window_mnemonics
from gui_driver import GuiDriver
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTreeWidget,
    QWidget,
)

import ui.app
from core.api import NotesApi
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE
from ui.bidi import strip_isolates
from ui.core_text import TEXTS
from ui.errors import describe

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "i18n" / "chartside_he.ts"
BIN = ROOT / ".venv" / "bin"
MakeGui = Callable[[NotesApi], GuiDriver]
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in `ts`."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out.append((name, message.findtext("source", ""), translation))
    return out


def test_every_message_has_a_finished_hebrew_translation() -> None:
    problems = []
    for context, source, translation in _messages(TS):
        kind = translation.get("type")
        text = translation.text or ""
        if kind in {"unfinished", "obsolete", "vanished"} or not text.strip():
            problems.append(f"{context}: {source!r} is {kind or 'empty'}")
        elif set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} has other placeholders: {text!r}")
        elif text.replace("&&", "").count("&") > 1:
            problems.append(f"{context}: {text!r} has two mnemonics")
    assert problems == []


def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over ui/ into a copy of the catalogue finds nothing new and nothing gone."""
    copy = tmp_path / "chartside_he.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    current = {(c, s) for c, s, t in _messages(copy) if t.get("type") not in {"vanished"}}
    catalogued = {(c, s) for c, s, _ in _messages(TS)}
    assert current - catalogued == set(), "strings in the code missing from the .ts"
    assert catalogued - current == set(), "strings in the .ts no longer in the code"


def test_make_compiles_the_catalogue_for_run_and_test() -> None:
    for target in ("run", "test"):
        out = subprocess.run(
            ["make", "-n", "-W", "ui/i18n/chartside_he.ts", target],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        assert "pyside6-lrelease -silent ui/i18n/chartside_he.ts -qm ui/i18n/chartside_he.qm" in out
    ignored = subprocess.run(
        ["git", "check-ignore", "ui/i18n/chartside_he.qm"], cwd=ROOT, capture_output=True
    )
    assert ignored.returncode == 0, "the compiled .qm must not be committed"


# -- the window in Hebrew ---------------------------------------------------------------------


@pytest.fixture
def hebrew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """The app's translations for `he`, compiled from the .ts as `make` does, installed the
    way `run_gui` installs them; English and left-to-right again afterwards."""
    qm = tmp_path / f"{TS.stem}.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True, timeout=120
    )
    monkeypatch.setattr(ui.app, "TRANSLATIONS_DIR", tmp_path)
    app = qapp
    translators = ui.app.install_translations(app, "he")
    assert len(translators) == 2, "Qt's and Chartside's Hebrew catalogues both load"
    yield
    for translator in translators:
        app.removeTranslator(translator)
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_the_compiled_catalogue_translates(hebrew: None) -> None:
    assert QCoreApplication.translate("MainWindow", "Client") == "מטופל"
    assert QApplication.isRightToLeft()


def _without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _english_patterns() -> list[tuple[re.Pattern[str], str]]:
    """A full-match pattern for each source text whose Hebrew differs from it."""
    out = []
    for _, source, translation in _messages(TS):
        if (translation.text or "") == source:
            continue  # the same in both (a key name, "Chartside", "#")
        parts = PLACEHOLDER.split(_without_mnemonic(source))
        out.append((re.compile(".+".join(re.escape(p) for p in parts), re.S), source))
    return out


def _shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text `window` shows or announces."""
    yield "title", window.windowTitle()
    for widget in widgets_of(window):
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            yield name, widget.text()
        if isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for column in range(widget.columnCount()):
                yield f"{name} header", header.text(column)
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} accessible name", widget.accessibleName()
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            yield "menu", menu_action.text()
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:
                yield "menu item", action.text()
                yield "menu item tooltip", action.toolTip()


def test_every_window_in_hebrew_shows_no_english_of_the_apps_own(
    hebrew: None, make_gui: MakeGui, service_factory: Callable[..., ChartsideService]
) -> None:
    patterns = _english_patterns()
    english: dict[str, list[str]] = {}
    seen: list[str] = []

    def visit(name: str, window: QWidget) -> None:
        seen.append(name)
        assert window.isRightToLeft(), name
        for where, text in _shown_texts(window):
            shown = _without_mnemonic(strip_isolates(text)).strip()
            if shown and any(p.fullmatch(shown) for p, _ in patterns):
                english.setdefault(name, []).append(f"{where}: {shown!r}")
        dupes = clashes(window_mnemonics(window))
        if dupes:
            english.setdefault(name, []).append(f"clashing mnemonics {dupes}")

    driver = make_gui(service_factory())
    tour(driver, PASSPHRASE, visit)
    assert len(seen) == 13
    assert english == {}


# -- core's words ---------------------------------------------------------------------------


def test_every_remediation_core_defines_is_in_the_catalogue() -> None:
    """Each error class's remediation shows under every error of its kind: all are listed
    for translation (a new error class in core needs its line in ui/core_text.py)."""
    import core.errors as errors

    remediations = {
        cls.__dict__["remediation"]
        for cls in vars(errors).values()
        if isinstance(cls, type)
        and issubclass(cls, errors.ChartsideError)
        and cls.__dict__.get("remediation")
    }
    assert remediations - set(TEXTS) == set()


def test_errors_from_core_show_in_hebrew(hebrew: None) -> None:
    from core.errors import ValidationError, WrongPassphrase

    wrong = describe(WrongPassphrase("The passphrase is not correct."))
    assert (wrong.message, wrong.remediation) == (
        "משפט הסיסמה שגוי.",
        "בדקו את משפט הסיסמה (ואת שפת המקלדת) ונסו שוב.",
    )
    missing = describe(ValidationError("is required", field="full_name"))
    assert missing.message == "שם מלא: הוא שדה חובה"
    assert missing.remediation == "תקנו את השדה שצוין ונסו שוב."
    # A message with details core alone knows stays as core wrote it.
    assert describe(WrongPassphrase("detail 42")).message == "detail 42"
