"""The main window's menu bar: every action the window offers, with its keyboard shortcut.

Each item triggers the very method (or the very QAction) its button or toolbar entry
uses; nothing here does the work itself. Mnemonics are unique within each menu, and the
menu titles' Alt letters are kept free of the window's own field and button mnemonics
(tests/ui/test_gui_keyboard.py checks both).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.shell.main_window import MainWindow
from ui.tools.backup_actions import BackupActions
from ui.tools.diagnostics import DiagnosticsActions

Standard = QKeySequence.StandardKey


class MenuBar(QObject):
    """Builds the menus on `window`; the actions are attributes, for tests and callers."""

    def __init__(
        self,
        window: MainWindow,
        backups: BackupActions,
        diagnostics: DiagnosticsActions,
        tools: Sequence[QAction] = (),
    ) -> None:
        super().__init__(window)
        self._window = window
        # (action, the widget whose being enabled decides whether the action may run)
        self._gates: list[tuple[QAction, Callable[[], bool]]] = []
        self._menus: list[QMenu] = []
        bar = window.menuBar()
        bar.setObjectName("menuBar")
        panel = window.assistant_panel

        file_menu = self._menu(self.tr("&File"), "fileMenu")
        self.new_client = self._action(
            file_menu, self.tr("&New client"), "newClientAction", window.clients.new_client,
            shortcuts=[QKeySequence(self.tr("Ctrl+Shift+N"))],
            gate=window.new_client_button.isEnabled,
        )  # fmt: skip
        self.new_session = self._action(
            file_menu, self.tr("Ne&w session"), "newSessionAction", window.sessions_box.new_session,
            shortcuts=QKeySequence.keyBindings(Standard.New),
            gate=window.new_session_button.isEnabled,
        )  # fmt: skip
        # The client's values over time; in File, beside New session, as the menu bar has
        # no Client menu of its own.
        self.flowsheet = self._action(
            file_menu, self.tr("&Flowsheet…"), "flowsheetAction", window.open_flowsheet,
            shortcuts=[QKeySequence(self.tr("Ctrl+Shift+T"))], gate=window.can_open_flowsheet,
        )  # fmt: skip
        # Documents in the chart: the client's, and attaching one.
        self.documents = self._action(
            file_menu, self.tr("&Documents…"), "documentsAction", window.documents.open,
            shortcuts=[QKeySequence(self.tr("Ctrl+Shift+O"))], gate=window.can_open_documents,
        )  # fmt: skip
        self.attach_document = self._action(
            file_menu, self.tr("&Attach document…"), "attachDocumentAction",
            lambda: window.documents.attach([]), gate=window.can_open_documents,
        )  # fmt: skip
        self.save = self._action(
            file_menu, self.tr("&Save"), "saveAction", window.save_current,
            shortcuts=QKeySequence.keyBindings(Standard.Save), gate=window.can_save,
        )  # fmt: skip
        file_menu.addSeparator()
        file_menu.addAction(backups.backup_action)
        file_menu.addAction(backups.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(window.lock_action)
        self.quit = self._action(
            file_menu, self.tr("&Quit"), "quitAction", window.close,
            shortcuts=QKeySequence.keyBindings(Standard.Quit),
        )  # fmt: skip

        edit_menu = self._menu(self.tr("&Edit"), "editMenu")
        self.find = self._action(
            edit_menu, self.tr("&Find in notes"), "findAction", window.focus_search,
            shortcuts=QKeySequence.keyBindings(Standard.Find),
        )  # fmt: skip
        self.find_client = self._action(
            edit_menu, self.tr("Find &client"), "findClientAction", window.focus_client_filter,
            shortcuts=[QKeySequence(self.tr("Ctrl+Shift+F"))],
        )  # fmt: skip

        ask_menu = self._menu(self.tr("Ass&istant"), "assistantMenu")
        # Ctrl+Return on the main keyboard, Ctrl+Enter on the keypad: both mean "ask".
        self.ask = self._action(
            ask_menu, self.tr("&Ask"), "askAction", panel.ask_or_focus,
            shortcuts=[QKeySequence(self.tr("Ctrl+Return")), QKeySequence(self.tr("Ctrl+Enter"))],
            gate=panel.ask_button.isEnabled,
        )  # fmt: skip
        what = self.tr("To the question box, and ask the question it holds")
        self.ask.setStatusTip(what)
        self.ask.setToolTip(what)
        self.cancel_answer = self._action(
            ask_menu, self.tr("&Cancel the answer"), "cancelAskAction", panel.cancel,
            gate=panel.cancel_button.isEnabled,
        )  # fmt: skip
        self.new_conversation = self._action(
            ask_menu, self.tr("&New conversation"), "newConversationAction",
            panel.new_conversation, gate=panel.new_button.isEnabled,
        )  # fmt: skip
        ask_menu.addSeparator()
        self.extractive = QAction(self.tr("&Quote the notes only"), window)
        self.extractive.setObjectName("extractiveAction")
        self.extractive.setCheckable(True)
        self.extractive.setChecked(panel.extractive.isChecked())
        self.extractive.toggled.connect(panel.extractive.setChecked)
        panel.extractive.toggled.connect(self.extractive.setChecked)
        ask_menu.addAction(self.extractive)
        self._gates.append((self.extractive, panel.extractive.isEnabled))

        tools_menu = self._menu(self.tr("&Tools"), "toolsMenu")
        tools_menu.addAction(diagnostics.action)
        for action in tools:  # practitioners, models: each screen's own action
            tools_menu.addAction(action)

    def _menu(self, title: str, name: str) -> QMenu:
        menu = self._window.menuBar().addMenu(title)
        menu.setObjectName(name)
        self._menus.append(menu)
        # Greyed while the menu is open when the action cannot run now; enabled again once
        # it closes, because a disabled action's shortcut would stay dead after the state
        # changed (each action checks its gate itself when triggered).
        menu.aboutToShow.connect(lambda: self._set_enabled(gated=True))
        menu.aboutToHide.connect(lambda: self._set_enabled(gated=False))
        return menu

    def _action(
        self,
        menu: QMenu,
        text: str,
        name: str,
        slot: Callable[[], object],
        *,
        shortcuts: list[QKeySequence] | None = None,
        gate: Callable[[], bool] | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts(shortcuts)
        if gate is None:
            action.triggered.connect(lambda _checked=False: slot())
        else:
            action.triggered.connect(lambda _checked=False: gate() and slot())
            self._gates.append((action, gate))
        menu.addAction(action)
        return action

    def _set_enabled(self, *, gated: bool) -> None:
        for action, gate in self._gates:
            action.setEnabled(gate() if gated else True)

    def menus(self) -> list[QMenu]:
        return list(self._menus)
