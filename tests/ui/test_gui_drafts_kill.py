"""Issue 14: an unsaved SOAP edit survives the real app being killed (kill -9) or logged out
(SIGTERM, SIGHUP), comes back as a draft after unlock, and never lands on disk as plaintext.
kill -9 comes after the autosave (nothing can run after it); SIGTERM and SIGHUP come before
it, so the app's own way out must keep the edit. Both also stop the embedded database
cleanly.

The app runs as a subprocess (tests/app_worker.py: `app.main.main([])`, offscreen, with a
hook that types into the Subjective field); the restart runs the real window in this
process against a fresh service on the same data dir.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_driver import GuiDriver

from app.compose import migrations_dir
from core.api import ChartsideApi
from core.domain import ClientData, SessionData
from core.services.service import ChartsideService
from tests.conftest import FAST_KDF, PASSPHRASE, make_settings
from tests.security.test_autolock import FakeClock
from ui.access.unlock import Mode

ROOT = Path(__file__).resolve().parents[2]
PLANTED = "Zebra-violet dreams came back after the new dose of quetiapine."
STARTUP_LIMIT_S = 300  # imports, PostgreSQL and Argon2id on a busy 2-core machine
SESSION_DATE = dt.datetime(2024, 5, 1, 9, 30)
SHUT_DOWN = "database system is shut down"
NOT_CLEAN = "database system was not properly shut down"


def _files_holding(root: Path, needle: bytes) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                if needle in path.read_bytes():
                    found.append(path)
            except OSError:
                continue  # a socket or a file the server removed meanwhile
    return found


def _start_app(tmp_path: Path, data_dir: Path, args: list[str]) -> subprocess.Popen[bytes]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "PW": PASSPHRASE,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "CHARTSIDE_DATA_DIR": str(data_dir),
        "CHARTSIDE_CONFIG_FILE": str(tmp_path / "none.toml"),
        "CHARTSIDE_POLICY_FILE": str(tmp_path / "none.toml"),
        **{f"CHARTSIDE_CRYPTO__{k.upper()}": str(v) for k, v in FAST_KDF.items()},
    }
    log = open(tmp_path / "app.log", "wb")  # noqa: SIM115 - outlives this function
    return subprocess.Popen(
        [sys.executable, "-m", "tests.app_worker", *args],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _wait_ready(proc: subprocess.Popen[bytes], ready: Path, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while not ready.exists():
        if proc.poll() is not None:
            pytest.fail(f"the app exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the app never stored the draft:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)


@pytest.mark.parametrize(
    "sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP], ids=["kill-9", "sigterm", "sighup"]
)
def test_an_unsaved_edit_survives_the_app_being_killed(
    sig: signal.Signals,
    service_factory: Callable[..., ChartsideService],
    make_gui: Callable[[ChartsideApi], GuiDriver],
    tmp_path: Path,
) -> None:
    first = service_factory()
    first.initialise(PASSPHRASE)
    client = first.notes.create_client(ClientData(full_name="Dana Levi"))
    session = first.notes.create_session(client.id, SessionData(date=SESSION_DATE, plan="rest"))
    first.close()
    data_dir = first.settings.data_dir
    pg_log = data_dir / "postgres.log"
    ready = tmp_path / "ready"

    killed = sig == signal.SIGKILL
    args = [str(ready), str(client.id), str(session.id), PLANTED, *([] if killed else ["unsaved"])]
    proc = _start_app(tmp_path, data_dir, args)
    try:
        _wait_ready(proc, ready, tmp_path / "app.log")
        log_before = pg_log.read_text()
        proc.send_signal(sig)
        code = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert code == (-signal.SIGKILL if killed else 0)
    assert _files_holding(data_dir, PLANTED.encode()) == []

    if not killed:
        # The app stopped its database on the way out: no server left, a clean shutdown.
        assert not (data_dir / "pg" / "postmaster.pid").exists()
        assert SHUT_DOWN in pg_log.read_text()[len(log_before) :]

    again = service_factory()  # the user starts Chartside again
    driver = make_gui(again)
    driver.unlock(PASSPHRASE)
    if not killed:
        assert NOT_CLEAN not in pg_log.read_text()[len(log_before) :]
    window = driver.window
    driver.wait_until(lambda: window.draft_bar.isVisible())
    driver.click(window.draft_bar.restore_button)
    driver.settle()
    assert window.session_editor.session_id == session.id
    assert window.session_editor.subjective.toPlainText() == PLANTED
    assert window.session_editor.plan.toPlainText() == "rest"
    assert window.dirty
    driver.save_session()
    assert again.notes.get_session(session.id).data.subjective == PLANTED
    assert again.notes.drafts() == []
    assert _files_holding(data_dir, PLANTED.encode()) == []


def test_auto_lock_keeps_the_edit_on_the_real_service(
    make_gui: Callable[[ChartsideApi], GuiDriver], tmp_path: Path
) -> None:
    clock = FakeClock()
    svc = ChartsideService(make_settings(tmp_path / "data"), migrations_dir(), clock=clock)
    try:
        svc.initialise(PASSPHRASE)
        client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
        session = svc.notes.create_session(client.id, SessionData(date=SESSION_DATE))
        svc.lock()
        driver = make_gui(svc)
        driver.unlock(PASSPHRASE)
        driver.open_client(client.id)
        driver.open_session(session.id)
        driver.window.session_editor.subjective.setPlainText(PLANTED)
        clock.advance(16)  # idle past the 15 minutes, the autosave not yet run
        driver.controller.check_idle()  # the idle timer's tick
        driver.wait_dialog(Mode.UNLOCK)
        assert not svc.unlocked
        assert driver.window.session_editor.subjective.toPlainText() == ""
        driver.unlock(PASSPHRASE)
        driver.wait_until(lambda: driver.window.draft_bar.isVisible())
        driver.click(driver.window.draft_bar.restore_button)
        driver.settle()
        assert driver.window.session_editor.subjective.toPlainText() == PLANTED
        assert _files_holding(tmp_path / "data", PLANTED.encode()) == []
        driver.save_session()
        assert svc.notes.get_session(session.id).data.subjective == PLANTED
    finally:
        svc.close()
