"""The "Back up…" and "Restore…" actions, and the prompt for a scheduled backup.

Installed into the main window's toolbar by the controller, which tells it when a session
starts (unlock) and ends (lock). Scheduled backups need the passphrase, which Chartside
never stores: when one is due, the backup dialog opens in its scheduled form and asks for
it. "Not now" (or a failure) keeps it quiet until the next unlock; after a scheduled backup
was written, the next one is offered when it falls due.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar

from core.api import BackupStatus, NotesApi
from ui.backup_dialogs import BackupDialog, RestoreDialog
from ui.tasks import TaskRunner

SCHEDULE_CHECK_MS = 15 * 60 * 1000
STATUS_MESSAGE_MS = 10_000


class BackupActions(QObject):
    """Emits `failed` with errors that belong to the controller (e.g. `Locked`)."""

    failed = Signal(object)

    def __init__(
        self,
        api: NotesApi,
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
        return self._open_backup(None)

    def _open_backup(self, scheduled: BackupStatus | None) -> BackupDialog:
        dialog = self.backup_dialog
        if dialog is None or not (dialog.busy or dialog.isVisible()):
            if dialog is not None:
                dialog.deleteLater()
            dialog = BackupDialog(self._api, self._runner, self._window, scheduled=scheduled)
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
        dialog = self.backup_dialog
        if dialog is not None and self.sender() is dialog and dialog.scheduled is not None:
            self._prompted = False  # offer the next one when it falls due
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
        self._runner.submit(self._api.backup_status, on_success=self._on_status)

    def _on_status(self, status: BackupStatus) -> None:
        if status.enabled and not self.schedule_timer.isActive():
            self.schedule_timer.start()
        busy = any(d is not None and d.busy for d in (self.backup_dialog, self.restore_dialog))
        open_ = any(
            d is not None and d.isVisible() for d in (self.backup_dialog, self.restore_dialog)
        )
        if not status.due or self._prompted or busy or open_ or not self._window.isVisible():
            return
        self._prompted = True
        self._open_backup(status)
