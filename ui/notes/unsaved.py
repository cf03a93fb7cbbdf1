"""The main window's unsaved-changes handling (issue 14: notes are never lost).

Leaving a form with unsaved changes asks Save / Discard / Cancel; saves also forget the
form's draft; drafts kept by `ui.notes.drafts.DraftKeeper` are offered back and restored; unsaved
changes are marked in the window title, the box titles and the list row.

A mixin of `MainWindow` (it uses the window's editors, panes and task runner); the panes
see it as their `SaveGate`. Its strings are translated in the "MainWindow" context, as the
window's own `self.tr` calls are.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from core.api import NotesApi
from core.domain import Client, Session
from core.errors import ValidationError
from core.records.drafts import Draft
from ui.notes.draft_text import describe_drafts
from ui.notes.editors import ClientEditor, SessionEditor

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

Editor = ClientEditor | SessionEditor
DRAFTS_KEY = "main.drafts"  # task runner key: the description of the drafts on offer
SaveCall = tuple[Callable[..., Any], tuple[object, ...]]


class SaveGate(Protocol):
    """What a pane asks the window before it leaves a form or saves one."""

    def resolve_unsaved(self, editors: tuple[Editor, ...] | None = None) -> bool: ...

    def save_call(self, editor: Editor) -> SaveCall | None: ...

    def submit_save(self, editor: Editor, call: SaveCall, **callbacks: Any) -> None: ...


class Unsaved(enum.Enum):
    """The answer to "this form has unsaved changes"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _save_and_forget_draft(
    api: NotesApi, kind: str, save: Callable[..., Any], *args: object
) -> Any:
    # On the worker, in order: the draft goes only once the note is saved, so a failed save
    # (or a crash in between) still leaves the edits in the draft.
    result = save(*args)
    api.discard_draft(kind)
    return result


class UnsavedChanges:
    """Mixed into `MainWindow`; every method runs on the window."""

    def resolve_unsaved(self: MainWindow, editors: tuple[Editor, ...] | None = None) -> bool:
        """Before leaving forms with unsaved changes: save them, discard them, or stay.
        True when the caller may go on."""
        dirty = [e for e in editors or (self.client_editor, self.session_editor) if e.dirty]
        if not dirty:
            return True
        answer = self._ask_unsaved()
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.DISCARD:
            for editor in dirty:
                self.drafts.discard(editor.kind)
            return True
        return all(self._save_in_passing(editor) for editor in dirty)

    def _ask_unsaved(self: MainWindow) -> Unsaved:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("MainWindow", "Unsaved changes"),
            QCoreApplication.translate(
                "MainWindow", "This client or session has changes that are not saved."
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unsavedDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: Unsaved.SAVE,
            QMessageBox.StandardButton.Discard: Unsaved.DISCARD,
        }.get(QMessageBox.StandardButton(answer), Unsaved.CANCEL)

    def save_call(self: MainWindow, editor: Editor) -> SaveCall | None:
        """The service call that saves `editor` (raises `ValidationError`); None when there
        is nothing it could be saved to (a session without a saved client)."""
        data = editor.to_data()
        if isinstance(editor, ClientEditor):
            cid = editor.client_id
            return (
                (self._api.create_client, (data,))
                if cid is None
                else (self._api.update_client, (cid, data))
            )
        client_id = self.clients.client_id
        if client_id is None:
            return None
        sid = editor.session_id
        return (
            (self._api.create_session, (client_id, data))
            if sid is None
            else (self._api.update_session, (sid, data))
        )

    def submit_save(self: MainWindow, editor: Editor, call: SaveCall, **callbacks: Any) -> None:
        self.drafts.handed_over(editor)
        fn, args = call
        self._runner.submit(_save_and_forget_draft, self._api, editor.kind, fn, *args, **callbacks)

    def _save_in_passing(self: MainWindow, editor: Editor) -> bool:
        """Save a form the user is leaving ("Save" in the unsaved-changes dialog)."""
        try:
            call = self.save_call(editor)
        except ValidationError as exc:
            self.show_error(exc)
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

    def _on_saved_in_passing(self: MainWindow, record: Client | Session) -> None:
        self._report_success(QCoreApplication.translate("MainWindow", "Changes saved."))
        self.clients.refresh()
        if isinstance(record, Session) and record.client_id == self.clients.client_id:
            self.sessions_box.load_sessions(record.client_id, None, self.clients.current_ticket())

    def _on_save_in_passing_failed(self: MainWindow, exc: BaseException) -> None:
        self.show_error(exc)
        # The form is gone from the screen, but its draft is not: offer it again.
        self._runner.submit(self._api.drafts, on_success=self.offer_drafts)

    # -- unsaved markers and drafts ---------------------------------------------------------

    def _update_markers(self: MainWindow) -> None:
        client_dirty = self.client_editor.dirty
        session_dirty = self.session_editor.dirty
        self.setWindowModified(client_dirty or session_dirty)
        self.client_box.setTitle(
            QCoreApplication.translate("MainWindow", "Client") + (" *" if client_dirty else "")
        )
        self.sessions_box.setTitle(
            QCoreApplication.translate("MainWindow", "Sessions") + (" *" if session_dirty else "")
        )
        self.client_list.mark_unsaved(self.client_editor.client_id if client_dirty else None)
        self.session_list.mark_unsaved(self.session_editor.session_id if session_dirty else None)

    def offer_drafts(self: MainWindow, drafts: list[Draft]) -> None:
        """Show the bar that offers kept drafts back (after unlock), once it is known whose
        they are; a lock meanwhile leaves it unshown (the ticket goes stale)."""
        if not drafts:
            self.draft_bar.withdraw()
            return
        self._runner.submit(
            describe_drafts,
            self._api,
            drafts,
            on_success=lambda notes: self.draft_bar.offer(drafts, notes),
            ticket=self._runner.renew(DRAFTS_KEY),
        )

    def discard_drafts(self: MainWindow, drafts: list[Draft]) -> None:
        for draft in drafts:
            self.drafts.discard(draft.kind)

    def restore_drafts(self: MainWindow, drafts: list[Draft]) -> None:
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
        if client_id is None:
            self.clients.start_new()
            if client_d is not None:
                self._apply_draft(self.client_editor, client_d)
            return
        self.client_list.select_quietly(client_id)
        self.clients.open_client(
            client_id,
            session_d.session_id if session_d else None,
            then=functools.partial(self._on_draft_client, client_d, session_d),
        )
        if session_d is not None and session_d.session_id is not None:
            self.sessions_box.open_session(
                session_d.session_id, then=functools.partial(self._on_draft_session, session_d)
            )

    def _on_draft_client(
        self: MainWindow, client_d: Draft | None, session_d: Draft | None, client: Client
    ) -> None:
        if client_d is not None:
            self._apply_draft(self.client_editor, client_d)
        if session_d is not None and session_d.session_id is None:
            self.sessions_box.show_form(True)  # the draft of a new session: its form comes back
            self._apply_draft(self.session_editor, session_d)

    def _on_draft_session(self: MainWindow, draft: Draft, session: Session) -> None:
        self._apply_draft(self.session_editor, draft)

    def _apply_draft(self: MainWindow, editor: Editor, draft: Draft) -> None:
        if editor is self.client_editor:
            self.show_client_details(True)  # restored edits are shown, not folded away
        editor.apply_draft(draft.values)
        if editor.changed:
            self.drafts.remember(draft.kind, editor.draft_values())
        else:
            self.drafts.discard(draft.kind)  # already saved (a crash between save and forget)
        self._update_markers()
