"""Unsaved edits kept as encrypted drafts (notes are never lost).

`DraftKeeper` saves an editor's form through `NotesPart.save_draft` a few seconds after the
typing stops, so a crash or a kill loses at most those seconds; the controller also flushes
it just before a lock or a shutdown, while the keys are still in memory. `DraftBar` offers
the drafts back after unlock.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from core.api import ChartsideApi
from core.records.drafts import Draft
from ui.kit.tasks import TaskRunner
from ui.notes.draft_text import DraftNote, bar_text
from ui.notes.editors import ClientEditor, SessionEditor

# Short enough that a crash loses a sentence at most; long enough not to write on every key.
AUTOSAVE_DELAY_MS = 2_000

Editor = ClientEditor | SessionEditor


class DraftKeeper(QObject):
    """Keeps the database's drafts in step with the editors while a session is unlocked.

    `_stored[kind]` is what the database holds for that editor as far as this window knows
    (None: nothing), so only real changes cost a write. `_handed[kind]` is a form a save has
    taken over: the save forgets the draft when it succeeds and leaves it when it fails, so
    until the form changes again there is nothing for this keeper to do.
    """

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        client_editor: ClientEditor,
        session_editor: SessionEditor,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = runner
        self._client_editor = client_editor
        self._editors: list[Editor] = [client_editor, session_editor]
        self._stored: dict[str, dict[str, str] | None] = {e.kind: None for e in self._editors}
        self._handed: dict[str, dict[str, str] | None] = dict.fromkeys(self._stored)
        self._active = False
        self.timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        for editor in self._editors:
            editor.edited.connect(self._on_edited)

    def start(self) -> None:
        """The workspace is unlocked: drafts may be written."""
        self._active = True

    def stop(self) -> None:
        """Locked or closing: forget what this window knew, never what the database keeps."""
        self._active = False
        self.timer.stop()
        self._stored = dict.fromkeys(self._stored)
        self._handed = dict.fromkeys(self._stored)

    def _on_edited(self) -> None:
        if self._active:
            self.timer.start()

    def flush(self) -> None:
        """Write every changed form now; forget the draft of a form that is back to saved.

        A disabled editor is skipped: it is being saved, and its draft goes with the save.
        """
        self.timer.stop()
        if not self._active:
            return
        for editor in self._editors:
            if not editor.isEnabled():
                continue
            values = editor.draft_values() if editor.changed else None
            handed = self._handed[editor.kind]
            if handed is not None:
                if values is None or values == handed:
                    continue  # the save in flight (or done) owns this draft
                self._handed[editor.kind] = None  # edited since: a draft of its own again
            if values == self._stored[editor.kind]:
                continue
            if values is None:
                self.discard(editor.kind)
            else:
                self._write(editor, values)

    def _write(self, editor: Editor, values: dict[str, str]) -> None:
        self._stored[editor.kind] = values
        session_id = editor.session_id if isinstance(editor, SessionEditor) else None
        draft = Draft(editor.kind, self._client_editor.client_id, session_id, values)
        self._runner.submit(self._api.notes.save_draft, draft)

    def stored(self, kind: str) -> dict[str, str] | None:
        """What this window last sent to the database for `kind` (None: no draft)."""
        return self._stored[kind]

    def remember(self, kind: str, values: dict[str, str]) -> None:
        """The database holds `values` for `kind` (a draft just restored)."""
        self._stored[kind] = values
        self._handed[kind] = None

    def handed_over(self, editor: Editor) -> None:
        """Call just before submitting `editor`'s save: the draft is brought up to the form
        first (submitted ahead of the save), so a failed save leaves exactly these edits;
        the save forgets it when it succeeds."""
        values = editor.draft_values()
        if self._active and editor.changed and values != self._stored[editor.kind]:
            self._write(editor, values)
        self._stored[editor.kind] = None
        self._handed[editor.kind] = values

    def discard(self, kind: str) -> None:
        self._stored[kind] = None
        self._handed[kind] = None
        if self._active:
            self._runner.submit(self._api.notes.discard_draft, kind)


class DraftBar(QFrame):
    """ "Unsaved changes to the session of … were kept at 14:56: Plan. [Restore] [Discard]"
    above the notes."""

    restore_requested = Signal(list)
    discard_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._drafts: list[Draft] = []
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("restoreDraft")
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.discard_button.setObjectName("discardDraft")
        self.restore_button.clicked.connect(lambda: self._answer(self.restore_requested))
        self.discard_button.clicked.connect(lambda: self._answer(self.discard_requested))
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.hide()

    @property
    def drafts(self) -> list[Draft]:
        return list(self._drafts)

    def offer(self, drafts: list[Draft], notes: list[DraftNote]) -> None:
        """Offer `drafts` back, each named by its note (`ui.notes.draft_text.describe_drafts`)."""
        self._drafts = list(drafts)
        if not drafts:
            self.hide()
            return
        self.label.setText(bar_text(drafts, notes, dt.datetime.now(dt.UTC)))
        self.show()

    def withdraw(self) -> None:
        self._drafts = []
        self.hide()

    def _answer(self, signal: SignalInstance) -> None:
        drafts, self._drafts = self._drafts, []
        self.hide()
        signal.emit(drafts)
