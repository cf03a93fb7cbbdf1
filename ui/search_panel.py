"""Search within the notes of the client on screen, and jump to where a result came from.

The panel only asks and lists; opening a result belongs to the main window, which owns the
editors and the unsaved-changes guard, so it listens to `hit_activated`. Results carry
note text (PHI): they are dropped whenever the client changes, which includes locking.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import NotesApi
from core.retrieval.types import SearchHit, SearchQuery, SearchResult
from ui.bidi import DATE_TIME, IsolatingDelegate
from ui.fields import field_label
from ui.snippets import SOURCE_ROLE, SnippetDelegate, centred, fitting_chars
from ui.tasks import TaskRunner

RESULT_LIMIT = 10
RESULTS_KEY = "search.results"  # the task runner key of the results on screen
_SNIPPET_COLUMN = 2


class SearchPanel(QGroupBox):
    """Emits `hit_activated(SearchHit)` when a result is chosen, and `failed(exc)` with
    errors that belong to the one place errors are shown."""

    hit_activated = Signal(object)
    failed = Signal(object)
    results_shown = Signal()  # the window may give the list more room (`room_wanted`)

    def __init__(self, api: NotesApi, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setTitle(self.tr("Search this client's notes"))
        self._api = api
        self._runner = runner
        self._client_id: UUID | None = None
        # Bumped on every search and client change: a late answer for an older question, or
        # for a client the user has left, never reaches the screen.
        self.hits: list[SearchHit] = []
        self.searching = False
        self._query = ""
        # The height the window could give the results (the main window's splitter).
        self.spare_height: Callable[[], int] = lambda: 0

        self.query = QLineEdit(self)
        self.query.setObjectName("noteSearch")
        self.query.setPlaceholderText(self.tr("Words or phrases from the notes"))
        self.query.setAccessibleName(self.tr("Search this client's notes"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Searc&h"), self)
        self.search_button.setObjectName("noteSearchButton")
        self.search_button.clicked.connect(self.search)
        self.index_note = QLabel(self)
        self.index_note.setObjectName("searchIndexNote")
        self.index_note.setWordWrap(True)
        self.index_note.hide()
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.hide()
        self.results = QTreeWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setRootIsDecorated(False)
        self.results.setItemDelegate(IsolatingDelegate(self.results))  # dates, notes' words
        # The snippet around its match, the words marked; no raw scores (the order says it).
        self.results.setItemDelegateForColumn(_SNIPPET_COLUMN, SnippetDelegate(self.results))
        self.results.setUniformRowHeights(True)
        self.results.setHeaderLabels([self.tr("Date"), self.tr("Field"), self.tr("Snippet")])
        header = self.results.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_SNIPPET_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.results.itemActivated.connect(self._on_item_activated)

        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.index_note)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        self.set_client(None)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # No claim on the height beyond the minimum: the splitter gives what the window has
        # to spare to the session being written, and the user drags it here when searching.
        return self.minimumSizeHint()

    @property
    def client_id(self) -> UUID | None:
        return self._client_id

    def set_client(self, client_id: UUID | None) -> None:
        """Search `client_id` from now on; None (no saved client, or locked) disables the
        panel. Changing client forgets the query and the results."""
        self.setEnabled(client_id is not None)
        if client_id == self._client_id:
            return
        self._client_id = client_id
        self.query.clear()
        self._clear_results()

    def search(self) -> None:
        """Run the query in the box for the current client, off the GUI thread."""
        text = self.query.text().strip()
        client_id = self._client_id
        self._clear_results()
        if not text or client_id is None:
            return
        self.searching = True
        self._query = text
        self._show_message(self.tr("Searching…"))
        self._runner.latest(
            RESULTS_KEY,
            self._api.search,
            SearchQuery(text, client_id=client_id, k=self.rows_that_fit()),
            on_success=self._on_result,
            on_error=self._on_error,
        )

    def row_height(self) -> int:
        return max(self.results.sizeHintForRow(0), self.results.fontMetrics().lineSpacing() + 4)

    def rows_that_fit(self) -> int:
        """As many results as the list has room for, counting the height the window could
        lend it (`spare_height`), RESULT_LIMIT at least."""
        room = self.results.viewport().height() + self.spare_height()
        return max(RESULT_LIMIT, room // self.row_height())

    def room_wanted(self) -> int:
        """The extra height the panel needs to show every result without scrolling."""
        rows = self.results.topLevelItemCount()
        return max(0, rows * self.row_height() - self.results.viewport().height() + 4)

    def activate(self, row: int) -> None:
        """Open result `row`, as Enter or a double click on it does."""
        self.hit_activated.emit(self.hits[row])

    # -- answers ----------------------------------------------------------------------------

    def _on_result(self, result: SearchResult) -> None:
        self.searching = False
        index = result.index
        self.index_note.setVisible(not index.complete)
        if not index.complete:
            self.index_note.setText(
                self.tr(
                    "Index: {current} of {total} notes ready; results may be incomplete"
                ).format(current=index.current, total=index.total)
            )
        self.hits = list(result.hits)
        if not self.hits:
            self._show_message(self.tr("No notes match."))
            return
        self.message.hide()
        for hit in self.hits:
            self.results.addTopLevelItem(self._item(hit))
        self.results.setCurrentItem(self.results.topLevelItem(0))
        self.results_shown.emit()

    def _on_error(self, exc: BaseException) -> None:
        self.searching = False
        self.message.hide()
        self.failed.emit(exc)

    def _item(self, hit: SearchHit) -> QTreeWidgetItem:
        date = hit.session_date.strftime(DATE_TIME) if hit.session_date else ""
        # One line per result; the whole snippet, line breaks included, is in the tooltip.
        # Centred on the match from the whole chunk when there is one; the tooltip has
        # the whole snippet, line breaks included.
        whole = hit.text or hit.snippet
        width = self.results.header().sectionSize(_SNIPPET_COLUMN)
        shown, _spans = centred(whole, self._query, fitting_chars(self.fontMetrics(), width))
        item = QTreeWidgetItem([date, field_label(hit.field), shown])
        item.setData(_SNIPPET_COLUMN, SOURCE_ROLE, (whole, self._query))
        item.setToolTip(_SNIPPET_COLUMN, hit.snippet)
        return item

    def _on_item_activated(self, item: QTreeWidgetItem, column: int) -> None:
        self.activate(self.results.indexOfTopLevelItem(item))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _clear_results(self) -> None:
        self._runner.invalidate(RESULTS_KEY)
        self.searching = False
        self.hits = []
        self.results.clear()
        self.index_note.hide()
        self.index_note.clear()
        self.message.hide()
