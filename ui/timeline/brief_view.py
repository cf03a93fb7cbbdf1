""" "Since the last visit": what changed between the client's last two
visits, and the last plan, read before the next one.

Core speaks in ids (`BriefLine.kind` and its params); each kind is worded here, through
the catalogue. Each line ends with its citations, the dates of the notes it was read from;
a click emits `fact_activated(TimelineFact)` and the window opens that note at that line,
as the flowsheet does. "Export…" writes it out as a referral summary (ui/timeline/brief_export.py).

The box folds to its header, and asks for no more height than its lines: it sits above
the assistant, which keeps the rest of the column. A brief that cannot be read is said
in the box, not in the window's error banner: the client's notes are still all there.
Everything here is PHI: dropped whenever the client changes, which includes locking.
"""

from __future__ import annotations

import datetime as dt
import re
from uuid import UUID

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.errors import Locked
from core.timeline.types import Brief, BriefLine
from ui.kit.bidi import isolate, ltr, ltr_runs
from ui.kit.tasks import TaskRunner
from ui.timeline.brief_export import BriefExport
from ui.timeline.timeline_text import (
    measure_label,
    number,
    signed,
    unit_label,
    value_text,
    visit_date,
)

BRIEF_KEY = "brief.lines"  # the task runner key of the brief on screen
MAX_ROWS = 10  # text rows shown before the lines scroll, where the column has room
MIN_ROWS = 3  # what they keep where it has not
_HREF = re.compile(r"fact:(\d+):(\d+)")


def _brief(api: ChartsideApi, client_id: UUID) -> Brief:
    return api.timeline.brief(client_id)


def citation_href(line: int, citation: int) -> str:
    return f"fact:{line}:{citation}"


class CitationBrowser(QTextBrowser):
    """The lines, read-only; it loads nothing and follows no link itself. It asks for its
    lines' height, up to MAX_ROWS rows, and gives it up down to MIN_ROWS where the column
    is short, so the window never grows past the screen for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.document().documentLayout().documentSizeChanged.connect(
            lambda _: self.updateGeometry()
        )

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        return None

    def _height(self, rows: int) -> int:
        content = int(self.document().size().height())
        cap = self.fontMetrics().lineSpacing() * rows + 2 * int(self.document().documentMargin())
        return min(content, cap) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(super().sizeHint().width(), self._height(MAX_ROWS))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(super().minimumSizeHint().width(), self._height(MIN_ROWS))


class BriefView(QFrame):
    """Emits `fact_activated(TimelineFact)` when a citation is chosen, `failed(exc)` with a
    `Locked` or an export's error, for the controller, and `exported(message)`."""

    fact_activated = Signal(object)
    failed = Signal(object)
    exported = Signal(str)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefView")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._api, self._runner = api, runner
        self._client_id: UUID | None = None
        self.brief: Brief | None = None
        self.loading = False

        self.toggle = QToolButton(self)
        self.toggle.setObjectName("briefToggle")
        self.toggle.setText(self.tr("Since the last visit"))
        self.toggle.setToolTip(self.tr("Show or hide what changed since the last visit"))
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bold = self.toggle.font()
        bold.setBold(True)
        self.toggle.setFont(bold)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.summary = QLabel(self)
        self.summary.setObjectName("briefSummary")
        self.summary.setWordWrap(True)
        self.lines_view = CitationBrowser(self)
        self.lines_view.setObjectName("briefLines")
        self.lines_view.setAccessibleName(self.tr("Since the last visit"))
        self.lines_view.anchorClicked.connect(self._on_anchor)
        # The lines worded as the box words them, footnoted by core (read off the GUI thread).
        self.exporter = BriefExport(api, runner, self.words, self)
        self.exporter.failed.connect(self.failed)
        self.exporter.written.connect(self.exported)
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("briefExport")
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Save these lines as a referral summary, their sources as footnotes")
        )
        self.export_button.clicked.connect(self.export)
        # The summary under the header, the column's whole width: beside the toggle and the
        # button it would wrap onto three or four rows.
        header = QHBoxLayout()
        header.addWidget(self.toggle)
        header.addStretch(1)
        header.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines_view)
        self.set_client(None)

    # -- whose brief ------------------------------------------------------------------------

    @property
    def client_id(self) -> UUID | None:
        return self._client_id

    def set_client(self, client_id: UUID | None) -> None:
        """Read `client_id`'s brief (None: no saved client, or locked: the box goes)."""
        self._client_id = client_id
        self._runner.invalidate(BRIEF_KEY)
        self._show(None)
        self.setVisible(client_id is not None)
        self.refresh()

    def refresh(self) -> None:
        """(Re)read the brief of the client on screen, off the GUI thread."""
        if self._client_id is None:
            return
        self.loading = True
        self.summary.setText(self.tr("Reading the notes…"))
        self._runner.latest(
            BRIEF_KEY,
            _brief,
            self._api,
            self._client_id,
            on_success=self._show,
            on_error=self._on_error,
        )

    def export(self) -> None:
        """Ask for a file and write the brief on screen to it as a referral summary."""
        if self._client_id is not None and self.export_button.isEnabled():
            self.exporter.export(self._client_id)

    def _on_error(self, exc: BaseException) -> None:
        self.loading = False
        if isinstance(exc, Locked):
            self.failed.emit(exc)
            return
        self.summary.setText(self.tr("What changed since the last visit could not be read."))

    def _on_toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.lines_view.setVisible(shown and bool(self.brief and self.brief.lines))
        # Shown before the layout gives it its height, the view scrolls to keep its cursor
        # in a viewport a few pixels tall, and the first line would open cut off.
        self.lines_view.verticalScrollBar().setValue(0)

    # -- what it shows ----------------------------------------------------------------------

    def _show(self, brief: Brief | None) -> None:
        self.loading = False
        self.brief = brief
        self.summary.setText(self._summary(brief) if brief is not None else "")
        self._render(brief.lines if brief is not None else [])
        self.export_button.setEnabled(bool(brief is not None and brief.lines))
        self._on_toggled(self.toggle.isChecked())

    def _summary(self, brief: Brief) -> str:
        if brief.last is None:
            return self.tr("No visits yet.")
        last = visit_date(brief.last)
        if brief.previous is None:
            return self.tr("One visit so far, on {last}.").format(last=last)
        said = self.tr("Last visit {last}, compared with {previous}.").format(
            last=last, previous=visit_date(brief.previous)
        )
        if not brief.lines:
            said += " " + self.tr("Nothing new since the visit before.")
        return said

    def _render(self, lines: list[BriefLine]) -> None:
        doc = self.lines_view.document()
        doc.clear()
        cursor = QTextCursor(doc)
        block = QTextBlockFormat()
        block.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft
            if self.isRightToLeft()
            else Qt.LayoutDirection.LeftToRight
        )
        plain = QTextCharFormat()
        for n, line in enumerate(lines):
            if n:
                cursor.insertBlock()
            cursor.setBlockFormat(block)
            cursor.insertText(f"• {self.words(line)}", plain)
            for m, fact in enumerate(line.facts):
                cursor.insertText("  ", plain)
                label = self.citation_label(fact.session_date)
                cursor.insertText(label, self._link(citation_href(n, m)))
        self.lines_view.setToolTip(self.tr("Click a date to open the note it was read from."))

    def citation_label(self, when: dt.datetime | None) -> str:
        """A citation's date in the window's one format, as the session list writes it
        ("2024-03-02"); a line break never falls inside it (a hyphen before a digit is no
        break opportunity)."""
        return visit_date(when) if when is not None else isolate(visit_date(None))

    def _link(self, href: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setFontUnderline(True)
        fmt.setForeground(self.palette().link())
        return fmt

    def words(self, line: BriefLine) -> str:
        """The line in the window's language, without its citations."""
        p = line.params
        if line.kind == "changed":
            # The unit once, after the newer value: the line must fit a narrow column.
            values = {
                "measure": measure_label(str(p.get("name", ""))),
                "before": ltr(_digits(p, "before")) + _as_written(p, "before"),
                "after": value_text(_digits(p, "after"), unit_label(str(p.get("unit", ""))))
                + _as_written(p, "after"),
                "delta": ltr(signed(float(p.get("delta", 0)))),
            }
            direction = p.get("direction")
            if direction == "up":
                return self.tr("{measure}: up from {before} to {after} ({delta})").format(**values)
            if direction == "down":
                template = self.tr("{measure}: down from {before} to {after} ({delta})")
                return template.format(**values)
            return self.tr("{measure}: unchanged at {after}").format(**values)
        if line.kind in ("started", "stopped"):
            drug = _quoted(f"{p.get('name', '')} {p.get('dose', '')}".strip())
            if line.kind == "started":
                return self.tr("Started {drug}").format(drug=drug)
            return self.tr("Stopped {drug}").format(drug=drug)
        if line.kind == "new_diagnosis":
            return self.tr("New diagnosis: {name}").format(name=_quoted(str(p.get("name", ""))))
        if line.kind == "plan":
            return self.tr("Plan: {text}").format(text=_quoted(str(p.get("text", ""))))
        # A kind core added after this window: its values still show, in their own words.
        return ", ".join(_quoted(str(value)) for value in p.values())

    def line_texts(self) -> list[str]:
        """Each line as shown, citations included (for tests and screen readers)."""
        doc = self.lines_view.document()
        if doc.isEmpty():
            return []
        return doc.toPlainText().split("\n")

    # -- citations --------------------------------------------------------------------------

    def activate(self, line: int, citation: int) -> None:
        """Open the note citation `citation` of line `line` points at, as clicking it does."""
        if self.brief is not None:
            self.fact_activated.emit(self.brief.lines[line].facts[citation])

    def _on_anchor(self, url: QUrl) -> None:
        match = _HREF.fullmatch(url.toString())
        if match is None or self.brief is None:
            return
        line, citation = int(match.group(1)), int(match.group(2))
        if line < len(self.brief.lines) and citation < len(self.brief.lines[line].facts):
            self.activate(line, citation)


def _quoted(text: str) -> str:
    """A note's own words in a line of ours: in their own direction, values kept in order."""
    return isolate(ltr_runs(text))


def _as_written(params: dict[str, str | float], which: str) -> str:
    """ " (190 lb)": the value as the note wrote it, where it wrote another unit than the
    line's; "" otherwise."""
    written = params.get(f"{which}_written")
    return f" ({ltr(str(written))})" if written else ""


def _digits(params: dict[str, str | float], which: str) -> str:
    """The value's digits as the note wrote them ("4.0"), else the number."""
    return str(params.get(f"{which}_digits") or number(float(params.get(which, 0))))
