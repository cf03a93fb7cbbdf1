"""Left-to-right values inside right-to-left text, and text that picks its own direction.

In a Hebrew sentence, a date, a time, a path or a command keeps its own order only when it
is isolated (Unicode 6.3 isolates, UAX #9): "2024-09-24 03:44" otherwise shows as
"03:44 2024-09-24", and a path's slashes and a sentence's final "?" land on the wrong side.
"""

from __future__ import annotations

import re
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


# A left-to-right value inside a Hebrew sentence: words of Latin letters and digits joined by
# spaces ("400 mg", "BP 120/80", "2024-09-24 03:44"). Its last character is a letter, a
# digit or "%": a full stop or comma after it belongs to the sentence. A word may start
# with "/", a unit per something ("70.7 /min"), which would otherwise show as "min/ 70.7".
_WORD = r"/?[0-9A-Za-z\u00c0-\u024f](?:[0-9A-Za-z\u00c0-\u024f.,:/%+\-]*[0-9A-Za-z\u00c0-\u024f%])?"
_LTR_VALUE = re.compile(rf"{_WORD}(?:[ \t]+{_WORD})*")
_DIGIT = re.compile(r"[0-9]")
_LATIN_OR_SPACE = re.compile(r"[A-Za-z\u00c0-\u024f \t]")


def ltr_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds a left-to-right value that a right-to-left line would scramble.

    In a Hebrew line, digits next to a space or a Latin word count as right-to-left for the
    space between them (UAX #9, rule N1): "איבופרופן 400 mg" shows as "mg 400". A value
    with a digit and a Latin letter or a space is such a value; a word or a number alone
    keeps its order and is left as it is. Lines that read left to right are never touched.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if first_strong(line) == Qt.LayoutDirection.RightToLeft:
            for m in _LTR_VALUE.finditer(line):
                value, before = m.group(), line[m.start() - 1 : m.start()]
                # A value isolated before (a quote in core's words) is not isolated again.
                if _DIGIT.search(value) and _LATIN_OR_SPACE.search(value) and before != LRI:
                    spans.append((offset + m.start(), offset + m.end()))
        offset += len(line) + 1
    return spans


def ltr_runs(text: str) -> str:
    """`text` with each left-to-right value of its right-to-left lines isolated."""
    return insert_isolates(text, ltr_spans(text))


RLM = "\u200f"  # right-to-left mark: a strong right-to-left character that shows nothing
_CURLY_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"'})
_MARKER = re.compile(r"[ \t]*\[\d{1,3}(?:\s*,\s*\d{1,3})*\]")


def rtl_typography(text: str) -> str:
    """Right-to-left lines with Hebrew punctuation: curly double quotes, which do not
    mirror, read reversed there ("”מילים“"), so they become straight ones, as Hebrew is
    typed; and a citation marker after Hebrew words is held to them by a right-to-left
    mark, so it ends their sentence instead of drifting to the line's other side when an
    English word or a number comes first in the paragraph."""
    lines = []
    for line in text.split("\n"):
        if first_strong(line) == Qt.LayoutDirection.RightToLeft or _last_strong_rtl(line):
            line = line.translate(_CURLY_QUOTES)
            line = _MARKER.sub(_held, line)
        lines.append(line)
    return "\n".join(lines)


def _held(marker: re.Match[str]) -> str:
    if _last_strong_rtl(marker.string[: marker.start()]):
        return f"{RLM}{marker.group()}{RLM}"
    return marker.group()


def _last_strong_rtl(text: str) -> bool:
    for ch in reversed(text):
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def insert_isolates(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out += [text[pos:start], LRI, text[start:end], PDI]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def utf16_len(text: str) -> int:
    """`text`'s length in a Qt document's positions, which count UTF-16 units; Python
    counts code points (an emoji is one, Qt's positions two)."""
    return len(text.encode("utf-16-le")) // 2


def raw_index(raw: str, index: int) -> int:
    """The index in `raw` (which holds isolates) of character `index` of the text without
    them."""
    seen = 0
    for i, ch in enumerate(raw):
        if ch in ISOLATES:
            continue
        if seen == index:
            return i
        seen += 1
    return len(raw)


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
            option.text = isolate(ltr_runs(option.text))

    def display_text(self, index: QModelIndex) -> str:
        """The text as it is painted (for tests)."""
        option = QStyleOptionViewItem()
        self.initStyleOption(option, index)
        return option.text
