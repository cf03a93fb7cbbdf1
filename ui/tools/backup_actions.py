"""The "Back up…" and "Restore…" actions, and scheduled backups.

Scheduled backups run unattended while Chartside is unlocked: the service seals them under
the workspace key it already holds, so no passphrase is asked for or kept, and the
passphrase or the recovery key opens them later. A failure is shown once and retried at
the next unlock; a success is reported in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar

from core.api import BackupStatus, BackupSummary, ChartsideApi
from ui.kit.bidi import ltr
from ui.kit.tasks import TaskRunner
from ui.tools.backup_dialogs import BackupDialog, RestoreDialog

SCHEDULE_CHECK_MS = 15 * 60 * 1000
STATUS_MESSAGE_MS = 10_000


class BackupActions(QObject):
    """Emits `failed` with errors that belong to the controller (e.g. `Locked`)."""

    failed = Signal(object)

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self._api = api
        self._runner = runner
        self._window = window
        self.backup_dialog: BackupDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self._prompted = False  # the scheduled backup was offered in this session

        self.backup_action = QAction(self.tr("&Back up…"), window)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.setToolTip(self.tr("Write an encrypted backup of all notes"))
        self.backup_action.triggered.connect(self.open_backup)
        self.restore_action = QAction(self.tr("&Restore…"), window)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.setToolTip(self.tr("Restore a backup into a new folder"))
        self.restore_action.triggered.connect(self.open_restore)
        toolbar = window.findChild(QToolBar, "mainToolBar")
        if toolbar is None:
            toolbar = window.addToolBar(self.tr("Main"))
        toolbar.addSeparator()
        toolbar.addAction(self.backup_action)
        toolbar.addAction(self.restore_action)

        self.schedule_timer = QTimer(self, interval=SCHEDULE_CHECK_MS)
        self.schedule_timer.timeout.connect(self.check_schedule)

    # -- the actions ------------------------------------------------------------------------

    def open_backup(self) -> BackupDialog:
        return self._open_backup()

    def _open_backup(self) -> BackupDialog:
        dialog = self.backup_dialog
        if dialog is None or not (dialog.busy or dialog.isVisible()):
            if dialog is not None:
                dialog.deleteLater()
            dialog = BackupDialog(self._api, self._runner, self._window)
            dialog.succeeded.connect(self._on_succeeded)
            dialog.failed.connect(self.failed)
            self.backup_dialog = dialog
        self._present(dialog)
        return dialog

    def open_restore(self) -> RestoreDialog:
        dialog = self.restore_dialog
        if dialog is None or not (dialog.busy or dialog.isVisible()):
            if dialog is not None:
                dialog.deleteLater()
            dialog = RestoreDialog(self._api, self._runner, self._window)
            dialog.succeeded.connect(self._on_succeeded)
            dialog.failed.connect(self.failed)
            self.restore_dialog = dialog
        self._present(dialog)
        return dialog

    @staticmethod
    def _present(dialog: BackupDialog | RestoreDialog) -> None:
        # open(): window-modal without a nested event loop (which would stall the runner's
        # results and tests alike).
        if not dialog.isVisible():
            dialog.open()
        dialog.raise_()
        dialog.activateWindow()

    def _on_succeeded(self, message: str) -> None:
        if self._window.isVisible():
            self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    # -- session ----------------------------------------------------------------------------

    def session_started(self) -> None:
        """After unlock: show work that outlived a lock, and check the schedule."""
        self._prompted = False
        for dialog in (self.backup_dialog, self.restore_dialog):
            if dialog is not None and dialog.needs_showing:
                self._present(dialog)
        self.check_schedule()

    def session_ended(self) -> None:
        """On lock or quit: close the dialogs and forget any passphrase typed into them.

        Running work carries on (it is queued before the lock); a dialog that is busy is
        only hidden. An error it meets meanwhile goes to the controller (the unlock
        screen shows it); a success is shown when the dialog reappears after unlock."""
        self.schedule_timer.stop()
        for dialog in (self.backup_dialog, self.restore_dialog):
            if dialog is None:
                continue
            dialog.forget_secrets()
            if dialog.needs_showing:
                dialog.hide()
            else:
                dialog.reject()

    def check_schedule(self) -> None:
        if self._prompted or not self._window.isVisible():
            return
        self._runner.submit(self._api.backups.status, on_success=self._on_status)

    def _on_status(self, status: BackupStatus) -> None:
        if status.enabled and not self.schedule_timer.isActive():
            self.schedule_timer.start()
        busy = any(d is not None and d.busy for d in (self.backup_dialog, self.restore_dialog))
        open_ = any(
            d is not None and d.isVisible() for d in (self.backup_dialog, self.restore_dialog)
        )
        if not status.due or self._prompted or busy or open_ or not self._window.isVisible():
            return
        # Unattended: sealed under the unlocked workspace key, so nobody is asked for the
        # passphrase; the passphrase or the recovery key opens the file later.
        self._prompted = True
        self._runner.submit(
            self._api.backups.scheduled,
            on_success=self._on_scheduled_done,
            on_error=self._on_scheduled_failed,
        )

    def _on_scheduled_done(self, summary: BackupSummary) -> None:
        self._prompted = False  # the next one runs when it falls due
        if self._window.isVisible():
            self._window.statusBar().showMessage(
                self.tr("Scheduled backup written to {path}").format(path=ltr(summary.path)),
                STATUS_MESSAGE_MS,
            )

    def _on_scheduled_failed(self, exc: BaseException) -> None:
        # Stays quiet until the next unlock (self._prompted), but the user hears why once.
        self.failed.emit(exc)
