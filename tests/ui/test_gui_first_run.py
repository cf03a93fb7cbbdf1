"""Issue 14, point 6, first run: after the passphrase the recovery key is shown and must be
typed back in part before going on; then the OS keyring is offered. On the real service,
with an in-memory keyring backend made for tests; the key shown is the one that unlocks."""

from __future__ import annotations

from collections.abc import Callable

import keyring
import keyring.core
import pytest
from fake_api import FAKE_PASSPHRASE, FAKE_RECOVERY_KEY, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.api import ChartsideApi
from core.errors import WrongPassphrase
from core.security.keyring_source import KeyringUnavailable
from core.services.service import ChartsideService
from core.settings import Settings
from tests.conftest import PASSPHRASE
from tests.security.test_keyring_source import MemoryKeyring
from ui.access.first_run import KeyringOfferDialog
from ui.access.recovery import RecoveryKeyDialog
from ui.access.unlock import Mode

MakeGui = Callable[[ChartsideApi], GuiDriver]


def _create(driver: GuiDriver, passphrase: str) -> RecoveryKeyDialog:
    driver.wait_dialog(Mode.CREATE)
    driver.submit_passphrase(passphrase, passphrase)
    driver.wait_until(lambda: driver.window.isVisible() and driver.controller.unlock_dialog is None)
    driver.wait_until(
        lambda: (
            driver.controller.recovery_dialog is not None
            and driver.controller.recovery_dialog.isVisible()
        )
    )
    recovery = driver.controller.recovery_dialog
    assert recovery is not None
    return recovery


def _another_group(key: str, asked: int) -> str:
    groups = key.split("-")
    return next(g for i, g in enumerate(groups) if g.upper() != groups[asked].upper())


def _keyring_dialog(driver: GuiDriver) -> KeyringOfferDialog:
    first_run = driver.controller.first_run
    driver.wait_until(
        lambda: first_run.keyring_dialog is not None and first_run.keyring_dialog.isVisible()
    )
    assert first_run.keyring_dialog is not None
    return first_run.keyring_dialog


def test_first_run_needs_the_key_typed_back_and_the_key_shown_unlocks(
    make_gui: MakeGui,
    service_factory: Callable[..., ChartsideService],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kr = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", kr)  # what the desktop provides
    service = service_factory()
    driver = make_gui(service)
    recovery = _create(driver, PASSPHRASE)
    key = recovery.key_field.text()
    groups = key.split("-")
    assert len(groups) > 1 and 0 <= recovery.group < len(groups)

    # A wrong part: no way on, not by the button, Enter or Escape.
    recovery.check_field.setText(_another_group(key, recovery.group))
    assert not recovery.ok_button.isEnabled()
    qtbot.keyClick(recovery.check_field, Qt.Key.Key_Return)
    qtbot.keyClick(recovery.check_field, Qt.Key.Key_Escape)
    assert recovery.isVisible() and recovery.key_field.text() == key
    assert driver.controller.first_run.keyring_dialog is None

    # The right part, as typed from paper (lower case, spaces): on to the keyring.
    asked = groups[recovery.group]
    recovery.check_field.setText(f" {asked[:2].lower()} {asked[2:].lower()} ")
    assert recovery.ok_button.isEnabled()
    driver.click(recovery.ok_button)
    assert not recovery.isVisible() and recovery.key_field.text() == ""
    offer = _keyring_dialog(driver)
    assert not service.keyring_ready()
    driver.click(offer.use_button)
    driver.wait_until(lambda: not offer.isVisible())
    assert service.keyring_ready() and kr.store
    assert "keyring" in driver.window.statusBar().currentMessage()

    # The key that was on screen opens the notes; one character off does not.
    service.lock()
    # (The first character: the last one also carries base32's padding bits.)
    wrong = ("A" if key[0] != "A" else "B") + key[1:]
    with pytest.raises(WrongPassphrase):
        service.unlock(recovery_key=wrong)
    service.unlock(recovery_key=key)
    assert service.unlocked
    service.lock()
    service.unlock_with_keyring()  # and so does the keyring the first run set up
    assert service.unlocked


def test_not_now_leaves_the_keyring_off(make_gui: MakeGui) -> None:
    api = FakeChartsideApi(FAKE_PASSPHRASE, initialised=False)
    driver = make_gui(api)
    recovery = _create(driver, FAKE_PASSPHRASE)
    assert recovery.key_field.text() == FAKE_RECOVERY_KEY
    asked = FAKE_RECOVERY_KEY.split("-")[recovery.group]
    recovery.check_field.setText(asked)
    driver.click(recovery.ok_button)
    offer = _keyring_dialog(driver)
    driver.click(offer.skip_button)
    assert not offer.isVisible()
    assert api.called("enable_keyring") == 0 and api.keyring_secret is None


def test_a_policy_without_the_keyring_offers_none(make_gui: MakeGui) -> None:
    api = FakeChartsideApi(FAKE_PASSPHRASE, initialised=False)
    api.settings = Settings(data_dir=api.settings.data_dir, security={"keyring_allowed": False})
    driver = make_gui(api)
    recovery = _create(driver, FAKE_PASSPHRASE)
    finished: list[bool] = []
    driver.controller.first_run.finished.connect(lambda: finished.append(True))
    recovery.check_field.setText(FAKE_RECOVERY_KEY.split("-")[recovery.group])
    driver.click(recovery.ok_button)
    assert finished == [True]
    assert driver.controller.first_run.keyring_dialog is None


def test_the_group_asked_for_is_the_one_checked(qtbot: QtBot) -> None:
    dialog = RecoveryKeyDialog("AAAA-BBBB-CCCC", group=1)
    qtbot.addWidget(dialog)
    for typed, ok in (("aaaa", False), ("cccc", False), ("BBB", False), ("b-b b b", True)):
        dialog.check_field.setText(typed)
        assert dialog.ok_button.isEnabled() is ok, typed


def test_a_keyring_that_cannot_be_used_is_explained_and_skippable(make_gui: MakeGui) -> None:
    api = FakeChartsideApi(FAKE_PASSPHRASE, initialised=False)
    api.fail_next["enable_keyring"] = KeyringUnavailable("No secure OS keyring was found.")
    driver = make_gui(api)
    recovery = _create(driver, FAKE_PASSPHRASE)
    recovery.check_field.setText(FAKE_RECOVERY_KEY.split("-")[recovery.group])
    driver.click(recovery.ok_button)
    offer = _keyring_dialog(driver)
    driver.click(offer.use_button)
    driver.wait_until(lambda: offer.error_text != "" and not offer.busy)
    assert "No secure OS keyring" in offer.error_text and offer.isVisible()
    assert api.keyring_secret is None
    driver.click(offer.skip_button)
    assert not offer.isVisible()
