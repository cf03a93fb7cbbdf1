"""A note field whose left-to-right values read right inside Hebrew lines.

"איבופרופן 400 mg" shows as "mg 400" in a right-to-left paragraph (ui.kit.bidi.ltr_spans).
The field isolates such values when a note is loaded and, as the clinician types, in the
lines just edited. The isolates are for display only: `toPlainText` never returns them, so
they are never saved, drafted or compared.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.kit.bidi import ltr_runs, raw_index, strip_isolates, utf16_len


class NoteEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edited: tuple[int, int] | None = None  # document positions to re-isolate
        self._isolating = False
        self._held = False
        self.document().contentsChange.connect(self._on_change)

    def hold_isolation(self, held: bool) -> None:
        """While held, edits are not isolated: dictation (ui/notes/dictation.py) keeps the
        place of its words in the document, which an isolate slipped in would move."""
        self._held = held

    def setPlainText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self._isolating = True
        try:
            super().setPlainText(ltr_runs(text))
        finally:
            self._isolating = False

    def toPlainText(self) -> str:  # noqa: N802 (Qt override)
        return strip_isolates(super().toPlainText())

    def document_position(self, index: int) -> int:
        """The cursor position (UTF-16) of character `index` of `toPlainText()`."""
        return _position(super().toPlainText(), index)

    def _on_change(self, position: int, _removed: int, added: int) -> None:
        if self._isolating or self._held:
            return
        start, end = position, position + added
        if self._edited is not None:
            start, end = min(start, self._edited[0]), max(end, self._edited[1])
        else:
            # After this edit is done: the document may not be changed from inside it.
            QTimer.singleShot(0, self, self._isolate_edited)  # not once the field is gone
        self._edited = (start, end)

    def _isolate_edited(self) -> None:
        """Isolate the values in the lines just edited, as one undo step with the edit (an
        undo takes back the typing, never only the invisible isolates), the caret kept
        before the same character of the note."""
        if self._edited is None:
            return
        start, end = self._edited
        self._edited = None
        doc = self.document()
        block = doc.findBlock(min(start, max(doc.characterCount() - 1, 0)))
        last = doc.findBlock(min(end, max(doc.characterCount() - 1, 0))).blockNumber()
        while block.isValid() and block.blockNumber() <= last:
            self._isolate_block(block)
            block = block.next()

    def _isolate_block(self, block: QTextBlock) -> None:
        shown = block.text()
        wanted = ltr_runs(strip_isolates(shown))
        if wanted == shown:
            return
        caret = self.textCursor()
        offset = caret.position() - block.position()  # the caret's, when in this line
        in_line = 0 <= offset < block.length()
        plain_offset = len(strip_isolates(shown[: _index(shown, offset)])) if in_line else 0
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self._isolating = True
        try:
            cursor.joinPreviousEditBlock()
            cursor.insertText(wanted)
            cursor.endEditBlock()
        finally:
            self._isolating = False
        if in_line:
            caret.setPosition(block.position() + _position(wanted, plain_offset))
            self.setTextCursor(caret)


def _position(shown: str, index: int) -> int:
    """The position (UTF-16) in `shown`, which holds isolates, of character `index` of the
    text without them."""
    return utf16_len(shown[: raw_index(shown, index)])


def _index(text: str, utf16_offset: int) -> int:
    """The index in `text` of the character at UTF-16 offset `utf16_offset`."""
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16_offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)
