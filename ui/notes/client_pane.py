"""The client side of the main window: the list of clients with its name filter, the
client's details box, which folds away to leave the height to the session being written,
and `ClientPane`, their logic: finding, opening, starting and saving a client.

The two widgets sit apart in the window's splitters, so their logic is an object of its
own. It tells the session pane whose sessions to show, and says through `client_shown`
which client the rest of the window (search, assistant) now serves."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.domain import Client, ClientSummary
from core.errors import ValidationError
from ui.kit.bidi import ltr
from ui.kit.lists import IdList
from ui.kit.tasks import TaskRunner, Ticket
from ui.notes.editors import ClientEditor
from ui.notes.save_gate import SaveGate
from ui.notes.session_pane import SessionPane

CLIENTS_KEY = "main.clients"  # task runner keys: the list, and the client in the form
CLIENT_KEY = "main.client"
FILTER_DELAY_MS = 250  # wait for a pause in typing before asking the service


class ClientListPane(QWidget):
    """Filter, list and "New client"; the window connects them and fills the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_filter = QLineEdit(self)
        self.client_filter.setObjectName("clientFilter")
        self.client_filter.setPlaceholderText(self.tr("Search clients by name"))
        self.client_filter.setAccessibleName(self.tr("Search clients by name"))
        self.client_filter.setClearButtonEnabled(True)
        self.client_list = IdList("clientList", self)
        self.client_list.setAccessibleName(self.tr("Clients"))
        self.new_client_button = QPushButton(self.tr("&New client"), self)
        self.new_client_button.setObjectName("newClient")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.client_filter)
        layout.addWidget(self.client_list, 1)
        layout.addWidget(self.new_client_button)

    def show_clients(self, clients: list[ClientSummary], current: object) -> None:
        """The clients by name, each with its date of birth; `current` stays selected."""
        rows = [
            (
                c.id,
                c.full_name,
                self.tr("Born {date}").format(date=ltr(c.date_of_birth.isoformat()))
                if c.date_of_birth is not None
                else "",
            )
            for c in sorted(clients, key=lambda c: c.full_name.casefold())
        ]
        self.client_list.set_rows(rows, current)


class ClientBox(QGroupBox):
    """The client's details, under a "Details" toggle. It asks for no more height than it
    needs, so that the splitter gives what the window has to spare to the session; in a
    window too short for all of them, the fields scroll inside the box (`details`) rather
    than making the window taller than the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Client"), parent)
        self.client_editor = ClientEditor(self)
        self.details = _Details(self.client_editor, self)
        self.details.setAccessibleName(self.tr("The client's details"))
        self.client_toggle = QToolButton(self)
        self.client_toggle.setObjectName("clientDetailsToggle")
        self.client_toggle.setText(self.tr("Details"))
        self.client_toggle.setToolTip(self.tr("Show or hide the client's details"))
        self.client_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.client_toggle.setCheckable(True)
        self.client_toggle.setChecked(True)
        toggle_row = QHBoxLayout()
        toggle_row.addWidget(self.client_toggle)
        toggle_row.addStretch(1)
        self.header = toggle_row  # the window adds the client's own buttons here
        layout = QVBoxLayout(self)
        layout.addLayout(toggle_row)
        layout.addWidget(self.details, 1)


class _Details(QScrollArea):
    """The client's form, whole when there is room (its size hint) and scrolled when there
    is not (its minimum is one row); the field with the focus is kept in view."""

    def __init__(self, editor: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("clientDetails")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(editor)
        self._form = editor
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        inner = self._form.minimumSizeHint()
        return QSize(inner.width(), inner.height() + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        inner = self._form.minimumSizeHint()
        scrollbar = self.verticalScrollBar().sizeHint().width()
        row = self.fontMetrics().lineSpacing() * 2
        return QSize(inner.width() + scrollbar, row)

    def _on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is not None and self._form.isAncestorOf(now):
            self.ensureWidgetVisible(now)


class ClientPane(QObject):
    """What the client list and the client box do. `client_shown(id or None)` follows
    every change of client; errors leave as `failed` and successes as `saved`."""

    client_shown = Signal(object)
    failed = Signal(object)  # an error, for the window to show
    saved = Signal(str)  # a line for the status bar

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        gate: SaveGate,
        listing: ClientListPane,
        box: ClientBox,
        sessions: SessionPane,
    ) -> None:
        super().__init__(box)
        self._api, self._runner, self._gate = api, runner, gate
        self.listing, self.box, self.sessions = listing, box, sessions
        self.editor = box.client_editor
        self.filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.refresh)
        listing.client_filter.textChanged.connect(self.filter_timer.start)
        listing.client_list.currentItemChanged.connect(self._on_selected)
        listing.new_client_button.clicked.connect(self.new_client)
        self.editor.save_requested.connect(self.save_client)

    @property
    def client_id(self) -> UUID | None:
        return self.editor.client_id

    def current_ticket(self) -> Ticket:
        """The ticket of the client on screen, for work that belongs to it."""
        return self._runner.current(CLIENT_KEY)

    def refresh(self) -> None:
        """(Re)load the client list for the current search text."""
        self.filter_timer.stop()
        self._runner.latest(
            CLIENTS_KEY,
            self._api.notes.list_clients,
            self.listing.client_filter.text().strip(),
            on_success=self._on_clients,
        )

    def _on_clients(self, clients: list[ClientSummary]) -> None:
        self.listing.show_clients(clients, self.client_id)

    def clear(self) -> None:
        """Forget the list, its search text and the client (on lock)."""
        self._runner.invalidate(CLIENTS_KEY, CLIENT_KEY)
        self.filter_timer.stop()
        self.listing.client_filter.blockSignals(True)
        self.listing.client_filter.clear()
        self.listing.client_filter.blockSignals(False)
        self.listing.client_list.clear_quietly()
        self.show(None, enabled=False)

    # -- opening ----------------------------------------------------------------------------

    def _on_selected(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        listing = self.listing.client_list
        client_id = listing.chosen(current, previous, self.client_id, self._gate.resolve_unsaved)
        if client_id is not None:
            self.open_client(client_id)

    def open_client(
        self,
        client_id: UUID,
        select_session: UUID | None = None,
        then: Callable[[Client], None] | None = None,
    ) -> None:
        """Load a client and the list of its sessions (with `select_session` selected);
        `then(client)` once the client is shown."""
        ticket = self._runner.renew(CLIENT_KEY)

        def shown(client: Client) -> None:
            self.show(client, enabled=True)
            if then is not None:
                then(client)

        self._runner.submit(self._api.notes.get_client, client_id, on_success=shown, ticket=ticket)
        self.sessions.load_sessions(client_id, select_session, ticket)

    def show(self, client: Client | None, *, enabled: bool) -> None:
        """Put `client` (None: an empty form, `enabled` for a new client) on screen."""
        self.editor.load(client)
        self.box.setEnabled(enabled)
        client_id = client.id if client is not None else None
        self.sessions.show_client(client_id, enabled=enabled)
        self.client_shown.emit(client_id)

    def new_client(self) -> None:
        if not self._gate.resolve_unsaved():
            return
        self.start_new()
        self.editor.full_name.setFocus()

    def start_new(self) -> None:
        """An empty form for a new client, unfolded: a name cannot be typed folded away."""
        self._runner.invalidate(CLIENT_KEY)  # a load in flight must not replace it
        self.listing.client_list.select_quietly(None)
        self.show(None, enabled=True)
        self.box.client_toggle.setChecked(True)

    # -- saving -----------------------------------------------------------------------------

    def save_client(self) -> None:
        try:
            call = self._gate.save_call(self.editor)
        except ValidationError as exc:
            self.failed.emit(exc)
            return
        assert call is not None  # a client can always be saved
        # Disabled until the answer: a double click must not create the client twice.
        self.box.setEnabled(False)
        # Locked meanwhile: the save is done, but the screen must stay empty (stale ticket).
        self._gate.submit_save(
            self.editor,
            call,
            on_success=self._on_saved,
            on_error=self._on_save_failed,
            ticket=self._runner.current(CLIENT_KEY),
        )

    def _on_saved(self, client: Client) -> None:
        was_new = self.client_id != client.id
        self._runner.invalidate(CLIENT_KEY)
        if was_new:
            self.show(client, enabled=True)
        else:
            self.editor.load(client)
            self.box.setEnabled(True)
        self.saved.emit(self.tr("Client saved."))
        self.refresh()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.box.setEnabled(True)
        self.failed.emit(exc)
