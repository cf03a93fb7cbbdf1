"""Quit the Qt event loop on SIGTERM and SIGHUP (a logout sends them), as closing does.

Python runs signal handlers only between bytecodes, and the Qt loop runs in C++; the
wake-up file descriptor makes the signal show up as a socket event Qt is waiting for.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)


class QuitOnSignals(QObject):
    """Installed for the life of the event loop; `close()` puts the old handlers back."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self.received: list[int] = []
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._old = {s: signal.signal(s, self._on_signal) for s in SIGNALS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.received.append(signum)

    def _drain(self) -> None:
        # The C-level handler writes each signal's number here; the Python-level one may
        # not have run yet, so the bytes are what counts.
        got = b""
        with contextlib.suppress(OSError):
            got = self._read.recv(64)
        if any(b in SIGNALS for b in got) or self.received:
            # exit(), not quit(): quit() first asks each window to close, and a window with
            # unsaved changes would wait on a dialog nobody answers during a logout. Its
            # edits go to a draft on the way out instead (aboutToQuit).
            self._app.exit(0)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        for signum, old in self._old.items():
            signal.signal(signum, old)
        signal.set_wakeup_fd(self._old_fd)
        self._read.close()
        self._write.close()
