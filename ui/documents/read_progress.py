"""The status-bar bar of the background reading of documents: pages
read of pages to read, with Stop. Like the index's bar (ui/shell/index_progress.py), the
reader's reports cross from its thread through a queued signal, tagged with the unlock they
belong to; the reader stops on lock by itself."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from core.api import ChartsideApi
from core.documents.types import ReadProgress
from ui.kit.tasks import TaskRunner, Ticket

READ_KEY = "documents.read"


class ReadProgressBar(QWidget):
    """Hidden unless pages are being read. Emits `finished` when a run has read all it
    had (the documents list shows them read), `stopped` after Stop, `failed(exc)`."""

    finished = Signal()
    stopped = Signal()
    failed = Signal(object)
    _reported = Signal(object, int, int)  # (Ticket, done, total), from the reader's thread

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readProgress")
        self._api, self._runner = api, runner
        self.bar = QProgressBar(self)
        self.bar.setObjectName("readProgressBar")
        self.bar.setMaximumWidth(240)
        self.bar.setTextVisible(True)
        self.stop_button = QToolButton(self)
        self.stop_button.setObjectName("stopReading")
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(
            self.tr("Stop reading documents; it goes on at the next unlock or attach")
        )
        self.stop_button.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop_button)
        self.reports: list[tuple[int, int]] = []  # this session's, for tests and a11y
        self.hide()
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    def session_started(self) -> None:
        """After unlock: read what waits, and after each attach (`start`)."""
        self.reports = []
        self.start()

    def start(self) -> None:
        ticket = self._runner.current(READ_KEY)
        self._runner.submit(
            self._api.documents.start_reading, self._listener(ticket), on_error=self.failed.emit
        )

    def session_ended(self) -> None:
        self._runner.invalidate(READ_KEY)
        self.reports = []
        self.hide()

    def stop(self) -> None:
        self._runner.invalidate(READ_KEY)
        self.hide()
        self._runner.submit(
            self._api.documents.stop_reading,
            on_success=lambda _: self.stopped.emit(),
            on_error=self.failed.emit,
        )

    def show_progress(self, done: int, total: int) -> None:
        if total == 0 or done >= total:
            self.hide()
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        text = self.tr("Reading documents: page {current} of {total}").format(
            current=done + 1, total=total
        )
        self.bar.setFormat(text.replace("%", "%%"))
        self.bar.setToolTip(text)
        self.show()

    def _listener(self, ticket: Ticket) -> ReadProgress:
        def report(done: int, total: int) -> None:
            # The reader's thread. RuntimeError: the widget is gone (quitting).
            with contextlib.suppress(RuntimeError):
                self._reported.emit(ticket, done, total)

        return report

    def _on_reported(self, ticket: Ticket, done: int, total: int) -> None:
        if not ticket.current:
            return
        self.reports.append((done, total))
        self.show_progress(done, total)
        if done >= total:
            self.finished.emit()
