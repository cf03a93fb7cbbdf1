"""Scheduled backups with retention: when is one due, where does it go, what is kept.

Pure logic with an injected clock; the service supplies the writer (`BackupService.now`), so this
module never touches the database or a secret. A folder's scheduled backups are recognised
by the name `backup_file_name` gives them (chartside-YYYYMMDD-HHMMSS, in UTC so that names
sort by time across daylight-saving changes); a backup is due when the newest of them is
`every_hours` old or older. Retention is `prune_backups`: the `keep` newest backups in the
folder stay, everything else that is a Chartside backup goes.

The passphrase is not stored anywhere: a scheduled backup runs only when a front end passes
it in (the GUI asks for it when one is due), because the backup file is encrypted under it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from core.backup.format import BACKUP_SUFFIX, backup_file_name, prune_backups
from core.errors import BackupError
from core.messages import Message
from core.settings import BackupSettings

T = TypeVar("T")
WallClock = Callable[[], dt.datetime]

_NAME = re.compile(r"^chartside-(\d{8}-\d{6})" + re.escape(BACKUP_SUFFIX) + r"$")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class BackupStatus:
    """What a front end needs to offer a backup and to know whether one is due."""

    every_hours: int  # 0: scheduled backups are off
    keep: int
    folder: Path | None  # the configured folder; None when not set
    suggested_path: Path  # a new file name in the folder (or the home folder)
    last: dt.datetime | None  # the newest scheduled backup in the folder (UTC)
    next_due: dt.datetime | None  # None when off or when there is no folder
    due: bool

    @property
    def enabled(self) -> bool:
        return self.every_hours > 0 and self.folder is not None


def backup_time(name: str) -> dt.datetime | None:
    """The UTC time encoded in a scheduled backup's file name; None for any other name."""
    m = _NAME.match(name)
    if m is None:
        return None
    try:
        return dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def last_backup(folder: Path, now: dt.datetime) -> dt.datetime | None:
    """The newest scheduled backup in `folder` that is not dated after `now`.

    A name from the future (the clock was set back) is ignored: trusting it would postpone
    every backup until that time. A missing folder has no backups."""
    if not folder.is_dir():
        return None
    times = [
        t
        for p in folder.iterdir()
        if (t := backup_time(p.name)) is not None
        and t <= now
        and p.is_file()
        and not p.is_symlink()
    ]
    return max(times, default=None)


def configured_folder(settings: BackupSettings) -> Path | None:
    return settings.folder.expanduser() if settings.folder is not None else None


def scheduled_path(folder: Path, now: dt.datetime) -> Path:
    return folder / backup_file_name(now.astimezone(dt.UTC))


def status(settings: BackupSettings, now: dt.datetime, home: Path | None = None) -> BackupStatus:
    """Whether a scheduled backup is due at `now` (aware), and where a backup would go.

    `every_hours == 0` means never; without a folder nothing is scheduled either (a backup
    belongs on another disk, which only the user or IT can name)."""
    now = now.astimezone(dt.UTC)
    folder = configured_folder(settings)
    base = folder if folder is not None else (home or Path.home())
    suggested = scheduled_path(base, now)
    if settings.every_hours <= 0 or folder is None:
        last = last_backup(folder, now) if folder is not None else None
        return BackupStatus(
            settings.every_hours, settings.keep, folder, suggested, last, None, False
        )
    last = last_backup(folder, now)
    interval = dt.timedelta(hours=settings.every_hours)
    next_due = now if last is None else last + interval
    return BackupStatus(
        settings.every_hours, settings.keep, folder, suggested, last, next_due, now >= next_due
    )


def run_scheduled(
    settings: BackupSettings, now: dt.datetime, write: Callable[[Path], T]
) -> tuple[T, list[Path]]:
    """Write a backup into the folder with `write(path)`, then prune to `keep`.

    Runs whether or not it is due (the caller asked); returns what `write` returned and the
    files that retention removed. Nothing is pruned when the write fails, so a failing disk
    never costs the backups that are already there."""
    folder = configured_folder(settings)
    if folder is None:
        raise BackupError(
            Message("backup.no_backup_folder_set"),
            remediation=Message("backup.set_backup_folder"),
        )
    if not folder.is_dir():
        # Not created here: a missing folder is often an unplugged disk, and creating it
        # would put the backup on the computer's own disk instead.
        raise BackupError(
            Message("backup.backup_folder_missing", path=folder),
            remediation=Message("backup.connect_disk_or_create_folder"),
        )
    result = write(scheduled_path(folder, now))
    return result, prune_backups(folder, settings.keep)
