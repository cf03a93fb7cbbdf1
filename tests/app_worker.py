"""The real app (`app.main.main([])`, offscreen) with a test hook that drives its window:
unlock, open a client's session, type into the Subjective field, and wait until the
autosave has stored the draft. It then writes "ready" to the file named in argv and keeps
running until the test kills it (tests/ui/test_gui_drafts_kill.py).

With "unsaved" as a fifth argument the autosave is held back instead: the edit is in the
window only, so nothing but the app's own way out can keep it.

Settings come from the environment, as for any user: CHARTSIDE_DATA_DIR and so on.
argv: ready_file client_id session_id text [unsaved]
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from app.main import main
from ui.shell.main_window import MainWindow

POLL_MS = 100


def _top(name: str) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == name and widget.isVisible():
            return widget
    return None


class Hook:
    def __init__(
        self, ready: Path, client_id: UUID, session_id: UUID, text: str, unsaved: bool = False
    ) -> None:
        self.ready, self.client_id, self.session_id, self.text = ready, client_id, session_id, text
        self.unsaved = unsaved
        self.steps: list[Callable[[], bool]] = [
            self.unlock,
            self.open_client,
            self.open_session,
            self.type_text,
            self.nothing_stored if unsaved else self.draft_stored,
        ]
        self.timer = QTimer(interval=POLL_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        if self.steps and self.steps[0]():
            self.steps.pop(0)
        if not self.steps:
            self.timer.stop()
            self.ready.write_text("ready")

    @staticmethod
    def window() -> MainWindow | None:
        w = _top("mainWindow")
        return w if isinstance(w, MainWindow) and w.settled else None

    def unlock(self) -> bool:
        dialog = _top("unlockDialog")
        if dialog is None or getattr(dialog, "busy", True):
            return False
        field = dialog.findChild(QLineEdit, "passphrase")
        button = dialog.findChild(QPushButton, "unlockButton")
        if field is None or button is None or not button.isEnabled():
            return False
        field.setText(os.environ["PW"])
        button.click()
        return True

    def open_client(self) -> bool:
        w = self.window()
        if w is None or self.client_id not in w.client_list.ids():
            return False
        w.client_list.setCurrentRow(w.client_list.ids().index(self.client_id))
        return True

    def open_session(self) -> bool:
        w = self.window()
        if w is None or self.session_id not in w.session_list.ids():
            return False
        w.session_list.setCurrentRow(w.session_list.ids().index(self.session_id))
        return True

    def type_text(self) -> bool:
        w = self.window()
        if w is None or w.session_editor.session_id != self.session_id:
            return False
        w.session_editor.subjective.setFocus()
        w.session_editor.subjective.insertPlainText(self.text)
        if self.unsaved:
            w.drafts.timer.stop()  # in the same turn of the event loop: it cannot have fired
        return True

    def nothing_stored(self) -> bool:
        w = self.window()
        return w is not None and w.drafts.stored("session") is None and w.dirty

    def draft_stored(self) -> bool:
        w = self.window()
        return (
            w is not None
            and not w.drafts.timer.isActive()
            and w.drafts.stored("session") == w.session_editor.draft_values()
        )


if __name__ == "__main__":
    ready, client_id, session_id, text = sys.argv[1:5]
    app = QApplication(sys.argv[:1])
    hook = Hook(Path(ready), UUID(client_id), UUID(session_id), text, sys.argv[5:] == ["unsaved"])
    sys.exit(main([]))
