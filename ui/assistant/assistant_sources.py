"""An answer's sources: a citation chip per cited source, and a list with a used/all toggle.

Choosing a chip or a row emits `source_activated(AskSource)`; the main window opens the
note, as it does for a search hit (an AskSource locates a note the same way). Sources carry
note text (PHI) and are dropped with the answer they belong to.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.assistant.types import AskSource
from ui.kit.bidi import DATE, DATE_TIME, IsolatingDelegate, ltr
from ui.kit.contrast import muted_text
from ui.kit.document_text import document_place, with_caution
from ui.kit.elided import ElidedButton
from ui.kit.fields import field_label

CHIP_COLUMNS = 3
_SNIPPET_COLUMN = 3


def source_place(source: AskSource) -> str:
    """Where a source is, in words: "2024-03-02 · Plan", "Client record · Notes", or a
    document's "Referral · 2024-03-02 · page 2"."""
    if source.document is not None:
        return document_place(source.document)
    if source.session_date is not None:
        # An isolate keeps the date's digits and dashes in order inside Hebrew text.
        when = ltr(source.session_date.strftime(DATE))
    else:
        when = QCoreApplication.translate("AssistantSources", "Client record")
    return QCoreApplication.translate("AssistantSources", "{when} · {field}").format(
        when=when, field=field_label(source.field)
    )


class SourcesView(QWidget):
    source_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources: list[AskSource] = []
        self.chips: list[ElidedButton] = []
        self.reading = False  # the notes an answer is being read from, none cited yet
        # Whose sources these are when a conversation has several answers.
        self.caption = QLabel(self)
        self.caption.setObjectName("sourcesCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.hide()
        self._chip_box = QWidget(self)
        self._chip_box.setObjectName("citationChips")
        self._chip_grid = QGridLayout(self._chip_box)
        self._chip_grid.setContentsMargins(0, 0, 0, 0)
        self.show_all = QCheckBox(self.tr("Show all sources, including those not cited"), self)
        self.show_all.setObjectName("showAllSources")
        self.show_all.toggled.connect(self._fill_list)
        self.list = QTreeWidget(self)
        self.list.setObjectName("assistantSources")
        self.list.setAccessibleName(self.tr("Sources of the answer"))
        self.list.setRootIsDecorated(False)
        self.list.setItemDelegate(IsolatingDelegate(self.list))
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels(
            [self.tr("#"), self.tr("Date"), self.tr("Field"), self.tr("Snippet"), self.tr("Use")]
        )
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_SNIPPET_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.list.itemActivated.connect(self._on_item_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self._chip_box)
        layout.addWidget(self.show_all)
        layout.addWidget(self.list, 1)
        self.set_sources([])

    @property
    def used(self) -> list[AskSource]:
        return [s for s in self.sources if s.used]

    def listed(self) -> list[AskSource]:
        """The sources the list shows now, in order."""
        return list(self.sources) if self.show_all.isChecked() else self.used

    def set_sources(
        self,
        sources: Sequence[AskSource],
        *,
        show_all: bool = False,
        caption: str = "",
        reading: bool = False,
    ) -> None:
        """Show `sources`: cited ones only unless `show_all` (a refusal cites nothing, so its
        closest notes are listed all the same); `reading`: the notes an answer is being
        read from, listed before it is written. `caption` says whose sources they are."""
        self.sources = sorted(sources, key=lambda s: s.n)
        self.reading = reading
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self._fill_chips()
        self.show_all.blockSignals(True)
        self.show_all.setChecked(show_all or reading)
        self.show_all.blockSignals(False)
        self.show_all.setEnabled(bool(self.sources))
        self._fill_list()

    def source(self, n: int) -> AskSource | None:
        return next((s for s in self.sources if s.n == n), None)

    def activate(self, n: int) -> None:
        """Open source `n`, as its chip does; an unknown number does nothing."""
        source = self.source(n)
        if source is not None:
            self.source_activated.emit(source)

    def _fill_chips(self) -> None:
        for chip in self.chips:
            self._chip_grid.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for i, source in enumerate(self.used):
            label = self.tr("[{n}] {place}").format(n=source.n, place=source_place(source))
            chip = ElidedButton(label, self._chip_box)
            chip.setObjectName("citationChip")
            chip.setFlat(True)
            chip.setStyleSheet("QPushButton { border: 1px solid #8ab4f8; border-radius: 9px; }")
            # Where it is in full (the chip may be elided), then the answer's sentence that
            # cites it, or the note itself: plain text only.
            said = source.reason or source.snippet
            if source.document is not None:
                said = with_caution(said, source.document.from_scan)
            chip.setToolTip(_plain_tooltip(f"{label}\n{said}"))
            chip.clicked.connect(lambda _=False, n=source.n: self.activate(n))
            self._chip_grid.addWidget(chip, i // CHIP_COLUMNS, i % CHIP_COLUMNS)
            self.chips.append(chip)
        self._chip_box.setVisible(bool(self.chips))

    def _fill_list(self) -> None:
        self.list.clear()
        # Quieter than a cited row, yet readable (not the disabled grey, at about 1.6:1).
        muted = QBrush(muted_text(self.list.palette()))
        for source in self.listed():
            date = source.session_date.strftime(DATE_TIME) if source.session_date else ""
            field = field_label(source.field)
            snippet = " ".join(source.snippet.split())
            if source.document is not None:  # a page: its document's date, title and page
                ref = source.document
                date = ref.date.strftime(DATE) if ref.date else ""
                field = document_place(ref)
                snippet = with_caution(snippet, ref.from_scan)
            if self.reading:
                use = self.tr("reading")
            else:
                use = self.tr("cited") if source.used else self.tr("not cited")
            item = QTreeWidgetItem([f"[{source.n}]", date, field, snippet, use])
            item.setData(0, Qt.ItemDataRole.UserRole, source.n)
            item.setToolTip(_SNIPPET_COLUMN, _plain_tooltip(source.snippet))
            if not source.used:
                for column in range(item.columnCount()):
                    item.setForeground(column, muted)
            self.list.addTopLevelItem(item)

    def _on_item_activated(self, item: QTreeWidgetItem, column: int) -> None:
        self.activate(int(item.data(0, Qt.ItemDataRole.UserRole)))


def _plain_tooltip(text: str) -> str:
    # Qt renders a tooltip that merely looks like rich text as HTML (an <img> would load);
    # converting makes it escaped rich text that shows exactly the characters given.
    return Qt.convertFromPlainText(text)
