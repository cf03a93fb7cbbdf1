"""A page of a document beside its text: the page as core rendered it,
the cited passage boxed over its words, and the text read from the page with the passage
selected. A page read by OCR says so above its text: its numbers are leads to check
against the original, never values to act on. Its facts wait beside the page image, in
`ConfirmFactsPanel`, for the clinician to confirm them into the timeline.

The picture, the text and the boxes are PHI: `clear()` drops them (on lock, on another
client)."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QRect, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.documents.types import Box, PageView
from core.retrieval.types import DocumentRef
from core.timeline.types import TimelineFact
from ui.documents.confirm_panel import ConfirmFactsPanel
from ui.kit.contrast import WARNING_TEXT
from ui.kit.document_text import document_place, scan_caution
from ui.kit.tasks import TaskRunner

PAGE_KEY = "documents.page"
PENDING_KEY = "documents.pending"
HIGHLIGHT_FILL = QColor(255, 214, 0, 110)  # a marker pen's yellow, the words seen through it
HIGHLIGHT_EDGE = QColor(200, 120, 0)
_NUMBER = QRegularExpression(r"\d+(?:[.,]\d+)*")


class PageCanvas(QWidget):
    """The rendered page, scaled to the width it is given, with the boxes drawn over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPage")
        self.setAccessibleName(self.tr("The page"))
        self.pixmap = QPixmap()
        self.boxes: tuple[Box, ...] = ()

    def show_page(self, png: bytes, boxes: tuple[Box, ...]) -> None:
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(png, "PNG")
        self.boxes = boxes
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.show_page(b"", ())

    @property
    def scale(self) -> float:
        if self.pixmap.isNull():
            return 1.0
        return self.width() / self.pixmap.width()

    def highlight_rects(self) -> list[QRect]:
        """Where the boxes are drawn, in this widget's pixels."""
        s = self.scale
        return [
            QRect(round(b.left * s), round(b.top * s), round(b.width * s), round(b.height * s))
            for b in self.boxes
        ]

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return not self.pixmap.isNull()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        if self.pixmap.isNull():
            return 0
        return round(width * self.pixmap.height() / self.pixmap.width())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(420, 594)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self.pixmap.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = QRect(0, 0, self.width(), self.heightForWidth(self.width()))
        painter.drawPixmap(target, self.pixmap)
        painter.setPen(QPen(HIGHLIGHT_EDGE, 1))
        painter.setBrush(HIGHLIGHT_FILL)
        for rect in self.highlight_rects():
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        painter.end()


class _Scroll(QScrollArea):
    """Keeps the page as wide as the view, scrolling down it."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        page = self.widget()
        if page is not None:
            width = self.viewport().width()
            page.resize(width, max(1, page.heightForWidth(width)))


class PageViewPane(QWidget):
    """Shows one page (`show_page`); emits `failed(exc)` for the window to show, and
    `facts_reviewed` once facts of a scan were confirmed or rejected."""

    failed = Signal(object)
    shown = Signal()
    facts_reviewed = Signal()

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentPageView")
        self._api, self._runner = api, runner
        self.view: PageView | None = None
        self._passage = ""
        self.heading = QLabel(self)
        self.heading.setObjectName("documentPageHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.caution = QLabel(self)
        self.caution.setObjectName("documentScanCaution")
        self.caution.setWordWrap(True)
        self.caution.setTextFormat(Qt.TextFormat.PlainText)
        self.caution.setStyleSheet(f"color: {WARNING_TEXT};")
        self.caution.hide()
        self.previous = QPushButton(self.tr("&Previous page"), self)
        self.previous.setObjectName("previousPage")
        self.previous.clicked.connect(lambda: self._turn(-1))
        self.next = QPushButton(self.tr("Ne&xt page"), self)
        self.next.setObjectName("nextPage")
        self.next.clicked.connect(lambda: self._turn(1))
        self.canvas = PageCanvas(self)
        scroll = _Scroll(self)
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(False)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("documentPageText")
        self.text.setAccessibleName(self.tr("Text read from the page"))
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(self.tr("This page has not been read yet."))
        self.facts_panel = ConfirmFactsPanel(self)
        self.facts_panel.highlight.connect(self._highlight)
        self.facts_panel.review.connect(self._review)
        self._pending_for: tuple[UUID, int] | None = None
        beside = QSplitter(Qt.Orientation.Vertical, self)
        beside.addWidget(self.facts_panel)
        beside.addWidget(self.text)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(beside)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 340])
        turn = QHBoxLayout()
        turn.addWidget(self.heading, 1)
        turn.addWidget(self.previous)
        turn.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(turn)
        layout.addWidget(self.caution)
        layout.addWidget(split, 1)
        self.clear()

    @property
    def loading(self) -> bool:
        return self._runner.busy

    def show_page(self, document_id: UUID, page: int, passage: str = "") -> None:
        self._passage = passage
        self._runner.latest(
            PAGE_KEY,
            self._api.documents.page_view,
            document_id,
            page,
            passage,
            on_success=self._on_view,
            on_error=self.failed.emit,
        )

    def clear(self) -> None:
        self._runner.invalidate(PAGE_KEY, PENDING_KEY)
        self.view = None
        self._pending_for = None
        self.facts_panel.clear()
        self.canvas.clear()
        self.text.clear()
        self.heading.setText(self.tr("Choose a document to see its pages."))
        self.caution.hide()
        self.previous.setEnabled(False)
        self.next.setEnabled(False)

    def _turn(self, step: int) -> None:
        if self.view is not None:
            self.show_page(self.view.document.id, self.view.page.page + step)

    def _on_view(self, view: PageView) -> None:
        self.view = view
        info, page = view.document, view.page
        ref = DocumentRef(info.id, info.title, info.date, page.page, page.from_scan)
        self.heading.setText(
            self.tr("{place} of {pages}").format(place=document_place(ref), pages=info.page_count)
        )
        self.caution.setText(
            self.tr("⚠ This page was read from a scan: its numbers are {caution}.").format(
                caution=scan_caution()
            )
        )
        self.caution.setVisible(page.from_scan)
        self.previous.setEnabled(page.page > 1)
        self.next.setEnabled(page.page < info.page_count)
        self.canvas.show_page(view.png, view.boxes)
        self.scroll.fit()
        self.text.setPlainText(page.text)
        self._mark_text(view)
        where = (info.id, page.page)
        if not page.from_scan:
            self._pending_for = None
            self.facts_panel.clear()
        elif where != self._pending_for:
            self._load_pending(*where)
        self.shown.emit()

    # -- a scan's facts, confirmed against the page ---------------------------------------------
    def _load_pending(self, document_id: UUID, page: int) -> None:
        self._pending_for = (document_id, page)
        self._runner.latest(
            PENDING_KEY,
            self._api.documents.pending_facts,
            document_id,
            on_success=self._on_pending,
            on_error=self.failed.emit,
        )

    def _on_pending(self, facts: list[TimelineFact]) -> None:
        where = self._pending_for
        mine = [t for t in facts if t.document and (t.document.id, t.document.page) == where]
        self.facts_panel.show_facts(mine)

    def _highlight(self, words: str) -> None:
        """Box the words a fact was read from on the page image (the page stays)."""
        if self.view is not None:
            self.show_page(self.view.document.id, self.view.page.page, words)

    def _review(self, fact_ids: list[UUID], verdict: str) -> None:
        if self._pending_for is None:
            return
        document_id, page = self._pending_for
        docs = self._api.documents
        act = docs.confirm_facts if verdict == "confirmed" else docs.reject_facts
        self._runner.submit(
            act,
            document_id,
            page,
            fact_ids,
            on_success=self._on_reviewed,
            on_error=self.failed.emit,
            ticket=self._runner.current(PENDING_KEY),
        )

    def _on_reviewed(self, _count: int) -> None:
        if self._pending_for is not None:
            self._load_pending(*self._pending_for)
        self.facts_reviewed.emit()

    def _mark_text(self, view: PageView) -> None:
        """The passage selected in the text, scrolled to; on a scan, every number in the
        text underlined as one to check."""
        marks: list[QTextEdit.ExtraSelection] = []
        if view.page.from_scan:
            wavy = QTextCharFormat()
            wavy.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            wavy.setUnderlineColor(QColor(WARNING_TEXT))
            document = self.text.document()
            cursor = document.find(_NUMBER)
            while not cursor.isNull():
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor  # type: ignore[attr-defined]
                mark.format = wavy  # type: ignore[attr-defined]
                marks.append(mark)
                cursor = document.find(_NUMBER, cursor)
        self.text.setExtraSelections(marks)
        if view.span is not None:
            cursor = self.text.textCursor()
            cursor.setPosition(view.span[0])
            cursor.setPosition(view.span[1], QTextCursor.MoveMode.KeepAnchor)
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()
            if view.boxes:
                top = min(b.top for b in view.boxes)
                self.scroll.ensureVisible(0, round(top * self.canvas.scale), 0, 80)
