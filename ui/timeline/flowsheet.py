"""The flowsheet of the client on screen: the measurements read from
every note as a table (a row per measure, a column per visit) and as plots with their
reference bands, and the medications as bars from start to stop.

Every value points back at the line it was read from: a table cell or a plot point emits
`fact_activated(TimelineFact)` and the main window opens that note with the line
selected, as it opens a search hit. The sheet stays open and steps beside the note: at
1366×768 it covers most of the window, and the clinician reads the note with the sheet
still in view, to click the next value.

Facts are PHI: they are dropped whenever the client changes, which includes locking.
"""

from __future__ import annotations

import datetime as dt
import html
from uuid import UUID

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.errors import Locked
from core.timeline.types import TimelineFact
from ui.kit.bidi import DATE_TIME, IsolatingDelegate, ltr
from ui.kit.contrast import WARNING_TEXT
from ui.kit.tasks import TaskRunner
from ui.timeline.flowsheet_data import (
    BLOOD_PRESSURE,
    FLAGGED,
    Visit,
    flag_reason,
    flags,
    last_visit,
    medication_bars,
    readings,
    row_units,
    table,
    visits_of,
)
from ui.timeline.flowsheet_plots import (
    BAND_DIABETES,
    BAND_NORMAL,
    BAND_PREDIABETES,
    DAY_S,
    MeasurePlot,
    MedicationPlot,
    stamp,
    swatch,
)
from ui.timeline.timeline_text import (
    blood_pressure_label,
    measure_heading,
    measure_label,
    shown,
    visit_date,
)

FACTS_KEY = "flowsheet.facts"  # the task runner key of the facts on screen
PLOT_COLUMNS = 2
# Reference ranges where they are standard (adults): blood pressure in mmHg, HbA1c in %.
SYSTOLIC_NORMAL = (90.0, 120.0)
DIASTOLIC_NORMAL = (60.0, 80.0)
A1C_PREDIABETES = 5.7
A1C_DIABETES = 6.5
A1C_SHOWN = (5.0, 7.0)  # both thresholds stay in view
FACTS_ROLE = Qt.ItemDataRole.UserRole
FLAG_MARK = "⚠"  # before a flagged value: the colour is not the only sign


def _read(api: ChartsideApi, client_id: UUID) -> tuple[list[TimelineFact], dt.datetime | None]:
    """The client's facts, and the date of their last session: a drug still taken runs to
    the last visit, which may be one no fact was read from."""
    facts = api.timeline.facts(client_id)
    last = max((s.date for s in api.notes.list_sessions(client_id)), default=None)
    return facts, last


class FlowsheetDialog(QDialog):
    """Emits `fact_activated(TimelineFact)` when a value is chosen, and `failed(exc)` with
    a `Locked`, for the controller."""

    fact_activated = Signal(object)
    failed = Signal(object)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("flowsheetDialog")
        self.setWindowTitle(self.tr("Flowsheet"))
        self._api, self._runner = api, runner
        self._client_id: UUID | None = None
        self._loaded_for: UUID | None = None  # whose facts are shown
        self._stale = False  # a note was saved since they were read
        self.facts: list[TimelineFact] = []
        self.last_visit: dt.datetime | None = None
        self.loading = False
        self.plots: dict[str, MeasurePlot] = {}
        self.medications: MedicationPlot | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("flowsheetSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("flowsheetTabs")
        self.charts = QScrollArea(self)
        self.charts.setObjectName("flowsheetCharts")
        self.charts.setAccessibleName(self.tr("Charts"))
        self.charts.setWidgetResizable(True)
        self.charts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table = QTableWidget(self)
        self.table.setObjectName("flowsheetTable")
        self.table.setAccessibleName(self.tr("Measurements by visit"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setItemDelegate(IsolatingDelegate(self.table))  # "150, 138" keeps its order
        self.table.cellClicked.connect(self._on_cell)
        self.table.itemActivated.connect(lambda item: self._on_cell(item.row(), item.column()))
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.tabs.addTab(self.table, self.tr("Table"))
        self.hint = QLabel(
            self.tr("Click a point or a value to open the note it was read from."), self
        )
        self.hint.setObjectName("flowsheetHint")
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.setMinimumSize(560, 380)
        self._show([])

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.size_for(self.screen().availableGeometry().size())

    @staticmethod
    def size_for(available: QSize) -> QSize:
        """Most of the screen, never past it, its frame included: 1280×688 on 1366×768."""
        return QSize(min(1280, available.width() - 40), min(760, available.height() - 40))

    # -- whose flowsheet ----------------------------------------------------------------------

    @property
    def client_id(self) -> UUID | None:
        return self._client_id

    def set_client(self, client_id: UUID | None) -> None:
        """Show `client_id`'s flowsheet from now on (loaded when the dialog shows); None
        (no saved client, or locked) empties it."""
        if client_id == self._client_id:
            return
        self.clear()
        self._client_id = client_id
        if client_id is not None and self.isVisible():
            self.load()

    @property
    def current(self) -> bool:
        """Shows (or is reading) the client's facts as the notes now hold them."""
        return self.loading or (self._loaded_for == self._client_id and not self._stale)

    def mark_stale(self) -> None:
        """A note was saved: read again now if showing, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.load()

    def load(self) -> None:
        """(Re)load the facts of the client, off the GUI thread."""
        if self._client_id is None:
            return
        self.loading = True
        self._stale = False
        self.summary.setText(self.tr("Reading the notes…"))
        self._runner.latest(
            FACTS_KEY,
            _read,
            self._api,
            self._client_id,
            on_success=self._on_facts,
            on_error=self._on_error,
        )

    def clear(self) -> None:
        """Forget the facts (another client, or a lock)."""
        self._runner.invalidate(FACTS_KEY)
        self._client_id = None
        self._loaded_for = None
        self._show([])

    def _on_facts(self, read: tuple[list[TimelineFact], dt.datetime | None]) -> None:
        self._loaded_for = self._client_id
        facts, last = read
        self._show(facts, last)

    def _on_error(self, exc: BaseException) -> None:
        self.loading = False
        if isinstance(exc, Locked):
            self.failed.emit(exc)
            return
        self.summary.setText(self.tr("The flowsheet could not be read from the notes."))

    # -- what it shows ------------------------------------------------------------------------

    def _show(self, facts: list[TimelineFact], last: dt.datetime | None = None) -> None:
        self.loading = False
        self.facts = list(facts)
        dates = [d for d in (last, last_visit(self.facts)) if d is not None]
        self.last_visit = max(dates) if dates else None
        self._fill_table()
        self._fill_charts()
        visits = [v for v in visits_of(self.facts) if v.date is not None]
        if not self.facts and self._client_id is None:
            self.summary.clear()
        elif not visits:
            self.summary.setText(
                self.tr("No measurements or medications were found in this client's notes.")
            )
        elif len(visits) == 1:
            self.summary.setText(self.tr("One visit, on {date}.").format(
                date=visit_date(visits[0].date)
            ) + self._flags_said())  # fmt: skip
        else:
            self.summary.setText(
                self.tr("{count} visits, from {first} to {last}.").format(
                    count=len(visits), first=visit_date(visits[0].date),
                    last=visit_date(visits[-1].date),
                ) + self._flags_said()
            )  # fmt: skip

    def _flags_said(self) -> str:
        """The summary's word on flagged values: in the table, never in a plot."""
        n = len(flags(self.facts))
        if n == 0:
            return ""
        return " " + self.tr(
            "%n value(s) that cannot be right are flagged in the table and left out of the plots.",
            "",
            n,
        )

    def flag_reason_text(self, fact: TimelineFact) -> str:
        """Why `fact` (a flag) was not believed, in the window's language."""
        reason = flag_reason(fact.fact.detail)
        if reason.kind == "outside":
            return self.tr("{value} is outside the believable range {range}").format(
                value=ltr(reason.value), range=ltr(f"{reason.low}–{reason.high}")
            )
        if reason.kind == "order":
            return self.tr("the systolic is not above the diastolic")
        return reason.text

    def _fill_table(self) -> None:
        measures, visits, cells = table(self.facts)
        # Newest first: the visit a clinician reads first is where the table opens, and the
        # scroll bar runs from it towards the older ones the way the window reads (right to
        # left in Hebrew). The client's undated record comes last.
        visits = visits[::-1]
        self.table.clear()
        self.table.setRowCount(len(measures))
        self.table.setColumnCount(len(visits))
        units = row_units(cells)
        self.table.setVerticalHeaderLabels(
            [
                self.tr("Flagged values") if n == FLAGGED else measure_heading(n, units.get(n))
                for n in measures
            ]
        )
        self.table.setHorizontalHeaderLabels(self._visit_labels(visits))
        for row, name in enumerate(measures):
            for column, visit in enumerate(visits):
                found = cells.get((name, visit))
                if not found:
                    continue
                if name == FLAGGED:
                    self.table.setItem(row, column, self._flag_item(found))
                    continue
                values = [shown(f, units.get(name)) for f in found if f.fact.value is not None]
                item = QTableWidgetItem(", ".join(values))
                item.setData(FACTS_ROLE, found)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip("".join(f"<p>{html.escape(f.line)}</p>" for f in found))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalScrollBar().setValue(0)

    def _flag_item(self, found: list[TimelineFact]) -> QTableWidgetItem:
        """The values flagged at one visit, as written, marked and coloured; the tooltip
        says what each would have been and why it was not believed."""
        item = QTableWidgetItem(f"{FLAG_MARK} " + ", ".join(f.fact.text for f in found))
        item.setData(FACTS_ROLE, found)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setForeground(QBrush(QColor(WARNING_TEXT)))
        tips = []
        for f in found:
            what = (
                blood_pressure_label()
                if f.fact.name in BLOOD_PRESSURE
                else measure_label(f.fact.name)
            )
            reason = html.escape(self.flag_reason_text(f))
            tips.append(f"<p><b>{html.escape(what)}</b>: {reason}</p><p>{html.escape(f.line)}</p>")
        item.setToolTip("".join(tips))
        return item

    @staticmethod
    def _visit_labels(visits: list[Visit]) -> list[str]:
        days = [v.date.date() for v in visits if v.date is not None]
        # Two sessions on one day: each column shows its time as well.
        clash = len(days) != len(set(days))
        return [
            ltr(v.date.strftime(DATE_TIME)) if clash and v.date is not None else visit_date(v.date)
            for v in visits
        ]

    def _fill_charts(self) -> None:
        self.plots = {}
        self.medications = None
        page = QWidget()
        page.setObjectName("flowsheetChartsPage")
        column = QVBoxLayout(page)
        dated = [f.session_date for f in self.facts if f.session_date is not None]
        dated += [self.last_visit] if self.last_visit is not None and dated else []
        bars = medication_bars(self.facts, self.last_visit)
        if bars:
            self.medications = MedicationPlot(bars, self.tr("Medications"), page)
            self.medications.set_caption(self.tr("taken up to the last visit"), self.tr("stopped"))
            self.medications.fact_activated.connect(self.activate)
            column.addWidget(self.medications)
        grid = QGridLayout()
        column.addLayout(grid)
        for n, plot in enumerate(self._measure_plots(page)):
            plot.fact_activated.connect(self.activate)
            grid.addWidget(plot, n // PLOT_COLUMNS, n % PLOT_COLUMNS)
        column.addStretch(1)
        # The same time span in every plot. Not linked: pyqtgraph aligns linked views by
        # their place on screen, which side by side puts different months under one x.
        if dated:
            pad = max((max(dated) - min(dated)).total_seconds() * 0.05, 15 * DAY_S)
            start, end = stamp(min(dated)) - pad, stamp(max(dated)) + pad
            for plot in self.plots.values():
                plot.fit(start, end)
            if self.medications is not None:
                self.medications.fit(start, end)
        self.charts.setWidget(page)  # the old page and its plots go with it

    def _measure_plots(self, page: QWidget) -> list[MeasurePlot]:
        by_name = readings(self.facts)
        plots: list[MeasurePlot] = []
        pressure = {name: by_name.pop(name) for name in BLOOD_PRESSURE if name in by_name}
        if pressure:
            plot = MeasurePlot(f"{blood_pressure_label()} ({ltr('mmHg')})", pressure, page)
            plot.add_band(*SYSTOLIC_NORMAL, BAND_NORMAL)
            plot.add_band(*DIASTOLIC_NORMAL, BAND_NORMAL)
            plot.set_caption(
                [
                    swatch(
                        BAND_NORMAL.name(), "■",
                        self.tr("normal: systolic {systolic}, diastolic {diastolic}"),
                    ).format(systolic=ltr("90–120 mmHg"), diastolic=ltr("60–80 mmHg"))
                ]
            )  # fmt: skip
            self.plots["bp"] = plot
            plots.append(plot)
        for name, found in by_name.items():
            if not any(f.session_date is not None for f in found):
                continue  # only the client's record: nowhere on a time axis
            plot = MeasurePlot(measure_heading(name), {name: found}, page)
            if name == "a1c":
                plot.add_band(3.0, A1C_PREDIABETES, BAND_NORMAL, shown=False)
                plot.add_band(A1C_PREDIABETES, A1C_DIABETES, BAND_PREDIABETES)
                plot.add_band(A1C_DIABETES, 20.0, BAND_DIABETES, shown=False)
                plot.keep_in_view(*A1C_SHOWN)
                plot.set_caption(
                    [
                        swatch(BAND_NORMAL.name(), "■", self.tr("normal below {value}")).format(
                            value=ltr("5.7%")
                        ),
                        swatch(BAND_PREDIABETES.name(), "■", self.tr("prediabetes {value}")).format(
                            value=ltr("5.7–6.4%")
                        ),
                        swatch(BAND_DIABETES.name(), "■", self.tr("diabetes range {value}")).format(
                            value=ltr("≥ 6.5%")
                        ),
                    ]
                )
            self.plots[name] = plot
            plots.append(plot)
        return plots

    # -- opening a note -----------------------------------------------------------------------

    def _on_cell(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        found = item.data(FACTS_ROLE) if item is not None else None
        if found:
            self.activate(found[0])

    def activate(self, fact: TimelineFact) -> None:
        """Ask the window to open the note `fact` was read from (it then calls
        `step_beside` with where the note is)."""
        self.fact_activated.emit(fact)

    def step_beside(self, note: QRect) -> None:
        """Move beside `note` (global coordinates) on this screen, on its wider free side,
        so the note it opened is in view and the sheet stays open."""
        outer, inner = self.frameGeometry(), self.geometry()  # the window manager's frame
        left, top = inner.left() - outer.left(), inner.top() - outer.top()
        right, bottom = outer.right() - inner.right(), outer.bottom() - inner.bottom()
        least = self.minimumSize() + QSize(left + right, top + bottom)
        place = beside(self.screen().availableGeometry(), note, least, self.isRightToLeft())
        self.setGeometry(place.adjusted(left, top, -right, -bottom))
        self.raise_()


def beside(available: QRect, note: QRect, minimum: QSize, rtl: bool = False) -> QRect:
    """Where a window (its frame included) goes beside `note`: the wider of the free strips
    left and right of it on the `available` screen, at full height. Where neither is as
    wide as `minimum`, it takes that width on the side where the note's lines end (the
    right, or the left in a right-to-left window): it hides their ends, not their starts."""
    left = note.left() - available.left()
    right = available.right() - note.right()
    if max(left, right) >= minimum.width():
        on_left, width = left >= right, max(left, right)
    else:
        on_left, width = rtl, minimum.width()
    x = available.left() if on_left else available.right() + 1 - width
    return QRect(x, available.top(), width, max(available.height(), minimum.height()))
