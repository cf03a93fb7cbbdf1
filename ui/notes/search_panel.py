"""Search within the notes of the client on screen, and jump to where a result came from.

The panel only asks and lists; opening a result belongs to the main window, which owns the
editors and the unsaved-changes guard, so it listens to `hit_activated`. Results carry
note text (PHI): they are dropped whenever the client changes, which includes locking.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.retrieval.types import SearchHit, SearchQuery, SearchResult
from ui.kit.bidi import DATE_TIME, IsolatingDelegate, ltr_runs
from ui.kit.fields import field_label
from ui.kit.tasks import TaskRunner
from ui.notes.snippet_text import match_spans, one_line
from ui.notes.snippets import SOURCE_ROLE, Snippet, SnippetDelegate, fitted

RESULT_LIMIT = 10
MIN_ROWS = 8  # results the list shows at 1366×768 with no session open, the room allowing
RESULTS_KEY = "search.results"  # the task runner key of the results on screen
_SNIPPET_COLUMN = 2
# One click opens a result, as a link does (a double click opens it once); the arrow keys
# only move, and Enter opens. Qt's own single-click activation, set for this list alone.
_OPEN_ON_CLICK = "QTreeView { activate-on-singleclick: 1; }"


class SearchPanel(QGroupBox):
    """Emits `hit_activated(SearchHit)` when a result is chosen, and `failed(exc)` with
    errors that belong to the one place errors are shown."""

    hit_activated = Signal(object)
    failed = Signal(object)
    results_shown = Signal()  # the window may give the list more room (`room_wanted`)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
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
        # Down from the box goes to the results: type, Enter, Down, Enter opens the first.
        to_results = QShortcut(QKeySequence(Qt.Key.Key_Down), self.query)
        to_results.setContext(Qt.ShortcutContext.WidgetShortcut)
        to_results.activated.connect(self._focus_results)
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
        self.results.setStyleSheet(_OPEN_ON_CLICK)
        self.results.setHeaderLabels([self.tr("Date"), self.tr("Field"), self.tr("Snippet")])
        header = self.results.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_SNIPPET_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.results.itemActivated.connect(self._on_item_activated)
        # The rows' text follows the column's width once a resize (a splitter drag) settles.
        self._reshow = QTimer(self, singleShot=True, interval=100)
        self._reshow.timeout.connect(self._reshow_rows)
        header.sectionResized.connect(self._on_section_resized)
        # At the least, the header and one row: at 1366×768 a session's four fields need
        # the rest to keep six lines each (the list scrolls, and the splitter gives more).
        self.results.setMinimumHeight(
            header.sizeHint().height()
            + self.results.fontMetrics().height()
            + 2 * self.results.frameWidth()
            + 2
        )

        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        # Tighter than the style's margins: at 1366×768 each row of space is a result more.
        margins = layout.contentsMargins()
        layout.setContentsMargins(margins.left(), 2, margins.right(), 2)
        layout.setSpacing(2)
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
            self._api.search.query,
            SearchQuery(text, client_id=client_id, k=self.rows_that_fit()),
            on_success=self._on_result,
            on_error=self._on_error,
        )

    def row_height(self) -> int:
        """A result row's height: as laid out when there are rows, else as a line of text."""
        return max(self.results.sizeHintForRow(0), self.results.fontMetrics().height())

    def rows_that_fit(self) -> int:
        """As many results as the list has room for, counting the height the window could
        lend it (`spare_height`), RESULT_LIMIT at least."""
        room = self.results.viewport().height() + self.spare_height()
        return max(RESULT_LIMIT, room // self.row_height())

    def room_wanted(self) -> int:
        """The extra height the panel needs to show every result without scrolling."""
        return self._room_for(self.results.topLevelItemCount())

    def room_needed(self) -> int:
        """The extra height the panel needs to show `MIN_ROWS` results (all, when fewer):
        worth folding the client's details for, where showing every one is not."""
        return self._room_for(min(self.results.topLevelItemCount(), MIN_ROWS))

    def _room_for(self, rows: int) -> int:
        return max(0, rows * self.row_height() - self.results.viewport().height() + 4)

    def activate(self, row: int) -> None:
        """Open result `row`, as a click on it or Enter does."""
        self.hit_activated.emit(self.hits[row])

    def _focus_results(self) -> None:
        if self.results.topLevelItemCount():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

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
        if not result.hits:
            self._show_message(self.tr("No notes match."))
            return
        self.message.hide()
        rows = [(hit, self._snippet(hit, result.names)) for hit in result.hits]
        # The notes that hold the words first, in the search's order; then those it found by
        # their meaning alone, which say so instead of showing words that are not there.
        rows.sort(key=lambda row: not row[1].spans)
        self.hits = [hit for hit, _ in rows]
        items = [self._item(hit, snippet) for hit, snippet in rows]
        self.results.addTopLevelItems(items)
        self.results.setCurrentItem(items[0])
        self.results_shown.emit()

    def _on_error(self, exc: BaseException) -> None:
        self.searching = False
        self.message.hide()
        self.failed.emit(exc)

    def _snippet(self, hit: SearchHit, names: tuple[str, ...] = ()) -> Snippet:
        """The row's text: the whole chunk on one line (the delegate cuts it around the
        match to the column's width as it is when painted), the query's words or the
        other names it was searched by (`names`) marked."""
        line = one_line(hit.text or hit.snippet)
        spans = tuple(match_spans(line, self._query, names))
        return Snippet(line, spans, "" if spans else self.tr("Related in meaning:"))

    def _item(self, hit: SearchHit, snippet: Snippet) -> QTreeWidgetItem:
        date = hit.session_date.strftime(DATE_TIME) if hit.session_date else ""
        # The display text is the part painted at the column's width now (screen readers
        # and tests read it); the tooltip has core's snippet, line breaks included.
        item = QTreeWidgetItem([date, field_label(hit.field), self._shown(snippet)])
        item.setData(_SNIPPET_COLUMN, SOURCE_ROLE, snippet)
        item.setToolTip(_SNIPPET_COLUMN, ltr_runs(hit.snippet))
        return item

    def _shown(self, snippet: Snippet) -> str:
        # The cell's text rect: the column less the margins the style keeps either side.
        margin = self.results.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.results
        )
        width = self.results.header().sectionSize(_SNIPPET_COLUMN) - 2 * (margin + 1)
        return fitted(snippet, self.results.font(), width, self.layoutDirection())[0]

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == _SNIPPET_COLUMN:
            self._reshow.start()

    def _reshow_rows(self) -> None:
        for row in range(self.results.topLevelItemCount()):
            item = self.results.topLevelItem(row)
            snippet = item.data(_SNIPPET_COLUMN, SOURCE_ROLE) if item is not None else None
            if item is not None and isinstance(snippet, Snippet):
                item.setText(_SNIPPET_COLUMN, self._shown(snippet))

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
