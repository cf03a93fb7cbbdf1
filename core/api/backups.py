"""The backups part's Protocol (`ChartsideApi.backups`) and what it returns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from core.backup.schedule import BackupStatus
from core.progress import CancelToken, Progress


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    size: int  # bytes on disk
    created_at: str  # ISO 8601, UTC, as in the manifest
    pruned: tuple[Path, ...] = ()  # scheduled backups that retention removed


@dataclass(frozen=True)
class RestoreSummary:
    data_dir: Path  # where the restored, checked copy now lives (closed)
    created_at: str  # when the backup was made
    tables: dict[str, int]


class BackupsPart(Protocol):
    """Encrypted backups of the workspace, and restoring one (`ChartsideApi.backups`)."""

    def status(self) -> BackupStatus:
        """Where a backup would go now, and whether a scheduled one is due."""
        ...

    def now(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupSummary:
        """Write an encrypted, checked backup to `out`; the file is encrypted under the
        passphrase. Raises `WrongPassphrase` and writes nothing when it is wrong; `cancel`
        raises `Cancelled` and writes nothing either."""
        ...

    def scheduled(
        self,
        passphrase: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupSummary:
        """Write a backup into the configured folder, then keep only the newest `keep`.
        Without a passphrase it is sealed under the unlocked workspace key (unattended).
        Cancelled, it writes nothing and removes no older backup."""
        ...

    def restore_copy(
        self,
        source: Path,
        target_dir: Path,
        passphrase: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> RestoreSummary:
        """Restore a backup into `target_dir` (new or empty) as a separate data dir, check
        it, and close it again. This service's own data is not touched. On any failure, or
        on `cancel` (raising `Cancelled`), nothing is left in `target_dir`."""
        ...
