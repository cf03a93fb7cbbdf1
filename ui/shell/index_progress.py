"""The status-bar bar that shows the background indexer catching up.

The service reports progress from its indexing thread; widgets may only be touched on the
GUI thread, so every report crosses over through a queued signal. Reports are tagged with
the unlock they belong to: one still in flight when the user locks must not show the bar
again on the unlock screen's watch.
"""

from __future__ import annotations

import contextlib
import functools
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressBar, QWidget

from core.api import ChartsideApi, IndexProgress
from core.errors import Locked
from core.retrieval.types import IndexStatus
from ui.kit.tasks import TaskRunner, Ticket

# The task runner key of the watch in progress. Its errors are not tied to the ticket: an
# index that cannot report only costs the bar, so they are logged rather than shown.
WATCH_KEY = "index.watch"

log = logging.getLogger(__name__)


class IndexProgressBar(QProgressBar):
    """Hidden unless an unlocked session's index is incomplete. Emits `failed` with errors
    that belong to the controller (only `Locked`: a missing embedder is the assistant
    status label's news, not an error to show at every unlock)."""

    failed = Signal(object)
    # (session generation, IndexStatus); emitted from the indexer's thread.
    _reported = Signal(object, object)  # (Ticket, IndexStatus)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("indexProgress")
        self.setMaximumWidth(240)
        self.setTextVisible(True)
        self.hide()
        self._api = api
        self._runner = runner
        self._watching = False
        self._reports_seen = False  # a live report beats the start-up snapshot
        self.status: IndexStatus | None = None
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    @property
    def watching(self) -> bool:
        return self._watching

    def session_started(self) -> None:
        """After unlock: show where the index stands, then follow the indexer."""
        ticket = self._runner.renew(WATCH_KEY)
        self._watching = True
        self._reports_seen = False
        # Both calls run on the worker, so even a service that cannot index at all only
        # costs the bar, never the unlock.
        self._runner.submit(
            _start_watching,
            self._api,
            self._listener(ticket),
            on_success=functools.partial(self._on_snapshot, ticket),
            on_error=self._on_error,
        )

    def session_ended(self) -> None:
        """On lock or quit: hide, ignore late reports, and tell the service to stop."""
        self._runner.invalidate(WATCH_KEY)
        self.show_status(None)
        if not self._watching:
            return
        self._watching = False
        # Queued before the lock. Whatever goes wrong here, the session is over anyway.
        self._runner.submit(_stop_watching, self._api, on_error=_ignore)

    def show_status(self, status: IndexStatus | None) -> None:
        """Show `status`; hide when there is none or the index is complete."""
        self.status = status
        if status is None or status.complete:
            self.hide()
            return
        self.setRange(0, status.total)
        self.setValue(status.current)
        text = self.tr("Indexing notes: {current} of {total}").format(
            current=status.current, total=status.total
        )
        # setFormat treats "%" as a placeholder; a count never contains one, a translation
        # might.
        self.setFormat(text.replace("%", "%%"))
        self.setToolTip(text)
        self.show()

    def _listener(self, ticket: Ticket) -> IndexProgress:
        def report(status: IndexStatus) -> None:
            # Runs on the indexer's thread. RuntimeError: the widget is gone (quitting);
            # the indexer must never be broken by a closed window.
            with contextlib.suppress(RuntimeError):
                self._reported.emit(ticket, status)

        return report

    def _on_reported(self, ticket: Ticket, status: IndexStatus) -> None:
        if ticket.current:
            self._reports_seen = True
            self.show_status(status)

    def _on_snapshot(self, ticket: Ticket, status: IndexStatus) -> None:
        if ticket.current and not self._reports_seen:
            self.show_status(status)

    def _on_error(self, exc: BaseException) -> None:
        self.show_status(None)
        if isinstance(exc, Locked):
            self.failed.emit(exc)
        else:
            log.info("index progress unavailable: %s", type(exc).__name__)


def _start_watching(api: ChartsideApi, listener: IndexProgress) -> IndexStatus:
    # Listener first: a batch finishing between the two calls is then reported, not lost.
    api.search.watch_index(listener)
    return api.search.index_status()


def _stop_watching(api: ChartsideApi) -> None:
    api.search.watch_index(None)


def _ignore(exc: BaseException) -> None:
    # Stopping the reports after the service locked itself may fail: nothing to undo.
    log.debug("watch_index(None) failed with %s", type(exc).__name__)
