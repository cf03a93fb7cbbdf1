"""A note field whose left-to-right values read right inside Hebrew lines.

"איבופרופן 400 mg" shows as "mg 400" in a right-to-left paragraph (ui.bidi.ltr_spans).
The field isolates such values when a note is loaded; the isolates are for display only:
`toPlainText` never returns them, so they are never saved, drafted or compared.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from ui.bidi import ltr_runs, raw_index, strip_isolates


class NoteEdit(QPlainTextEdit):
    def setPlainText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setPlainText(ltr_runs(text))

    def toPlainText(self) -> str:  # noqa: N802 (Qt override)
        return strip_isolates(super().toPlainText())

    def document_position(self, index: int) -> int:
        """The cursor position (UTF-16) of character `index` of `toPlainText()`."""
        shown = super().toPlainText()
        return len(shown[: raw_index(shown, index)].encode("utf-16-le")) // 2
