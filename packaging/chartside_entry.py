"""The bundle's entry point (PyInstaller freezes this, not `app.main` directly).

Three things only a frozen build needs:
- `sys.executable` is the bundle itself, so the multilingual embedder's worker, started as
  `sys.executable -m models.e5_process FILE`, arrives here and is run as that module;
- the bootloader's splash (shown while the imports load) is closed when the first window
  is up, or at once for a command; children never show it again;
- `CHARTSIDE_WINDOW_CHECK=FILE` drives the real window once for the install test: it waits
  for the unlock screen, unlocks it with `CHARTSIDE_PASSPHRASE`, waits for the main window,
  writes the times to FILE as JSON and quits. Nothing else reads that variable.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
from pathlib import Path

WINDOW_CHECK = "CHARTSIDE_WINDOW_CHECK"
_POLL_MS = 50


def main() -> int:
    argv = sys.argv[1:]
    if argv[:2] == ["-m", "models.e5_process"]:
        sys.argv = [sys.argv[0], *argv[2:]]
        runpy.run_module("models.e5_process", run_name="__main__", alter_sys=True)
        return 0
    # Inherited by every child the app starts (the e5 worker above): one splash per launch.
    os.environ["PYINSTALLER_SUPPRESS_SPLASH_SCREEN"] = "1"
    gui = not argv or argv == ["gui"]
    if gui:
        _prepare_window()
    else:
        _close_splash()
    from app.main import main as app_main

    return app_main(argv)


def _close_splash() -> None:
    if "_PYI_SPLASH_IPC" not in os.environ:
        # The bootloader showed no splash (no display): importing pyi_splash would print
        # its own traceback on stderr before failing.
        return
    try:
        import pyi_splash  # present only in a frozen build with a splash
    except ImportError:
        return
    except KeyError:
        return  # the bootloader could not show it (no display): nothing to close
    if pyi_splash.is_alive():
        pyi_splash.close()


def _prepare_window() -> None:
    """Create the QApplication here, so that the splash closes once the event loop runs
    (the unlock screen is shown just before it starts); `run_gui` reuses the instance."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    QTimer.singleShot(0, _close_splash)
    report = os.environ.get(WINDOW_CHECK)
    if report:
        _WindowCheck(app, Path(report)).start()


class _WindowCheck:
    """Unlock the real window once and record when each screen appeared."""

    def __init__(self, app: object, report: Path) -> None:
        from PySide6.QtCore import QTimer

        self._app = app
        self._report = report
        self._passphrase = os.environ.get("CHARTSIDE_PASSPHRASE", "")
        self._started = _process_start()
        self._times: dict[str, float] = {}
        # Parented to the application and connected through a closure, so the timer and
        # this object live as long as the app does, with no reference kept by the caller.
        self._timer = QTimer(app)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(lambda: self._poll())

    def start(self) -> None:
        self._timer.start()

    def _poll(self) -> None:
        from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

        windows = {w.objectName() or type(w).__name__: w for w in QApplication.topLevelWidgets()}
        dialog = windows.get("unlockDialog")
        main = next((w for w in windows.values() if type(w).__name__ == "MainWindow"), None)
        if main is not None and main.isVisible():
            self._times["main_window_s"] = self._elapsed()
            self._finish()
            return
        if dialog is None or not dialog.isVisible():
            return
        self._times.setdefault("first_window_s", self._elapsed())
        field = dialog.findChild(QLineEdit, "passphrase")
        button = dialog.findChild(QPushButton, "unlockButton")
        if "submitted_s" in self._times or field is None or button is None:
            return
        if field.isVisible() and button.isEnabled():
            field.setText(self._passphrase)
            self._times["submitted_s"] = self._elapsed()
            button.click()

    def _elapsed(self) -> float:
        return round(time.time() - self._started, 3)

    def _finish(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._timer.stop()
        self._report.write_text(json.dumps(self._times, sort_keys=True) + "\n", encoding="utf-8")
        QApplication.quit()


def _process_start() -> float:
    """When the bootloader started, so the splash and the imports count too."""
    try:
        import psutil

        return float(psutil.Process().create_time())
    except (ImportError, OSError):
        return time.time()


if __name__ == "__main__":
    sys.exit(main())
