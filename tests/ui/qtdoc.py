"""Reading a rendered QTextDocument back, for the tests of what reaches the screen.

Deliberately independent of `ui.assistant.safe_markdown`'s own helpers: the safety tests must not
trust the code they check."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QTextCharFormat, QTextDocument


def fragments(doc: QTextDocument) -> Iterator[tuple[int, str, QTextCharFormat]]:
    """(position, text, format) of every fragment of every block."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            yield fragment.position(), fragment.text(), fragment.charFormat()
            it += 1
        block = block.next()


def hrefs(doc: QTextDocument) -> list[str]:
    """Every anchor in `doc`, however Qt marked it."""
    return [
        fmt.anchorHref()
        for _, _, fmt in fragments(doc)
        if fmt.isAnchor() or fmt.anchorHref() or fmt.anchorNames()
    ]


def images(doc: QTextDocument) -> list[str]:
    return [fmt.toImageFormat().name() for _, _, fmt in fragments(doc) if fmt.isImageFormat()]
