"""A list of records keyed by id, refilled without firing selection signals.

Reloading a list must not look like the user picking something: that would reload the
editor and could throw away what is being typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from uuid import UUID

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ui.kit.bidi import IsolatingDelegate

ID_ROLE = Qt.ItemDataRole.UserRole
TEXT_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's text without the unsaved marker
UNSAVED_MARK = " *"


class IdList(QListWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        # A Hebrew name in the English UI (or the reverse) keeps its own order.
        self.setItemDelegate(IsolatingDelegate(self))
        # A row wider than the list is elided with "…", whole in its tooltip: scrolled
        # sideways, an English question in the Hebrew window lost its start ("hat was…").
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)
        self._marked: UUID | None = None

    @staticmethod
    def id_of(item: QListWidgetItem | None) -> UUID | None:
        return UUID(item.data(ID_ROLE)) if item is not None else None

    def ids(self) -> list[UUID]:
        return [UUID(self.item(row).data(ID_ROLE)) for row in range(self.count())]

    def set_rows(self, rows: Iterable[tuple[UUID, str, str]], selected: UUID | None) -> None:
        """Replace the rows (id, text, tooltip) and select `selected` if present, quietly."""
        self.blockSignals(True)
        try:
            self.clear()
            for record_id, text, tooltip in rows:
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, str(record_id))
                item.setData(TEXT_ROLE, text)
                item.setToolTip(f"{text}\n{tooltip}" if tooltip else text)
                self.addItem(item)
            self._select(selected)
            self.mark_unsaved(self._marked)
        finally:
            self.blockSignals(False)

    def select_quietly(self, record_id: UUID | None) -> None:
        self.blockSignals(True)
        try:
            self._select(record_id)
        finally:
            self.blockSignals(False)

    def restore_quietly(self, previous: QListWidgetItem | None) -> None:
        """Undo a selection the user cancelled (e.g. kept unsaved changes).

        A click changes the current row first and selects the clicked row after the
        handler returns, so the row is put back again once the event is done; otherwise the
        list would highlight the row the user cancelled while the editor shows the other.
        """
        record_id = self.id_of(previous)
        self.select_quietly(record_id)
        QTimer.singleShot(0, self, lambda: self.select_quietly(record_id))

    def chosen(
        self,
        current: QListWidgetItem | None,
        previous: QListWidgetItem | None,
        shown: UUID | None,
        may_leave: Callable[[], bool],
    ) -> UUID | None:
        """The record a change of row asks to open, or None: no row, the record `shown`
        already, or the user chose to stay (`may_leave` said no; the row goes back)."""
        record_id = self.id_of(current)
        if record_id is None or record_id == shown:
            return None
        if not may_leave():
            self.restore_quietly(previous)
            return None
        return record_id

    def selected_id(self) -> UUID | None:
        """The highlighted row's id (what the user sees as chosen)."""
        items = self.selectedItems()
        return self.id_of(items[0]) if len(items) == 1 else None

    def mark_unsaved(self, record_id: UUID | None) -> None:
        """Show the row of `record_id` (None: no row) as having unsaved changes."""
        self._marked = record_id
        for row in range(self.count()):
            item = self.item(row)
            marked = record_id is not None and self.id_of(item) == record_id
            base = item.data(TEXT_ROLE) or item.text()
            item.setText(base + UNSAVED_MARK if marked else base)
            font = item.font()
            font.setItalic(marked)
            item.setFont(font)

    def clear_quietly(self) -> None:
        self.set_rows((), None)

    def _select(self, record_id: UUID | None) -> None:
        for row in range(self.count()):
            if self.id_of(self.item(row)) == record_id:
                self.setCurrentRow(row)
                return
        self.setCurrentItem(None)
        self.clearSelection()
