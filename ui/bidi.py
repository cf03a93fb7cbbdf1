"""Left-to-right values inside right-to-left text, and text that picks its own direction.

In a Hebrew sentence, a date, a time, a path or a command keeps its own order only when it
is isolated (Unicode 6.3 isolates, UAX #9): "2024-09-24 03:44" otherwise shows as
"03:44 2024-09-24", and a path's slashes and a sentence's final "?" land on the wrong side.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

LRI = "\u2066"  # left-to-right isolate
FSI = "\u2068"  # first-strong isolate: the direction of the value's own first letter
PDI = "\u2069"  # pop directional isolate
ISOLATES = (LRI, "\u2067", FSI, PDI)

DATE_TIME = "%Y-%m-%d %H:%M"
DATE = "%Y-%m-%d"


def ltr(value: object) -> str:
    """`value` as a left-to-right island in any text (dates, times, paths, commands)."""
    return f"{LRI}{value}{PDI}"


def isolate(value: object) -> str:
    """`value` (a name, a title, a note's words) in its own direction, without reordering
    the sentence around it."""
    return f"{FSI}{value}{PDI}"


def strip_isolates(text: str) -> str:
    return "".join(ch for ch in text if ch not in ISOLATES)


def first_strong(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first letter with one (UAX #9 rule P2); None when the text has
    only digits, punctuation and spaces."""
    depth = 0  # characters inside an isolate do not count (UAX #9 rule P2)
    for ch in text:
        if ch in ISOLATES[:3]:
            depth += 1
            continue
        if ch == PDI:
            depth = max(depth - 1, 0)
            continue
        if depth:
            continue
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


class IsolatingDelegate(QStyledItemDelegate):
    """Shows every cell's text as an isolate, so a row keeps its own order whatever the
    list's direction: an English title's "?" stays at its end in the Hebrew UI, a date
    reads "2024-09-24 03:44". Only the painted text changes; the item keeps the value."""

    def initStyleOption(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.text:
            option.text = isolate(option.text)

    def display_text(self, index: QModelIndex) -> str:
        """The text as it is painted (for tests)."""
        option = QStyleOptionViewItem()
        self.initStyleOption(option, index)
        return option.text
