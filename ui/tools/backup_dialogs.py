"""The backup and restore dialogs.

Each runs one service call (`backup_now`, `run_scheduled_backup` or `restore_copy`) through
`TaskDialog`, with progress. File and folder choosers only fill line edits, which is also
how tests pick paths.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from core.api import BackupStatus, BackupSummary, ChartsideApi, RestoreSummary
from ui.kit.bidi import ltr
from ui.kit.tasks import TaskRunner
from ui.tools.task_dialog import TaskDialog, local_time

BACKUP_FILTER_SUFFIX = "*.chartside-backup"


class BackupDialog(TaskDialog):
    """The "Back up…" dialog: a file name and the passphrase. (Scheduled backups run
    unattended, sealed under the unlocked workspace key: see ui/tools/backup_actions.py.)"""

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(api, runner, parent)
        self.setObjectName("backupDialog")
        self.path = QLineEdit(self)
        self.path.setObjectName("backupPath")
        self.passphrase.setObjectName("backupPassphrase")
        self.start_button.setObjectName("backupStart")
        self.start_button.setText(self.tr("&Back up"))
        self.setWindowTitle(self.tr("Back up your notes"))
        self.intro.setText(
            self.tr(
                "The backup is one encrypted file that holds every client and note. "
                "It opens only with your passphrase. Keep it on another disk."
            )
        )
        self._add_path_row(self.tr("&File:"), self.path, self._browse)
        self._runner.submit(self._api.backups.status, on_success=self._suggest)
        self.form.addRow(self.tr("&Passphrase:"), self.passphrase)

    def _suggest(self, status: BackupStatus) -> None:
        if not self.path.text() and not self._busy:
            self.path.setText(str(status.suggested_path))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the backup as"),
            self.path.text(),
            self.tr("Chartside backups ({pattern})").format(pattern=BACKUP_FILTER_SUFFIX),
        )
        if chosen:
            self.path.setText(chosen)

    def _task(self) -> Callable[[], Any] | None:
        passphrase = self.passphrase.text()
        out = self._absolute(self.path, self.tr("Choose a file for the backup."))
        if out is None:
            return None
        return functools.partial(
            self._api.backups.now, out, passphrase, progress=self._relay.report, cancel=self._token
        )

    def _cancelled_text(self) -> str:
        return self.tr("Cancelled. No backup file was written.")

    def _success(self, result: BackupSummary) -> tuple[str, str]:
        size = QLocale().formattedDataSize(result.size)
        self.close_button.setText(self.tr("Close"))
        self.path.setText(str(result.path))
        text = self.tr("Backup written to {path} ({size}) and checked.").format(
            path=ltr(result.path), size=ltr(size)
        )
        if result.pruned:
            text += "\n" + self.tr("%n older backup(s) were removed.", "", len(result.pruned))
        return text, self.tr("Backup written ({size}).").format(size=ltr(size))


class RestoreDialog(TaskDialog):
    """The "Restore…" dialog: a backup file, a new empty folder, and the passphrase. The
    restored copy is a separate data folder; the notes open now are not touched."""

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(api, runner, parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.intro.setText(
            self.tr(
                "The backup is restored into a new, empty folder and checked record by "
                "record. Your current notes are not changed."
            )
        )
        self.source = QLineEdit(self)
        self.source.setObjectName("restoreSource")
        self.target = QLineEdit(self)
        self.target.setObjectName("restoreTarget")
        self.passphrase.setObjectName("restorePassphrase")
        self.start_button.setObjectName("restoreStart")
        self.start_button.setText(self.tr("&Restore"))
        self._add_path_row(self.tr("&Backup file:"), self.source, self._browse_file)
        self._add_path_row(self.tr("&New folder:"), self.target, self._browse_dir)
        self.form.addRow(self.tr("&Passphrase:"), self.passphrase)

    def _browse_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            self.source.text(),
            self.tr("Chartside backups ({pattern})").format(pattern=BACKUP_FILTER_SUFFIX),
        )
        if chosen:
            self.source.setText(chosen)

    def _browse_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a new, empty folder"), self.target.text()
        )
        if chosen:
            self.target.setText(chosen)

    def _task(self) -> Callable[[], Any] | None:
        source = self._absolute(self.source, self.tr("Choose the backup file."))
        if source is None:
            return None
        target = self._absolute(self.target, self.tr("Choose a new, empty folder."))
        if target is None:
            return None
        return functools.partial(
            self._api.backups.restore_copy,
            source,
            target,
            self.passphrase.text(),
            progress=self._relay.report,
            cancel=self._token,
        )

    def _cancelled_text(self) -> str:
        return self.tr("Cancelled. Nothing was restored, and nothing was left in the folder.")

    def _success(self, result: RestoreSummary) -> tuple[str, str]:
        folder = str(result.data_dir)
        # On a line of its own, so it reads left to right; no isolate marks in it, because
        # it is meant to be copied into a shell as it is.
        command = f'chartside --data-dir "{folder}"'
        text = self.tr(
            "The backup made {created} was restored into {folder} and checked: every record "
            "and note matches the backup.\n\n"
            "Chartside still shows your current notes. To open the restored copy, quit and "
            "start Chartside with:\n    {command}\n"
            "or set the environment variable CHARTSIDE_DATA_DIR to that folder."
        ).format(created=ltr(local_time(result.created_at)), folder=ltr(folder), command=command)
        return text, self.tr("Backup restored into {folder}.").format(folder=ltr(folder))
