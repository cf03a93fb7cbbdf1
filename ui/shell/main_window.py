"""The main window: client list with search, client page, session list and SOAP editor,
the search panel, and beside them "Since the last visit" over the assistant; the client's
flowsheet opens in a window of its own (File → Flowsheet…).

The window lays the parts out and is the one place errors and successes are shown; the
client pane (`ui.notes.client_pane.ClientPane`) and the session pane hold what each side does.
Every service call goes through the task runner. Loads carry a ticket for what they fill
(the client list, the client, the session), so a slow answer for a client the user already
left never overwrites the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.errors import Cancelled
from core.timeline.types import TimelineFact
from ui.assistant.assistant_panel import AssistantPanel
from ui.documents.room import DocumentsRoom
from ui.kit.errors import ErrorBanner, describe
from ui.kit.lists import IdList
from ui.kit.tasks import TaskRunner
from ui.notes.client_pane import CLIENT_KEY, ClientBox, ClientListPane, ClientPane
from ui.notes.dictation import Dictation
from ui.notes.drafts import DraftBar, DraftKeeper
from ui.notes.editors import ClientEditor, SessionEditor
from ui.notes.passage import FactSource, FactSpan, fact_span, used_sentence
from ui.notes.search_panel import SearchPanel
from ui.notes.session_pane import SESSION_KEY, NoteRef, SessionPane
from ui.notes.unsaved import DRAFTS_KEY, Unsaved, UnsavedChanges, ask_unsaved
from ui.shell.focus_return import FocusReturn
from ui.shell.screen_fit import ScreenFit
from ui.timeline.brief_view import BriefView

if TYPE_CHECKING:
    from ui.timeline.flowsheet import FlowsheetDialog

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
# What the window opens at when the screen has room (ui.shell.screen_fit bounds it by the screen).
PREFERRED_SIZE = QSize(1400, 800)
BUSY_DELAY_MS = 300  # fast calls should not flash a progress bar


class MainWindow(QMainWindow):
    lock_requested = Signal()
    closed = Signal()

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = runner
        self.setObjectName("mainWindow")
        self._client_name = ""  # the title's: the name of the client on screen, as saved
        self._show_title()
        self.resize(PREFERRED_SIZE)
        self.screen_fit = ScreenFit(self, PREFERRED_SIZE)
        self.focus_return = FocusReturn(self)
        # The save gate the panes hold; it asks through the window's dialog, looked up at
        # each question.
        self.unsaved = UnsavedChanges(api, runner, lambda: self._ask_unsaved(), self)
        self.unsaved.failed.connect(self.show_error)
        self.unsaved.saved.connect(self._report_success)
        self.unsaved.modified.connect(self.setWindowModified)

        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.setToolTip(self.tr("Lock Chartside and hide all notes"))
        self.lock_action.triggered.connect(self.request_lock)
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addAction(self.lock_action)
        # In the menu bar's row rather than a row of its own: on a 720-pixel screen that
        # row is worth a line of a note field.
        self.menuBar().setCornerWidget(toolbar, Qt.Corner.TopRightCorner)

        self.banner = ErrorBanner(self)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 3, 6, 3)
        outer.addWidget(self.banner)
        self.draft_bar = DraftBar(central)
        self.draft_bar.restore_requested.connect(self.unsaved.restore_drafts)
        self.draft_bar.discard_requested.connect(self.unsaved.discard_drafts)
        outer.addWidget(self.draft_bar)
        listing = ClientListPane(central)
        self.client_filter = listing.client_filter
        self.client_list = listing.client_list
        self.new_client_button = listing.new_client_button
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.addWidget(listing)
        splitter.addWidget(self._build_client_page())
        self.clients = ClientPane(
            api, runner, self.unsaved, listing, self.client_box, self.sessions_box
        )
        self.clients.client_shown.connect(self.search_panel.set_client)
        self.clients.client_shown.connect(self.assistant_panel.set_client)
        self.clients.client_shown.connect(self.brief_view.set_client)
        self.clients.client_shown.connect(self._on_client_shown)
        # Built when first opened: pyqtgraph (and numpy) load then, not at every start.
        self.flowsheet: FlowsheetDialog | None = None
        # Documents: dropped on the client's pane or on a client in the list.
        self.documents = DocumentsRoom(api, runner, self, lambda: self.clients.client_id)
        self.documents.failed.connect(self.show_error)
        self.documents.facts_reviewed.connect(lambda: self._on_notes_saved(""))
        self.clients.client_shown.connect(self.documents.set_client)
        self.documents.accept_drops(self.client_box, lambda _pos: self.clients.client_id)
        self.documents.accept_drops(
            self.client_list.viewport(),
            lambda pos: IdList.id_of(self.client_list.itemAt(pos)),  # type: ignore[arg-type]
        )
        self.documents_button = QPushButton(self.tr("Documents…"), self.client_box)
        self.documents_button.setObjectName("documentsButton")
        self.documents_button.setToolTip(
            self.tr("The client's documents; drop a file to attach it")
        )
        self.documents_button.clicked.connect(self.documents.open)
        self.client_box.header.addWidget(self.documents_button)
        self.clients.saved.connect(self._on_client_saved)
        for pane in (self.clients, self.sessions_box):
            pane.failed.connect(self.show_error)
            pane.saved.connect(self._report_success)
            # A saved note may hold new facts: what is read from the notes is read again.
            pane.saved.connect(self._on_notes_saved)
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
        self.unsaved.serve(self.clients, self.drafts, self.draft_bar)
        for editor in (self.client_editor, self.session_editor):
            editor.edited.connect(self.unsaved.update_markers)
        # Speech into every note field, for the client on screen.
        self.dictation = Dictation(api, lambda: self.client_editor.client_id, self)
        self.dictation.failed.connect(self.show_error)
        self.dictation.visit_refused.connect(lambda text: self.statusBar().showMessage(text))
        for editor in (self.client_editor, self.session_editor):
            editor.add_dictation(self.dictation)
        self.clients.show(None, enabled=False)

    def _build_client_page(self) -> QSplitter:
        page = QSplitter(Qt.Orientation.Vertical, self)
        self.client_box = ClientBox(page)
        self.client_editor = self.client_box.client_editor
        self.client_toggle = self.client_box.client_toggle
        self.client_toggle.toggled.connect(self._on_client_toggled)

        self.sessions_box = SessionPane(self._api, self._runner, self.unsaved, CLIENT_KEY, page)
        self.session_list = self.sessions_box.session_list
        self.new_session_button = self.sessions_box.new_session_button
        self.session_editor = self.sessions_box.session_editor
        self.sessions_box.focused.connect(lambda: self._sheet_beside(self.session_editor))
        self.sessions_box.form_opened.connect(self._make_room_for_note)
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
        # The brief over it: read before the visit, folded away during it, and taking no
        # height from the session being written.
        self.brief_view = BriefView(self._api, self._runner, self)
        self.brief_view.fact_activated.connect(self.open_fact)
        self.brief_view.failed.connect(self._runner.failed)
        self.brief_view.exported.connect(self._report_success)
        self.brief_view.exporter.client_name = lambda: self.client_editor.full_name.text()
        beside = QWidget(self)
        beside.setObjectName("besideNotes")
        column = QVBoxLayout(beside)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.brief_view)
        column.addWidget(self.assistant_panel, 1)
        self.notes_and_assistant = QSplitter(Qt.Orientation.Horizontal, self)
        self.notes_and_assistant.addWidget(page)
        self.notes_and_assistant.addWidget(beside)
        self.notes_and_assistant.setStretchFactor(0, 3)
        self.notes_and_assistant.setStretchFactor(1, 2)
        return self.notes_and_assistant

    # -- state for the controller and tests -------------------------------------------------

    @property
    def settled(self) -> bool:
        """No service call outstanding and no search waiting to be sent."""
        return not self._runner.busy and not self.clients.filter_timer.isActive()

    @property
    def client_details_shown(self) -> bool:
        return self.client_toggle.isChecked()

    def show_client_details(self, shown: bool) -> None:
        self.client_toggle.setChecked(shown)

    def _on_client_toggled(self, shown: bool) -> None:
        self.client_box.details.setVisible(shown)
        self.client_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        # Folded, the box is its header: the splitter must not hold its old height for it,
        # and (which it does not do by itself) the sessions take what it gave up or lend
        # what it takes back. Unfolded, it asks for the whole form again, unscrolled.
        header = self.client_box.minimumSizeHint().height()
        self.client_box.setMaximumHeight(QWIDGETSIZE_MAX if shown else header)
        sizes = self.client_page.sizes()
        if sum(sizes) > 0:
            sizes[1] += sizes[0] - header
            sizes[0] = header
            self.client_page.setSizes(sizes)
        self._show_client_form()

    def _show_client_form(self) -> None:
        """Unfolded, the client's form is shown whole when the sessions can spare the room;
        only a window too short for both scrolls it."""
        sizes = self.client_page.sizes()
        if not self.client_toggle.isChecked() or sum(sizes) == 0:
            return
        short = self.client_box.sizeHint().height() - sizes[0]
        spare = sizes[1] - self.sessions_box.minimumSizeHint().height()
        grow = min(short, spare)
        if grow > 0:
            sizes[0] += grow
            sizes[1] -= grow
            self.client_page.setSizes(sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._show_client_form()  # the splitters have followed the window by now

    def _make_room_for_results(self) -> None:
        """Grow the search results to show every row, taking the room from the sessions
        down to their minimum; and from the client's details, folded, when that leaves
        fewer than eight in view (three at 1366×768 once; the user can unfold
        them, or drag the splitter back)."""
        if self.search_panel.room_needed() > self.sessions_box.spare_height():
            self.show_client_details(False)
        sizes = self.client_page.sizes()
        grow = min(self.search_panel.room_wanted(), self.sessions_box.spare_height())
        if grow > 0:
            sizes[1] -= grow
            sizes[2] += grow
            self.client_page.setSizes(sizes)
        # The search's own "Searching…" line may have taken a note's lines: given back.
        self._make_room_for_note()

    def _make_room_for_note(self) -> None:
        """A session opened under grown search results takes back the room its fields need
        to be read, down to the results' own minimum."""
        sizes = self.client_page.sizes()
        if sum(sizes) == 0:
            return
        short = self.sessions_box.comfortable_height() - sizes[1]
        # From the results first, then from the client's box down to what shows it whole:
        # in a font with shorter lines (DejaVu Sans) the splitter's first share left that
        # box more than it needs.
        for lender in (2, 0):
            floor = self.client_page.widget(lender).minimumSizeHint().height()
            take = min(short, sizes[lender] - floor)
            if take > 0:
                sizes[1] += take
                sizes[lender] -= take
                short -= take
        if sizes != self.client_page.sizes():
            self.client_page.setSizes(sizes)

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

    # -- keyboard commands (the menu bar's; see ui/shell/menus.py) ---------------------------------

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
            self.sessions_box.save_session()
        elif editor is self.client_editor:
            self.clients.save_client()

    def focus_search(self) -> None:
        """Ctrl+F: into the search of this client's notes, or the client search when no
        client is open."""
        target = self.search_panel.query if self.search_panel.isEnabled() else self.client_filter
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def focus_client_filter(self) -> None:
        self.client_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.client_filter.selectAll()

    def can_open_flowsheet(self) -> bool:
        return self.clients.client_id is not None

    def can_open_documents(self) -> bool:
        return self.clients.client_id is not None

    def open_flowsheet(self) -> FlowsheetDialog | None:
        """The flowsheet of the client on screen, shown (and read, unless it already
        holds this client's facts as they are)."""
        client_id = self.clients.client_id
        if client_id is None:
            return None
        if self.flowsheet is None:
            from ui.timeline.flowsheet import FlowsheetDialog  # here: see __init__

            self.flowsheet = FlowsheetDialog(self._api, self._runner, self)
            self.flowsheet.resize(self.flowsheet.sizeHint())
            self.flowsheet.fact_activated.connect(self.open_fact)
            self.flowsheet.failed.connect(self._runner.failed)
        dialog = self.flowsheet
        dialog.set_client(client_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if not dialog.current:
            dialog.load()
        return dialog

    def _show_title(self) -> None:
        """ "Chartside — Dana Cohen", the client on screen as saved; Qt puts the unsaved mark
        where "[*]" is (setWindowModified). No name without a saved client, or once locked."""
        app = self.tr("Chartside")
        title = (
            self.tr("{app} — {client}").format(app=app, client=self._client_name)
            if self._client_name
            else app
        )
        self.setWindowTitle(title + "[*]")

    def _on_client_saved(self, _message: str) -> None:
        # Read back from the form, which the save has just loaded with what was stored.
        self._client_name = " ".join(self.client_editor.full_name.text().split())
        self._show_title()

    def _on_client_shown(self, client_id: UUID | None) -> None:
        self._client_name = (
            " ".join(self.client_editor.full_name.text().split()) if client_id is not None else ""
        )
        self._show_title()
        if self.flowsheet is not None:
            self.flowsheet.set_client(client_id)
            if client_id is None:
                self.flowsheet.hide()

    def _on_notes_saved(self, _message: str) -> None:
        self.brief_view.refresh()
        if self.flowsheet is not None:
            self.flowsheet.mark_stale()

    # -- lifecycle --------------------------------------------------------------------------

    def refresh(self) -> None:
        """(Re)load the client list for the current search text."""
        self.clients.refresh()

    def clear_phi(self) -> None:
        """Forget everything on screen; called on lock, before the window hides."""
        self._runner.invalidate(SESSION_KEY, DRAFTS_KEY)
        self.dictation.end_all()  # the microphone closes and the take's sound is dropped
        self.drafts.stop()  # before the forms empty: emptying them is not discarding
        self.draft_bar.withdraw()
        if self.flowsheet is not None:
            self.flowsheet.hide()
            self.flowsheet.set_client(None)
        self.documents.clear()
        self.clients.clear()
        self.banner.clear()
        self.statusBar().clearMessage()

    def request_lock(self) -> None:
        # No question here: unsaved edits are kept as an encrypted draft (the controller
        # flushes it before the keys go) and offered back after unlock.
        self.lock_requested.emit()

    def _ask_unsaved(self) -> Unsaved:
        return ask_unsaved(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self.unsaved.resolve_unsaved():
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

    # -- notes pointed at -------------------------------------------------------------------

    def open_search_hit(self, hit: NoteRef) -> None:
        """Show the note a search result (or an answer's source) came from, with the
        matching text selected."""
        if hit.client_id != self.clients.client_id:
            return  # the user has moved to another client since
        if hit.document is not None:  # a page of an attached document: its page view
            self.documents.open_source(hit)
        elif hit.session_id is None:
            self.show_client_details(True)
            self.client_editor.focus_field(
                hit.field, hit.snippet, used_sentence(hit), fact_span(hit)
            )
            self._sheet_beside(self.client_editor)
        else:
            self.sessions_box.open_hit(hit)

    def open_fact(self, fact: TimelineFact) -> None:
        """Show the note a fact (a flowsheet value, a brief's citation) was read from, with
        its line selected: the way a search hit is opened, the line as its snippet."""
        self.raise_()
        self.activateWindow()
        self.open_search_hit(note_ref(fact))

    def _sheet_beside(self, editor: ClientEditor | SessionEditor) -> None:
        """An open flowsheet moves beside the passage just selected in `editor`."""
        sheet = self.flowsheet
        if sheet is not None and sheet.isVisible():
            sheet.step_beside(editor.selected_rect())


def note_ref(fact: TimelineFact) -> NoteRef:
    """Where `fact` was read, in the shape a search hit or an answer's source has."""
    kind = "document" if fact.document else "client" if fact.session_id is None else "session"
    return FactSource(
        n=0,
        type=kind,
        chunk_id=None,
        client_id=fact.client_id,
        client_external_id=None,
        session_id=fact.session_id,
        session_external_id=None,
        session_date=fact.session_date,
        field=fact.field,
        snippet=fact.line,
        score=0.0,
        document=fact.document,
        span=FactSpan(fact.fact.start, fact.fact.end, fact.fact.text),
    )
