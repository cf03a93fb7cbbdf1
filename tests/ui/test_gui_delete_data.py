"""Issue 15, point 2 (the window's half): "Delete local data" removes the data dir and the
OS keyring entry once the data dir's path is typed back, then closes the app; anything else
typed deletes nothing. On the real service and its real data dir, with an in-memory
keyring backend made for tests."""

from __future__ import annotations

from collections.abc import Callable

import keyring
import keyring.core
import pytest
from gui_driver import GuiDriver
from PySide6.QtWidgets import QLabel, QMessageBox

from core.api import ChartsideApi
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE
from tests.security.test_keyring_source import MemoryKeyring
from ui.tools.delete_data_dialog import DeleteDataDialog

MakeGui = Callable[[ChartsideApi], GuiDriver]


def _open(driver: GuiDriver) -> DeleteDataDialog:
    action = driver.controller.delete_data.action
    tools = next(m for m in driver.controller.menus.menus() if m.objectName() == "toolsMenu")
    assert action in tools.actions()
    action.trigger()
    dialog = driver.controller.delete_data.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_delete_local_data_from_the_window(
    make_gui: MakeGui, notes_api: ChartsideService, monkeypatch: pytest.MonkeyPatch
) -> None:
    kr = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", kr)
    service = notes_api
    data_dir = service.settings.data_dir
    service.unlock(PASSPHRASE)
    service.keys.enable_keyring()  # a keyring entry to delete
    service.lock()
    driver = make_gui(service)
    driver.unlock(PASSPHRASE)
    assert data_dir.is_dir() and kr.store
    quits: list[bool] = []
    driver.controller.quit_requested.connect(lambda: quits.append(True))

    # What goes is named; anything but the data dir's path deletes nothing.
    dialog = _open(driver)
    assert str(data_dir) in dialog.findChild(QLabel, "deleteDataExplain").text()
    for typed in ("", "yes", str(data_dir) + "x", str(data_dir.parent), str(data_dir / "pg")):
        dialog.path_field.setText(typed)
        assert not dialog.delete_button.isEnabled(), typed
        dialog.accept()  # Enter in the field comes here
        assert dialog.isVisible(), typed
    dialog.reject()
    driver.settle()
    assert data_dir.is_dir() and kr.store
    assert service.unlocked and driver.window.isVisible()
    assert service.notes.list_clients() == [] and quits == []

    # The path typed back: gone, keyring entry and all, and the app closes.
    dialog = _open(driver)
    dialog.path_field.setText(f"{data_dir}/")
    driver.click(dialog.delete_button)
    assert not driver.window.isVisible()
    actions = driver.controller.delete_data
    driver.wait_until(lambda: actions.result_box is not None and actions.result_box.isVisible())
    assert not data_dir.exists()
    assert kr.store == {}
    box = actions.result_box
    assert box is not None and box.icon() is QMessageBox.Icon.Information
    assert str(data_dir) in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert quits == [True]
