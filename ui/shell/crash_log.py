"""A local crash log that holds no PHI (docs/security.md). Nothing is ever uploaded.

What goes in: hard crashes (faulthandler: file, line and function of every thread), and for
unhandled exceptions (main thread, other threads) and Qt messages the *kind* of problem and
where it happened. What never goes in: an exception's message or a Qt message's text
beyond its source, since either may quote a note ("invalid value 'Patient reports…'").
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

FILE_NAME = "crash.log"


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _frames(tb: TracebackType | None) -> str:
    # format_tb quotes source lines (code, not data); format_exception would add the message.
    return "".join(traceback.format_tb(tb))


def qt_source(message: str) -> str:
    """'QTextCursor::setPosition: Position 5 out of range' -> 'QTextCursor::setPosition'.
    The part before the first ': ' names where Qt complained; the rest may quote text."""
    head = message.split(": ", 1)[0] if ": " in message else ""
    return head if head and " " not in head and len(head) <= 80 else "(text withheld)"


class CrashLog:
    """Open with `install()`, put back with `close()`. One per process."""

    def __init__(self, folder: Path) -> None:
        # Beside the notes, and private like the data dir itself.
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        self.path = folder / FILE_NAME
        self._file: TextIO | None = None
        self._old_hooks: tuple[object, object] | None = None
        self._old_qt: object = None

    def install(self) -> None:
        self._file = open(self.path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        os.chmod(self.path, 0o600)
        # A real file: in a windowed build stderr may be None, and a segfault skips Python.
        faulthandler.enable(self._file, all_threads=True)
        self._old_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        self._old_qt = qInstallMessageHandler(self._on_qt_message)

    def close(self) -> None:
        if self._file is None:
            return
        qInstallMessageHandler(self._old_qt)
        if self._old_hooks is not None:
            sys.excepthook, threading.excepthook = self._old_hooks  # type: ignore[assignment]
        faulthandler.disable()
        self._file.close()
        self._file = None

    def _write(self, text: str) -> None:
        if self._file is not None:
            self._file.write(text if text.endswith("\n") else text + "\n")

    def _on_exception(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        self._write(f"{_stamp()} unhandled {kind.__name__} (message withheld)\n{_frames(tb)}")
        # The message goes where a developer is looking (a terminal), never to the file.
        if sys.stderr is not None:
            sys.__excepthook__(kind, value, tb)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread is not None else "?"
        self._write(
            f"{_stamp()} unhandled {args.exc_type.__name__} in thread {name} "
            f"(message withheld)\n{_frames(args.exc_traceback)}"
        )

    def _on_qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if mode == QtMsgType.QtDebugMsg:
            return
        where = f" {context.file}:{context.line}" if context.file else ""
        self._write(f"{_stamp()} Qt {mode.name} {qt_source(message)}{where}")
