"""Issue 14, point 5: the menu bar, the keyboard shortcuts, and mnemonics that never clash.

The window tests run on the real service over the real embedded PostgreSQL; the walkers
in `a11y` are first shown to catch the faults they look for.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from a11y import clashes, literal_ampersands, menu_mnemonics, tour, window_mnemonics
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi, FakeModelsPart
from gui_driver import GuiDriver
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from core.api import ChartsideApi
from core.domain import Client, ClientData, Session, SessionData
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE
from ui.access.unlock import Mode

MakeGui = Callable[[ChartsideApi], GuiDriver]


# -- the walkers catch what they look for ----------------------------------------------------


def test_the_walkers_catch_a_clash_and_a_literal_ampersand(qtbot: QtBot) -> None:
    """The faults issue 14 found: Alt+A on two controls, a button on a menu's Alt letter,
    and a form row holding a layout
    (QFormLayout gives its label no buddy, so "&File:" shows its "&")."""
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QWidget(window)
    form = QFormLayout(central)
    form.addRow("&Assessment:", QLineEdit(central))
    form.addRow(QPushButton("&Ask", central))
    form.addRow(QPushButton("&Find", central))  # Alt+F is the File menu's
    row = QHBoxLayout()
    row.addWidget(QLineEdit(central))
    form.addRow("&File:", row)
    window.setCentralWidget(central)
    window.menuBar().addMenu("&File")

    found = clashes(window_mnemonics(window))
    assert set(found) == {"A", "F"}, found
    assert len(literal_ampersands(window)) == 1


# -- every window and dialog of the app ------------------------------------------------------


def test_no_window_or_dialog_has_clashing_mnemonics_or_a_literal_ampersand(
    make_gui: MakeGui, service_factory: Callable[..., ChartsideService]
) -> None:
    problems: dict[str, object] = {}
    seen: list[str] = []

    def visit(name: str, window: QWidget) -> None:
        seen.append(name)
        found = window_mnemonics(window)
        if clashes(found):
            problems[f"{name}: clashing mnemonics"] = clashes(found)
        if literal_ampersands(window):
            problems[f"{name}: literal &"] = literal_ampersands(window)
        if name == "main window":
            # The clashes, by name: each letter now has one owner.
            for letter in "ABD":
                assert len(found.get(letter, [])) == 1, (letter, found.get(letter))

    driver = make_gui(service_factory())
    tour(driver, PASSPHRASE, visit)
    assert problems == {}
    assert len(seen) == 13, seen

    for menu in driver.controller.menus.menus():
        dupes = clashes(menu_mnemonics(menu))
        assert not dupes, (menu.title(), dupes)


def test_the_menu_bar_holds_every_action_of_the_window(
    make_gui: MakeGui, notes_api: ChartsideApi, passphrase: str
) -> None:
    driver = make_gui(notes_api)
    driver.unlock(passphrase)
    window = driver.window
    in_menus = {a for menu in driver.controller.menus.menus() for a in menu.actions()}
    toolbar = window.findChild(QToolBar, "mainToolBar")
    assert toolbar is not None and toolbar.actions()
    # Every toolbar entry is the same QAction in a menu: one piece of code behind both.
    missing = [a.text() for a in toolbar.actions() if not a.isSeparator() and a not in in_menus]
    assert missing == []
    names = {a.objectName() for a in in_menus}
    assert {
        "newClientAction",
        "newSessionAction",
        "saveAction",
        "backupAction",
        "restoreAction",
        "lockAction",
        "quitAction",
        "findAction",
        "findClientAction",
        "askAction",
        "cancelAskAction",
        "newConversationAction",
        "extractiveAction",
        "diagnosticsAction",
    } <= names
    titles = [m.title() for m in driver.controller.menus.menus()]
    assert titles == ["&File", "&Edit", "Ass&istant", "&Tools"]


def _action(driver: GuiDriver, name: str) -> QAction:
    action = driver.window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_standard_shortcuts(make_gui: MakeGui, notes_api: ChartsideApi, passphrase: str) -> None:
    driver = make_gui(notes_api)
    driver.unlock(passphrase)
    assert _action(driver, "saveAction").shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert _action(driver, "newSessionAction").shortcut() == QKeySequence(
        QKeySequence.StandardKey.New
    )
    assert _action(driver, "findAction").shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert _action(driver, "lockAction").shortcut() == QKeySequence("Ctrl+L")
    ask_keys = {k.toString() for k in _action(driver, "askAction").shortcuts()}
    assert ask_keys == {"Ctrl+Return", "Ctrl+Enter"}


def test_no_shortcut_of_the_window_is_also_a_fields_shortcut(
    make_gui: MakeGui, notes_api: ChartsideApi, passphrase: str
) -> None:
    """A key bound twice in one window fires neither (Qt calls it ambiguous): the menus'
    keys and the keys the window's widgets bind for themselves (a field's Ctrl+Shift+D) must
    differ."""
    driver = make_gui(notes_api)
    driver.unlock(passphrase)
    menus: dict[str, str] = {}
    for action in driver.window.findChildren(QAction):
        for key in action.shortcuts():
            other = menus.setdefault(key.toString(), action.objectName())
            assert other == action.objectName(), (
                f"{key.toString()}: {other} and {action.objectName()}"
            )
    widgets = {
        s.key().toString(): s.parent().objectName() for s in driver.window.findChildren(QShortcut)
    }
    shared = sorted(set(menus) & set(widgets))
    assert shared == [], [(k, menus[k], widgets[k]) for k in shared]
    assert "Ctrl+Shift+D" in widgets  # the walk sees the fields' own keys


def test_keyboard_only_client_session_search_ask_and_lock(
    make_gui: MakeGui, notes_api: ChartsideService, passphrase: str, qtbot: QtBot
) -> None:
    """Ctrl+Shift+N, Ctrl+S, Ctrl+N, Ctrl+S, Ctrl+F, Ctrl+Enter and Ctrl+L, pressed as keys
    in the window, do what their buttons do."""
    driver = make_gui(notes_api)
    driver.unlock(passphrase)
    window = driver.window
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier

    def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = ctrl) -> None:
        focus = window.focusWidget() or window
        qtbot.keyClick(focus, key, modifiers)
        driver.settle()

    press(Qt.Key.Key_N, ctrl | shift)  # new client, focus in its name
    assert window.client_editor.full_name.hasFocus()
    window.client_editor.full_name.setText("Keyboard Client")
    press(Qt.Key.Key_S)
    client_id = window.client_editor.client_id
    assert client_id is not None, window.banner.text
    assert notes_api.notes.get_client(client_id).data.full_name == "Keyboard Client"

    press(Qt.Key.Key_N)  # new session, focus in Subjective
    assert window.session_editor.subjective.hasFocus()
    window.session_editor.subjective.setPlainText("Typed, then saved with Ctrl+S.")
    press(Qt.Key.Key_S)
    session_id = window.session_editor.session_id
    assert session_id is not None, window.banner.text
    assert window.session_list.ids() == [session_id]
    assert (
        notes_api.notes.get_session(session_id).data.subjective == "Typed, then saved with Ctrl+S."
    )
    assert not window.dirty

    press(Qt.Key.Key_F)
    assert window.search_panel.query.hasFocus()

    panel = window.assistant_panel
    panel.question.clear()
    press(Qt.Key.Key_Return)  # from the search box, nothing to ask: to the question box
    assert panel.question.hasFocus() and not panel.asking and panel.status.isHidden()
    panel.question.setText("What did the client report?")
    press(Qt.Key.Key_Return)
    # Asked: the panel reports on it (an answer, or why there is none without a model).
    driver.wait_until(lambda: not panel.asking)
    assert panel.status.text() != ""

    press(Qt.Key.Key_L)
    driver.wait_dialog(Mode.UNLOCK)
    assert not window.isVisible() and not notes_api.unlocked


# -- shortcuts right after a dialog closes (issue 28, point 8) -------------------------------


def _open_unsaved_question(driver: GuiDriver) -> QWidget:
    """The unsaved-changes question (a nested event loop): answered Cancel once it shows."""
    window = driver.window
    window.session_editor.plan.setPlainText("typed, not saved")
    shown: list[QWidget] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, answer)
            return
        shown.append(box)
        box.close()  # Escape: Cancel

    QTimer.singleShot(0, answer)
    window.clients.new_client()  # asks, and stays (Cancel)
    assert shown, "the unsaved-changes question was not asked"
    window.session_editor.plan.setPlainText("")
    return shown[0]


# Every dialog the window opens, as its menu entry or button opens it.
DIALOGS: dict[str, Callable[[GuiDriver], QWidget | None]] = {
    "practitioners": lambda d: d.controller.practitioners.open(),
    "settings": lambda d: d.controller.settings_screen.open(),
    "models": lambda d: d.controller.models.open() if d.controller.models else None,
    "diagnostics": lambda d: d.controller.diagnostics.open(),
    "backup": lambda d: d.controller.backups.open_backup(),
    "restore": lambda d: d.controller.backups.open_restore(),
    "delete local data": lambda d: d.controller.delete_data.open(),
    "flowsheet": lambda d: d.window.open_flowsheet(),
    "unsaved changes": _open_unsaved_question,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_shortcuts_work_right_after_a_dialog_closes(
    make_gui: Callable[..., GuiDriver], fake_api: FakeChartsideApi, qtbot: QtBot, name: str
) -> None:
    """The issue's walk: the question box has the focus, a dialog opens and closes, and
    Ctrl+F goes to the search, not into the question box."""
    client_id = uuid.uuid4()
    fake_api.clients[client_id] = Client(
        client_id, ClientData(full_name="Focus Client"), dt.datetime.now()
    )
    session_id = uuid.uuid4()
    fake_api.sessions[session_id] = Session(
        session_id, client_id, SessionData(date=dt.datetime(2024, 5, 1, 9)), dt.datetime.now()
    )
    fake_api.models = FakeModelsPart()
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(client_id)
    driver.open_session(session_id)
    window = driver.window
    qtbot.waitUntil(window.isActiveWindow)
    question = window.assistant_panel.question
    question.setFocus()
    qtbot.waitUntil(question.hasFocus)

    dialog = DIALOGS[name](driver)
    assert dialog is not None
    if dialog.isVisible():
        # Idle first: a dialog at work refuses to close.
        qtbot.waitUntil(lambda: dialog.isActiveWindow() and not getattr(dialog, "busy", False))
        dialog.close()  # its close button, or Escape
        assert not dialog.isVisible()
    driver.settle()
    # What the user's next key needs: the window active again, the focus where it was.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert question.hasFocus()
    qtbot.keyClick(question, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_panel.query.hasFocus()
    assert question.text() == ""
