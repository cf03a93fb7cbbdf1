"""Drives the real widgets the way a user does, and waits for the task runner (never sleeps).

Text goes in with setText/setPlainText: `qtbot.keyClicks` with Hebrew aborts Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ui.access.unlock import Mode, UnlockDialog
from ui.notes.editors import to_qdatetime
from ui.shell.app import GuiController
from ui.shell.main_window import MainWindow

# Generous: the real service derives a key with Argon2id and may start PostgreSQL.
TIMEOUT_MS = 60_000


class GuiDriver:
    def __init__(self, qtbot: QtBot, controller: GuiController) -> None:
        self.qtbot = qtbot
        self.controller = controller

    @property
    def window(self) -> MainWindow:
        return self.controller.main_window

    @property
    def dialog(self) -> UnlockDialog:
        dialog = self.controller.unlock_dialog
        assert dialog is not None, "the unlock dialog is not showing"
        return dialog

    def wait_until(self, condition: Callable[[], bool], timeout: int = TIMEOUT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def settle(self) -> None:
        self.wait_until(lambda: self.controller.settled)

    def click(self, widget: QWidget) -> None:
        assert widget.isEnabled(), f"{widget.objectName()} is disabled"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    # -- unlock screen ----------------------------------------------------------------------

    def wait_dialog(self, mode: Mode) -> UnlockDialog:
        self.wait_until(
            lambda: (
                self.controller.unlock_dialog is not None
                and self.controller.unlock_dialog.mode is mode
                and not self.controller.unlock_dialog.busy
            )
        )
        return self.dialog

    def submit_passphrase(self, passphrase: str, confirm: str | None = None) -> None:
        dialog = self.dialog
        dialog.findChild(QLineEdit, "passphrase").setText(passphrase)
        if confirm is not None:
            dialog.findChild(QLineEdit, "confirmPassphrase").setText(confirm)
        self.click(dialog.findChild(QPushButton, "unlockButton"))

    def unlock(self, passphrase: str) -> None:
        self.wait_dialog(Mode.UNLOCK)
        self.submit_passphrase(passphrase)
        self.wait_until(lambda: self.window.isVisible() and self.controller.unlock_dialog is None)
        self.settle()

    # -- main window ------------------------------------------------------------------------

    def fill_client(self, name: str, dob: str = "", history: str = "", notes: str = "") -> None:
        editor = self.window.client_editor
        editor.full_name.setText(name)
        editor.date_of_birth.setText(dob)
        editor.medical_history.setPlainText(history)
        editor.notes.setPlainText(notes)

    def save_client(self) -> None:
        self.click(self.window.client_editor.save_button)
        self.settle()

    def fill_session(self, date: dt.datetime, soap: dict[str, str]) -> None:
        editor = self.window.session_editor
        editor.date.setDateTime(to_qdatetime(date))
        editor.subjective.setPlainText(soap.get("subjective", ""))
        editor.objective.setPlainText(soap.get("objective", ""))
        editor.assessment.setPlainText(soap.get("assessment", ""))
        editor.plan.setPlainText(soap.get("plan", ""))

    def session_values(self) -> dict[str, str]:
        editor = self.window.session_editor
        return {
            "subjective": editor.subjective.toPlainText(),
            "objective": editor.objective.toPlainText(),
            "assessment": editor.assessment.toPlainText(),
            "plan": editor.plan.toPlainText(),
        }

    def save_session(self) -> None:
        self.click(self.window.session_editor.save_button)
        self.settle()

    def search(self, text: str) -> None:
        self.window.client_filter.setText(text)
        self.settle()

    def open_client(self, client_id: UUID) -> None:
        self.window.client_list.setCurrentRow(self.window.client_list.ids().index(client_id))
        self.settle()
        assert self.window.client_editor.client_id == client_id

    def open_session(self, session_id: UUID) -> None:
        self.window.session_list.setCurrentRow(self.window.session_list.ids().index(session_id))
        self.settle()
        assert self.window.session_editor.session_id == session_id

    def lock(self) -> None:
        self.window.lock_action.trigger()
        self.wait_dialog(Mode.UNLOCK)
        self.settle()


# -- the end-to-end workflow, shared by the real-service test and its fake twin -------------

CLIENT_HISTORY = "Asthma since childhood.\nאסתמה מגיל צעיר — uses an inhaler (PRN)."
CLIENT_NOTES = "Prefers morning appointments."
SESSION_DATE = dt.datetime(2024, 3, 2, 10, 0)
SOAP = {
    "subjective": "Lower back pain for 3 days.\nכאב גב תחתון, מחמיר בבוקר.",
    "objective": "Lumbar flexion reduced; no neurological deficit.",
    "assessment": "Mechanical low back pain.",
    "plan": "Home exercises; review in 2 weeks.",
}
UPDATED_PLAN = "Home exercises; review in 1 week."


def run_full_workflow(
    driver: GuiDriver, passphrase: str, tag: str, created_clients: list[UUID]
) -> None:
    """unlock → create client → add session → save → edit → lock → reopen → content equal."""
    window = driver.window
    name = f"Test Client {tag}"

    # A wrong passphrase is reported inline and the user may try again.
    driver.wait_dialog(Mode.UNLOCK)
    driver.submit_passphrase(passphrase + "x")
    driver.wait_until(lambda: driver.dialog.error_text != "" and not driver.dialog.busy)
    assert driver.dialog.mode is Mode.UNLOCK
    assert not window.isVisible()
    driver.unlock(passphrase)
    assert window.isVisible()

    driver.click(window.new_client_button)
    driver.fill_client(name, "1980-01-31", CLIENT_HISTORY, CLIENT_NOTES)
    driver.save_client()
    assert window.banner.text == ""
    client_id = window.client_editor.client_id
    assert client_id is not None
    created_clients.append(client_id)
    assert client_id in window.client_list.ids()
    assert not window.dirty

    driver.click(window.new_session_button)
    driver.fill_session(SESSION_DATE, SOAP)
    driver.save_session()
    assert window.banner.text == ""
    session_id = window.session_editor.session_id
    assert session_id is not None
    assert window.session_list.ids() == [session_id]

    # Editing the saved session updates it instead of adding a second one.
    window.session_editor.plan.setPlainText(UPDATED_PLAN)
    assert window.dirty
    driver.save_session()
    assert window.session_list.ids() == [session_id]
    assert not window.dirty

    driver.lock()
    assert not window.isVisible()
    # Locking wipes every note from the widgets, not just hides them.
    assert window.client_list.count() == 0
    assert window.client_editor.full_name.text() == ""
    assert window.client_editor.medical_history.toPlainText() == ""
    assert window.session_editor.subjective.toPlainText() == ""
    assert window.session_list.count() == 0

    driver.unlock(passphrase)
    driver.search(tag)
    assert window.client_list.ids() == [client_id]
    driver.open_client(client_id)
    editor = window.client_editor
    assert editor.full_name.text() == name
    assert editor.date_of_birth.text() == "1980-01-31"
    assert editor.medical_history.toPlainText() == CLIENT_HISTORY
    assert editor.notes.toPlainText() == CLIENT_NOTES
    assert window.session_list.ids() == [session_id]
    driver.open_session(session_id)
    assert driver.session_values() == {**SOAP, "plan": UPDATED_PLAN}
    assert window.session_editor.to_data().date == SESSION_DATE
    assert not window.dirty
