"""The window's unsaved-changes handling (notes are never lost): `UnsavedChanges`,
the save gate the panes hold.

Leaving a form with unsaved changes asks Save / Discard / Cancel; saves also forget the
form's draft; drafts kept by `ui.notes.drafts.DraftKeeper` are offered back and restored;
unsaved changes are marked in the window title (through `modified`), the box titles and
the list rows.

An object of its own, built by the window before the panes (they are given it) and told
what it serves once they exist (`serve`). It reaches the forms through the client pane and
the window through its signals and the `ask` it is given. Its strings are translated in
the "MainWindow" context, as they were when it was the window's own code.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from core.api import ChartsideApi
from core.dictation.types import PcmAudio
from core.domain import Client, Session
from core.errors import ValidationError
from core.records.drafts import Draft
from ui.kit.tasks import TaskRunner
from ui.notes.client_pane import ClientPane
from ui.notes.draft_text import describe_drafts
from ui.notes.drafts import DraftBar, DraftKeeper
from ui.notes.editors import ClientEditor, SessionEditor
from ui.notes.save_gate import Editor, SaveCall, SaveGate

__all__ = ["DRAFTS_KEY", "Editor", "SaveCall", "SaveGate", "Unsaved", "UnsavedChanges"]

DRAFTS_KEY = "main.drafts"  # task runner key: the description of the drafts on offer


class Unsaved(enum.Enum):
    """The answer to "this form has unsaved changes"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget) -> Unsaved:
    """The unsaved-changes question, modal over `parent`."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("MainWindow", "Unsaved changes"),
        QCoreApplication.translate(
            "MainWindow", "This client or session has changes that are not saved."
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsavedDialog")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    return {
        QMessageBox.StandardButton.Save: Unsaved.SAVE,
        QMessageBox.StandardButton.Discard: Unsaved.DISCARD,
    }.get(QMessageBox.StandardButton(answer), Unsaved.CANCEL)


def _save_and_forget_draft(
    api: ChartsideApi,
    kind: str,
    recordings: tuple[PcmAudio, ...],
    save: Callable[..., Any],
    *args: object,
) -> Any:
    # On the worker, in order: the draft goes only once the note is saved, so a failed save
    # (or a crash in between) still leaves the edits in the draft. The takes the clinician
    # chose to keep go with the saved note, encrypted, and leave memory with the form.
    result = save(*args)
    if isinstance(result, Session):
        for audio in recordings:
            api.dictation.keep(result.id, audio)
    api.notes.discard_draft(kind)
    return result


class UnsavedChanges(QObject):
    """The save gate (`SaveGate`) and the drafts offered back. Errors leave as `failed`,
    successes as `saved` (a line for the status bar), and whether any form has unsaved
    changes as `modified`, for the window's title."""

    failed = Signal(object)
    saved = Signal(str)
    modified = Signal(bool)

    # What it serves, from `serve` on.
    _clients: ClientPane
    _drafts: DraftKeeper
    _draft_bar: DraftBar

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        ask: Callable[[], Unsaved],
        parent: QObject | None = None,
    ) -> None:
        """`ask`: the unsaved-changes question (`ask_unsaved` over the window)."""
        super().__init__(parent)
        self._api, self._runner, self._ask = api, runner, ask

    def serve(self, clients: ClientPane, drafts: DraftKeeper, draft_bar: DraftBar) -> None:
        """The forms it guards, through the client pane (and its session pane), the drafts
        kept of them, and the bar that offers drafts back."""
        self._clients, self._drafts, self._draft_bar = clients, drafts, draft_bar

    @property
    def _client_editor(self) -> ClientEditor:
        return self._clients.editor

    @property
    def _session_editor(self) -> SessionEditor:
        return self._clients.sessions.session_editor

    # -- the gate ---------------------------------------------------------------------------

    def resolve_unsaved(self, editors: tuple[Editor, ...] | None = None) -> bool:
        """Before leaving forms with unsaved changes: save them, discard them, or stay.
        True when the caller may go on."""
        dirty = [e for e in editors or (self._client_editor, self._session_editor) if e.dirty]
        if not dirty:
            return True
        answer = self._ask()
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.DISCARD:
            for editor in dirty:
                self._drafts.discard(editor.kind)
            return True
        return all(self._save_in_passing(editor) for editor in dirty)

    def save_call(self, editor: Editor) -> SaveCall | None:
        """The service call that saves `editor` (raises `ValidationError`); None when there
        is nothing it could be saved to (a session without a saved client)."""
        data = editor.to_data()
        if isinstance(editor, ClientEditor):
            cid = editor.client_id
            return (
                (self._api.notes.create_client, (data,))
                if cid is None
                else (self._api.notes.update_client, (cid, data))
            )
        client_id = self._clients.client_id
        if client_id is None:
            return None
        sid = editor.session_id
        return (
            (self._api.notes.create_session, (client_id, data))
            if sid is None
            else (self._api.notes.update_session, (sid, data))
        )

    def submit_save(self, editor: Editor, call: SaveCall, **callbacks: Any) -> None:
        self._drafts.handed_over(editor)
        fn, args = call
        held = editor.held_recordings if isinstance(editor, SessionEditor) else ()
        self._runner.submit(
            _save_and_forget_draft, self._api, editor.kind, held, fn, *args, **callbacks
        )

    def _save_in_passing(self, editor: Editor) -> bool:
        """Save a form the user is leaving ("Save" in the unsaved-changes dialog)."""
        try:
            call = self.save_call(editor)
        except ValidationError as exc:
            self.failed.emit(exc)
            return False
        if call is None:
            return True
        self.submit_save(
            editor,
            call,
            on_success=self._on_saved_in_passing,
            on_error=self._on_save_in_passing_failed,
        )
        return True

    def _on_saved_in_passing(self, record: Client | Session) -> None:
        self.saved.emit(QCoreApplication.translate("MainWindow", "Changes saved."))
        clients = self._clients
        clients.refresh()
        if isinstance(record, Session) and record.client_id == clients.client_id:
            clients.sessions.load_sessions(record.client_id, None, clients.current_ticket())

    def _on_save_in_passing_failed(self, exc: BaseException) -> None:
        self.failed.emit(exc)
        # The form is gone from the screen, but its draft is not: offer it again.
        self._runner.submit(self._api.notes.drafts, on_success=self.offer_drafts)

    # -- unsaved markers and drafts ---------------------------------------------------------

    def update_markers(self) -> None:
        client_dirty = self._client_editor.dirty
        session_dirty = self._session_editor.dirty
        clients = self._clients
        self.modified.emit(client_dirty or session_dirty)
        clients.box.setTitle(
            QCoreApplication.translate("MainWindow", "Client") + (" *" if client_dirty else "")
        )
        clients.sessions.setTitle(
            QCoreApplication.translate("MainWindow", "Sessions") + (" *" if session_dirty else "")
        )
        clients.listing.client_list.mark_unsaved(
            self._client_editor.client_id if client_dirty else None
        )
        clients.sessions.session_list.mark_unsaved(
            self._session_editor.session_id if session_dirty else None
        )

    def offer_drafts(self, drafts: list[Draft]) -> None:
        """Show the bar that offers kept drafts back (after unlock), once it is known whose
        they are; a lock meanwhile leaves it unshown (the ticket goes stale)."""
        if not drafts:
            self._draft_bar.withdraw()
            return
        self._runner.submit(
            describe_drafts,
            self._api,
            drafts,
            on_success=lambda notes: self._draft_bar.offer(drafts, notes),
            ticket=self._runner.renew(DRAFTS_KEY),
        )

    def discard_drafts(self, drafts: list[Draft]) -> None:
        for draft in drafts:
            self._drafts.discard(draft.kind)

    def restore_drafts(self, drafts: list[Draft]) -> None:
        """Open the record each draft belongs to and put the draft's edits into the form."""
        if not self.resolve_unsaved():
            self.offer_drafts(drafts)
            return
        by_kind = {d.kind: d for d in drafts}
        client_d, session_d = by_kind.get("client"), by_kind.get("session")
        client_id = session_d.client_id if session_d is not None else None
        if client_id is None and client_d is not None:
            client_id = client_d.client_id
        if client_d is not None and client_d.client_id != client_id:
            client_d = None  # a draft of another client (stale): the session's wins
        clients = self._clients
        if client_id is None:
            clients.start_new()
            if client_d is not None:
                self._apply_draft(self._client_editor, client_d)
            return
        clients.listing.client_list.select_quietly(client_id)
        clients.open_client(
            client_id,
            session_d.session_id if session_d else None,
            then=functools.partial(self._on_draft_client, client_d, session_d),
        )
        if session_d is not None and session_d.session_id is not None:
            clients.sessions.open_session(
                session_d.session_id, then=functools.partial(self._on_draft_session, session_d)
            )

    def _on_draft_client(
        self, client_d: Draft | None, session_d: Draft | None, client: Client
    ) -> None:
        if client_d is not None:
            self._apply_draft(self._client_editor, client_d)
        if session_d is not None and session_d.session_id is None:
            # The draft of a new session: its form comes back.
            self._clients.sessions.show_form(True)
            self._apply_draft(self._session_editor, session_d)

    def _on_draft_session(self, draft: Draft, session: Session) -> None:
        self._apply_draft(self._session_editor, draft)

    def _apply_draft(self, editor: Editor, draft: Draft) -> None:
        if editor is self._client_editor:
            # Restored edits are shown, not folded away.
            self._clients.box.client_toggle.setChecked(True)
        editor.apply_draft(draft.values)
        if editor.changed:
            self._drafts.remember(draft.kind, editor.draft_values())
        else:
            self._drafts.discard(draft.kind)  # already saved (a crash between save and forget)
        self.update_markers()
