"""Attach a document to a client: the file chosen or dropped, then its
date, kind and title. The file is read and checked off the GUI thread; what core refuses
(not a PDF or an image, a password, over 50 MB, no pages) is shown here, in place, and
nothing is stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.documents.types import (
    MAX_BYTES,
    MAX_TITLE_CHARS,
    AttachRequest,
    DocumentInfo,
    DocumentKind,
    DocumentRejected,
    Stranger,
)
from ui.kit.contrast import ERROR_TEXT
from ui.kit.document_text import kind_choices, stranger_text
from ui.kit.errors import describe
from ui.kit.tasks import TaskRunner

FILE_SUFFIXES = ("pdf", "png", "jpg", "jpeg", "tif", "tiff")
DATE_FORMAT = "yyyy-MM-dd"  # the window's one date format (ui.kit.bidi.DATE)


def choose_files(parent: QWidget) -> list[Path]:
    """The files the user picks, or none."""
    pattern = " ".join(f"*.{s} *.{s.upper()}" for s in FILE_SUFFIXES)
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("AttachDialog", "Attach document"),
        "",
        QCoreApplication.translate("AttachDialog", "Documents ({pattern})").format(pattern=pattern),
    )
    return [Path(n) for n in names]


def read_file(
    client_id: UUID, path: Path, kind: DocumentKind, date: dt.date | None, title: str
) -> AttachRequest:
    """On the worker: the file as a request to attach it (a huge one refused unread)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentRejected(
            f"The file is {size / 1024 / 1024:.0f} MB; documents are limited to 50 MB.",
            remediation="Split the document or scan it at a lower resolution.",
        )
    return AttachRequest(client_id, path.read_bytes(), kind, date, title, path.name)


def check_file(
    api: ChartsideApi,
    client_id: UUID,
    path: Path,
    kind: DocumentKind,
    date: dt.date | None,
    title: str,
) -> tuple[AttachRequest, Stranger | None]:
    """On the worker: the request, and whom the file names that is not the client (read
    before anything is stored)."""
    request = read_file(client_id, path, kind, date, title)
    return request, api.documents.stranger_in(request)


class AttachDialog(QDialog):
    """Emits `attached(DocumentInfo)` and closes once the file is stored."""

    attached = Signal(object)

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        client_id: UUID,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachDialog")
        self.setWindowTitle(self.tr("Attach document"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._api, self._runner = api, runner
        self.client_id, self.path = client_id, path
        self.busy = False
        self.question: QMessageBox | None = None  # "another patient's document?", while asked
        self.attach_anyway: QAbstractButton | None = None
        self.file_label = QLabel(path.name, self)
        self.file_label.setObjectName("attachFile")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setObjectName("attachDate")
        self.date.setCalendarPopup(True)
        # Left to right before the format, as the session's date: mirrored, Qt reverses the
        # sections ("27-11-2026"), and a year typed at the start lands in the day.
        self.date.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.kind = QComboBox(self)
        self.kind.setObjectName("attachKind")
        for key, label in kind_choices():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(self.kind.findData("other"))
        self.title = QLineEdit(path.stem, self)
        self.title.setObjectName("attachTitle")
        self.title.setMaxLength(MAX_TITLE_CHARS)
        self.error = QLabel(self)
        self.error.setObjectName("attachError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {ERROR_TEXT};")
        self.error.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.attach_button = self.buttons.addButton(
            self.tr("&Attach"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.attach_button.setObjectName("attachButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._attach)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Title:"), self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    @property
    def error_text(self) -> str:
        return self.error.text()

    def _attach(self) -> None:
        """Read the file and check whom it names, then store it; a document naming someone
        else is stored only once the clinician confirms it is this client's."""
        if self.busy:
            return
        self._set_busy(True)
        self.error.hide()
        self.error.clear()
        day = self.date.date()
        self._runner.submit(
            check_file,
            self._api,
            self.client_id,
            self.path,
            self.kind.currentData(),
            dt.date(day.year(), day.month(), day.day()),
            self.title.text(),
            on_success=self._checked,
            on_error=self._failed,
        )

    def _checked(self, checked: tuple[AttachRequest, Stranger | None]) -> None:
        request, stranger = checked
        if stranger is None:
            self._store(request)
            return
        self.question = box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Another patient's document?"),
            stranger_text(stranger) + "\n\n" + self.tr("Attach it to this client anyway?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("strangerQuestion")
        self.attach_anyway = box.addButton(
            self.tr("Attach &anyway"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _: self._answered(request, box))
        box.open()

    def _answered(self, request: AttachRequest, box: QMessageBox) -> None:
        self.question = None
        if box.clickedButton() is self.attach_anyway:
            self._store(request)
        else:
            self._set_busy(False)  # nothing stored; the dialog stays for another file

    def _store(self, request: AttachRequest) -> None:
        self._runner.submit(
            self._api.documents.attach, request, on_success=self._done, on_error=self._failed
        )

    def _done(self, info: DocumentInfo) -> None:
        self._set_busy(False)
        self.attached.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, DocumentRejected | OSError):
            self.reject()
            self._runner.failed.emit(exc)  # Locked and the unexpected go the window's way
            return
        if isinstance(exc, OSError):
            self.error.setText(self.tr("The file cannot be read."))
        else:
            self.error.setText(describe(exc).as_text())
        self.error.show()

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for widget in (self.date, self.kind, self.title, self.attach_button):
            widget.setEnabled(not busy)
