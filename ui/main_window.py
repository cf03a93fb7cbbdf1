"""The main window: client list with search, client page, session list and SOAP editor.

Every service call goes through the task runner. Loads carry a ticket for what they fill
(the client list, the client, the session), so a slow answer for a client the user already
left never overwrites the screen.
"""

from __future__ import annotations

import functools
from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.api import NotesApi
from core.assistant.types import AskSource
from core.domain import Client, ClientSummary, Session, SessionSummary
from core.errors import Cancelled, ValidationError
from core.retrieval.types import SearchHit
from ui.assistant_panel import AssistantPanel
from ui.client_pane import ClientBox, ClientListPane
from ui.drafts import DraftBar, DraftKeeper
from ui.editors import ClientEditor, SessionEditor
from ui.errors import ErrorBanner, describe
from ui.search_panel import SearchPanel
from ui.session_pane import SessionPane
from ui.tasks import TaskRunner, Ticket
from ui.unsaved import UnsavedChanges

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
FILTER_DELAY_MS = 250  # wait for a pause in typing before asking the service
BUSY_DELAY_MS = 300  # fast calls should not flash a progress bar
# A search hit and an answer's source both point at a field of a note.
NoteRef = SearchHit | AskSource


class MainWindow(UnsavedChanges, QMainWindow):
    lock_requested = Signal()
    closed = Signal()

    # What the window's loads fill, as task runner keys (see TaskRunner.latest).
    CLIENTS_KEY = "main.clients"
    CLIENT_KEY = "main.client"
    SESSION_KEY = "main.session"

    def __init__(self, api: NotesApi, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = runner
        self.setObjectName("mainWindow")
        # "[*]" is where Qt shows the unsaved-changes mark (setWindowModified).
        self.setWindowTitle(self.tr("Chartside") + "[*]")
        self.resize(1400, 800)

        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.setToolTip(self.tr("Lock Chartside and hide all notes"))
        self.lock_action.triggered.connect(self.request_lock)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(self.lock_action)

        self.banner = ErrorBanner(self)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.addWidget(self.banner)
        self.draft_bar = DraftBar(central)
        self.draft_bar.restore_requested.connect(self.restore_drafts)
        self.draft_bar.discard_requested.connect(self.discard_drafts)
        outer.addWidget(self.draft_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.addWidget(self._build_client_list())
        splitter.addWidget(self._build_client_page())
        splitter.setStretchFactor(1, 1)
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self._busy_bar = QProgressBar(self)
        self._busy_bar.setRange(0, 0)
        self._busy_bar.setMaximumWidth(160)
        self._busy_bar.setTextVisible(False)
        self._busy_bar.hide()
        self.statusBar().addPermanentWidget(self._busy_bar)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(lambda: self._busy_bar.setVisible(self._runner.busy))
        runner.busy_changed.connect(self._on_busy_changed)
        self.drafts = DraftKeeper(api, runner, self.client_editor, self.session_editor, self)
        for editor in (self.client_editor, self.session_editor):
            editor.edited.connect(self._update_markers)
        self._show_client(None, enabled=False)

    def _build_client_list(self) -> QWidget:
        pane = ClientListPane(self)
        self.client_filter = pane.client_filter
        self.client_list = pane.client_list
        self.new_client_button = pane.new_client_button
        self._client_list_pane = pane
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)
        self.client_filter.textChanged.connect(self._filter_timer.start)
        self.client_list.currentItemChanged.connect(self._on_client_selected)
        self.new_client_button.clicked.connect(self.new_client)
        return pane

    def _build_client_page(self) -> QSplitter:
        page = QSplitter(Qt.Orientation.Vertical, self)
        self.client_box = ClientBox(page)
        self.client_editor = self.client_box.client_editor
        self.client_editor.save_requested.connect(self.save_client)
        self.client_toggle = self.client_box.client_toggle
        self.client_toggle.toggled.connect(self._on_client_toggled)

        self.sessions_box = SessionPane(page)
        self.session_list = self.sessions_box.session_list
        self.session_list.currentItemChanged.connect(self._on_session_selected)
        self.new_session_button = self.sessions_box.new_session_button
        self.new_session_button.clicked.connect(self.new_session)
        self.session_editor = self.sessions_box.session_editor
        self.session_editor.save_requested.connect(self.save_session)
        self.search_panel = SearchPanel(self._api, self._runner, page)
        self.search_panel.hit_activated.connect(self.open_search_hit)
        self.search_panel.results_shown.connect(self._make_room_for_results)
        self.search_panel.spare_height = self.sessions_box.spare_height
        # Errors take the runner's route: Locked to the unlock screen, the rest to the banner.
        self.search_panel.failed.connect(self._runner.failed)
        page.addWidget(self.client_box)
        page.addWidget(self.sessions_box)
        page.addWidget(self.search_panel)
        # Room the window gains goes to the session being written.
        for index, stretch in enumerate((0, 1, 0)):
            page.setStretchFactor(index, stretch)
            page.setCollapsible(index, False)
        self.client_page = page
        self._on_client_toggled(True)
        # The assistant sits beside the notes it answers from, at full height.
        self.assistant_panel = AssistantPanel(self._api, self._runner, self)
        self.assistant_panel.source_activated.connect(self.open_search_hit)
        self.assistant_panel.failed.connect(self._runner.failed)
        self.notes_and_assistant = QSplitter(Qt.Orientation.Horizontal, self)
        self.notes_and_assistant.addWidget(page)
        self.notes_and_assistant.addWidget(self.assistant_panel)
        self.notes_and_assistant.setStretchFactor(0, 3)
        self.notes_and_assistant.setStretchFactor(1, 2)
        return self.notes_and_assistant

    # -- state for the controller and tests -------------------------------------------------

    @property
    def settled(self) -> bool:
        """No service call outstanding and no search waiting to be sent."""
        return not self._runner.busy and not self._filter_timer.isActive()

    @property
    def client_details_shown(self) -> bool:
        return self.client_toggle.isChecked()

    def show_client_details(self, shown: bool) -> None:
        self.client_toggle.setChecked(shown)

    def _on_client_toggled(self, shown: bool) -> None:
        self.client_editor.setVisible(shown)
        self.client_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        # Folded, the box is its header: the splitter must not hold its old height for it,
        # and (which it does not do by itself) the sessions take what it gave up or lend
        # what it takes back.
        wanted = self.client_box.minimumSizeHint().height()
        self.client_box.setMaximumHeight(QWIDGETSIZE_MAX if shown else wanted)
        sizes = self.client_page.sizes()
        if sum(sizes) > 0:
            sizes[1] += sizes[0] - wanted
            sizes[0] = wanted
            self.client_page.setSizes(sizes)

    def _make_room_for_results(self) -> None:
        """Grow the search results to show every row, taking the room from the sessions
        down to their minimum (the user can drag the splitter back)."""
        sizes = self.client_page.sizes()
        grow = min(self.search_panel.room_wanted(), self.sessions_box.spare_height())
        if grow > 0:
            sizes[1] -= grow
            sizes[2] += grow
            self.client_page.setSizes(sizes)

    @property
    def session_form_shown(self) -> bool:
        return self.sessions_box.form_shown

    def _show_session_form(self, shown: bool) -> None:
        self.sessions_box.show_form(shown)

    @property
    def dirty(self) -> bool:
        return self.client_editor.dirty or self.session_editor.dirty

    # -- the one place errors are shown -----------------------------------------------------

    def show_error(self, exc: BaseException) -> None:
        error = describe(exc)
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(error.message, 5000)
            return
        if error.field is not None:
            if self.client_editor.highlight(error.field):
                self.show_client_details(True)
            else:
                self.session_editor.highlight(error.field)
        self.banner.show_error(error)
        self.statusBar().showMessage(error.message, 10000)

    def _report_success(self, message: str) -> None:
        self.banner.clear()
        self.statusBar().showMessage(message, 5000)

    # -- keyboard commands (the menu bar's; see ui/menus.py) ---------------------------------

    def _editor_to_save(self) -> SessionEditor | ClientEditor | None:
        """The form Ctrl+S saves: the one with the focus, else the one with unsaved changes
        (the session first: it is the one being written during a visit)."""
        editors = (self.session_editor, self.client_editor)
        focus = QApplication.focusWidget()
        for editor in editors:
            if focus is not None and editor.isAncestorOf(focus) and editor.isEnabled():
                return editor
        return next((editor for editor in editors if editor.dirty), None)

    def can_save(self) -> bool:
        return self._editor_to_save() is not None

    def save_current(self) -> None:
        """Save the form being edited, as its own Save button does."""
        editor = self._editor_to_save()
        if editor is self.session_editor:
            self.save_session()
        elif editor is self.client_editor:
            self.save_client()

    def focus_search(self) -> None:
        """Ctrl+F: into the search of this client's notes, or the client search when no
        client is open."""
        target = self.search_panel.query if self.search_panel.isEnabled() else self.client_filter
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def focus_client_filter(self) -> None:
        self.client_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.client_filter.selectAll()

    # -- lifecycle --------------------------------------------------------------------------

    def refresh(self) -> None:
        """(Re)load the client list for the current search text."""
        self._filter_timer.stop()
        self._runner.latest(
            self.CLIENTS_KEY,
            self._api.list_clients,
            self.client_filter.text().strip(),
            on_success=self._on_clients,
        )

    def clear_phi(self) -> None:
        """Forget everything on screen; called on lock, before the window hides."""
        self._runner.invalidate(self.CLIENTS_KEY, self.CLIENT_KEY, self.SESSION_KEY)
        self._filter_timer.stop()
        self.client_filter.blockSignals(True)
        self.client_filter.clear()
        self.client_filter.blockSignals(False)
        self.drafts.stop()  # before the forms empty: emptying them is not discarding
        self.draft_bar.withdraw()
        self.client_list.clear_quietly()
        self._show_client(None, enabled=False)
        self.banner.clear()
        self.statusBar().clearMessage()

    def request_lock(self) -> None:
        # No question here: unsaved edits are kept as an encrypted draft (the controller
        # flushes it before the keys go) and offered back after unlock.
        self.lock_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._resolve_unsaved():
            event.ignore()
            return
        event.accept()
        self.closed.emit()

    def _on_busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self._busy_bar.hide()

    # -- clients ----------------------------------------------------------------------------

    def _on_clients(self, clients: list[ClientSummary]) -> None:
        self._client_list_pane.show_clients(clients, self.client_editor.client_id)

    def _on_client_selected(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        client_id = self.client_list.id_of(current)
        if client_id is None or client_id == self.client_editor.client_id:
            return
        if not self._resolve_unsaved():
            self.client_list.restore_quietly(previous)
            return
        ticket = self._runner.latest(
            self.CLIENT_KEY, self._api.get_client, client_id, on_success=self._on_client_loaded
        )
        self._runner.submit(
            self._api.list_sessions,
            client_id,
            on_success=functools.partial(self._on_sessions, None),
            ticket=ticket,
        )

    def _on_client_loaded(self, client: Client) -> None:
        self._show_client(client, enabled=True)

    def _show_client(self, client: Client | None, *, enabled: bool) -> None:
        self.client_editor.load(client)
        self.client_box.setEnabled(enabled)
        self.search_panel.set_client(client.id if client is not None else None)
        self.assistant_panel.set_client(client.id if client is not None else None)
        self.session_list.clear_quietly()
        self.session_editor.load(None)
        self._show_session_form(False)
        has_id = client is not None
        self.sessions_box.setEnabled(has_id)
        self.sessions_box.hint.setVisible(not has_id)
        self.sessions_box.hint.setText(
            self.tr("Save the client before adding sessions.")
            if enabled
            else self.tr("Select a client, or create a new one.")
        )

    def new_client(self) -> None:
        if not self._resolve_unsaved():
            return
        # A load still in flight must not replace the blank form.
        self._runner.invalidate(self.CLIENT_KEY)
        self.client_list.select_quietly(None)
        self._show_client(None, enabled=True)
        self.show_client_details(True)  # a new client's name cannot be typed folded away
        self.client_editor.full_name.setFocus()

    def save_client(self) -> None:
        try:
            call = self._save_call(self.client_editor)
        except ValidationError as exc:
            self.show_error(exc)
            return
        assert call is not None  # a client can always be saved
        # Disabled until the answer: a double click must not create the client twice.
        self.client_box.setEnabled(False)
        # Locked meanwhile: the save is done, but the screen must stay empty (stale ticket).
        self._submit_save(
            self.client_editor,
            call,
            on_success=self._on_client_saved,
            on_error=self._on_client_save_failed,
            ticket=self._runner.current(self.CLIENT_KEY),
        )

    def _on_client_saved(self, client: Client) -> None:
        was_new = self.client_editor.client_id != client.id
        self._runner.invalidate(self.CLIENT_KEY)
        if was_new:
            self._show_client(client, enabled=True)
        else:
            self.client_editor.load(client)
            self.client_box.setEnabled(True)
        self._report_success(self.tr("Client saved."))
        self.refresh()

    def _on_client_save_failed(self, exc: BaseException) -> None:
        self.client_box.setEnabled(True)
        self.show_error(exc)

    # -- sessions ---------------------------------------------------------------------------

    def _on_sessions(self, select: UUID | None, sessions: list[SessionSummary]) -> None:
        self.sessions_box.show_sessions(sessions, select)

    def _on_session_selected(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        session_id = self.session_list.id_of(current)
        if session_id is None or session_id == self.session_editor.session_id:
            return
        if not self._resolve_unsaved((self.session_editor,)):
            self.session_list.restore_quietly(previous)
            return
        self._runner.latest(
            self.SESSION_KEY, self._api.get_session, session_id, on_success=self._on_session_loaded
        )

    def _on_session_loaded(self, session: Session, focus: NoteRef | None = None) -> None:
        if session.client_id == self.client_editor.client_id:
            self.session_editor.load(session)
            self._show_session_form(True)
            if focus is not None:
                self.session_editor.focus_field(focus.field, focus.snippet)

    def open_search_hit(self, hit: NoteRef) -> None:
        """Show the note a search result (or an answer's source) came from, with the
        matching text selected."""
        if hit.client_id != self.client_editor.client_id:
            return  # the user has moved to another client since
        if hit.session_id is None:
            self.show_client_details(True)
            self.client_editor.focus_field(hit.field, hit.snippet)
        elif hit.session_id == self.session_editor.session_id:
            self.session_editor.focus_field(hit.field, hit.snippet)  # keeps unsaved edits
        elif self._resolve_unsaved((self.session_editor,)):
            self.session_list.select_quietly(hit.session_id)
            self._runner.latest(
                self.SESSION_KEY,
                self._api.get_session,
                hit.session_id,
                on_success=functools.partial(self._on_session_loaded, focus=hit),
            )

    def new_session(self) -> None:
        if not self._resolve_unsaved((self.session_editor,)):
            return
        self._runner.invalidate(self.SESSION_KEY)
        self.session_list.select_quietly(None)
        self.session_editor.load(None)
        self._show_session_form(True)
        self.session_editor.subjective.setFocus()

    def save_session(self) -> None:
        try:
            call = self._save_call(self.session_editor)
        except ValidationError as exc:
            self.show_error(exc)
            return
        if call is None:
            return
        self.sessions_box.setEnabled(False)
        ticket = self._runner.current(self.CLIENT_KEY)
        self._submit_save(
            self.session_editor,
            call,
            on_success=functools.partial(self._on_session_saved, ticket),
            on_error=self._on_session_save_failed,
            ticket=ticket,
        )

    def _on_session_saved(self, ticket: Ticket, session: Session) -> None:
        self.sessions_box.setEnabled(True)
        self._runner.invalidate(self.SESSION_KEY)
        self.session_editor.load(session)
        self._show_session_form(True)
        self._report_success(self.tr("Session saved."))
        self._runner.submit(
            self._api.list_sessions,
            session.client_id,
            on_success=functools.partial(self._on_sessions, session.id),
            ticket=ticket,
        )

    def _on_session_save_failed(self, exc: BaseException) -> None:
        self.sessions_box.setEnabled(True)
        self.show_error(exc)
