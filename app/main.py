"""Console entry point: `chartside` opens the window; `chartside COMMAND` runs the CLI."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from types import FrameType

from app.compose import build_service, build_settings, enforce_offline_env


def main(argv: list[str] | None = None) -> int:
    enforce_offline_env()
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not argv or argv == ["gui"]:
        return _gui()
    from app.cli import run_cli
    from app.cli_files import check_data_dir

    _end_commands_on_signals()

    def make(data_dir: Path | None):
        settings = build_settings(data_dir)
        check_data_dir(settings.data_dir)
        return build_service(settings)

    return run_cli(argv, make)


def _end_commands_on_signals() -> None:
    """SIGTERM (a logout, systemd, `kill`) and SIGHUP end a command the way Ctrl-C does:
    through the `finally` that closes the service, which stops the embedded database.
    Without this the process dies at once and the database, in a session of its own so a
    Ctrl-C cannot kill it mid-write, keeps running."""

    def stop(signum: int, frame: FrameType | None) -> None:
        for name in STOP_SIGNALS:
            signal.signal(getattr(signal, name), signal.SIG_IGN)  # one clean stop, not two
        print(f"chartside: stopped by {signal.Signals(signum).name}", file=sys.stderr)
        raise SystemExit(128 + signum)

    for name in STOP_SIGNALS:
        signal.signal(getattr(signal, name), stop)


STOP_SIGNALS = tuple(n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


def _gui() -> int:
    from core.errors import ChartsideError

    try:
        settings = build_settings()
    except ChartsideError as exc:
        print(f"chartside: error: {exc}", file=sys.stderr)
        return 1
    from ui.app import run_gui
    from ui.crash_log import CrashLog

    crash_log = CrashLog(settings.data_dir / "logs")
    crash_log.install()
    try:
        return run_gui(build_service(settings), settings)
    finally:
        crash_log.close()


if __name__ == "__main__":
    sys.exit(main())
