"""Issue 14: the local crash log holds no PHI. A planted note sentence goes into an
unhandled exception on the main thread, one on another thread and a Qt warning; the log
records each (kind and place) and never the sentence. A real segfault is logged too."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from ui.shell.crash_log import FILE_NAME, CrashLog, qt_source

ROOT = Path(__file__).resolve().parents[2]
PLANTED = "Patient disclosed zebra-violet nightmares after the quetiapine change"


class NoteError(ValueError):
    pass


def _raise_with_note() -> None:
    raise NoteError(f"could not save field: {PLANTED!r}")


def test_the_crash_log_records_failures_but_never_the_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = CrashLog(tmp_path / "logs")
    log.install()
    try:
        try:
            _raise_with_note()
        except NoteError:
            sys.excepthook(*sys.exc_info())  # what Python calls for an unhandled one
        worker = threading.Thread(target=_raise_with_note, name="db-worker")
        worker.start()
        worker.join()
        qWarning(f"QTextCursor::setPosition: {PLANTED}")
        qWarning(PLANTED)
    finally:
        log.close()
    text = (tmp_path / "logs" / FILE_NAME).read_text()
    assert PLANTED not in text
    assert "zebra" not in text
    assert text.count("unhandled NoteError") == 2
    assert "in thread db-worker" in text
    assert "_raise_with_note" in text  # where it happened
    assert "QtWarningMsg QTextCursor::setPosition" in text
    assert "QtWarningMsg (text withheld)" in text
    assert (tmp_path / "logs").stat().st_mode & 0o077 == 0
    capsys.readouterr()  # the terminal did get the message; that is not the log


def test_a_hard_crash_is_in_the_log(tmp_path: Path) -> None:
    code = (
        "import faulthandler, sys; from pathlib import Path;"
        " from ui.shell.crash_log import CrashLog;"
        f"CrashLog(Path({str(tmp_path / 'logs')!r})).install(); faulthandler._sigsegv()"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True)
    assert run.returncode != 0
    text = (tmp_path / "logs" / FILE_NAME).read_text()
    assert "Segmentation fault" in text and "<string>" in text


def test_qt_source_keeps_only_where_qt_complained() -> None:
    assert qt_source("QFont::setPointSize: Point size <= 0 (0)") == "QFont::setPointSize"
    assert qt_source(PLANTED) == "(text withheld)"
    assert qt_source(f"{PLANTED}: more") == "(text withheld)"
