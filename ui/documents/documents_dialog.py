"""The client's documents beside a page of the one chosen (point 4):
title, kind, date, pages and whether it is read; open, delete (confirmed), attach. Files
dropped on the window are attached to its client. A citation of a document in an answer
opens its page here, the passage highlighted.

Everything shown is PHI: `set_client(None)` (another client, a lock) drops it."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.documents.types import DocumentInfo, Stranger
from ui.documents.page_view import PageViewPane
from ui.kit.bidi import DATE, IsolatingDelegate
from ui.kit.contrast import WARNING_TEXT
from ui.kit.document_text import kind_label, read_state, stranger_text
from ui.kit.tasks import TaskRunner

LIST_KEY = "documents.list"
STRANGER_KEY = "documents.stranger"  # whom the chosen document names, if not the client
ID_ROLE = Qt.ItemDataRole.UserRole


def dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class FileDrops(QObject):
    """Makes `widget` take dropped files: `dropped(paths, widget_pos)`."""

    dropped = Signal(list, object)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if dropped_files(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = dropped_files(event)
            if paths:
                event.acceptProposedAction()
                self.dropped.emit(paths, event.position().toPoint())
                return True
        return False


class DocumentsDialog(QDialog):
    """Emits `attach_requested(paths)` (the room attaches them to the client shown) and
    `failed(exc)`."""

    attach_requested = Signal(list)
    failed = Signal(object)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentsDialog")
        self.setWindowTitle(self.tr("Documents"))
        self._api, self._runner = api, runner
        self.client_id: UUID | None = None
        self._wanted: UUID | None = None  # a document to select once the list is in
        self.infos: list[DocumentInfo] = []
        self.list = QTreeWidget(self)
        self.list.setObjectName("documentList")
        self.list.setAccessibleName(self.tr("The client's documents"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setItemDelegate(IsolatingDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [self.tr("Title"), self.tr("Kind"), self.tr("Date"), self.tr("Pages"),
             self.tr("Read")]
        )  # fmt: skip
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.list.itemActivated.connect(lambda *_: self.open_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemSelectionChanged.connect(self._check_stranger)
        self.empty = QLabel(self.tr("No documents yet. Drop a PDF or an image here."), self)
        self.empty.setObjectName("documentsEmpty")
        self.empty.setWordWrap(True)
        self.attach_button = QPushButton(self.tr("&Attach document…"), self)
        self.attach_button.setObjectName("attachDocument")
        self.attach_button.clicked.connect(lambda: self.attach_requested.emit([]))
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openDocument")
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.setObjectName("deleteDocument")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        # A document that names another patient says so while it is chosen.
        self.stranger_note = QLabel(self)
        self.stranger_note.setObjectName("strangerNote")
        self.stranger_note.setWordWrap(True)
        self.stranger_note.setStyleSheet(f"color: {WARNING_TEXT}; font-weight: bold;")
        self.stranger_note.hide()
        column.addWidget(self.list, 1)
        column.addWidget(self.stranger_note)
        column.addWidget(self.empty)
        column.addLayout(buttons)
        self.page_view = PageViewPane(api, runner, self)
        self.page_view.failed.connect(self.failed)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(side)
        split.addWidget(self.page_view)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        # The list wide enough for a title, its kind, date and state, unelided.
        split.setSizes([460, 900])
        self.list.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.drops = FileDrops(self)
        self.drops.dropped.connect(lambda paths, _pos: self.attach_requested.emit(paths))
        self._fill()

    def set_client(self, client_id: UUID | None) -> None:
        if client_id == self.client_id:
            return
        self.client_id = client_id
        self.infos = []
        self.page_view.clear()
        self._runner.invalidate(LIST_KEY)
        self._fill()
        if client_id is not None:
            self.load()

    def load(self) -> None:
        if self.client_id is None:
            return
        self._runner.latest(
            LIST_KEY, self._api.documents.documents, self.client_id,
            on_success=self._on_loaded, on_error=self.failed.emit,
        )  # fmt: skip

    def selected(self) -> DocumentInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = item.data(0, ID_ROLE)
        return next((i for i in self.infos if str(i.id) == wanted), None)

    def select(self, document_id: UUID) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == str(document_id):
                self.list.setCurrentItem(item)

    def open_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.page_view.show_page(info.id, 1)

    def open_page(self, document_id: UUID, page: int, passage: str) -> None:
        self._wanted = document_id
        self.select(document_id)
        self.page_view.show_page(document_id, page, passage)

    def delete_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete document"),
            self.tr("Delete “{title}” and the text read from it? This cannot be undone.").format(
                title=info.title
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        view = self.page_view.view
        if view is not None and view.document.id == info.id:
            self.page_view.clear()
        self._runner.submit(
            self._api.documents.delete, info.id,
            on_success=lambda _: self.load(), on_error=self.failed.emit,
        )  # fmt: skip

    def _on_loaded(self, infos: list[DocumentInfo]) -> None:
        chosen = self.selected()
        self.infos = infos
        self._fill()
        wanted = chosen.id if chosen is not None else self._wanted
        if wanted is not None:
            self.select(wanted)

    def _fill(self) -> None:
        self.list.clear()
        for info in self.infos:
            item = QTreeWidgetItem(
                [info.title, kind_label(info.kind), info.date.strftime(DATE) if info.date else "",
                 str(info.page_count), read_state(info)]
            )  # fmt: skip
            item.setData(0, ID_ROLE, str(info.id))
            item.setToolTip(0, Qt.convertFromPlainText(info.title))
            self.list.addTopLevelItem(item)
        self.empty.setVisible(not self.infos)
        self.attach_button.setEnabled(self.client_id is not None)
        self._update_buttons()

    def _check_stranger(self) -> None:
        self.stranger_note.hide()
        info = self.selected()
        if info is None:
            self._runner.invalidate(STRANGER_KEY)
            return
        self._runner.latest(
            STRANGER_KEY, self._api.documents.stranger, info.id,
            on_success=self._show_stranger, on_error=self.failed.emit,
        )  # fmt: skip

    def _show_stranger(self, stranger: Stranger | None) -> None:
        self.stranger_note.setText("⚠ " + stranger_text(stranger) if stranger else "")
        self.stranger_note.setVisible(stranger is not None)

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
