"""Dictation into a note field (docs/dictation.md).

The microphone button beside a field (or Ctrl+Shift+D in it) starts a take; the words
appear at the caret as the model hears them, marked as dictated, while the field is
read-only (nothing typed can be lost under words being replaced). Stop ends the listening
and hears the last words; Accept keeps the words as typed text, and so does typing into
them; Cancel takes the words out again, leaving the field's text exactly as it was. In a
session's field, "Keep the recording with this note" (off for every take) hands an accepted
take's sound to the form, held in memory until the note is saved (ui/notes/recordings.py).

The model runs on a thread of its own (a runner of this window's own), so saves and loads
never wait behind it. One take at a time in the window; the lock ends it.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from core.api import ChartsideApi
from core.dictation.types import PcmAudio
from ui.kit.core_text import ui_language
from ui.kit.tasks import TaskRunner
from ui.notes.dictation_bar import DictationBar, MicButton
from ui.notes.dictation_take import Take
from ui.notes.note_edit import NoteEdit
from ui.notes.visit_dictation import VisitDictationDialog

Keeper = Callable[[PcmAudio], None]  # where a kept take's sound goes: the session form


class Dictation(QObject):
    """The window's dictation: every field's button and bar, the one take, its thread."""

    failed = Signal(object)  # an error, for the window to show
    visit_refused = Signal(str)  # why the visit cannot be dictated, for the status bar

    def __init__(
        self, api: ChartsideApi, client_id: Callable[[], UUID | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._api, self._client_id = api, client_id
        self._runner = TaskRunner(self)  # the model's passes, on their own thread
        self._runner.failed.connect(self.failed)
        self._fields: dict[NoteEdit, tuple[MicButton, DictationBar]] = {}
        self._keepers: dict[NoteEdit, Keeper] = {}
        self._take: Take | None = None
        self.visit_dialog: VisitDictationDialog | None = None

    @property
    def take(self) -> Take | None:
        return self._take

    def button(self, field: NoteEdit) -> MicButton:
        return self._fields[field][0]

    def bar(self, field: NoteEdit) -> DictationBar:
        return self._fields[field][1]

    def add_field(
        self, field: NoteEdit, keeper: Keeper | None = None
    ) -> tuple[MicButton, DictationBar]:
        """The button and bar for `field`, for its editor to lay out; with `keeper`, a take
        may be kept with the note (the bar offers it) and its sound goes there."""
        parent = field.parentWidget()
        button, bar = (
            MicButton(field.objectName(), parent),
            DictationBar(field.objectName(), parent),
        )
        self._fields[field] = (button, bar)
        if keeper is not None:
            self._keepers[field] = keeper
            bar.allow_keep(True)
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
        take = Take(self, field, bar, at_caret)
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
            bar.show_message(self._refusal(languages))

        self._runner.submit(
            lambda: self._api.dictation.languages, on_success=ready, on_error=take.failed_to_start
        )

    def dictate_visit(
        self, put: Callable[[dict[str, str]], None], near: QWidget, keeper: Keeper | None = None
    ) -> None:
        """The whole visit in one recording, reviewed as a SOAP draft, then `put` into the
        session's fields (ui/notes/visit_dictation.py); with `keeper`, its sound may be
        kept with the note."""
        if self._take is not None or self.visit_dialog is not None:
            return
        language = ui_language()

        def ready(languages: tuple[str, ...]) -> None:
            if language not in languages:
                self.visit_refused.emit(self._refusal(languages))
                return
            dialog = VisitDictationDialog(
                self._api, self._runner, self._client_id(), near.window(), keeper is not None
            )
            dialog.put_into_note.connect(put)
            if keeper is not None:
                dialog.keep_audio.connect(keeper)
            dialog.failed.connect(self.failed)
            dialog.finished.connect(lambda _result: self._visit_closed(dialog))
            self.visit_dialog = dialog
            dialog.show()
            dialog.start()

        self._runner.submit(lambda: self._api.dictation.languages, on_success=ready)

    def _visit_closed(self, dialog: VisitDictationDialog) -> None:
        if self.visit_dialog is dialog:
            self.visit_dialog = None
        dialog.deleteLater()

    def _refusal(self, languages: tuple[str, ...]) -> str:
        if languages:
            return self.tr(
                "Dictation is in English only for now: the speech model does not "
                "hear Hebrew. Switch the window to English in Settings to dictate."
            )
        return self.tr("No speech model is installed, so dictation is off.")

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
        if self.visit_dialog is not None:
            self.visit_dialog.reject()

    def shutdown(self) -> None:
        self.end_all()
        self._runner.shutdown()

    def _close_bar(self, bar: DictationBar) -> None:
        if self._take is not None and self._take.bar is bar:
            self._take.cancel()
        else:
            bar.hide()  # the line saying why dictation could not start

    def ended(self, take: Take) -> None:
        if self._take is take:
            self._take = None
        self.sync_buttons()

    def keep(self, take: Take, audio: PcmAudio) -> None:
        keeper = self._keepers.get(take.field)
        if keeper is not None:
            keeper(audio)

    def sync_buttons(self) -> None:
        take = self._take
        for field, (button, _bar) in self._fields.items():
            mine = take is not None and take.field is field
            button.setChecked(mine and take is not None and take.phase == "recording")
            button.setEnabled(take is None or mine)

    @property
    def runner(self) -> TaskRunner:
        return self._runner

    def report(self, exc: BaseException) -> None:
        self.failed.emit(exc)
