"""Issue 14: the unlock screen unlocks with the OS keyring, which `keys passphrase-disable`
promises; against the real service, with an in-memory keyring backend made for tests."""

from __future__ import annotations

from collections.abc import Callable

import keyring
import keyring.core
import pytest
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtWidgets import QPushButton

from core.api import ChartsideApi
from core.security.keyring_source import KeyringSource
from core.services.service import ChartsideService
from tests.security.test_keyring_source import MemoryKeyring
from ui.access.unlock import Mode

MakeGui = Callable[[ChartsideApi], GuiDriver]


def _keyring_button(driver: GuiDriver) -> QPushButton:
    button = driver.dialog.findChild(QPushButton, "keyringButton")
    assert button is not None
    return button


def test_the_window_unlocks_from_the_keyring_once_the_passphrase_is_off(
    make_gui: MakeGui, service: ChartsideService, monkeypatch: pytest.MonkeyPatch
) -> None:
    kr = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", kr)  # what the desktop provides
    service.keys.enable_keyring(KeyringSource(kr))
    service.keys.disable_passphrase()
    service.lock()

    driver = make_gui(service)
    driver.wait_dialog(Mode.UNLOCK)
    button = _keyring_button(driver)
    assert button.isVisible()
    driver.click(button)
    driver.wait_until(lambda: driver.window.isVisible() and driver.controller.unlock_dialog is None)
    assert service.unlocked and service.practitioner_id is not None

    # A lock stays a lock: the keyring is offered, never used unasked.
    driver.lock()
    assert not service.unlocked and _keyring_button(driver).isVisible()

    kr.store.clear()  # the keyring was reset: the way back in is named
    driver.click(_keyring_button(driver))
    driver.wait_until(lambda: driver.dialog.error_text != "" and not driver.dialog.busy)
    assert "recovery key" in driver.dialog.error_text
    assert not service.unlocked


def test_no_keyring_button_when_the_keyring_is_not_set_up(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver = make_gui(fake_api)
    driver.wait_dialog(Mode.UNLOCK)
    assert not _keyring_button(driver).isVisible()
    fake_api.keyring_secret = FAKE_PASSPHRASE
    driver.unlock(FAKE_PASSPHRASE)
    driver.lock()
    assert _keyring_button(driver).isVisible()
    driver.click(_keyring_button(driver))
    driver.wait_until(lambda: driver.controller.unlock_dialog is None)
    assert fake_api.unlocked
