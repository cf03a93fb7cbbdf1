"""Counted words take their language's plural form through Qt's numerus translations
(`tr(text, "", n)` with `%n`): English's from ui/i18n/chartside_en.ts, which holds only
those, Hebrew's from chartside_he.ts. The source text ("%n note(s)") is never shown."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from fake_api import FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

import ui.shell.app
from ui.assistant.assistant_panel import AssistantPanel
from ui.kit.bidi import strip_isolates

ROOT = Path(__file__).resolve().parents[2]
EN = ROOT / "ui" / "i18n" / "chartside_en.ts"
BIN = ROOT / ".venv" / "bin"


def _numerus(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) → the plural forms, of each numerus message in `ts`."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in message.iter("numerusform")]
                out[(name, message.findtext("source", ""))] = forms
    return out


def test_the_english_catalogue_holds_every_counted_text_of_the_code(tmp_path: Path) -> None:
    """lupdate over the code into a copy of the English catalogue: its numerus messages are
    exactly the catalogue's, each with a singular and a plural form."""
    copy = tmp_path / EN.name
    shutil.copy(EN, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    catalogued = _numerus(EN)
    assert set(_numerus(copy)) == set(catalogued)
    assert len(catalogued) >= 9
    for (context, source), forms in catalogued.items():
        assert len(forms) == 2 and all(f.strip() for f in forms), (context, source)
        assert "(s)" not in "".join(forms), (context, source)
        assert "%n" in forms[1], (context, source)


def test_every_counted_text_has_both_hebrew_forms() -> None:
    he = _numerus(ROOT / "ui" / "i18n" / "chartside_he.ts")
    assert set(he) == set(_numerus(EN))
    for key, forms in he.items():
        assert len(forms) == 2 and all(f.strip() for f in forms), key
        assert "%n" in forms[1], key


def test_an_english_window_installs_its_plural_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    """As `make run` starts it: the catalogue compiled into the translations folder."""
    qm = tmp_path / "chartside_en.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(EN), "-qm", str(qm)], check=True, timeout=120
    )
    monkeypatch.setattr(ui.shell.app, "TRANSLATIONS_DIR", tmp_path)
    translators = ui.shell.app.install_translations(qapp, "en")
    try:
        assert len(translators) == 1
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
        read = [
            QCoreApplication.translate("BackupDialog", "%n older backup(s) were removed.", "", n)
            for n in (1, 4)
        ]
        assert read == ["One older backup was removed.", "4 older backups were removed."]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_english_forms(driver_panel: AssistantPanel) -> None:
    panel = driver_panel
    assert panel.reading_status(1, []) == "Reading one note…"
    assert panel.reading_status(2, []) == "Reading 2 notes…"
    assert panel.checked_words(3, 3) == "Checked against the notes: all 3 sentences are supported."
    assert panel.checked_words(0, 1) == (
        "Checked against the notes: the answer is not supported; check it."
    )
    assert panel.checked_words(1, 2) == (
        "Checked against the notes: 1 of 2 sentences are supported; check the others."
    )


@pytest.mark.usefixtures("hebrew")
def test_the_hebrew_forms(driver_panel: AssistantPanel) -> None:
    panel = driver_panel
    assert panel.reading_status(1, []) == "קורא רשומה אחת…"
    assert panel.reading_status(2, []) == "קורא 2 רשומות…"
    day = dt.datetime(2024, 3, 5, 10)
    assert strip_isolates(panel.reading_status(2, [day, day])) == "קורא 2 רשומות…"
    assert panel.checked_words(3, 3) == "נבדק מול הרשומות: כל 3 המשפטים נתמכים."
    assert panel.checked_words(1, 2) == "נבדק מול הרשומות: 1 מתוך 2 משפטים נתמכים; בדקו את השאר."


@pytest.fixture
def driver_panel(
    make_gui: Callable[[FakeChartsideApi], GuiDriver], fake_api: FakeChartsideApi
) -> AssistantPanel:
    return make_gui(fake_api).window.assistant_panel
