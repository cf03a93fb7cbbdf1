"""An X server (Xvfb) with or without a window manager (JWM), for tests that need a real
window system: a frame drawn round the window, a panel that takes part of the screen,
the focus given back (or not) by X when a dialog closes.

Debian's packages, installed by packaging/system_deps.sh gui: as root (as CI runs) the
first test that needs them installs them; elsewhere such a test is skipped, and says how
to install them.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JWMRC = Path(__file__).resolve().parent / "desktop" / "jwmrc"
TOOLS = ("Xvfb", "jwm", "xprop")
START_LIMIT_S = 30.0
INSTALL_LIMIT_S = 900


def _missing() -> list[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    libs = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "check_qt_libs.py"), "--packages"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return missing + libs.stdout.split()


def unavailable() -> str | None:
    """None when an X server can be run here (installed first when root may); else why
    it cannot."""
    if not sys.platform.startswith("linux"):
        return "Xvfb and JWM are Linux packages"
    missing = _missing()
    if missing and os.geteuid() == 0:
        subprocess.run(
            [str(ROOT / "packaging" / "system_deps.sh"), "gui"],
            cwd=ROOT,
            capture_output=True,
            timeout=INSTALL_LIMIT_S,
            check=False,
        )
        missing = _missing()
    if missing:
        return f"needs {', '.join(missing)}: sudo packaging/system_deps.sh gui"
    return None


def _display_number(fd: int) -> str:
    """Xvfb writes its display number to `fd` once it accepts connections."""
    ready, _, _ = select.select([fd], [], [], START_LIMIT_S)
    if not ready:
        raise RuntimeError("Xvfb did not start")
    return os.read(fd, 64).decode().strip()


def _wait_for_window_manager(display: str) -> None:
    deadline = time.monotonic() + START_LIMIT_S
    while time.monotonic() < deadline:
        out = subprocess.run(
            ["xprop", "-display", display, "-root", "_NET_SUPPORTING_WM_CHECK"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
        if "window id" in out:
            return
        time.sleep(0.1)
    raise RuntimeError("the window manager did not start")


@contextmanager
def x_display(width: int, height: int, *, window_manager: bool) -> Iterator[str]:
    """A display (":N") of one `width`×`height` screen, with JWM managing it or not."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    manager: subprocess.Popen[bytes] | None = None
    try:
        display = ":" + _display_number(read_fd)
        if window_manager:
            manager = subprocess.Popen(
                ["jwm", "-display", display, "-f", str(JWMRC)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            _wait_for_window_manager(display)
        yield display
    finally:
        os.close(read_fd)
        for process in (manager, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
