"""Scheduled backups: when one is due (fake clock), retention, and the service method that
writes one for real into the configured folder."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from core.backup.format import MAGIC, BackupError, backup_file_name
from core.backup.schedule import backup_time, last_backup, run_scheduled, status
from core.errors import Locked, WrongPassphrase
from core.services.service import ChartsideService
from core.settings import BackupSettings

T0 = dt.datetime(2026, 1, 5, 8, 30, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def fake_backup(path: Path, when: dt.datetime) -> Path:
    """A file that prune_backups accepts as a backup, with its mtime at `when`."""
    path.write_bytes(MAGIC + b"fake body")
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))
    return path


def dated(folder: Path, when: dt.datetime) -> Path:
    return fake_backup(folder / backup_file_name(when), when)


def writer(clock: FakeClock) -> Callable[[Path], Path]:
    return lambda out: fake_backup(out, clock())


def settings(folder: Path | None, every_hours: int = 24, keep: int = 3) -> BackupSettings:
    return BackupSettings(every_hours=every_hours, keep=keep, folder=folder)


# -- names ------------------------------------------------------------------------------
def test_the_time_is_read_back_from_the_file_name() -> None:
    assert backup_time(backup_file_name(T0)) == T0
    assert backup_time("chartside-20260105-083000.chartside-backup") == T0
    for other in (
        "notes.chartside-backup",
        "chartside-20260105-083000.chartside-backup.tmp",
        "chartside-20261399-083000.chartside-backup",  # month 13: not a time
        "xchartside-20260105-083000.chartside-backup",
    ):
        assert backup_time(other) is None


# -- when is one due --------------------------------------------------------------------
def test_every_hours_zero_means_never(tmp_path: Path) -> None:
    clock = FakeClock()
    for _ in range(5):
        s = status(settings(tmp_path, every_hours=0), clock())
        assert not s.due and not s.enabled and s.next_due is None
        clock.advance(days=400)


def test_without_a_folder_nothing_is_scheduled(tmp_path: Path) -> None:
    s = status(settings(None), T0, home=tmp_path)
    assert not s.due and not s.enabled
    assert s.suggested_path == tmp_path / "chartside-20260105-083000.chartside-backup"


def test_an_empty_folder_is_due_at_once(tmp_path: Path) -> None:
    s = status(settings(tmp_path), T0)
    assert s.due and s.enabled and s.last is None and s.next_due == T0
    assert s.suggested_path == tmp_path / backup_file_name(T0)


def test_not_due_before_the_interval_and_due_after(tmp_path: Path) -> None:
    clock = FakeClock()
    fake_backup(tmp_path / backup_file_name(clock()), clock())
    clock.advance(hours=23, minutes=59, seconds=59)
    s = status(settings(tmp_path, every_hours=24), clock())
    assert not s.due and s.last == T0 and s.next_due == T0 + dt.timedelta(hours=24)
    clock.advance(seconds=1)
    assert status(settings(tmp_path, every_hours=24), clock()).due


def test_local_time_input_is_compared_in_utc(tmp_path: Path) -> None:
    dated(tmp_path, T0)
    cfg = settings(tmp_path, every_hours=2)
    local = dt.datetime(2026, 1, 5, 11, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    # 11:30 at UTC+2 is 09:30 UTC: one hour after the backup, so not yet due.
    assert not status(cfg, local).due
    assert status(cfg, local + dt.timedelta(hours=1)).due


def test_a_name_from_the_future_does_not_postpone_backups(tmp_path: Path) -> None:
    future = T0 + dt.timedelta(days=30)  # the clock was set back after this one
    fake_backup(tmp_path / backup_file_name(future), future)
    assert last_backup(tmp_path, T0) is None
    assert status(settings(tmp_path), T0).due


def test_a_missing_folder_has_no_backups(tmp_path: Path) -> None:
    assert last_backup(tmp_path / "unplugged", T0) is None


# -- writing and retention --------------------------------------------------------------
def test_a_week_of_hourly_checks_makes_daily_backups_and_keeps_exactly_keep(
    tmp_path: Path,
) -> None:
    (tmp_path / "notes.txt").write_text("not a backup")
    clock = FakeClock()
    cfg = settings(tmp_path, every_hours=24, keep=3)
    made: list[Path] = []
    for _ in range(7 * 24):
        if status(cfg, clock()).due:
            path, _pruned = run_scheduled(cfg, clock(), writer(clock))
            made.append(path)
        clock.advance(hours=1)
    assert len(made) == 7
    assert [backup_time(p.name) for p in made] == [T0 + dt.timedelta(days=d) for d in range(7)]
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([p.name for p in made[-3:]] + ["notes.txt"])


def test_retention_reports_what_it_removed(tmp_path: Path) -> None:
    clock = FakeClock()
    old = [
        fake_backup(
            tmp_path / backup_file_name(T0 - dt.timedelta(days=d)), T0 - dt.timedelta(days=d)
        )
        for d in (3, 2, 1)
    ]
    path, pruned = run_scheduled(settings(tmp_path, keep=2), clock(), writer(clock))
    assert path == tmp_path / backup_file_name(T0)
    assert sorted(pruned) == sorted(old[:2])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([old[2].name, path.name])


def test_a_failed_write_prunes_nothing(tmp_path: Path) -> None:
    old = [fake_backup(tmp_path / f"b{i}.chartside-backup", T0) for i in range(3)]

    def failing(out: Path) -> Path:
        raise BackupError("disk full")

    with pytest.raises(BackupError, match="disk full"):
        run_scheduled(settings(tmp_path, keep=1), T0, failing)
    assert all(p.exists() for p in old)


def test_no_folder_or_a_missing_one_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    def never(out: Path) -> Path:
        raise AssertionError("must not write")

    with pytest.raises(BackupError, match="no backup folder"):
        run_scheduled(settings(None), T0, never)
    missing = tmp_path / "unplugged-disk"
    with pytest.raises(BackupError, match="does not exist") as info:
        run_scheduled(settings(missing), T0, never)
    assert "Connect the backup disk" in info.value.remediation
    assert not missing.exists()


# -- the service method, for real -------------------------------------------------------
def test_service_writes_a_scheduled_backup_into_the_folder_and_prunes(
    service_factory: Callable[..., ChartsideService], passphrase: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    svc = service_factory(backup={"every_hours": 24, "keep": 2, "folder": str(folder)})
    svc.initialise(passphrase)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    old = [
        fake_backup(
            folder / backup_file_name(now - dt.timedelta(days=d)), now - dt.timedelta(days=d)
        )
        for d in (3, 2)
    ]
    assert svc.backups.status(now).due

    with pytest.raises(WrongPassphrase):
        svc.backups.scheduled(passphrase + "x", now=now)
    assert sorted(folder.iterdir()) == sorted(old)  # nothing written, nothing pruned

    seen: list[float] = []
    made = svc.backups.scheduled(passphrase, lambda f, m: seen.append(f), now=now)
    assert made.path == folder / backup_file_name(now)
    assert made.size == made.path.stat().st_size > 0
    assert made.pruned == (old[0],)
    assert sorted(folder.iterdir()) == sorted([old[1], made.path])
    assert seen and seen[-1] == 1.0
    after = svc.backups.status(now + dt.timedelta(hours=1))
    assert not after.due and after.last == now

    svc.lock()
    with pytest.raises(Locked):
        svc.backups.scheduled(passphrase, now=now + dt.timedelta(days=2))


def test_unattended_scheduled_backup_needs_no_passphrase_and_restores_with_either_secret(
    service_factory: Callable[..., ChartsideService], passphrase: str, tmp_path: Path
) -> None:
    from core.backup.archive import BackupUnsupported, verify_backup
    from core.domain import ClientData, SessionData

    folder = tmp_path / "backups"
    folder.mkdir()
    svc = service_factory(backup={"every_hours": 24, "keep": 2, "folder": str(folder)})
    recovery = svc.initialise(passphrase)
    c = svc.notes.create_client(ClientData(full_name="Sealed Client", notes="kept safe"))
    svc.notes.create_session(c.id, SessionData(date="2024-04-04", plan="walk"))
    made = svc.backups.scheduled(now=dt.datetime.now(dt.UTC))  # no passphrase at all
    blob = made.path.read_bytes()
    assert b"Sealed Client" not in blob and b"kept safe" not in blob
    keys = svc.session.keys.keys(svc.require_workspace())
    assert keys.master not in blob and all(d not in blob for d in keys.data.values())
    assert "sealed" in [
        e["details"].get("mode") for e in svc.health.audit_export() if e["action"] == "backup"
    ]

    with pytest.raises(WrongPassphrase):
        verify_backup(made.path, "not the passphrase")
    original = svc.notes.export_doc()
    for i, secret in enumerate((passphrase, recovery)):
        summary = svc.backups.restore_copy(made.path, tmp_path / f"restored-{i}", secret)
        assert summary.tables["clients"] == 1
        restored = ChartsideService(
            svc.settings.model_copy(update={"data_dir": tmp_path / f"restored-{i}"}),
            svc.store.migrations_dir,
        )
        try:
            restored.unlock(passphrase)
            assert restored.notes.export_doc() == original
        finally:
            restored.close()

    # A store with several workspaces is backed up by hand, with the passphrase.
    from core.records import workspaces as w

    w.create_workspace(svc.db, "Second", "another passphrase", svc.settings.crypto, "dr.x")
    with pytest.raises(BackupUnsupported, match="one workspace"):
        svc.backups.scheduled(now=dt.datetime.now(dt.UTC) + dt.timedelta(days=3))
