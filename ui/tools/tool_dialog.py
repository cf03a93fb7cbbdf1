"""A menu action that opens one dialog: built on first use, kept between openings (it may
still be working), brought to the front and refreshed each time, hidden when the session
ends. Diagnostics, Practitioners and Models work this way."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

D = TypeVar("D", bound=QWidget)


class ToolDialogAction(QObject, Generic[D]):
    """Subclasses build the dialog (which has `failed` and `refresh()`); `text` and `tip`
    come translated in the subclass's own context."""

    failed = Signal(object)

    def __init__(self, window: QMainWindow, text: str, name: str, tip: str) -> None:
        super().__init__(window)
        self._window = window
        self.dialog: D | None = None
        self.action = QAction(text, window)
        self.action.setObjectName(name)
        self.action.setToolTip(tip)
        self.action.triggered.connect(self.open)

    def _build(self) -> D:
        raise NotImplementedError

    def _refresh(self, dialog: Any) -> None:
        dialog.refresh()

    def open(self) -> D:
        if self.dialog is None:
            self.dialog = self._build()
            self.dialog.failed.connect(self.failed)  # type: ignore[attr-defined]
        dialog = self.dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self._refresh(dialog)
        return dialog

    def session_ended(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
