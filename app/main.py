"""Console entry point: `chartside` opens the window; `chartside COMMAND` runs the CLI."""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import FrameType

from app.compose import build_service, enforce_offline_env
from core.errors import ChartsideError


def main(argv: list[str] | None = None) -> int:
    # A bundled build's timeline backfill reads notes in a spawned process (core.timeline.
    # store): in a frozen executable that process must run the worker, not the app again.
    multiprocessing.freeze_support()
    enforce_offline_env()
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not argv or argv == ["gui"]:
        return _gui()
    from app.cli import run_cli

    _end_commands_on_signals()
    return run_cli(argv)


def _end_commands_on_signals() -> None:
    """SIGTERM (a logout, systemd, `kill`) and SIGHUP end a command the way Ctrl-C does:
    through the `finally` that closes the service, which stops the embedded database.
    Without this the process dies at once and the database, in a session of its own so a
    Ctrl-C cannot kill it mid-write, keeps running."""
    handled = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        if handled.is_set():  # a forwarded copy of the same signal: one clean stop, not two
            return
        handled.set()
        for name in STOP_SIGNALS:
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        print(f"chartside: stopped by {signal.Signals(signum).name}", file=sys.stderr)
        raise SystemExit(128 + signum)

    for name in STOP_SIGNALS:
        signal.signal(getattr(signal, name), stop)
    _forward_to_main_thread({int(getattr(signal, n)) for n in STOP_SIGNALS}, handled)


def _forward_to_main_thread(signums: set[int], handled: threading.Event) -> None:
    """The kernel hands a process signal to any thread that does not block it. Python
    runs the handler in the main thread, but only once that thread runs bytecode again:
    one blocked in a read (an import from a pipe, a query) would never stop. The C-level
    handler writes each signal's number to the wake-up fd whichever thread caught it; a
    watcher sends the first stop signal on to the main thread itself, which interrupts
    its system call, and sends it again until the handler has run (`handled`)."""
    receive, send = socket.socketpair()
    send.setblocking(False)
    signal.set_wakeup_fd(send.fileno(), warn_on_full_buffer=False)
    main_thread = threading.main_thread().ident
    assert main_thread is not None

    def watch(receive: socket.socket, _send: socket.socket) -> None:
        # Runs for the life of the process, holding both ends: the C handler writes to
        # `_send` whenever a signal comes, the forwarded ones included.
        forwarded = False
        while got := receive.recv(64):
            if not forwarded and (stop := next((n for n in got if n in signums), None)):
                forwarded = True
                send_until_handled(partial(signal.pthread_kill, main_thread, stop), handled)

    threading.Thread(
        target=watch, args=(receive, send), name="chartside-signals", daemon=True
    ).start()


RESEND_EVERY_S = 0.5


def send_until_handled(
    send: Callable[[], None], handled: threading.Event, every_s: float = RESEND_EVERY_S
) -> None:
    """`send` now and again every `every_s` until `handled`. One copy can be lost: it may
    come while the main thread, between two system calls in C, holds no blocking call to
    interrupt (reading a file, it has taken the GIL back after fstat and not yet entered
    read()); its handler then waits for the next bytecode, which a blocked read never
    reaches."""
    send()
    while not handled.wait(every_s):
        send()


STOP_SIGNALS = tuple(n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


def _gui() -> int:
    # Until the window is up, a failure is the CLI's one line (docs/usage.md): a data dir this
    # account cannot use is found before its crash log or its database is touched (the
    # CLI's own opening, a generator the policy locks made the active one included).
    from app.cli.entry import open_settings

    settings = None
    try:
        settings = open_settings(None)
        from ui.shell.crash_log import CrashLog

        crash_log = CrashLog(settings.data_dir / "logs")
        crash_log.install()
    except (ChartsideError, OSError) as exc:
        return _failed_to_start(exc, settings.data_dir if settings else None)
    from ui.shell.app import run_gui

    try:
        try:
            service = build_service(settings)
        except (ChartsideError, OSError) as exc:
            return _failed_to_start(exc, settings.data_dir)
        return run_gui(service, settings)
    finally:
        crash_log.close()


def _failed_to_start(exc: ChartsideError | OSError, data_dir: Path | None) -> int:
    from app.cli.entry import print_error
    from app.cli.files import from_os_error

    print_error(from_os_error(exc, data_dir) if isinstance(exc, OSError) else exc)
    return 1


if __name__ == "__main__":
    sys.exit(main())
