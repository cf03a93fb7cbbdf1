"""The session signal: every part of the window that holds notes hears one `ended` per
session, whichever way it ends, and `started` after each unlock."""

from __future__ import annotations

from collections.abc import Callable

from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtWidgets import QApplication, QDialog

from core.api import ChartsideApi
from ui.access.unlock import UnlockDialog

MakeGui = Callable[[ChartsideApi], GuiDriver]


def _open_dialogs() -> list[QDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and not isinstance(w, UnlockDialog) and w.isVisible()
    ]


def test_locking_closes_every_screen_once_and_unlocking_starts_them_again(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver = make_gui(fake_api)
    session = driver.controller.session
    heard: list[str] = []
    session.started.connect(lambda: heard.append("started"))
    session.ended.connect(lambda: heard.append("ended"))
    driver.unlock(FAKE_PASSPHRASE)
    controller = driver.controller
    for action in (
        controller.diagnostics.action,
        controller.practitioners.action,
        controller.settings_screen.action,
        controller.backups.backup_action,
    ):
        action.trigger()
    driver.settle()
    assert len(_open_dialogs()) == 4
    driver.lock()
    assert _open_dialogs() == []
    assert driver.window.isHidden() and driver.window.client_list.count() == 0
    controller.lock()  # a second lock (or auto-lock racing the first) ends nothing twice
    driver.unlock(FAKE_PASSPHRASE)
    assert controller.index_progress.watching
    controller.shutdown(close_api=False)
    assert heard == ["started", "ended", "started", "ended"]


def test_the_status_bar_says_when_the_database_server_is_away(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    label = driver.controller.connection_status
    driver.settle()
    assert label.isHidden()
    fake_api.push_connection("reconnecting")
    driver.wait_until(lambda: label.isVisible())
    assert "Reconnecting" in label.text()
    fake_api.push_connection("unreachable")
    driver.wait_until(lambda: "does not answer" in label.text())
    fake_api.push_connection("connected")
    driver.wait_until(lambda: label.isHidden())
    driver.lock()
    driver.unlock(FAKE_PASSPHRASE)
    driver.settle()
    assert fake_api.called("watch_connection") == 1  # the store outlives a lock
