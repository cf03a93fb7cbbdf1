"""The sessions of the client on screen: the list (date and assessment line, marked when
unsaved), "New session", and the SOAP form, which appears only once a session is chosen
or started; and their logic: opening, starting and saving a session.

The client pane says whose sessions these are (`show_client`). Leaving or saving a form
goes through the `SaveGate` it is given (unsaved changes and drafts); errors leave as
`failed` and successes as `saved`, for the window's one place for each."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.assistant.types import AskSource
from core.domain import Session, SessionSummary
from core.errors import ValidationError
from core.retrieval.types import SearchHit
from ui.kit.bidi import DATE_TIME, RLM, isolate, ltr, ltr_runs
from ui.kit.lists import IdList
from ui.kit.tasks import TaskRunner, Ticket
from ui.notes.editors import SessionEditor
from ui.notes.passage import fact_span, used_sentence
from ui.notes.recordings import Recordings
from ui.notes.save_gate import SaveGate

SESSION_KEY = "main.session"  # the task runner key of the session in the form
# A search hit and an answer's source both point at a field of a note.
NoteRef = SearchHit | AskSource


class SessionPane(QGroupBox):
    """The sessions box and what it does (see the module's docstring)."""

    failed = Signal(object)  # an error, for the window to show
    saved = Signal(str)  # a line for the status bar
    focused = Signal()  # a hit's or citation's session is shown with its passage selected
    form_opened = Signal()  # a session's form replaced the placeholder: it wants its lines

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        gate: SaveGate,
        client_key: str,
        parent: QWidget | None = None,
    ) -> None:
        """`client_key`: the runner key of the client shown; a list of sessions belongs to
        that client, and goes stale with it."""
        super().__init__(self.tr("Sessions"), parent)
        self._api, self._runner, self._gate = api, runner, gate
        self._client_key = client_key
        self._client_id: UUID | None = None
        self.session_list = IdList("sessionList", self)
        self.session_list.setAccessibleName(self.tr("Sessions of this client"))
        # A row (date, then the assessment line) is wider than the list at 1366x768: it
        # wraps within the list's width rather than hiding its start or end off to a side.
        self.session_list.setWordWrap(True)
        self.session_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_session_button = QPushButton(self.tr("Ne&w session"), self)
        self.new_session_button.setObjectName("newSession")
        self.session_editor = SessionEditor(self)
        # Until a session is chosen or started there is no form: a blank one dated today
        # would look like a new session that nobody asked for.
        self.session_placeholder = QLabel(
            self.tr("Select a session from the list, or start one with New session."), self
        )
        self.session_placeholder.setObjectName("sessionPlaceholder")
        self.session_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.session_placeholder.setWordWrap(True)
        self.session_stack = QStackedWidget(self)
        self.session_stack.addWidget(self.session_placeholder)
        self.session_stack.addWidget(self.session_editor)
        # The recordings kept with the note in the form, and those held to be kept.
        self.recordings = Recordings(api, runner, self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.session_list, 1)
        left.addWidget(self.new_session_button)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.session_stack, 1)
        right.addWidget(self.recordings)
        row.addLayout(right, 3)
        box = QVBoxLayout(self)
        # Tighter than the style's margins above and below: at 1366×768 the four fields of
        # a note need each row of the height to keep six lines each.
        margins = box.contentsMargins()
        box.setContentsMargins(margins.left(), 4, margins.right(), 4)
        box.addWidget(self.hint)
        box.addLayout(row, 1)
        self.session_list.currentItemChanged.connect(self._on_selected)
        self.new_session_button.clicked.connect(self.new_session)
        self.session_editor.save_requested.connect(self.save_session)
        self.session_editor.recordings_held.connect(self.recordings.show_pending)
        self.recordings.failed.connect(self.failed)
        self.recordings.written.connect(self.saved)

    @property
    def form_shown(self) -> bool:
        return self.session_stack.currentWidget() is self.session_editor

    def show_form(self, shown: bool) -> None:
        # Disabled while hidden, so that neither Ctrl+S nor the unsaved checks see it.
        self.session_editor.setEnabled(shown)
        self.session_stack.setCurrentWidget(
            self.session_editor if shown else self.session_placeholder
        )
        if shown:
            self.form_opened.emit()

    def show_sessions(self, sessions: list[SessionSummary], select: UUID | None) -> None:
        """Newest first; `select` (or the session in the form) stays selected."""
        rows = [
            (
                summary.id,
                session_row(summary.date, summary.headline, self.isRightToLeft()),
                summary.headline,
            )
            for summary in sorted(sessions, key=lambda s: s.date, reverse=True)
        ]
        self.session_list.set_rows(rows, select or self.session_editor.session_id)

    def spare_height(self) -> int:
        """Height the pane could lend (to search results) and still show its minimum, and
        with a session open, its fields' comfortable lines."""
        return max(0, self.height() - self.comfortable_height())

    def comfortable_height(self) -> int:
        """The height this pane keeps where it can: its minimum, and with a session open
        the lines a note's fields need to be read (`SessionEditor.comfort_height`)."""
        keep = self.minimumSizeHint().height()
        if self.form_shown:
            keep += self.session_editor.comfort_height()
        return keep

    # -- whose sessions ---------------------------------------------------------------------

    def show_client(self, client_id: UUID | None, *, enabled: bool) -> None:
        """Another client (or none; `enabled` for a new one not yet saved): the list is
        emptied and the form hidden until its sessions are loaded and one is chosen."""
        self._client_id = client_id
        self.session_list.clear_quietly()
        self.session_editor.load(None)
        self.recordings.show_session(None)
        self.show_form(False)
        self.setEnabled(client_id is not None)
        self.hint.setVisible(client_id is None)
        self.hint.setText(
            self.tr("Save the client before adding sessions.")
            if enabled
            else self.tr("Select a client, or create a new one.")
        )

    def load_sessions(
        self, client_id: UUID, select: UUID | None = None, ticket: Ticket | None = None
    ) -> None:
        """(Re)load the list of `client_id`'s sessions, tagged with the client's ticket."""
        self._runner.submit(
            self._api.notes.list_sessions,
            client_id,
            on_success=functools.partial(self._on_sessions, select),
            ticket=ticket or self._runner.current(self._client_key),
        )

    def _on_sessions(self, select: UUID | None, sessions: list[SessionSummary]) -> None:
        self.show_sessions(sessions, select)

    # -- opening ----------------------------------------------------------------------------

    def _on_selected(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        session_id = self.session_list.chosen(
            current, previous, self.session_editor.session_id, self._may_leave_session
        )
        if session_id is not None:
            self.open_session(session_id)

    def _may_leave_session(self) -> bool:
        return self._gate.resolve_unsaved((self.session_editor,))

    def open_session(
        self,
        session_id: UUID,
        focus: NoteRef | None = None,
        then: Callable[[Session], None] | None = None,
    ) -> None:
        """Load a session into the form, with `focus`'s text selected; `then(session)`
        once it is shown."""
        self._runner.latest(
            SESSION_KEY,
            self._api.notes.get_session,
            session_id,
            on_success=functools.partial(self._on_loaded, focus, then),
        )

    def _on_loaded(
        self,
        focus: NoteRef | None,
        then: Callable[[Session], None] | None,
        session: Session,
    ) -> None:
        if session.client_id != self._client_id:
            return  # the user has moved to another client since
        self.session_editor.load(session)
        self.recordings.show_session(session.id)
        self.show_form(True)
        if focus is not None:
            self.session_editor.focus_field(
                focus.field, focus.snippet, used_sentence(focus), fact_span(focus)
            )
            self.focused.emit()
        if then is not None:
            then(session)

    def open_hit(self, hit: NoteRef) -> None:
        """Show the session a search hit or an answer's source points at, text selected."""
        if hit.session_id is None or hit.client_id != self._client_id:
            return
        if hit.session_id == self.session_editor.session_id:  # keeps unsaved edits
            self.session_editor.focus_field(
                hit.field, hit.snippet, used_sentence(hit), fact_span(hit)
            )
            self.focused.emit()
        elif self._may_leave_session():
            self.session_list.select_quietly(hit.session_id)
            self.open_session(hit.session_id, focus=hit)

    def new_session(self) -> None:
        if not self._may_leave_session():
            return
        self._runner.invalidate(SESSION_KEY)  # a load in flight must not replace the form
        self.session_list.select_quietly(None)
        self.session_editor.load(None)
        self.recordings.show_session(None)
        self.show_form(True)
        self.session_editor.subjective.setFocus()

    # -- saving -----------------------------------------------------------------------------

    def save_session(self) -> None:
        try:
            call = self._gate.save_call(self.session_editor)
        except ValidationError as exc:
            self.failed.emit(exc)
            return
        if call is None:
            return
        # Disabled until the answer: a double click must not create the session twice.
        self.setEnabled(False)
        ticket = self._runner.current(self._client_key)
        self._gate.submit_save(
            self.session_editor,
            call,
            on_success=functools.partial(self._on_saved, ticket),
            on_error=self._on_save_failed,
            ticket=ticket,
        )

    def _on_saved(self, ticket: Ticket, session: Session) -> None:
        self.setEnabled(True)
        self._runner.invalidate(SESSION_KEY)
        self.session_editor.load(session)
        self.recordings.show_session(session.id)  # with the takes kept by the save
        self.show_form(True)
        self.saved.emit(self.tr("Session saved."))
        self.load_sessions(session.client_id, session.id, ticket)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.failed.emit(exc)


def session_row(date: dt.datetime, headline: str, rtl: bool = False) -> str:
    """A session list row: when, then the assessment's first line in its own direction.
    The date is a left-to-right island at the row's start, on the right in a right-to-left
    list: a leading RLM says which way the row runs (the cell isolates its text by its
    first letter, and a row of a date and an isolated line has none, so it ran left to
    right, the date at the end of a Hebrew row)."""
    when = ltr(date.strftime(DATE_TIME))
    mark = RLM if rtl else ""
    return f"{mark}{when}  {isolate(ltr_runs(headline))}" if headline else f"{mark}{when}"
