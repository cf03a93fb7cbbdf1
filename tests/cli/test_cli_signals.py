"""SIGTERM and SIGHUP stop a running command cleanly (issue 14): the command ends through
its `finally`, and the embedded PostgreSQL it started shuts down instead of running on.

The command is `chartside import FIFO`: it unlocks (the database is up) and then waits in
the read of the named pipe, a point the test can see without timing anything."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.main import send_until_handled
from tests.cli.test_cli import CHARTSIDE, cli, cli_env
from tests.crash_worker import stop_orphan_postgres

WAIT_LIMIT_S = 180
SHUT_DOWN = "database system is shut down"


def _open_writer(fifo: Path, proc: subprocess.Popen[str]) -> int:
    """Open the pipe's write end once the command has its read end open."""
    deadline = time.monotonic() + WAIT_LIMIT_S
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise
        if proc.poll() is not None:
            pytest.fail(f"the command ended early: {proc.communicate()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the command never opened the file")
        time.sleep(0.1)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["sigterm", "sighup"])
def test_a_signal_stops_the_command_and_its_database(tmp_path: Path, sig: signal.Signals) -> None:
    data_dir = tmp_path / "data"
    assert cli(data_dir, "init").returncode == 0
    pg_log = data_dir / "postgres.log"
    before = pg_log.read_text()
    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [CHARTSIDE, "--data-dir", str(data_dir), "import", str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    fd = _open_writer(fifo, proc)
    try:
        assert (data_dir / "pg" / "postmaster.pid").exists()  # unlocked: the server is up
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=WAIT_LIMIT_S)
    finally:
        os.close(fd)
        if proc.poll() is None:
            proc.kill()
    try:
        assert proc.returncode == 128 + sig, err
        assert f"stopped by {sig.name}" in err
        assert not (data_dir / "pg" / "postmaster.pid").exists()
        assert SHUT_DOWN in pg_log.read_text()[len(before) :]
    finally:
        stop_orphan_postgres(data_dir / "pg")  # only when the check above failed


STOP_FROM_ANOTHER_THREAD = """
import os, signal, sys, threading, time
from app.main import _end_commands_on_signals

_end_commands_on_signals()
read_end, write_end = os.pipe()

def catch_it_here() -> None:
    time.sleep(0.5)  # the main thread is in its read by then
    signal.pthread_kill(threading.get_ident(), signal.SIG{name})

threading.Thread(target=catch_it_here).start()
os.read(read_end, 1)  # nothing is ever written
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["sigterm", "sighup"])
def test_a_signal_caught_by_another_thread_still_stops_the_command(sig: signal.Signals) -> None:
    """The kernel may hand the signal to any thread (a model runtime's, a pool's); Python
    runs its handler only when the main thread runs bytecode, and a main thread blocked in
    a read never does unless the signal is sent on to it."""
    script = STOP_FROM_ANOTHER_THREAD.replace("{name}", sig.name.removeprefix("SIG"))
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=WAIT_LIMIT_S,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 128 + sig, proc.stderr
    assert f"stopped by {sig.name}" in proc.stderr


def test_the_signal_is_sent_on_again_until_its_handler_has_run() -> None:
    """A copy sent to the main thread between two of its system calls interrupts nothing,
    and its handler waits for bytecode a blocked read never reaches: the watcher sends
    again until the handler has run. Here the first two copies are lost."""
    handled = threading.Event()
    sent: list[int] = []

    def send() -> None:
        sent.append(1)
        if len(sent) == 3:
            handled.set()

    send_until_handled(send, handled, every_s=0.01)
    assert len(sent) == 3
    handled_at_once = threading.Event()
    handled_at_once.set()
    once: list[int] = []
    send_until_handled(lambda: once.append(1), handled_at_once, every_s=0.01)
    assert once == [1]
