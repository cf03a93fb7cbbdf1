"""The status-bar line that appears while a clinic's database server is away.

The store retries on its own (`database.reconnect_s`); meanwhile saves fail with a clear
"reconnecting" error and nothing acknowledged is lost. This line says why, and goes away
once the server answers again. The embedded server never shows it.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from core.api import ChartsideApi
from ui.kit.contrast import WARNING_TEXT
from ui.kit.tasks import TaskRunner

log = logging.getLogger(__name__)


class ConnectionStatusLabel(QLabel):
    # A state name ("connected", "reconnecting", "unreachable") from whichever thread
    # noticed the change, queued to the GUI thread.
    _changed = Signal(str)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"QLabel {{ color: {WARNING_TEXT}; }}")
        self.hide()
        self._api = api
        self._runner = runner
        self._watching = False
        self.state = "connected"
        self._changed.connect(self.show_state, Qt.ConnectionType.QueuedConnection)

    def session_started(self) -> None:
        """After an unlock, once per window: the store outlives a lock."""
        if self._watching:
            return
        self._watching = True
        self._runner.submit(self._api.watch_connection, self._report, on_error=_unavailable)

    def _report(self, state: str) -> None:
        # RuntimeError: the label is gone (quitting); the store must not break on it.
        with contextlib.suppress(RuntimeError):
            self._changed.emit(state)

    def show_state(self, state: str) -> None:
        self.state = state
        if state == "reconnecting":
            self.setText(self.tr("Reconnecting to the database server…"))
        elif state == "unreachable":
            self.setText(self.tr("The database server does not answer; Chartside keeps trying."))
        self.setVisible(state != "connected")


def _unavailable(exc: BaseException) -> None:
    log.info("connection state unavailable: %s", type(exc).__name__)
