"""The models the first answer needs, opened right after unlock on a thread of their own:
the first answer of a session used to wait for them, about 30 s on a 2-core laptop (the
question's embedder, the generator, its instructions read). A question asked meanwhile
goes ahead: one the timeline answers needs neither, a Hebrew one no generator; one that
needs a model waits on that model's own thread, and the panel says how far it has got."""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, Qt, Signal

from core.api import ChartsideApi
from ui.kit.tasks import TaskRunner

log = logging.getLogger(__name__)


class WarmUp(QObject):
    """`warming` from `start` until the models are open (or failed to open: the first
    question then says why); `share` is how far, once heard (0 to 1)."""

    changed = Signal()
    _arrived = Signal(float)  # emitted on the warm-up's thread, queued to the GUI thread

    def __init__(self, api: ChartsideApi, parent: QObject) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = TaskRunner(self)
        self.warming = False
        self.share: float | None = None
        self._arrived.connect(self._on_share, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        if self.warming:
            return
        self.warming, self.share = True, None
        self._runner.submit(
            self._api.assistant.warm, self._emit, on_success=self._done, on_error=self._failed
        )

    def shutdown(self) -> None:
        """Wait for a warm-up in flight (a model's load cannot be cut short), then stop."""
        self._runner.shutdown()

    def _emit(self, share: float) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone (application tear-down)
            self._arrived.emit(share)

    def _on_share(self, share: float) -> None:
        if self.warming:
            self.share = share
            self.changed.emit()

    def _done(self, _result: object = None) -> None:
        self.warming, self.share = False, None
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        # Not the clinician's concern until they ask: the question then says what is wrong
        # (no model set up, a file changed). The class name only: no note text here.
        log.info("the models were not opened ahead of the first question: %s", type(exc).__name__)
        self._done()
