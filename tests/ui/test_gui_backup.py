"""Backup and restore from the GUI: the dialogs, progress off the GUI thread, refusals, the
scheduled-backup prompt, and a real backup and restore through the dialogs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from core.api import ChartsideApi
from core.domain import ClientData, SessionData
from ui.access.unlock import Mode
from ui.tools.backup_dialogs import BackupDialog, RestoreDialog
from ui.tools.task_dialog import PROGRESS_STEPS

MakeGui = Callable[[ChartsideApi], GuiDriver]
REAL_TIMEOUT_MS = 180_000


def unlocked_gui(make_gui: MakeGui, api: ChartsideApi, passphrase: str) -> GuiDriver:
    driver = make_gui(api)
    driver.unlock(passphrase)
    return driver


def open_backup(driver: GuiDriver) -> BackupDialog:
    driver.controller.backups.backup_action.trigger()
    dialog = driver.controller.backups.backup_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def open_restore(driver: GuiDriver) -> RestoreDialog:
    driver.controller.backups.restore_action.trigger()
    dialog = driver.controller.backups.restore_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def finish(driver: GuiDriver, dialog: BackupDialog | RestoreDialog, timeout: int) -> None:
    """Wait until the dialog's work is over, successful or not."""
    driver.wait_until(lambda: not dialog.busy, timeout=timeout)
    driver.settle()


def start_backup(driver: GuiDriver, dialog: BackupDialog, out: Path, passphrase: str) -> None:
    dialog.path.setText(str(out))
    dialog.passphrase.setText(passphrase)
    driver.click(dialog.start_button)


def start_restore(
    driver: GuiDriver, dialog: RestoreDialog, source: Path, target: Path, passphrase: str
) -> None:
    dialog.source.setText(str(source))
    dialog.target.setText(str(target))
    dialog.passphrase.setText(passphrase)
    driver.click(dialog.start_button)


# -- with the fake service --------------------------------------------------------------
def test_backup_runs_off_the_gui_thread_with_progress_and_the_window_stays_live(
    make_gui: MakeGui, fake_api: FakeChartsideApi, qtbot: QtBot, tmp_path: Path
) -> None:
    driver = unlocked_gui(make_gui, fake_api, FAKE_PASSPHRASE)
    dialog = open_backup(driver)
    driver.wait_until(lambda: dialog.path.text().endswith(".chartside-backup"))  # suggested
    fake_api.backup_gate = threading.Event()
    out = tmp_path / "b.chartside-backup"
    start_backup(driver, dialog, out, FAKE_PASSPHRASE)

    # Halfway: busy, determinate, the passphrase already gone from the widget...
    driver.wait_until(lambda: dialog.progress.value() == PROGRESS_STEPS // 2)
    assert dialog.busy and dialog.progress.isVisible() and dialog.progress.maximum() > 0
    assert dialog.step.text() == "Writing the backup"
    assert dialog.passphrase.text() == "" and not dialog.passphrase.isEnabled()
    assert not dialog.start_button.isEnabled() and not dialog.close_button.isEnabled()
    dialog.reject()  # closing waits for the work
    assert dialog.isVisible()
    # ...and the GUI thread keeps running its event loop while the worker is blocked.
    ticks: list[int] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    driver.wait_until(lambda: len(ticks) >= 5, timeout=5000)
    timer.stop()
    driver.window.client_filter.setText("still typing")  # the window takes input meanwhile
    assert dialog.busy and not out.exists()

    fake_api.backup_gate.set()
    finish(driver, dialog, 10_000)
    assert dialog.finished_ok and out.exists()
    assert str(out) in dialog.result_text and "B" in dialog.result_text  # the size, e.g. 1.2 KB
    assert dialog.progress.value() == PROGRESS_STEPS
    assert driver.window.statusBar().currentMessage().startswith("Backup written")
    gui_thread = threading.get_ident()
    assert all(t != gui_thread for name, t in fake_api.calls if name == "backup_now")
    assert fake_api.called("backup_now") == 1


def test_backup_errors_show_in_the_dialog_and_the_user_can_retry(
    make_gui: MakeGui, fake_api: FakeChartsideApi, tmp_path: Path
) -> None:
    driver = unlocked_gui(make_gui, fake_api, FAKE_PASSPHRASE)
    dialog = open_backup(driver)
    out = tmp_path / "b.chartside-backup"

    driver.click(dialog.start_button)  # no passphrase: checked before any call
    assert "passphrase" in dialog.banner.text
    dialog.path.setText("relative/b.chartside-backup")
    dialog.passphrase.setText("whatever")
    driver.click(dialog.start_button)
    assert "full path" in dialog.banner.text
    assert fake_api.called("backup_now") == 0

    start_backup(driver, dialog, out, "wrong passphrase")
    finish(driver, dialog, 10_000)
    assert "passphrase is wrong" in dialog.banner.text and "Check the passphrase" in (
        dialog.banner.text
    )
    assert not out.exists() and not dialog.finished_ok and dialog.start_button.isEnabled()
    assert driver.window.banner.text == ""  # shown where the user is looking

    out.write_bytes(b"already here")
    start_backup(driver, dialog, out, FAKE_PASSPHRASE)
    finish(driver, dialog, 10_000)
    assert "already exists" in dialog.banner.text
    assert out.read_bytes() == b"already here"

    start_backup(driver, dialog, tmp_path / "c.chartside-backup", FAKE_PASSPHRASE)
    finish(driver, dialog, 10_000)
    assert dialog.finished_ok and dialog.banner.text == ""


def test_locked_during_a_backup_goes_back_to_the_unlock_screen(
    make_gui: MakeGui, fake_api: FakeChartsideApi, tmp_path: Path
) -> None:
    driver = unlocked_gui(make_gui, fake_api, FAKE_PASSPHRASE)
    dialog = open_backup(driver)
    driver.settle()
    fake_api.lock()  # the service locked itself (idle) behind the GUI's back
    start_backup(driver, dialog, tmp_path / "b.chartside-backup", "anything")
    driver.wait_dialog(Mode.UNLOCK)
    assert not dialog.isVisible() and driver.window.isHidden()
    assert "locked" in driver.dialog.error_text


def test_locking_closes_the_dialogs_and_forgets_the_passphrase(
    make_gui: MakeGui, fake_api: FakeChartsideApi, tmp_path: Path
) -> None:
    driver = unlocked_gui(make_gui, fake_api, FAKE_PASSPHRASE)
    backup = open_backup(driver)
    backup.passphrase.setText("typed but not used")
    restore = open_restore(driver)
    restore.passphrase.setText("typed too")
    driver.lock()
    assert not backup.isVisible() and not restore.isVisible()
    assert backup.passphrase.text() == "" and restore.passphrase.text() == ""


def test_a_backup_running_at_lock_finishes_and_reappears_after_unlock(
    make_gui: MakeGui, fake_api: FakeChartsideApi, tmp_path: Path
) -> None:
    passphrase = FAKE_PASSPHRASE
    driver = unlocked_gui(make_gui, fake_api, passphrase)
    dialog = open_backup(driver)
    fake_api.backup_gate = threading.Event()
    out = tmp_path / "b.chartside-backup"
    start_backup(driver, dialog, out, passphrase)
    driver.wait_until(lambda: dialog.progress.value() > 0)
    driver.window.lock_action.trigger()
    driver.wait_until(lambda: driver.controller.unlock_dialog is not None)
    assert not dialog.isVisible() and dialog.busy  # no window over the unlock screen
    fake_api.backup_gate.set()
    driver.wait_until(lambda: not dialog.busy)
    assert out.exists() and dialog.finished_ok and not dialog.isVisible()
    driver.unlock(passphrase)
    # The outcome was not lost: the dialog comes back with it.
    assert dialog.isVisible() and str(out) in dialog.result_text
    driver.click(dialog.close_button)
    driver.lock()
    driver.unlock(passphrase)
    assert not dialog.isVisible()  # seen once is enough


def test_restore_refusals_and_success_message(
    make_gui: MakeGui, fake_api: FakeChartsideApi, tmp_path: Path
) -> None:
    passphrase = FAKE_PASSPHRASE
    driver = unlocked_gui(make_gui, fake_api, passphrase)
    source = tmp_path / "b.chartside-backup"
    source.write_bytes(b"fake")
    dialog = open_restore(driver)
    driver.click(dialog.start_button)
    assert "passphrase" in dialog.banner.text
    dialog.passphrase.setText(passphrase)
    driver.click(dialog.start_button)
    assert "backup file" in dialog.banner.text
    assert fake_api.called("restore_copy") == 0

    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "mine.txt").write_text("keep me")
    start_restore(driver, dialog, source, occupied, passphrase)
    finish(driver, dialog, 10_000)
    assert "not an empty folder" in dialog.banner.text
    assert [p.name for p in occupied.iterdir()] == ["mine.txt"]

    target = tmp_path / "restored"
    start_restore(driver, dialog, source, target, passphrase)
    finish(driver, dialog, 10_000)
    assert dialog.finished_ok and dialog.banner.text == ""
    assert f'chartside --data-dir "{target}"' in dialog.result_text
    assert "CHARTSIDE_DATA_DIR" in dialog.result_text


def test_a_due_scheduled_backup_runs_unattended_once_per_due_time(
    make_gui: MakeGui, fake_api: FakeChartsideApi, tmp_path: Path
) -> None:
    passphrase = FAKE_PASSPHRASE
    fake_api.backup_status_value = dataclasses.replace(
        fake_api.backup_status_value,
        every_hours=24,
        folder=tmp_path,
        suggested_path=tmp_path / "chartside-20260105-083000.chartside-backup",
        last=dt.datetime(2026, 1, 4, 8, 0, tzinfo=dt.UTC),
        due=True,
    )
    driver = unlocked_gui(make_gui, fake_api, passphrase)
    backups = driver.controller.backups
    driver.wait_until(lambda: fake_api.called("run_scheduled_backup") == 1)
    driver.settle()
    assert backups.backup_dialog is None  # nobody was asked for anything
    assert "Scheduled backup written" in driver.window.statusBar().currentMessage()
    assert len(list(tmp_path.glob("chartside-*.chartside-backup"))) == 1
    assert backups.schedule_timer.isActive()

    fake_api.backup_status_value = dataclasses.replace(fake_api.backup_status_value, due=False)
    backups.check_schedule()
    driver.settle()
    assert fake_api.called("run_scheduled_backup") == 1  # not due: nothing more


def test_nothing_is_offered_when_no_backup_is_due(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver = unlocked_gui(make_gui, fake_api, FAKE_PASSPHRASE)
    driver.wait_until(lambda: fake_api.called("backup_status") >= 1)
    driver.settle()
    assert driver.controller.backups.backup_dialog is None
    assert not driver.controller.backups.schedule_timer.isActive()  # every_hours = 0


# -- with the real service --------------------------------------------------------------
def test_real_backup_and_restore_through_the_dialogs_give_the_same_notes(
    notes_api: ChartsideApi, passphrase: str, make_gui: MakeGui, tmp_path: Path
) -> None:
    from app.compose import migrations_dir
    from core.services.service import ChartsideService
    from tests.conftest import make_settings

    notes_api.unlock(passphrase)
    client = notes_api.notes.create_client(
        ClientData(full_name="Ada Backup", medical_history="Asthma.\nאסתמה מגיל צעיר.")
    )
    notes_api.notes.create_session(
        client.id,
        SessionData(date="2024-03-02T10:00:00", subjective="כאב גב", plan="Review in 2 weeks."),
    )
    notes_api.lock()
    driver = unlocked_gui(make_gui, notes_api, passphrase)

    backup = open_backup(driver)
    steps: list[int] = []
    backup.progress.valueChanged.connect(steps.append)
    out = tmp_path / "practice.chartside-backup"
    start_backup(driver, backup, out, passphrase)
    finish(driver, backup, REAL_TIMEOUT_MS)
    assert backup.banner.text == "" and backup.finished_ok, backup.banner.text
    assert out.is_file() and str(out) in backup.result_text
    assert steps == sorted(steps) and steps[-1] == PROGRESS_STEPS
    assert any(0 < v < PROGRESS_STEPS for v in steps)  # determinate, fed by core

    restore = open_restore(driver)
    target = tmp_path / "restored"
    start_restore(driver, restore, out, target, passphrase + "x")  # wrong passphrase
    finish(driver, restore, REAL_TIMEOUT_MS)
    assert "passphrase" in restore.banner.text.lower() and not target.exists()

    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "mine.txt").write_text("keep me")
    start_restore(driver, restore, out, occupied, passphrase)
    finish(driver, restore, REAL_TIMEOUT_MS)
    assert "not an empty folder" in restore.banner.text
    assert [p.name for p in occupied.iterdir()] == ["mine.txt"]

    inside = notes_api.settings.data_dir / "copy"  # type: ignore[attr-defined]
    start_restore(driver, restore, out, inside, passphrase)
    finish(driver, restore, REAL_TIMEOUT_MS)
    assert "inside the data folder in use" in restore.banner.text and not inside.exists()

    start_restore(driver, restore, out, target, passphrase)
    finish(driver, restore, REAL_TIMEOUT_MS)
    assert restore.finished_ok and restore.banner.text == "", restore.banner.text
    assert f'chartside --data-dir "{target}"' in restore.result_text

    driver.controller.shutdown(close_api=False)
    original = notes_api.notes.export_doc()  # type: ignore[attr-defined]
    notes_api.lock()
    again = ChartsideService(make_settings(target), migrations_dir())
    try:
        again.unlock(passphrase)
        assert again.notes.export_doc() == original
        assert [c.full_name for c in again.notes.list_clients()] == ["Ada Backup"]
    finally:
        again.close()


def test_cancel_stops_a_real_backup_and_writes_nothing(
    notes_api: ChartsideApi, passphrase: str, make_gui: MakeGui, tmp_path: Path
) -> None:
    """Cancel, shown only while the work runs, trips the token the service checks: the
    real backup stops, no file is left, and the dialog says so and allows a retry."""
    notes_api.unlock(passphrase)
    notes_api.notes.create_client(ClientData(full_name="Cleo Cancel", medical_history="Asthma."))
    notes_api.lock()
    driver = unlocked_gui(make_gui, notes_api, passphrase)
    dialog = open_backup(driver)
    assert dialog.cancel_button.isHidden()

    # The worker waits at its first report until Cancel is pressed, so the press comes
    # while the backup is surely still running.
    pressed = threading.Event()
    report = dialog._relay.report

    def held(fraction: float, message: str) -> None:
        report(fraction, message)
        assert pressed.wait(REAL_TIMEOUT_MS / 1000)

    dialog._relay.report = held  # type: ignore[method-assign]
    out = tmp_path / "cancelled.chartside-backup"
    start_backup(driver, dialog, out, passphrase)
    driver.wait_until(lambda: dialog.busy and dialog.cancel_button.isVisible())
    driver.click(dialog.cancel_button)
    assert not dialog.cancel_button.isEnabled()
    pressed.set()
    finish(driver, dialog, REAL_TIMEOUT_MS)
    assert not out.exists() and list(tmp_path.glob("*.chartside-backup*")) == []
    assert "No backup file was written" in dialog.result_text, dialog.result_text
    assert dialog.banner.text == "" and not dialog.finished_ok
    assert dialog.cancel_button.isHidden() and dialog.start_button.isEnabled()

    dialog._relay.report = report  # type: ignore[method-assign]
    start_backup(driver, dialog, out, passphrase)  # a retry runs to the end
    finish(driver, dialog, REAL_TIMEOUT_MS)
    assert dialog.finished_ok and out.is_file(), dialog.banner.text
