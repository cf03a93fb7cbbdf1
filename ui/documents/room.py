"""What the main window holds of the documents: the Documents window, built
when first opened; attaching (a file chosen, or dropped on the client's pane or a client in
the list); and opening a cited page from an answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from core.api import ChartsideApi
from core.assistant.types import AskSource
from core.documents.types import DocumentInfo
from core.retrieval.types import SearchHit
from ui.documents.attach_dialog import AttachDialog, choose_files
from ui.documents.documents_dialog import DocumentsDialog, FileDrops
from ui.kit.tasks import TaskRunner


class DocumentsRoom(QObject):
    """`client()` says which client is on screen. Emits `attached(DocumentInfo)` (the
    window starts the reader and says so) and `failed(exc)`."""

    attached = Signal(object)
    failed = Signal(object)
    facts_reviewed = Signal()  # a scan's facts were confirmed (or rejected): the timeline moved

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        window: QWidget,
        client: Callable[[], UUID | None],
    ) -> None:
        super().__init__(window)
        self._api, self._runner, self._window = api, runner, window
        self._client = client
        self.dialog: DocumentsDialog | None = None
        self.attach_dialog: AttachDialog | None = None
        self._queue: list[tuple[UUID, Path]] = []

    def accept_drops(self, widget: QWidget, client_at: Callable[[object], UUID | None]) -> None:
        """Files dropped on `widget` are attached to the client `client_at(position)`."""
        drops = FileDrops(widget)
        drops.dropped.connect(lambda paths, pos: self.attach(paths, client_at(pos)))

    def open(self) -> DocumentsDialog | None:
        """The Documents window of the client on screen, shown."""
        client_id = self._client()
        if client_id is None:
            return None
        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = DocumentsDialog(self._api, self._runner, self._window)
            dialog.resize(1180, 680)
            dialog.attach_requested.connect(lambda paths: self.attach(paths, dialog.client_id))
            dialog.failed.connect(self.failed)
            dialog.page_view.facts_reviewed.connect(self.facts_reviewed)
        dialog.set_client(client_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_source(self, source: AskSource | SearchHit) -> DocumentsDialog | None:
        """The page a document source cites, with its passage highlighted."""
        ref = source.document
        if ref is None or source.client_id != self._client():
            return None
        dialog = self.open()
        if dialog is not None:
            dialog.open_page(ref.id, ref.page, source.snippet)
        return dialog

    def set_client(self, client_id: UUID | None) -> None:
        if self.dialog is not None:
            self.dialog.set_client(client_id)
            if client_id is None:
                self.dialog.hide()

    def refresh(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.load()

    def attach(self, paths: list[Path], client_id: UUID | None = None) -> None:
        """Attach `paths` (none: ask for them) to `client_id` (None: the one on screen),
        one dialog after the other."""
        client_id = client_id if client_id is not None else self._client()
        if client_id is None:
            return
        parent = self.dialog if self.dialog is not None and self.dialog.isVisible() else None
        chosen = paths or choose_files(parent or self._window)
        self._queue += [(client_id, p) for p in chosen]
        if self.attach_dialog is None:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self.attach_dialog = None
            return
        client_id, path = self._queue.pop(0)
        parent = self.dialog if self.dialog is not None and self.dialog.isVisible() else None
        dialog = AttachDialog(self._api, self._runner, client_id, path, parent or self._window)
        dialog.attached.connect(self._on_attached)
        dialog.finished.connect(lambda _: (dialog.deleteLater(), self._next()))
        self.attach_dialog = dialog
        dialog.show()

    def _on_attached(self, info: DocumentInfo) -> None:
        self.attached.emit(info)
        self.refresh()

    def clear(self) -> None:
        """On lock: close what shows documents."""
        self._queue = []
        if self.attach_dialog is not None:
            self.attach_dialog.busy = False
            self.attach_dialog.reject()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.set_client(None)
