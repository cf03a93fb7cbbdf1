"""UI logic against the in-memory FakeChartsideApi: unlock retries, first-run passphrase rules,
search, validation display, unsaved-changes guard, locking. The real service is exercised
by test_gui_e2e.py."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Callable

import pytest
from fake_api import FAKE_PASSPHRASE, FAKE_RECOVERY_KEY, FakeChartsideApi
from gui_driver import GuiDriver, run_full_workflow
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from core.api import ChartsideApi
from core.domain import Client, ClientData
from core.errors import DatabaseError, ValidationError
from core.settings import Settings
from ui.access.unlock import MIN_PASSPHRASE_CHARS, Mode
from ui.notes.editors import SessionEditor, to_qdatetime
from ui.notes.unsaved import Unsaved
from ui.shell.app import run_gui
from ui.shell.main_window import MainWindow

MakeGui = Callable[[ChartsideApi], GuiDriver]


def _unlocked(make_gui: MakeGui, api: FakeChartsideApi) -> GuiDriver:
    driver = make_gui(api)
    driver.unlock(FAKE_PASSPHRASE)
    return driver


def test_full_workflow_on_the_fake(make_gui: MakeGui, fake_api: FakeChartsideApi) -> None:
    run_full_workflow(make_gui(fake_api), FAKE_PASSPHRASE, "fake", [])
    gui_thread = threading.get_ident()
    # Every service call, from the first probe to the last load, ran on the worker.
    assert fake_api.calls and all(tid != gui_thread for _, tid in fake_api.calls)
    assert fake_api.called("create_session") == 1 and fake_api.called("update_session") == 1


def test_wrong_passphrase_is_shown_inline_and_retry_unlocks(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver = make_gui(fake_api)
    dialog = driver.wait_dialog(Mode.UNLOCK)
    driver.submit_passphrase("not it")
    driver.wait_until(lambda: dialog.error_text != "" and not dialog.busy)
    assert "passphrase" in dialog.error_text.lower()
    assert dialog.findChild(QLineEdit, "passphrase").text() == ""
    assert dialog.isVisible() and not driver.window.isVisible()
    assert not fake_api.unlocked

    driver.unlock(FAKE_PASSPHRASE)
    assert fake_api.unlocked and driver.window.isVisible()
    assert fake_api.called("unlock") == 2


def test_first_run_asks_for_a_new_passphrase_with_rules(make_gui: MakeGui, qtbot: QtBot) -> None:
    api = FakeChartsideApi(initialised=False)
    api.gate = threading.Event()
    driver = make_gui(api)
    dialog = driver.wait_dialog(Mode.CREATE)
    assert dialog.findChild(QLineEdit, "confirmPassphrase").isVisibleTo(dialog)

    short = "x" * (MIN_PASSPHRASE_CHARS - 1)
    driver.submit_passphrase(short, short)
    assert str(MIN_PASSPHRASE_CHARS) in dialog.error_text
    driver.submit_passphrase("long enough 1", "long enough 2")
    assert "match" in dialog.error_text
    assert api.called("initialise") == 0

    # Key derivation takes seconds: the dialog shows it is busy and ignores a second click.
    driver.submit_passphrase("long enough 1", "long enough 1")
    button = dialog.findChild(QPushButton, "unlockButton")
    qtbot.waitUntil(lambda: dialog.busy)
    assert not button.isEnabled()
    assert not dialog.findChild(QLineEdit, "passphrase").isEnabled()
    dialog.reject()  # closing mid-initialise would leave half-created keys
    assert dialog.isVisible()
    api.gate.set()
    driver.wait_until(lambda: driver.window.isVisible())
    assert api.called("initialise") == 1 and api.unlocked

    # The recovery key appears once; going on needs a group of it typed back.
    recovery = driver.controller.recovery_dialog
    driver.wait_until(lambda: recovery is not None and recovery.isVisible())
    assert recovery.key_field.text() == FAKE_RECOVERY_KEY
    assert not recovery.ok_button.isEnabled()
    recovery.check_field.setText(FAKE_RECOVERY_KEY.split("-")[recovery.group])
    recovery.ok_button.click()
    assert not recovery.isVisible() and recovery.key_field.text() == ""


def test_unlock_screen_reports_an_unreachable_database_and_retries(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    fake_api.fail_next["is_initialised"] = DatabaseError("The database did not start.")
    driver = make_gui(fake_api)
    dialog = driver.wait_dialog(Mode.UNAVAILABLE)
    assert "did not start" in dialog.error_text
    assert "chartside doctor" in dialog.error_text  # the remediation is shown too
    driver.click(dialog.findChild(QPushButton, "unlockButton"))
    driver.wait_dialog(Mode.UNLOCK)


def test_search_lists_only_matching_clients(make_gui: MakeGui, fake_api: FakeChartsideApi) -> None:
    for name in ("Dana Levi", "Daniel Cohen", "Noa Mizrahi", "דנה כהן"):
        fake_api.clients[uuid.uuid4()] = _client(name)
    driver = _unlocked(make_gui, fake_api)
    names = lambda: [  # noqa: E731
        driver.window.client_list.item(i).text() for i in range(driver.window.client_list.count())
    ]
    assert names() == ["Dana Levi", "Daniel Cohen", "Noa Mizrahi", "דנה כהן"]
    driver.search("cohen")
    assert names() == ["Daniel Cohen"]
    driver.search("דנה")
    assert names() == ["דנה כהן"]
    driver.search("")
    assert len(names()) == 4


def test_empty_name_is_rejected_locally_and_names_the_field(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver = _unlocked(make_gui, fake_api)
    window = driver.window
    driver.click(window.new_client_button)
    driver.fill_client("   ", "1980-01-31")
    driver.save_client()
    assert "Full name" in window.banner.text and "required" in window.banner.text
    assert window.client_editor.full_name.styleSheet() != ""
    assert fake_api.called("create_client") == 0

    driver.fill_client("Dana Levi", "1980-02-30")
    driver.save_client()
    assert "Date of birth" in window.banner.text
    assert fake_api.called("create_client") == 0

    driver.fill_client("Dana Levi", "1980-02-29")
    driver.save_client()
    assert window.banner.text == ""
    assert window.client_editor.full_name.styleSheet() == ""
    assert [c.data.date_of_birth for c in fake_api.clients.values()] == [dt.date(1980, 2, 29)]


def test_a_validation_error_from_the_service_is_shown_with_its_field(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver = _unlocked(make_gui, fake_api)
    window = driver.window
    driver.click(window.new_client_button)
    driver.fill_client("Dana Levi")
    driver.save_client()
    driver.click(window.new_session_button)
    fake_api.fail_next["create_session"] = ValidationError("is too long", field="plan")
    driver.fill_session(dt.datetime(2024, 5, 1, 9, 30), {"plan": "p"})
    driver.save_session()
    assert window.banner.text.startswith("Plan: is too long")
    assert window.session_editor.plan.styleSheet() != ""
    assert window.session_editor.save_button.isEnabled()  # the user can fix and retry
    assert window.session_list.count() == 0
    driver.save_session()
    assert window.session_list.count() == 1


def test_unsaved_changes_are_not_dropped_silently(
    make_gui: MakeGui, fake_api: FakeChartsideApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    fake_api.clients = {a: _client("Alpha", a), b: _client("Beta", b)}
    driver = _unlocked(make_gui, fake_api)
    window = driver.window
    driver.open_client(a)
    window.client_editor.notes.setPlainText("typed but not saved")
    asked: list[bool] = []
    monkeypatch.setattr(
        MainWindow, "_ask_unsaved", lambda self: asked.append(True) or Unsaved.CANCEL
    )

    window.client_list.setCurrentRow(window.client_list.ids().index(b))
    driver.settle()
    assert asked == [True]
    assert window.client_editor.client_id == a
    assert window.client_editor.notes.toPlainText() == "typed but not saved"
    assert window.client_list.currentRow() == window.client_list.ids().index(a)

    # Locking asks nothing: the edits go to an encrypted draft, offered back after unlock.
    window.lock_action.trigger()
    driver.wait_dialog(Mode.UNLOCK)
    assert asked == [True] and not fake_api.unlocked
    assert fake_api.draft_store["client"].values["notes"] == "typed but not saved"


def test_lock_wipes_the_screen_and_returns_to_the_unlock_dialog(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    a = uuid.uuid4()
    fake_api.clients = {a: _client("Alpha", a)}
    driver = _unlocked(make_gui, fake_api)
    driver.open_client(a)
    driver.lock()
    assert not fake_api.unlocked
    assert not driver.window.isVisible()
    assert driver.window.client_list.count() == 0
    assert driver.window.client_editor.full_name.text() == ""
    driver.unlock(FAKE_PASSPHRASE)
    assert driver.window.client_list.ids() == [a]


def test_a_locked_service_sends_the_user_back_to_the_unlock_screen(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    a = uuid.uuid4()
    fake_api.clients = {a: _client("Alpha", a)}
    driver = _unlocked(make_gui, fake_api)
    fake_api.lock()  # as an idle timeout inside the service would
    driver.window.client_list.setCurrentRow(0)
    dialog = driver.wait_dialog(Mode.UNLOCK)
    assert not driver.window.isVisible()
    assert driver.window.client_list.count() == 0
    assert "locked" in dialog.error_text.lower()


def test_run_gui_quits_when_the_unlock_dialog_is_closed_and_closes_the_service(
    qtbot: QtBot, fake_api: FakeChartsideApi
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def close_dialog() -> None:
        dialogs = [
            w for w in app.topLevelWidgets() if w.objectName() == "unlockDialog" and w.isVisible()
        ]
        if dialogs and not dialogs[0].busy:
            dialogs[0].reject()
        else:
            QTimer.singleShot(20, close_dialog)

    QTimer.singleShot(20, close_dialog)
    try:
        code = run_gui(fake_api, Settings.model_construct())
    finally:
        app.setQuitOnLastWindowClosed(True)
    assert code == 0
    assert fake_api.closed
    assert fake_api.calls[-1][0] == "close"


def _client(name: str, client_id: uuid.UUID | None = None) -> Client:
    return Client(client_id or uuid.uuid4(), ClientData(full_name=name), dt.datetime.now())


def test_session_time_in_a_daylight_saving_gap_is_kept(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 02:30 does not exist in Berlin on 2024-03-31; a local-time editor would save 03:30.
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        editor = SessionEditor()
        qtbot.addWidget(editor)
        when = dt.datetime(2024, 3, 31, 2, 30)
        editor.date.setDateTime(to_qdatetime(when))
        assert editor.to_data().date == when
        assert editor.date.text() == "2024-03-31 02:30"
    finally:
        monkeypatch.undo()
        time.tzset()
