"""Dictation into a note field (issue 29, docs/dictation.md).

The microphone button beside a field (or Ctrl+Shift+D in it) starts a take; the words
appear at the caret as the model hears them, marked as dictated, while the field is
read-only (nothing typed can be lost under words being replaced). Stop ends the listening
and hears the last words; Accept keeps the words as typed text, and so does typing into
them; Cancel takes the words out again, leaving the field's text exactly as it was.

The model runs on a thread of its own (a runner of this window's own), so saves and loads
never wait behind it. One take at a time in the window; the lock ends it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal
from uuid import UUID

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit

from core.api import NotesApi
from core.dictation.recorder import Recording
from core.dictation.types import Transcript
from core.errors import Cancelled
from core.progress import CancelToken
from ui.kit.core_text import ui_language
from ui.kit.tasks import TaskRunner
from ui.notes.dictation_bar import DICTATED_BACKGROUND, DICTATED_TEXT, DictationBar, MicButton
from ui.notes.note_edit import NoteEdit

# The meter and the clock move ten times a second; the model hears the take again as soon
# as its last pass is done, but no sooner than this after it began (a pass on a second of
# sound takes about that on a laptop's two cores).
TICK_MS = 100
PASS_MS = 700
# Marks a dictated word's format, beside its colour: tests and Accept look for it.
DICTATED = QTextFormat.Property.UserProperty + 29

Phase = Literal["starting", "recording", "finishing", "review", "ended"]


def dictated_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(DICTATED_BACKGROUND)
    fmt.setForeground(DICTATED_TEXT)
    fmt.setProperty(DICTATED, True)
    return fmt


def dictated_spans(field: QPlainTextEdit) -> list[str]:
    """The field's text that is marked as dictated, a run at a time."""
    out: list[str] = []
    block = field.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().boolProperty(DICTATED):
                out.append(fragment.text())
            it += 1
        block = block.next()
    return out


class Dictation(QObject):
    """The window's dictation: every field's button and bar, the one take, its thread."""

    failed = Signal(object)  # an error, for the window to show

    def __init__(
        self, api: NotesApi, client_id: Callable[[], UUID | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._api, self._client_id = api, client_id
        self._runner = TaskRunner(self)  # the model's passes, on their own thread
        self._runner.failed.connect(self.failed)
        self._fields: dict[NoteEdit, tuple[MicButton, DictationBar]] = {}
        self._take: _Take | None = None

    @property
    def take(self) -> _Take | None:
        return self._take

    def button(self, field: NoteEdit) -> MicButton:
        return self._fields[field][0]

    def bar(self, field: NoteEdit) -> DictationBar:
        return self._fields[field][1]

    def add_field(self, field: NoteEdit) -> tuple[MicButton, DictationBar]:
        """The button and bar for `field`, for its editor to lay out."""
        parent = field.parentWidget()
        button, bar = (
            MicButton(field.objectName(), parent),
            DictationBar(field.objectName(), parent),
        )
        self._fields[field] = (button, bar)
        button.clicked.connect(lambda: self.toggle(field, at_caret=False))
        shortcut = QShortcut(QKeySequence(self.tr("Ctrl+Shift+D")), field)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(lambda: self.toggle(field, at_caret=True))
        bar.stop_requested.connect(self.stop)
        bar.accept_requested.connect(self.accept)
        bar.cancel_requested.connect(lambda: self._close_bar(bar))
        return button, bar

    def toggle(self, field: NoteEdit, *, at_caret: bool) -> None:
        take = self._take
        if take is None:
            self._start(field, at_caret)
        elif take.field is field and take.phase == "recording":
            self.stop()
        else:
            self.sync_buttons()  # a click on another field's button while one is on

    # -- the take's life -----------------------------------------------------------------
    def _start(self, field: NoteEdit, at_caret: bool) -> None:
        button, bar = self._fields[field]
        if not field.isEnabled() or field.isReadOnly():
            button.setChecked(False)
            return
        language = ui_language()
        take = _Take(self, field, bar, at_caret)
        self._take = take
        self.sync_buttons()

        def ready(languages: tuple[str, ...]) -> None:
            if self._take is not take:
                return
            if language in languages:
                self._runner.submit(
                    self._api.dictation.record,
                    self._client_id(),
                    language,
                    on_success=take.started,
                    on_error=take.failed_to_start,
                )
                return
            take.cancel()
            if languages:
                bar.show_message(
                    self.tr(
                        "Dictation is in English only for now: the speech model does not "
                        "hear Hebrew. Switch the window to English in Settings to dictate."
                    )
                )
            else:
                bar.show_message(self.tr("No speech model is installed, so dictation is off."))

        self._runner.submit(
            lambda: self._api.dictation.languages, on_success=ready, on_error=take.failed_to_start
        )

    def stop(self) -> None:
        if self._take is not None and self._take.phase == "recording":
            self._take.finish(accept=False)

    def accept(self) -> None:
        take = self._take
        if take is None:
            return
        if take.phase == "review":
            take.accept()
        elif take.phase == "recording":
            take.finish(accept=True)  # the last words first, then kept

    def cancel(self) -> None:
        if self._take is not None:
            self._take.cancel()

    def end_all(self) -> None:
        """The session ends (lock): stop listening and forget the take's sound."""
        if self._take is not None:
            self._take.cancel()

    def shutdown(self) -> None:
        self.end_all()
        self._runner.shutdown()

    def _close_bar(self, bar: DictationBar) -> None:
        if self._take is not None and self._take.bar is bar:
            self._take.cancel()
        else:
            bar.hide()  # the line saying why dictation could not start

    def ended(self, take: _Take) -> None:
        if self._take is take:
            self._take = None
        self.sync_buttons()

    def sync_buttons(self) -> None:
        take = self._take
        for field, (button, _bar) in self._fields.items():
            mine = take is not None and take.field is field
            button.setChecked(mine and take is not None and take.phase == "recording")
            button.setEnabled(take is None or mine)

    @property
    def runner(self) -> TaskRunner:
        return self._runner


class _Take:
    """One take into one field: where its words go, and taking them out again."""

    def __init__(
        self, owner: Dictation, field: NoteEdit, bar: DictationBar, at_caret: bool
    ) -> None:
        self.owner, self.field, self.bar = owner, field, bar
        self.phase: Phase = "starting"
        self.recording: Recording | None = None
        self._cancel = CancelToken()
        self._was_read_only = field.isReadOnly()
        self._at = field.textCursor().position() if at_caret else _document_end(field)
        shown = field.document().toPlainText()
        self._neighbours = (shown[self._at - 1 : self._at], shown[self._at : self._at + 1])
        self._length = 0  # of the dictated run in the document (UTF-16 units)
        self._writing = False
        self._ticker = QTimer(owner, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._pass_clock = QTimer(owner, singleShot=True)
        self._pass_clock.timeout.connect(self._hear)
        # The take's run must stay where it was put: no invisible isolates slipped in.
        field.hold_isolation(True)
        field.document().contentsChange.connect(self._on_change)
        bar.show_starting()

    # -- starting ------------------------------------------------------------------------
    def started(self, recording: Recording) -> None:
        if self.phase != "starting":  # cancelled while the microphone opened
            recording.cancel()
            return
        self.recording, self.phase = recording, "recording"
        self.field.setReadOnly(True)
        self.bar.show_recording()
        self._ticker.start()
        self._hear()
        self.owner.sync_buttons()

    def failed_to_start(self, exc: BaseException) -> None:
        if self.phase == "starting":
            self._end()
        self.owner.failed.emit(exc)

    # -- hearing -------------------------------------------------------------------------
    def _tick(self) -> None:
        if self.recording is not None:
            self.bar.set_progress(self.recording.level, self.recording.elapsed_s)

    def _hear(self) -> None:
        if self.phase != "recording" or self.recording is None:
            return
        self._pass_clock.start(PASS_MS)  # the earliest the next pass may begin
        self.owner.runner.submit(
            self.recording.update, self._cancel, on_success=self._heard, on_error=self._lost
        )

    def _heard(self, transcript: Transcript) -> None:
        if self.phase != "recording":
            return
        self._write(transcript.text)
        if not self._pass_clock.isActive():
            self._hear()

    def _lost(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled) or self.phase not in ("recording", "finishing"):
            return
        self.cancel()
        self.owner.failed.emit(exc)

    def finish(self, *, accept: bool) -> None:
        if self.recording is None:
            return
        self.phase = "finishing"
        self._ticker.stop()
        self._pass_clock.stop()
        self._tick()
        self.bar.show_finishing()
        self.owner.sync_buttons()

        def done(transcript: Transcript) -> None:
            if self.phase != "finishing":
                return
            self._write(transcript.text)
            self.phase = "review"
            self.field.setReadOnly(self._was_read_only)
            if accept or not transcript.text:
                self.accept()
            else:
                self.bar.show_review()

        self.owner.runner.submit(
            self.recording.finish, self._cancel, on_success=done, on_error=self._lost
        )

    # -- ending --------------------------------------------------------------------------
    def accept(self) -> None:
        """The words stay, as typed text."""
        self._end()
        unmark(self.field)

    def cancel(self) -> None:
        """The words go; the field's text is what it was before the take."""
        if self.phase != "ended":
            self._write("")
            self._end()

    def _end(self) -> None:
        self.phase = "ended"
        self._cancel.cancel()
        self._ticker.stop()
        self._pass_clock.stop()
        if self.recording is not None:
            # After a pass in flight: the sound goes, the microphone closes.
            self.owner.runner.submit(self.recording.cancel)
            self.recording = None
        self.field.setReadOnly(self._was_read_only)
        self.field.document().contentsChange.disconnect(self._on_change)
        self.field.hold_isolation(False)
        self.bar.hide()
        self.owner.ended(self)

    # -- the field -----------------------------------------------------------------------
    def _write(self, text: str) -> None:
        """Put `text` where the take's words are, marked, spaced from its neighbours."""
        before, after = self._neighbours
        if text and before and not before.isspace():
            text = " " + text
        if text and after and not after.isspace():
            text += " "
        cursor = QTextCursor(self.field.document())
        cursor.setPosition(self._at)
        cursor.setPosition(self._at + self._length, QTextCursor.MoveMode.KeepAnchor)
        self._writing = True
        try:
            cursor.insertText(text, dictated_format())
        finally:
            self._writing = False
        self._length = len(text.encode("utf-16-le")) // 2

    def _on_change(self, _position: int, _removed: int, _added: int) -> None:
        """Text changed, not by the take: the clinician typed into the words being checked
        (which keeps them, unmarked: what is typed is never taken away), or a note was
        loaded over the take (which then has nowhere to go)."""
        if self._writing:
            return
        if self.phase == "review":
            # Not from inside the change: the document may not be changed there.
            QTimer.singleShot(0, self.owner, self.accept)
            self._writing = True  # until then, further keys are part of the same edit
            return
        self._length = 0
        self._end()


def unmark(field: QPlainTextEdit) -> None:
    """Dictated runs become plain text (their words unchanged)."""
    cursor = QTextCursor(field.document())
    block = field.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().boolProperty(DICTATED):
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(QTextCharFormat())
            it += 1
        block = block.next()


def _document_end(field: QPlainTextEdit) -> int:
    return field.document().characterCount() - 1
