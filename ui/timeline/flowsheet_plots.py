"""The flowsheet's plots: a measure's readings over time with its reference band, and the
medications as bars from start to stop.

pyqtgraph draws them: PySide6-Essentials, the Qt the app ships, has no QtCharts, and
pyqtgraph is pure Python over the Qt already there. Its context menu and export dialog are
English and not ours to translate, so they are switched off; the titles and captions are
Qt labels the catalogue translates, and the time axis names months from it too.

Right to left, the plots mirror like the rest of the window: time runs from right to left
and the value axis stands on the right. pyqtgraph's own layout
would mirror its axes without turning what they draw around, so its layout stays left to
right and the mirroring is done by inverting the time axis instead.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QVBoxLayout, QWidget

from core.timeline.types import TimelineFact
from ui.kit.bidi import DATE, isolate, ltr, ltr_runs
from ui.timeline.flowsheet_data import Bar
from ui.timeline.timeline_text import (
    measure_label,
    number,
    tick_label,
    unit_of,
    value_text,
    visit_date,
)

DAY_S = 86_400.0
PLOT_HEIGHT = 132
BAR_ROW_HEIGHT = 24
SERIES_COLOURS = ("#1565c0", "#6a1b9a", "#00838f", "#ad1457")
BAND_NORMAL = QColor(46, 125, 50, 45)
BAND_PREDIABETES = QColor(239, 108, 0, 50)
BAND_DIABETES = QColor(198, 40, 40, 40)
RUNNING_BAR = QColor("#1565c0")
STOPPED_BAR = QColor("#78909c")


class Axis(pg.AxisItem):
    """An axis that paints its labels itself. pyqtgraph replays them from a QPicture,
    which drops the space inside a right-to-left label ("ספט׳ 2024" came out "2024ספט׳")."""

    def paint(self, p: QPainter, opt: object, widget: object) -> None:
        specs = self.generateDrawSpecs(p)
        if specs is not None:
            self.drawPicture(p, *specs)


class DateAxis(Axis):
    """A time axis with calendar ticks (the first of a month, or whole days) spaced so their
    labels never overlap, labelled in the window's one date format (`tick_label`)."""

    LABEL_ROOM = 84  # pixels a "2024-03-02" label needs, with a gap

    def __init__(self) -> None:
        super().__init__("bottom")

    def tickValues(  # noqa: N802 (pyqtgraph override)
        self, min_val: float, max_val: float, size: float
    ) -> list[tuple[float, list[float]]]:
        low, high = sorted((min_val, max_val))
        fits = max(1, int(size // self.LABEL_ROOM))
        start, end = dt.datetime.fromtimestamp(low), dt.datetime.fromtimestamp(high)
        months = (end.year - start.year) * 12 + end.month - start.month
        if months >= 2:
            step = next((n for n in (1, 2, 3, 6, 12, 24, 60) if months / n <= fits), 120)
            first = start.year * 12 + start.month  # the first of the month after `start`
            ticks = [_month_start(m) for m in range(first, end.year * 12 + end.month + 1)]
            values = [t for t in ticks if (t.year * 12 + t.month - 1) % step == 0]
            return [(step * 30 * DAY_S, [stamp(t) for t in values if low <= stamp(t) <= high])]
        days = max(1, int((high - low) // DAY_S))
        step = next((n for n in (1, 2, 7, 14) if days / n <= fits), 28)
        day = dt.datetime(start.year, start.month, start.day) + dt.timedelta(days=1)
        values = []
        while stamp(day) <= high:
            if (day.toordinal() % step == 0) or step == 1:
                values.append(stamp(day))
            day += dt.timedelta(days=1)
        return [(step * DAY_S, values)]

    def tickStrings(  # noqa: N802 (pyqtgraph override)
        self, values: Sequence[float], scale: float, spacing: float
    ) -> list[str]:
        # Isolated: a date keeps its order inside a right-to-left window.
        return [isolate(tick_label(dt.datetime.fromtimestamp(v), spacing)) for v in values]


def _month_start(months: int) -> dt.datetime:
    """The first of month number `months` (year * 12 + month - 1)."""
    return dt.datetime(months // 12, months % 12 + 1, 1)


def stamp(when: dt.datetime) -> float:
    """A date's place on the time axis (seconds, local time, as DateAxis reads them)."""
    return when.timestamp()


def _tip(fact: TimelineFact) -> str:
    # A note's words are data: escaped, inside a paragraph, so a "<b>" in them is shown.
    return f"<p>{html.escape(fact.line)}</p>"


class SheetPlotWidget(pg.PlotWidget):
    """A plot inside the scrolling sheet: the wheel scrolls the sheet, as it does over the
    rest of it, and Ctrl+wheel zooms the time axis. pyqtgraph's own wheel zoomed, so a
    clinician scrolling down the sheet stretched every chart they passed over."""

    def wheelEvent(self, ev: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(ev)
            return
        sheet = self._sheet()
        if sheet is None:
            ev.ignore()
            return
        # Handed on as QAbstractScrollArea hands its own viewport's wheel to its bar: Qt
        # would pass an ignored wheel up to the parents only when it came from the device.
        QApplication.sendEvent(sheet.verticalScrollBar(), ev)

    def _sheet(self) -> QAbstractScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        return parent


def _plot_widget(parent: QWidget, mirrored: bool, name: str) -> pg.PlotWidget:
    axes = {"bottom": DateAxis(), "left": Axis("left"), "right": Axis("right")}
    widget = SheetPlotWidget(parent, background="w", axisItems=axes)
    widget.setObjectName(name)
    widget.setAccessibleName(name)
    item = widget.getPlotItem()
    item.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    item.setMenuEnabled(False)
    item.hideButtons()
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMouseEnabled(x=True, y=False)  # dragging pans along time; values stay in view
    item.invertX(mirrored)
    item.showAxis("right", mirrored)
    item.showAxis("left", not mirrored)
    for side in ("left", "right", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen("#424242"))
        axis.setTextPen(pg.mkPen("#212121"))
    return widget


class MeasurePlot(QWidget):
    """One measure's readings (or blood pressure's two) over time, each a point that opens
    its note: `fact_activated(TimelineFact)`."""

    fact_activated = Signal(object)

    def __init__(
        self, title: str, series: dict[str, list[TimelineFact]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measurePlot")
        self.series = series
        self.title = QLabel(title, self)
        self.title.setObjectName("plotTitle")
        self.title.setStyleSheet("QLabel { font-weight: bold; }")
        self.caption = QLabel(self)
        self.caption.setObjectName("plotCaption")
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        self.plot = _plot_widget(self, self.isRightToLeft(), title)
        self.plot.setMinimumHeight(PLOT_HEIGHT)
        self.scatters: dict[str, pg.ScatterPlotItem] = {}
        self.bands: list[tuple[float, float]] = []
        self._extent: list[float] = []
        legend: list[str] = []
        for n, (name, facts) in enumerate(series.items()):
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            self._add_series(name, facts, colour)
            if len(series) > 1:
                legend.append(swatch(colour, "●", measure_label(name)))
        self.legend = "&nbsp;&nbsp;".join(legend)
        self.caption.setText(self.legend)
        self.caption.setVisible(bool(self.legend))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)

    def _add_series(self, name: str, facts: list[TimelineFact], colour: str) -> None:
        dated = [f for f in facts if f.session_date is not None and f.fact.value is not None]
        xs = [stamp(f.session_date) for f in dated if f.session_date is not None]
        ys = [float(f.fact.value) for f in dated if f.fact.value is not None]
        self._extent += ys
        item = self.plot.getPlotItem()
        item.addItem(pg.PlotCurveItem(xs, ys, pen=pg.mkPen(colour, width=2)))
        scatter = pg.ScatterPlotItem(
            x=xs,
            y=ys,
            data=dated,
            size=10,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen("w"),
            hoverable=True,
            hoverSize=14,
            tip=lambda x, y, data: _point_tip(name, data),
        )
        scatter.setObjectName(name)
        scatter.sigClicked.connect(self._on_clicked)
        item.addItem(scatter)
        self.scatters[name] = scatter

    def add_band(self, low: float, high: float, colour: QColor, *, shown: bool = True) -> None:
        """A shaded range of values; `shown`: kept in view however the readings lie."""
        band = pg.LinearRegionItem(
            (low, high),
            orientation="horizontal",
            brush=pg.mkBrush(colour),
            hoverBrush=pg.mkBrush(colour),
            pen=pg.mkPen(None),
            movable=False,
        )
        band.setZValue(-10)  # under the readings
        self.plot.getPlotItem().addItem(band, ignoreBounds=True)
        self.bands.append((low, high))
        if shown:
            self._extent += [low, high]

    def keep_in_view(self, low: float, high: float) -> None:
        self._extent += [low, high]

    def set_caption(self, parts: list[str]) -> None:
        self.caption.setText("&nbsp;&nbsp;".join([self.legend, *parts] if self.legend else parts))
        self.caption.show()

    def fit(self, start: float, end: float) -> None:
        """Show the time from `start` to `end`, and every reading and shown band."""
        item = self.plot.getPlotItem()
        item.setXRange(start, end, padding=0)
        if self._extent:
            low, high = min(self._extent), max(self._extent)
            pad = max((high - low) * 0.08, abs(high) * 0.02, 0.5)
            item.setYRange(low - pad, high + pad, padding=0)

    def point_count(self, name: str) -> int:
        return len(self.scatters[name].points())

    def activate(self, name: str, index: int) -> None:
        """Open the note of point `index` of series `name`, as clicking it does."""
        self.fact_activated.emit(self.scatters[name].points()[index].data())

    def point_position(self, name: str, index: int) -> QPointF:
        """Where point `index` of `name` is drawn, in the plot's viewport (for tests)."""
        spot = self.scatters[name].points()[index]
        view = self.plot.getPlotItem().getViewBox()
        scene = view.mapViewToScene(spot.pos())
        return QPointF(self.plot.mapFromScene(scene))

    def _on_clicked(
        self, _item: pg.ScatterPlotItem, points: Sequence[pg.SpotItem], _ev: object
    ) -> None:
        if len(points):
            self.fact_activated.emit(points[0].data())


class MedicationPlot(QWidget):
    """Each drug a row, each course a bar from start to stop (or to the last visit while it
    runs), each mention a point on it that opens its note."""

    fact_activated = Signal(object)

    def __init__(self, bars: list[Bar], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicationPlot")
        self.bars = bars
        self.title = QLabel(title, self)
        self.title.setObjectName("plotTitle")
        self.title.setStyleSheet("QLabel { font-weight: bold; }")
        self.caption = QLabel(self)
        self.caption.setObjectName("plotCaption")
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setWordWrap(True)
        self.plot = _plot_widget(self, self.isRightToLeft(), title)
        self.drugs = list(dict.fromkeys(bar.drug for bar in bars))
        rows = len(self.drugs)
        self.plot.setFixedHeight(50 + BAR_ROW_HEIGHT * max(rows, 1))
        item = self.plot.getPlotItem()
        # The first drug seen on top: rows count down from it.
        self._row = {drug: rows - 1 - n for n, drug in enumerate(self.drugs)}
        doses = {bar.drug: bar.dose for bar in bars}
        # A drug as the note wrote it: a Hebrew name keeps its direction, a dose its order.
        ticks = [(self._row[d], isolate(ltr_runs(f"{d} {doses[d]}".strip()))) for d in self.drugs]
        for side in ("left", "right"):
            item.getAxis(side).setTicks([ticks])
        item.setYRange(-0.6, rows - 0.4, padding=0)
        self.bar_items: list[pg.BarGraphItem] = []
        self.markers = pg.ScatterPlotItem(
            hoverable=True, hoverSize=13, tip=lambda x, y, data: _mention_tip(data)
        )
        spots = []
        for bar in bars:
            y = self._row[bar.drug]
            start, end = stamp(bar.start), stamp(bar.end)
            # A course of one visit still shows, as a short bar around it.
            if end - start < 2 * DAY_S:
                start, end = start - DAY_S, end + DAY_S
            # A course its dose change ended was taken to its end, as a running one is.
            colour = RUNNING_BAR if bar.running or bar.changed else STOPPED_BAR
            shape = pg.BarGraphItem(
                x0=[start], x1=[end], y0=[y - 0.28], y1=[y + 0.28], brush=pg.mkBrush(colour),
                pen=pg.mkPen(None),
            )  # fmt: skip
            item.addItem(shape)
            self.bar_items.append(shape)
            for fact in bar.facts:
                if fact.session_date is not None:
                    spots.append({"pos": (stamp(fact.session_date), y), "data": fact})
        self.markers.addPoints(spots, size=9, brush=pg.mkBrush("w"), pen=pg.mkPen("#212121"))
        self.markers.sigClicked.connect(self._on_clicked)
        item.addItem(self.markers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)
        layout.addWidget(self.caption)

    def set_caption(self, running: str, stopped: str) -> None:
        self.caption.setText(
            swatch(RUNNING_BAR.name(), "■", running)
            + "&nbsp;&nbsp;"
            + swatch(STOPPED_BAR.name(), "■", stopped)
        )

    def fit(self, start: float, end: float) -> None:
        self.plot.getPlotItem().setXRange(start, end, padding=0)

    def span(self, drug: str) -> list[tuple[dt.datetime, dt.datetime]]:
        """The courses of `drug`, as (start, end) dates."""
        return [(bar.start, bar.end) for bar in self.bars if bar.drug == drug]

    def activate(self, index: int) -> None:
        """Open the note of mention `index` (in drawing order), as clicking it does."""
        self.fact_activated.emit(self.markers.points()[index].data())

    def _on_clicked(
        self, _item: pg.ScatterPlotItem, points: Sequence[pg.SpotItem], _ev: object
    ) -> None:
        if len(points):
            self.fact_activated.emit(points[0].data())


def swatch(colour: str, mark: str, words: str) -> str:
    return f'<span style="color:{colour}">{mark}</span>&nbsp;{html.escape(words)}'


def _point_tip(name: str, fact: object) -> str:
    if not isinstance(fact, TimelineFact) or fact.fact.value is None:
        return ""
    value = fact.fact.written or value_text(number(fact.fact.value), unit_of(name))
    return f"<p>{html.escape(measure_label(name))}: {value}<br>{_where(fact)}</p>{_tip(fact)}"


def _mention_tip(fact: object) -> str:
    if not isinstance(fact, TimelineFact):
        return ""
    return f"<p>{_where(fact)}</p>{_tip(fact)}"


def _where(fact: TimelineFact) -> str:
    when = fact.session_date
    return ltr(when.strftime(DATE)) if when is not None else isolate(visit_date(None))
