"""One take of dictation into one note field (ui/notes/dictation.py): where its words go,
marked as dictated, and taking them out again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextFormat, QTextFragment
from PySide6.QtWidgets import QPlainTextEdit

from core.dictation.recorder import Recording
from core.dictation.types import PcmAudio, Transcript
from core.errors import Cancelled
from core.progress import CancelToken
from ui.kit.tasks import TaskRunner
from ui.notes.dictation_bar import DICTATED_BACKGROUND, DICTATED_TEXT, DictationBar
from ui.notes.note_edit import NoteEdit

# The meter and the clock move ten times a second; the model hears the take again as soon
# as its last pass is done, but no sooner than this after it began (a pass on a second of
# sound takes about that on a laptop's two cores).
TICK_MS = 100
PASS_MS = 700
# Marks a dictated word's format, beside its colour: tests and Accept look for it.
DICTATED = QTextFormat.Property.UserProperty + 29

Phase = Literal["starting", "recording", "finishing", "review", "ended"]


class TakeHost(Protocol):
    """What a take needs of the window's dictation."""

    @property
    def runner(self) -> TaskRunner: ...

    def report(self, exc: BaseException) -> None: ...

    def sync_buttons(self) -> None: ...

    def ended(self, take: Take) -> None: ...

    def keep(self, take: Take, audio: PcmAudio) -> None:
        """The take's sound, to be kept with the note (the clinician ticked Keep)."""
        ...


def dictated_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(DICTATED_BACKGROUND)
    fmt.setForeground(DICTATED_TEXT)
    fmt.setProperty(DICTATED, True)
    return fmt


def _dictated(field: QPlainTextEdit) -> Iterator[QTextFragment]:
    """The field's runs of text marked as dictated, in order."""
    block = field.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().boolProperty(DICTATED):
                yield fragment
            it += 1
        block = block.next()


def dictated_spans(field: QPlainTextEdit) -> list[str]:
    """The field's text that is marked as dictated, a run at a time."""
    return [fragment.text() for fragment in _dictated(field)]


class Take:
    """One take into one field: where its words go, and taking them out again."""

    def __init__(self, owner: TakeHost, field: NoteEdit, bar: DictationBar, at_caret: bool) -> None:
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
        self._hearing = False  # a pass is in flight: the next waits for it, never queues
        self._ticker = QTimer(field, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._pass_clock = QTimer(field, singleShot=True)
        self._pass_clock.timeout.connect(self._clock_done)
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
        self.owner.report(exc)

    # -- hearing -------------------------------------------------------------------------
    def _tick(self) -> None:
        if self.recording is not None:
            self.bar.set_progress(self.recording.level, self.recording.elapsed_s)

    def _clock_done(self) -> None:
        if not self._hearing:
            self._hear()

    def _hear(self) -> None:
        if self.phase != "recording" or self.recording is None:
            return
        self._pass_clock.start(PASS_MS)  # the earliest the next pass may begin
        self._hearing = True
        self.owner.runner.submit(
            self.recording.update, self._cancel, on_success=self._heard, on_error=self._lost
        )

    def _heard(self, transcript: Transcript) -> None:
        self._hearing = False
        if self.phase != "recording":
            return
        self._write(transcript.text)
        if not self._pass_clock.isActive():
            self._hear()

    def _lost(self, exc: BaseException) -> None:
        self._hearing = False
        if isinstance(exc, Cancelled) or self.phase not in ("recording", "finishing"):
            return
        self.cancel()
        self.owner.report(exc)

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
        """The words stay, as typed text; with Keep ticked, so does the sound (in memory,
        until the note is saved)."""
        if self.bar.keeping and self.recording is not None:
            self.owner.keep(self, self.recording.audio())
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
            QTimer.singleShot(0, self.field, self.accept)
            self._writing = True  # until then, further keys are part of the same edit
            return
        self._length = 0
        self._end()


def unmark(field: QPlainTextEdit) -> None:
    """Dictated runs become plain text (their words unchanged)."""
    cursor = QTextCursor(field.document())
    # Where the runs are, taken before any changes: a format change merges fragments.
    for start, length in [(f.position(), f.length()) for f in _dictated(field)]:
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(QTextCharFormat())


def _document_end(field: QPlainTextEdit) -> int:
    return field.document().characterCount() - 1
