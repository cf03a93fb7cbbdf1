"""A dialog that runs one long service call with a determinate progress bar.

Core reports progress as `progress(fraction, message)` on the worker thread; `ProgressRelay`
turns each report into a queued signal, so the bar is only ever touched on the GUI thread.
The call itself goes through the task runner like every other blocking call, with a
`CancelToken` that the Cancel button trips: core stops at its next step and keeps nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.errors import Cancelled, Locked, WrongPassphrase
from core.progress import CancelToken
from ui.kit.bidi import ltr
from ui.kit.errors import ErrorBanner, ErrorText, describe
from ui.kit.tasks import TaskRunner

PROGRESS_STEPS = 1000


class ProgressRelay(QObject):
    """`report` may be called from any thread; `progressed` arrives on this object's."""

    progressed = Signal(float, str)

    def report(self, fraction: float, message: str) -> None:
        # RuntimeError: the dialog (and this relay) is gone; nobody is watching any more.
        with contextlib.suppress(RuntimeError):
            self.progressed.emit(float(fraction), str(message))


def step_text(message: str) -> str:
    """Core's progress messages, translated; an unknown one is shown as it came."""
    known = {
        "checking the passphrase": QCoreApplication.translate("Backup", "Checking the passphrase"),
        "counting records": QCoreApplication.translate("Backup", "Counting records"),
        "reading the notes to check them": QCoreApplication.translate(
            "Backup", "Reading the notes to check them"
        ),
        "writing the backup": QCoreApplication.translate("Backup", "Writing the backup"),
        "backup written": QCoreApplication.translate("Backup", "Backup written"),
        "checking the backup": QCoreApplication.translate("Backup", "Checking the backup file"),
        "creating a new database": QCoreApplication.translate("Backup", "Creating a new database"),
        "restoring": QCoreApplication.translate("Backup", "Restoring"),
        "checking record counts": QCoreApplication.translate("Backup", "Checking record counts"),
        "checking the restored notes": QCoreApplication.translate(
            "Backup", "Checking the restored notes"
        ),
        "restore checked": QCoreApplication.translate("Backup", "Restore checked"),
    }
    return known.get(message, message)


def local_time(when: dt.datetime | str | None) -> str:
    """A UTC time (or ISO text from a manifest) as local "YYYY-MM-DD HH:MM"."""
    if when is None:
        return ""
    if isinstance(when, str):
        try:
            when = dt.datetime.fromisoformat(when)
        except ValueError:
            return when
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class TaskDialog(QDialog):
    """Form, passphrase, Start, Cancel, progress, result and errors; subclasses fill in the
    work, passing `self._token` on as the call's `cancel`.

    `succeeded` carries a one-line message for the main window's status bar. Errors are
    formatted by `ui.kit.errors.describe` and shown in the dialog's banner; `Locked`, and any
    error that arrives after the dialog was hidden (the app locked meanwhile), are emitted
    as `failed` for the controller's one place for background errors. (A signal, not a
    callback: a bound method of the controller held here would make a reference cycle,
    and the cycle collector may then destroy Qt objects on a worker thread.)
    """

    succeeded = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = runner
        self._busy = False
        self._finished = False
        self._unseen = False  # finished while hidden (the app was locked meanwhile)
        self._token = CancelToken()  # a fresh one for each start
        self._inputs: list[QWidget] = []  # disabled while the work runs
        self.setMinimumWidth(520)
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.banner = ErrorBanner(self)
        self.form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self._inputs.append(self.passphrase)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.hide()
        self.step = QLabel(self)
        self.step.setObjectName("backupStep")
        self.step.hide()
        self.result = QLabel(self)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        self.start_button = QPushButton(self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._on_start)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.setToolTip(self.tr("Stop; nothing of the unfinished work is kept"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("backupClose")
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.step)
        layout.addWidget(self.result)
        layout.addLayout(buttons)

    # -- state for the owner and tests ------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def finished_ok(self) -> bool:
        return self._finished

    @property
    def needs_showing(self) -> bool:
        """Still working, or finished while hidden and not yet seen."""
        return self._busy or self._unseen

    @property
    def result_text(self) -> str:
        return self.result.text() if not self.result.isHidden() else ""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self._unseen = False
        super().showEvent(event)

    def forget_secrets(self) -> None:
        self.passphrase.clear()

    def reject(self) -> None:
        # Closing never abandons the work unseen: Cancel stops it, else closing waits.
        if not self._busy:
            self.forget_secrets()
            super().reject()

    def cancel(self) -> None:
        """Ask the running work to stop; it ends through `_on_failed` with `Cancelled`."""
        if self._busy and not self._token.cancelled:
            self._token.cancel()
            self.cancel_button.setEnabled(False)
            self.step.setText(self.tr("Cancelling…"))

    def _cancelled_text(self) -> str:
        """What a cancel left behind, for the dialog."""
        raise NotImplementedError

    # -- the work ---------------------------------------------------------------------------

    def _task(self) -> Callable[[], Any] | None:
        """Check the form; return the call to run, or None after showing what is wrong."""
        raise NotImplementedError

    def _success(self, result: Any) -> tuple[str, str]:
        """(text for the dialog, one line for the status bar)."""
        raise NotImplementedError

    def _on_start(self) -> None:
        if self._busy:
            return
        self.banner.clear()
        if not self.passphrase.text():
            self._show_local_error(
                self.tr("Enter your passphrase."),
                self.tr("A backup is encrypted under it, so it is needed here too."),
            )
            self.passphrase.setFocus()
            return
        self._token = CancelToken()
        task = self._task()
        if task is None:
            return
        # The passphrase now belongs to the call; nothing of it stays in the widget.
        self.forget_secrets()
        self._set_busy(True)
        self._runner.submit(task, on_success=self._on_done, on_error=self._on_failed)

    def _on_progress(self, fraction: float, message: str) -> None:
        if self._busy and not self._token.cancelled:
            self.progress.setValue(round(min(max(fraction, 0.0), 1.0) * PROGRESS_STEPS))
            self.step.setText(step_text(message))

    def _on_done(self, result: Any) -> None:
        self._set_busy(False)
        self._finished = True
        self._unseen = not self.isVisible()
        text, line = self._success(result)
        self.progress.setValue(PROGRESS_STEPS)
        self.result.setText(text)
        self.result.show()
        self.start_button.setEnabled(False)
        self.close_button.setFocus()
        self.succeeded.emit(line)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.progress.hide()
        self.step.hide()
        if isinstance(exc, Cancelled):
            self.result.setText(self._cancelled_text())
            self.result.show()
            self._unseen = not self.isVisible()
            self.passphrase.setFocus()  # it was forgotten at the start; a retry needs it
            return
        if isinstance(exc, Locked) or not self.isVisible():
            self.hide()
            self.failed.emit(exc)
            return
        self.banner.show_error(describe(exc))
        if isinstance(exc, WrongPassphrase):
            self.passphrase.setFocus()

    def _show_local_error(self, message: str, remediation: str = "") -> None:
        self.banner.show_error(ErrorText(message, remediation))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in self._inputs:
            widget.setEnabled(not busy)
        self.start_button.setEnabled(not busy and not self._finished)
        self.close_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.result.hide()
            self.progress.setValue(0)
            self.progress.show()
            self.step.setText(self.tr("Starting…"))
            self.step.show()

    def _add_path_row(self, label: str, edit: QLineEdit, browse: Callable[[], None]) -> None:
        """A form row: `label`, then `edit` with a "Browse…" button beside it."""
        button = QPushButton(self.tr("Browse…"), self)
        button.setObjectName(f"{edit.objectName()}Browse")
        button.clicked.connect(browse)
        self._inputs += [edit, button]
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        # A row holding a layout gets no buddy from QFormLayout, and a label without a buddy
        # shows its "&" literally; this one names the field and its Alt key moves there.
        caption = QLabel(label, self)
        caption.setBuddy(edit)
        self.form.addRow(caption, row)

    def _absolute(self, edit: QLineEdit, missing: str) -> Path | None:
        """The path in `edit`, or None after saying what is wrong (`missing` when empty)."""
        text = edit.text().strip()
        if not text:
            self._show_local_error(missing, self.tr("Use “Browse…” to choose it."))
            edit.setFocus()
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            self._show_local_error(
                self.tr("“{path}” is not a full path.").format(path=ltr(text)),
                self.tr("Use “Browse…” to choose it."),
            )
            edit.setFocus()
            return None
        return path
