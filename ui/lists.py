"""A list of records keyed by id, refilled without firing selection signals.

Reloading a list must not look like the user picking something: that would reload the
editor and could throw away what is being typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

ID_ROLE = Qt.ItemDataRole.UserRole


class IdList(QListWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)

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
                if tooltip:
                    item.setToolTip(tooltip)
                self.addItem(item)
            self._select(selected)
        finally:
            self.blockSignals(False)

    def select_quietly(self, record_id: UUID | None) -> None:
        self.blockSignals(True)
        try:
            self._select(record_id)
        finally:
            self.blockSignals(False)

    def restore_quietly(self, previous: QListWidgetItem | None) -> None:
        """Undo a selection the user cancelled (e.g. kept unsaved changes)."""
        self.blockSignals(True)
        try:
            self.setCurrentItem(previous)
        finally:
            self.blockSignals(False)

    def clear_quietly(self) -> None:
        self.set_rows((), None)

    def _select(self, record_id: UUID | None) -> None:
        for row in range(self.count()):
            if self.id_of(self.item(row)) == record_id:
                self.setCurrentRow(row)
                return
        self.setCurrentItem(None)
        self.clearSelection()
