"""The status-bar line that says whether the assistant can run, and why not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from core.domain import AssistantStatus
from ui.kit.core_text import core_words


class AssistantStatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assistantStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.status: AssistantStatus | None = None

    def show_status(self, status: AssistantStatus) -> None:
        self.status = status
        if status.available:
            self.setText(self.tr("Assistant ready"))
        else:
            self.setText(self.tr("Assistant unavailable"))
        # The reason comes from core in English (it is not PHI), translated as core's words are.
        self.setToolTip(core_words(status.reason))
