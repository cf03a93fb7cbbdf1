"""Delete this computer's Chartside data from the window, as `chartside delete-local-data`
does: the data dir (the embedded database with every note, the keys, drafts and logs) and
the OS keyring entry, only after the data dir's path is typed back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from ui.kit.bidi import ltr
from ui.kit.contrast import ALERT_TEXT
from ui.kit.errors import describe
from ui.kit.tasks import TaskRunner


def confirms(typed: str, data_dir: Path) -> bool:
    """The CLI's test (app/cli): the typed path, expanded and made absolute, is the dir."""
    text = typed.strip()
    return bool(text) and Path(text).expanduser().absolute() == data_dir


class DeleteDataDialog(QDialog):
    """Asks; accepted only once the typed path is the data dir."""

    def __init__(self, data_dir: Path, embedded: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setObjectName("deleteDataDialog")
        self.setWindowTitle(self.tr("Delete local data"))
        what = self.tr(
            "This deletes the folder {path} and everything in it: the notes database with "
            "every client and session, the keys, unsaved drafts and logs. Chartside's entry "
            "in the OS keyring goes too. Backup files saved elsewhere are kept. It cannot be "
            "undone, and Chartside closes afterwards."
        ).format(path=ltr(data_dir))
        if not embedded:
            what += " " + self.tr("The clinic server's database is not touched.")
        explain = QLabel(what, self)
        explain.setObjectName("deleteDataExplain")
        explain.setTextFormat(Qt.TextFormat.PlainText)
        explain.setWordWrap(True)
        explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_field = QLineEdit(self)
        self.path_field.setObjectName("deleteDataConfirm")
        self.path_field.setAccessibleName(self.tr("The folder's path, typed to confirm"))
        form = QFormLayout()
        form.addRow(self.tr("&Type the folder's path to confirm:"), self.path_field)
        warning = QLabel(self.tr("Everything in this folder will be lost."), self)
        warning.setStyleSheet(f"color: {ALERT_TEXT};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.delete_button = buttons.addButton(
            self.tr("&Delete everything"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setObjectName("deleteDataButton")
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.accept)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.path_field.textChanged.connect(
            lambda text: self.delete_button.setEnabled(confirms(text, data_dir))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if confirms(self.path_field.text(), self.data_dir):
            super().accept()


class DeleteDataActions(QObject):
    """The "Delete local data…" menu action. Emits `closing` as the window hides, before
    the service deletes, and `done` when the app should quit (the dir gone, or an error
    already shown: the service is closed either way)."""

    closing = Signal()
    done = Signal()

    def __init__(self, api: ChartsideApi, runner: TaskRunner, window: QMainWindow) -> None:
        super().__init__(window)
        self._api = api
        self._runner = runner
        self._window = window
        self.dialog: DeleteDataDialog | None = None
        self.result_box: QMessageBox | None = None
        self.action = QAction(self.tr("De&lete local data…"), window)
        self.action.setObjectName("deleteDataAction")
        self.action.setToolTip(self.tr("Remove this computer's notes, keys and keyring entry"))
        self.action.triggered.connect(self.open)

    def open(self) -> DeleteDataDialog:
        settings = self._api.settings
        self.dialog = DeleteDataDialog(settings.data_dir, settings.embedded, self._window)
        self.dialog.accepted.connect(self._delete)
        self.dialog.open()
        return self.dialog

    def _delete(self) -> None:
        self.closing.emit()
        self._runner.submit(
            self._api.delete_local_data, on_success=self._on_deleted, on_error=self._on_failed
        )

    def _on_deleted(self, path: Path) -> None:
        self._finish(
            QMessageBox.Icon.Information,
            self.tr("Deleted {path} and Chartside's OS keyring entry. Chartside will now close.")
            .format(path=ltr(path)),
        )  # fmt: skip

    def _on_failed(self, exc: BaseException) -> None:
        self._finish(QMessageBox.Icon.Critical, describe(exc).as_text())

    def _finish(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, self.tr("Delete local data"), text, QMessageBox.StandardButton.Ok)
        box.setObjectName("deleteDataResult")
        box.finished.connect(lambda _result: self.done.emit())
        self.result_box = box
        box.open()

    def session_ended(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()
