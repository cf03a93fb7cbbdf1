"""Where Qt puts each character of one right-to-left line: the helper the bidi tests share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from ui.kit.bidi import utf16_len


def glyph_left(text: str, font: QFont) -> Callable[[int], float]:
    """For `text` laid out on one right-to-left line, where character `index`'s glyph
    starts (a cursor position at a change of direction is ambiguous; the glyph's box is
    not)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(100_000)
    layout.endLayout()

    def left(index: int) -> float:
        runs = layout.glyphRuns(utf16_len(text[:index]), 1)
        return min(run.boundingRect().left() for run in runs)

    return left
