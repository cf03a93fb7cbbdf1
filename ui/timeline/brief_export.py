"""The brief as a referral summary, written to a file the user chooses.

Core words the summary (`TimelinePart.referral_summary`: the policy may refuse it, and it is
audited) with the lines worded as the box words them and the summary's own words in the
window's language. It is read off the GUI thread, as the brief is; a PDF is laid out here
(Qt's text layout belongs to the GUI thread) into memory; then the bytes are written off the
GUI thread through `core.files.atomic_file`: a temp file beside the chosen one, private
(0600) from its first byte, synced and renamed over it, so the chosen path never holds half
a file. Errors go out through `failed`, to the window's one error display.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QPageSize, QPdfWriter, QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from core.api import ChartsideApi
from core.errors import ChartsideError
from core.files import atomic_file
from core.timeline.answers.brief import SummaryWords
from core.timeline.types import BriefLine
from ui.kit.bidi import isolate, ltr
from ui.kit.fields import field_label
from ui.kit.tasks import TaskRunner

PDF_RESOLUTION = 300  # dots per inch: text at print quality, a file of a few kilobytes
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')  # no folder or device in a client's name


def _summary(
    api: ChartsideApi, client_id: UUID, render: Callable[[BriefLine], str], words: SummaryWords
) -> str:
    return api.timeline.referral_summary(client_id, render, words)


def _write(path: Path, data: bytes) -> Path:
    with atomic_file(path) as f:
        f.write(data)
    return path


def pdf_bytes(text: str, right_to_left: bool) -> bytes:
    """`text` as an A4 PDF, each paragraph right to left when the window is."""
    doc = QTextDocument()
    doc.setPlainText(text)
    direction = Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    option = doc.defaultTextOption()
    option.setTextDirection(direction)
    doc.setDefaultTextOption(option)
    block = QTextBlockFormat()
    block.setLayoutDirection(direction)
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(block)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Chartside")
    doc.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


class BriefExport(QObject):
    """Asks for a file and writes the summary of `client_id()`'s brief to it. Emits
    `written(message)` for the status bar, `failed(exc)` for the window's error display."""

    written = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        render: Callable[[BriefLine], str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._api, self._runner, self._render = api, runner, render
        self._parent = parent
        self.client_name: Callable[[], str] = lambda: ""

    def words(self) -> SummaryWords:
        """The summary's words in the window's language; core fills in the client's name
        and the date, each kept in its own direction."""
        heading = self.tr("{client}: since the last visit ({date})")
        return SummaryWords(
            heading=heading.format(client=isolate("{client}"), date=ltr("{date}")),
            sources=self.tr("Sources:"),
            client_record=self.tr("client record"),
            nothing_new=self.tr("nothing new"),
            field_name=field_label,
        )

    def default_name(self, today: dt.date | None = None) -> str:
        client = _UNSAFE.sub("_", self.client_name()).strip(" .") or self.tr("client")
        day = (today or dt.date.today()).isoformat()
        return self.tr("{client} - summary {date}").format(client=client, date=day) + ".txt"

    def choose(self) -> Path | None:
        text, pdf = self.tr("Text (*.txt)"), self.tr("PDF (*.pdf)")
        chosen, selected = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export the summary as"),
            str(Path.home() / self.default_name()),
            f"{text};;{pdf}",
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".txt", ".pdf"):
            path = path.with_name(path.name + (".pdf" if selected == pdf else ".txt"))
        return path

    def export(self, client_id: UUID) -> None:
        """Ask for a file, then read the summary and write it, off the GUI thread."""
        path = self.choose()
        if path is None:
            return
        self._runner.submit(
            _summary,
            self._api,
            client_id,
            self._render,
            self.words(),
            on_success=lambda text: self._save(path, text),
            on_error=self.failed.emit,
        )

    def _save(self, path: Path, text: str) -> None:
        if path.suffix.lower() == ".pdf":
            data = pdf_bytes(text, QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft)
        else:
            data = text.encode("utf-8")
        self._runner.submit(
            _write, path, data, on_success=self._on_written, on_error=self._on_write_failed(path)
        )

    def _on_written(self, path: Path) -> None:
        self.written.emit(self.tr("Summary written to {path}").format(path=ltr(path)))

    def _on_write_failed(self, path: Path) -> Callable[[BaseException], None]:
        def report(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                reason = exc.strerror or type(exc).__name__
                exc = ChartsideError(
                    self.tr("The summary could not be written to {path}: {reason}").format(
                        path=ltr(path), reason=reason
                    ),
                    self.tr("Choose another folder, or check that the disk has room."),
                )
            self.failed.emit(exc)

        return report
