"""A push button whose text is elided with "…" to fit its width, the whole in a tooltip.

A button's text is otherwise clipped by whatever the layout gives it: a citation chip read
"2009-03-2 · סובי" in the Hebrew window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

# The least a chip shrinks to: its number and a few characters.
_MIN_CHARS = 6


class ElidedButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # The whole text's size: a layout with room gives it all.
        return self._size_for(self.full_text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._size_for(self.full_text[:_MIN_CHARS] + "…")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._elide()

    def _size_for(self, text: str) -> QSize:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        size = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, text)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, size, self)

    def _elide(self) -> None:
        chrome = self._size_for("").width()
        room = max(0, self.width() - chrome)
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        if shown != self.text():
            self.setText(shown)
