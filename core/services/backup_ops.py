"""Backup and restore on the session (the work itself is in `core.backup`), each recorded
in the audit log like any other export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.api import BackupSummary, RestoreSummary
from core.backup import archive as backup
from core.backup import schedule
from core.errors import Locked, WrongPassphrase
from core.messages import Message
from core.progress import CancelToken, Progress
from core.records import workspaces as w
from core.services.access import Access
from core.services.session import WorkspaceSession


class BackupService:
    """Backs up the session's database and restores one into a new data dir."""

    def __init__(self, session: WorkspaceSession, access: Access) -> None:
        """`access` proves the passphrase again before a backup, and unlocks a restore."""
        self.session = session
        self.settings = session.settings
        self.access = access

    def backup(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> backup.BackupResult:
        """An encrypted, checked backup; recorded in the audit log like any other export.
        The passphrase is proven again, for the practitioner at the keyboard."""
        s = self.session
        self.access.unlock(passphrase, username=s.actor if s.unlocked else None)
        result = backup.create_backup(
            s.store, out, passphrase, overwrite=overwrite, progress=s.busy(progress), cancel=cancel
        )
        s.run(
            lambda c, k: None,
            "backup",
            details=lambda _: {"bytes": result.size, "tables": result.manifest.tables},
        )
        return result

    def restore(
        self,
        source: Path,
        passphrase: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> backup.Manifest:
        """Restore into this session's (new, empty) data dir, check it, then unlock it.
        A sealed (scheduled) backup also opens with the recovery key."""
        manifest = backup.restore_backup(
            source,
            self.settings,
            self.session.store.migrations_dir,
            passphrase,
            progress=progress,
            cancel=cancel,
        )
        try:
            self.access.unlock(passphrase)
        except WrongPassphrase:
            self.access.unlock(recovery_key=passphrase)
        self.session.run(
            lambda c, k: None,
            "restore",
            details=lambda _: {"tables": manifest.tables, "created_at": manifest.created_at},
        )
        return manifest

    # -- for front ends (thin; see core.backup.schedule) --------------------------------
    def status(self, now: dt.datetime | None = None) -> schedule.BackupStatus:
        return schedule.status(self.settings.backup, now or schedule.utc_now())

    def now(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupSummary:
        r = self.backup(
            Path(out), passphrase, overwrite=overwrite, progress=progress, cancel=cancel
        )
        return BackupSummary(r.path, r.size, r.manifest.created_at)

    def scheduled(
        self,
        passphrase: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        now: dt.datetime | None = None,
    ) -> BackupSummary:
        """Only while unlocked. Without a passphrase the backup is sealed under the unlocked
        workspace key (unattended); the passphrase or the recovery key opens it later."""
        if not self.session.unlocked:
            raise Locked()

        def write(out: Path) -> BackupSummary:
            if passphrase is None:
                return self._sealed_backup(out, progress, cancel)
            return self.now(out, passphrase, progress=progress, cancel=cancel)

        made, pruned = schedule.run_scheduled(
            self.settings.backup, now or schedule.utc_now(), write
        )
        return BackupSummary(made.path, made.size, made.created_at, tuple(pruned))

    def _sealed_backup(
        self, out: Path, progress: Progress | None, cancel: CancelToken | None
    ) -> BackupSummary:
        s = self.session
        ws = s.require_workspace()
        keys = s.keys.keys(ws)
        wrappers = s.run(lambda c, k: w.master_wrappers(c, ws))
        sealed = backup.Sealed(str(ws), keys.master, wrappers)
        result = backup.create_backup(
            s.store,
            out,
            None,
            progress=s.busy(progress),
            cancel=cancel,
            sealed=(sealed, s.cipher()),
        )
        s.run(
            lambda c, k: None,
            "backup",
            details=lambda _: {
                "bytes": result.size,
                "tables": result.manifest.tables,
                "mode": "sealed",
            },
        )
        return BackupSummary(result.path, result.size, result.manifest.created_at)

    def restore_copy(
        self,
        source: Path,
        target_dir: Path,
        passphrase: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> RestoreSummary:
        """Restore into another (new, empty) data dir, through a session of its own."""
        target = Path(target_dir).expanduser().absolute()
        live = self.settings.data_dir.expanduser().absolute()
        if target == live or live in target.parents:
            raise backup.RestoreTargetNotEmpty(
                Message("backup.target_inside_data_folder", path=target)
            )
        settings = self.settings.model_copy(update={"data_dir": target})
        other = WorkspaceSession.open(settings, self.session.store.migrations_dir)
        try:
            manifest = BackupService(other, Access(other)).restore(
                Path(source), passphrase, progress=progress, cancel=cancel
            )
        finally:
            other.close()
        return RestoreSummary(target, manifest.created_at, dict(manifest.tables))
