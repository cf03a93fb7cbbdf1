"""Issue 14, point 6: the practitioners screen (Tools → Practitioners…), against the real
service: what the dialog does is then proven by unlocking through the service."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_driver import GuiDriver
from PySide6.QtWidgets import QLineEdit, QPushButton

from core.errors import NotFound, ValidationError, WrongPassphrase
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE
from ui.access.recovery import key_groups
from ui.kit.errors import describe
from ui.tools.practitioners_dialog import PractitionersDialog

MakeGui = Callable[..., GuiDriver]
OTHER = "dr.b's own passphrase"
NEW = "a brand new passphrase"


def _open(make_gui: MakeGui, service: ChartsideService) -> tuple[GuiDriver, PractitionersDialog]:
    service.lock()
    driver = make_gui(service)
    driver.unlock(PASSPHRASE)
    action = driver.controller.practitioners.action
    tools = next(m for m in driver.controller.menus.menus() if m.objectName() == "toolsMenu")
    assert action in tools.actions()
    action.trigger()
    dialog = driver.controller.practitioners.dialog
    assert dialog is not None and dialog.isVisible()
    driver.wait_until(lambda: not dialog.busy and bool(dialog.usernames()))
    return driver, dialog


def _fill(dialog: PractitionersDialog, **values: str) -> None:
    for name, text in values.items():
        field = dialog.findChild(QLineEdit, name)
        assert field is not None, name
        field.setText(text)


def _click(driver: GuiDriver, dialog: PractitionersDialog, button: QPushButton) -> None:
    driver.click(button)
    driver.wait_until(lambda: not dialog.busy)


def test_a_practitioner_added_in_the_dialog_unlocks_with_their_passphrase(
    make_gui: MakeGui, service: ChartsideService
) -> None:
    me = service.actor
    driver, dialog = _open(make_gui, service)
    assert dialog.usernames() == [me]

    # Two different passphrases: nothing is added, and the dialog says why.
    _fill(dialog, newUsername="dr.b", newDisplayName="Dr B", newPassphrase=OTHER,
          newPassphraseConfirm=OTHER + "x")  # fmt: skip
    _click(driver, dialog, dialog.add_button)
    assert "not the same" in dialog.banner.text
    assert service.keys.practitioners() == [me]

    _fill(dialog, newPassphrase=OTHER, newPassphraseConfirm=OTHER)
    _click(driver, dialog, dialog.add_button)
    assert not dialog.banner.isVisible(), dialog.banner.text
    assert sorted(dialog.usernames()) == sorted([me, "dr.b"])
    assert "dr.b" in dialog.result_text
    # No passphrase stays in a widget once the call has it.
    assert dialog.new_passphrase.text() == "" and dialog.new_confirm.text() == ""

    # The name is taken now: the service's refusal shows in the banner.
    _fill(dialog, newUsername="dr.b", newPassphrase=OTHER, newPassphraseConfirm=OTHER)
    _click(driver, dialog, dialog.add_button)
    assert "already taken" in dialog.banner.text

    driver.lock()
    with pytest.raises(WrongPassphrase):
        service.unlock(PASSPHRASE, username="dr.b")
    service.unlock(OTHER, username="dr.b")
    assert service.actor == "dr.b"


def test_change_passphrase_refuses_the_old_one_and_accepts_the_new(
    make_gui: MakeGui, service: ChartsideService
) -> None:
    driver, dialog = _open(make_gui, service)

    _fill(dialog, currentPassphrase="not my passphrase", changedPassphrase=NEW,
          changedPassphraseConfirm=NEW)  # fmt: skip
    _click(driver, dialog, dialog.change_button)
    assert dialog.banner.isVisible() and dialog.result_text == ""
    service.lock()
    service.unlock(PASSPHRASE)  # unchanged

    _fill(dialog, currentPassphrase=PASSPHRASE, changedPassphrase=NEW,
          changedPassphraseConfirm=NEW)  # fmt: skip
    _click(driver, dialog, dialog.change_button)
    assert not dialog.banner.isVisible(), dialog.banner.text
    assert "changed" in dialog.result_text
    secret = [
        f for f in dialog.findChildren(QLineEdit) if f.echoMode() == QLineEdit.EchoMode.Password
    ]
    assert len(secret) == 5 and all(not f.text() for f in secret)

    driver.lock()
    with pytest.raises(WrongPassphrase):
        service.unlock(PASSPHRASE)
    service.unlock(NEW)
    assert service.unlocked


def test_a_new_recovery_key_is_shown_once_confirmed_and_unlocks(
    make_gui: MakeGui, service_factory: Callable[..., ChartsideService]
) -> None:
    service = service_factory()
    old_key = service.initialise(PASSPHRASE)
    driver, dialog = _open(make_gui, service)

    _click(driver, dialog, dialog.recovery_button)
    shown = dialog.recovery_dialog
    assert shown is not None and shown.isVisible()
    key = shown.key_field.text()
    assert key and key != old_key
    assert not shown.ok_button.isEnabled()  # must be confirmed first
    shown.check_field.setText(key_groups(key)[shown.group])
    assert shown.ok_button.isEnabled()
    shown.ok_button.click()
    assert not shown.isVisible() and shown.key_field.text() == ""

    driver.lock()
    with pytest.raises(WrongPassphrase):
        service.unlock(recovery_key=old_key)
    service.unlock(recovery_key=key)
    assert service.unlocked


def test_remove_needs_the_name_typed_and_never_removes_yourself(
    make_gui: MakeGui, service: ChartsideService
) -> None:
    me = service.actor
    service.keys.add_practitioner("dr.gone", "Dr Gone", OTHER)
    service.keys.add_practitioner("dr.race", "Dr Race", OTHER)
    driver, dialog = _open(make_gui, service)

    dialog.select(me)
    assert not dialog.remove_button.isEnabled()
    assert dialog.self_note.isVisible() and "cannot remove yourself" in dialog.self_note.text()
    # The service refuses it as well, in words the banner would show.
    with pytest.raises(ValidationError) as refused:
        service.keys.remove_practitioner(me)
    assert "signed in" in describe(refused.value).message

    dialog.select("dr.gone")
    driver.click(dialog.remove_button)
    assert dialog.confirm_row.isVisible() and not dialog.confirm_remove.isEnabled()
    dialog.remove_confirm.setText("dr.gon")
    assert not dialog.confirm_remove.isEnabled()
    dialog.remove_confirm.setText("dr.gone")
    _click(driver, dialog, dialog.confirm_remove)
    assert "dr.gone" not in dialog.usernames()
    assert "dr.gone" not in service.keys.practitioners()
    driver.lock()
    with pytest.raises(NotFound):
        service.unlock(OTHER, username="dr.gone")
    driver.unlock(PASSPHRASE)

    # Removed elsewhere while the dialog showed them: the service's answer is shown.
    dialog = driver.controller.practitioners.open()
    driver.wait_until(lambda: not dialog.busy and "dr.race" in dialog.usernames())
    dialog.select("dr.race")
    driver.click(dialog.remove_button)
    dialog.remove_confirm.setText("dr.race")
    service.keys.remove_practitioner("dr.race")
    _click(driver, dialog, dialog.confirm_remove)
    assert "No practitioner by that name" in dialog.banner.text
