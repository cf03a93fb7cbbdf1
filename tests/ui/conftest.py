"""Fixtures for GUI tests. The real service's `notes_api` and `passphrase` come from
tests/conftest.py; `fake_api` is an in-memory stand-in for unit tests of UI logic."""

from __future__ import annotations

import gc
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from screens import DESKTOP, offscreen_platform

from core.api import ChartsideApi
from ui.notes.unsaved import Unsaved
from ui.shell.app import GuiController
from ui.shell.gui_collector import GuiThreadCollector

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def qapp_args(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The offscreen platform with a desktop's screen (its own is 800×800, which the window
    would now be fitted to); another platform (a real display) as it is."""
    name = pytestconfig.getini("qt_qapp_name")
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return [name]
    folder = tmp_path_factory.mktemp("screen")
    return [name, "-platform", offscreen_platform(folder, *DESKTOP)]


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_gui_thread(qapp: QApplication) -> Iterator[GuiThreadCollector]:
    """As the app does (ui/shell/gui_collector.py): cycles are collected on this thread
    only, never by a worker that happens to allocate, and between tests as well."""
    collector = GuiThreadCollector(qapp)
    yield collector
    collector.close()


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[QTranslator]:
    """English's catalogue (its plural forms: "one note", "3 notes"), compiled from the .ts
    as `make` does and installed as the app installs it for an English window."""
    ts = ROOT / "ui" / "i18n" / "chartside_en.ts"
    qm = tmp_path_factory.mktemp("i18n") / "chartside_en.qm"
    lrelease = ROOT / ".venv" / "bin" / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)
    translator = QTranslator(qapp)
    assert translator.load(str(qm)) and qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _collect_after_each_test(_collect_on_the_gui_thread: GuiThreadCollector) -> Iterator[None]:
    yield
    # A test that turns automatic collection back on leaves every later test in this process
    # open to a worker thread destroying Qt objects: CI once died of a segfault that way.
    turned_on = gc.isenabled()
    gc.disable()
    _collect_on_the_gui_thread.collect()
    assert not turned_on, "this test left Python's automatic cycle collection on"


def _discard_unsaved(window: QWidget) -> None:
    window._ask_unsaved = lambda: Unsaved.DISCARD  # type: ignore[attr-defined]


@pytest.fixture
def fake_api() -> FakeChartsideApi:
    return FakeChartsideApi(FAKE_PASSPHRASE)


@pytest.fixture
def make_gui(qtbot: QtBot) -> Iterator[Callable[..., GuiDriver]]:
    """Build and start a controller (unlock screen showing), with a models screen when the
    api has a models part; torn down without closing the service, which belongs to whoever
    made it."""
    controllers: list[GuiController] = []

    def make(api: ChartsideApi) -> GuiDriver:
        controller = GuiController(api)
        controllers.append(controller)
        # pytest-qt closes the window after the test: a form left with unsaved changes
        # would ask its modal question there, and nothing would answer it (a run on two
        # workers hung on one). Closing at teardown discards them.
        qtbot.addWidget(controller.main_window, before_close_func=_discard_unsaved)
        controller.start()
        return GuiDriver(qtbot, controller)

    yield make
    for controller in controllers:
        controller.shutdown(close_api=False)
        if controller.unlock_dialog is not None:
            controller.unlock_dialog.deleteLater()
