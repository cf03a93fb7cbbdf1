"""The window on one screen, for tests/ui/test_gui_fit.py (issue 28, points 4 and 8).

A process of its own, because the screen's size is the platform's (offscreen with a
configured screen, or an X server under Xvfb) and a process has one. For each case
(language, font) it builds the real window on the fake service, opens it, and measures it
as a clinician goes on: opened, a client and a session open, after a search, after an
answer. It writes what it measured to result.json; the test judges it.

    python tests/ui/fit_worker.py config.json

config.json: {"out": folder, "qm_dir": folder of chartside_he.qm, "fonts_dir": folder of
the Noto Sans files, "cases": [{"language": "en", "font": "DejaVu Sans"}, ...],
"focus": whether to close a dialog and press Ctrl+F (the first case only)}
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fake_api import FAKE_PASSPHRASE, FakeChartsideApi, FakeModelsPart
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStatusBar,
    QTreeWidget,
    QWidget,
)

import ui.shell.app
from core.domain import Client, ClientData, Session, SessionData
from ui.shell.app import GuiController
from ui.shell.main_window import MainWindow
from ui.shell.screen_fit import frame_margins

TIMEOUT_S = 30.0
NAMES = [
    "Dana Cohen",
    "Avraham Ben-Shimon Rosenthal-Goldberg of Kiryat Motzkin",
    "דנה כהן",
    "אברהם בן־שמעון רוזנטל־גולדברג מקריית מוצקין",
    *(f"Client {n:02d} Levi-Peretz" for n in range(1, 21)),
]
NOTE = "LDL 105.1 mg/dL, HDL 63.3 mg/dL. כולסטרול LDL גבוה; ממשיכה בדיאטה."
QUESTION = {"en": "What was her LDL?", "he": "מה היה ה-LDL שלה?"}


def wait_for(condition: Callable[[], bool], timeout_s: float = TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(20)
    return True


def settle(window: MainWindow, *, managed: bool) -> None:
    """Until the window is where it stays: active and, under a window manager, framed
    (the manager decorates it after it maps) and fitted again inside the free area. A
    window that never gets there is measured as it is, and judged by the test."""
    wait_for(window.isActiveWindow, 10)
    if managed:
        wait_for(lambda: not frame_margins(window).isNull(), 10)
        wait_for(lambda: window.screen().availableGeometry().contains(window.frameGeometry()), 10)


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def seed(api: FakeChartsideApi) -> uuid.UUID:
    """Clients with long names in both languages; the first has 14 sessions."""
    now = dt.datetime.now()
    ids = []
    for name in NAMES:
        client_id = uuid.uuid4()
        api.clients[client_id] = Client(
            client_id, ClientData(full_name=name, medical_history=NOTE), now
        )
        ids.append(client_id)
    for day in range(14):
        session_id = uuid.uuid4()
        data = SessionData(
            date=dt.datetime(2024, 1, day + 1, 9, 30), subjective=NOTE, assessment=NOTE
        )
        api.sessions[session_id] = Session(session_id, ids[1], data, now)
    return ids[1]


def _shown(widget: QWidget, window: QWidget) -> dict[str, Any]:
    """A widget's place on the screen and how much of it can be seen."""
    seen = widget.visibleRegion().boundingRect()
    seen.moveTopLeft(widget.mapToGlobal(seen.topLeft()))
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)) else ""
    return {
        "what": f"{type(widget).__name__} {widget.objectName()!r} {text!r}",
        "kind": type(widget).__name__,
        "global": rect(QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())),
        "seen": rect(seen),
        "width": widget.width(),
        "needs": widget.minimumSizeHint().width(),
        "squeezable": isinstance(widget, QLabel) and widget.wordWrap(),
        "scrolled": _scrolled_out(widget),
    }


def _scrolled_out(widget: QWidget) -> bool:
    """Whether `widget` is cut only by a scroll area it is in, which scrolls to it (the
    client's details in a short window: its fields' dictation buttons scroll with them)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is None or not parent.verticalScrollBar().maximum():
        return False
    viewport = parent.viewport()
    shown = QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())
    whole = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
    return not shown.contains(whole)


def _checked_widgets(window: MainWindow) -> list[QWidget]:
    """What must be whole on screen: every button, the status bar and what is in it, the
    menu bar, the lists and the search fields."""
    kinds = (QAbstractButton, QStatusBar, QListWidget, QTreeWidget, QLineEdit)
    found: list[QWidget] = [window.menuBar()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if (isinstance(widget, kinds) and not isinstance(widget.parentWidget(), QLineEdit)) or (
            isinstance(widget, QLabel) and isinstance(widget.parentWidget(), QStatusBar)
        ):
            found.append(widget)
    return found


def _row(rows: QListWidget, row: int) -> dict[str, Any]:
    """A list row's room, and whether its text can be read whole: in the row, or (elided
    there with "…") in its tooltip."""
    item = rows.item(row)
    place = rows.visualItemRect(item)
    flags = int(Qt.TextFlag.TextWordWrap) if rows.wordWrap() else 0
    room = QRect(0, 0, place.width() - 8, 10_000)  # less the delegate's text margins
    fits = rows.fontMetrics().boundingRect(room, flags, item.text()).height() <= place.height()
    return {
        "text": item.text(),
        "width": place.width(),
        "whole": fits or item.text() in item.toolTip(),
    }


def snapshot(window: MainWindow) -> dict[str, Any]:
    QTest.qWait(0)  # layouts asked for by what was just shown are done first
    screen = window.screen()
    bar = window.menuBar()
    clients = window.client_list
    layout = window.layout()
    assert layout is not None
    return {
        "screen": rect(screen.geometry()),
        "available": rect(screen.availableGeometry()),
        "frame": rect(window.frameGeometry()),
        "geometry": rect(window.geometry()),
        "minimum": list(window.minimumSize().toTuple()),
        "content_minimum": list(layout.totalMinimumSize().toTuple()),
        "widgets": [_shown(w, window) for w in _checked_widgets(window)],
        "menu_titles": [
            {
                "title": action.text(),
                "global": rect(QRect(bar.mapToGlobal(place.topLeft()), place.size())),
            }
            for action in bar.actions()
            if action.menu() is not None and action.isVisible()
            for place in [bar.actionGeometry(action)]
        ],
        "client_rows": [_row(clients, r) for r in range(clients.count())],
        "client_viewport": clients.viewport().width(),
        "client_hscroll": clients.horizontalScrollBar().isVisible(),
        "title": window.windowTitle(),
    }


def menus(controller: GuiController) -> list[dict[str, Any]]:
    """Each menu opened from the menu bar, as a click on its title opens it."""
    bar = controller.main_window.menuBar()
    out = []
    for menu in controller.menus.menus():
        bar.setActiveAction(menu.menuAction())
        shown = wait_for(menu.isVisible, 5)
        out.append({"title": menu.title(), "shown": shown, "global": rect(menu.geometry())})
        menu.close()
        wait_for(lambda m=menu: not m.isVisible(), 5)
    return out


def focus_after_dialog(controller: GuiController) -> dict[str, bool]:
    """The issue's walk: the focus in the question box, the Practitioners dialog opened
    and closed, then Ctrl+F."""
    window = controller.main_window
    question = window.assistant_panel.question
    question.setFocus()
    dialog = controller.practitioners.open()
    opened = wait_for(lambda: dialog.isActiveWindow() and not dialog.busy, 10)
    dialog.close()  # refused while it works: hence the wait for it to be idle
    opened = opened and not dialog.isVisible()
    active = wait_for(lambda: QApplication.activeWindow() is window, 10)
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    return {
        "dialog_active": opened,
        "window_active": active,
        "search_focused": window.search_panel.query.hasFocus(),
    }


def run_case(
    app: QApplication, case: dict[str, Any], config: dict[str, Any], focus: bool
) -> dict[str, Any]:
    out = Path(config["out"])
    tag = f"{case['language']}-{case['font'].replace(' ', '')}"
    font = QFont(app.font())
    font.setFamilies(
        [case["font"], "Noto Sans Hebrew"] if "Noto" in case["font"] else [case["font"]]
    )
    app.setFont(font)
    ui.shell.app.TRANSLATIONS_DIR = Path(config["qm_dir"])
    translators = ui.shell.app.install_translations(app, case["language"])
    api = FakeChartsideApi()
    client_id = seed(api)
    api.models = FakeModelsPart()
    controller = GuiController(api)
    window = controller.main_window
    result: dict[str, Any] = {"case": tag, "font_used": QFontInfo(app.font()).family()}
    try:
        controller.start()
        wait_for(lambda: controller.unlock_dialog is not None and not controller.unlock_dialog.busy)
        dialog = controller.unlock_dialog
        assert dialog is not None
        field = dialog.findChild(QLineEdit, "passphrase")
        button = dialog.findChild(QPushButton, "unlockButton")
        assert field is not None and button is not None
        field.setText(FAKE_PASSPHRASE)
        button.click()
        wait_for(lambda: window.isVisible() and controller.settled)
        settle(window, managed=config.get("window_manager", False))
        states = {"opened": snapshot(window)}
        window.client_list.setCurrentRow(window.client_list.ids().index(client_id))
        wait_for(lambda: controller.settled and window.session_list.count() > 0)
        window.session_list.setCurrentRow(0)
        wait_for(lambda: controller.settled and window.session_editor.session_id is not None)
        states["client"] = snapshot(window)
        panel = window.search_panel
        panel.query.setText("LDL")
        panel.search_button.click()
        wait_for(lambda: not panel.searching and controller.settled)
        states["search"] = snapshot(window)
        assistant = window.assistant_panel
        assistant.question.setText(QUESTION[case["language"]])
        assistant.ask_button.click()
        wait_for(lambda: not assistant.asking and controller.settled)
        states["answer"] = snapshot(window)
        result["states"] = states
        result["menus"] = menus(controller)
        if focus:
            result["focus"] = focus_after_dialog(controller)
        window.grab().save(str(out / f"{tag}.png"))
        if app.platformName() == "xcb":
            window.screen().grabWindow(0).save(str(out / f"{tag}-screen.png"))
    finally:
        controller.shutdown(close_api=False)
        window.hide()
        for translator in translators:
            app.removeTranslator(translator)
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return result


def main(argv: list[str]) -> int:
    config = json.loads(Path(argv[1]).read_text())
    app = QApplication(["chartside-fit"])
    app.setQuitOnLastWindowClosed(False)
    for path in sorted(Path(config["fonts_dir"]).glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise SystemExit(f"could not load {path}")
    results = [
        run_case(app, case, config, config.get("focus", False) and n == 0)
        for n, case in enumerate(config["cases"])
    ]
    Path(config["out"], "result.json").write_text(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
