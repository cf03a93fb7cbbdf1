"""Issue 27, point 3: the client's flowsheet, on the fake api's canned timeline: the table
of values per visit, the plots with their reference bands, the medication bars, and every
value opening the line of the note it was read from; in English and in Hebrew.

Screenshots at 1366×768 go to a temporary folder on every run (the test looks at them:
exact size, drawn); `README_SCREENSHOTS=ui/screenshots` writes the kept copies instead:

    README_SCREENSHOTS=ui/screenshots QT_QPA_PLATFORM=offscreen \\
        .venv/bin/pytest tests/ui/test_gui_flowsheet.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget
from test_i18n_he import _english_patterns, hebrew  # noqa: F401 (the fixture)
from timeline_seed import FIRST, SECOND, THIRD, Seeded, seed

from core.api import ChartsideApi
from core.domain import ClientData, Session, SessionData
from core.errors import DatabaseError
from core.timeline.types import Fact, TimelineFact
from ui.kit.bidi import strip_isolates
from ui.kit.contrast import WARNING_TEXT
from ui.timeline.flowsheet import FlowsheetDialog, beside
from ui.timeline.flowsheet_data import FLAGGED, Bar, FlagReason, flag_reason, medication_bars, table

ROOT = Path(__file__).resolve().parents[2]
MakeGui = Callable[[ChartsideApi], GuiDriver]
SCREEN = QSize(1366, 768)
# What a 1366×768 screen leaves a window once a taskbar has its 40 pixels.
AVAILABLE = QSize(1366, 728)


def selected_text(edit: QPlainTextEdit) -> str:
    return edit.textCursor().selection().toPlainText()


@pytest.fixture
def opened(make_gui: MakeGui, fake_api: FakeChartsideApi) -> Iterator[tuple[GuiDriver, Seeded]]:
    seeded = seed(fake_api)
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.window.resize(SCREEN)
    driver.open_client(seeded.client)
    yield driver, seeded


def open_flowsheet(driver: GuiDriver) -> FlowsheetDialog:
    """File → Flowsheet…, as the menu (or Ctrl+Shift+T) does it; waits for the facts."""
    driver.controller.menus.flowsheet.trigger()
    driver.settle()
    dialog = driver.window.flowsheet
    assert dialog is not None and dialog.isVisible()
    assert not dialog.loading
    return dialog


def table_rows(dialog: FlowsheetDialog) -> dict[str, list[str]]:
    table = dialog.table
    rows = {}
    for row in range(table.rowCount()):
        name = strip_isolates(table.verticalHeaderItem(row).text())
        rows[name] = [
            item.text() if (item := table.item(row, column)) is not None else ""
            for column in range(table.columnCount())
        ]
    return rows


def column_titles(dialog: FlowsheetDialog) -> list[str]:
    table = dialog.table
    return [
        strip_isolates(table.horizontalHeaderItem(c).text()) for c in range(table.columnCount())
    ]


# -- the rules, without a window ------------------------------------------------------------


def _med(day: int, status: str, drug: str = "sertraline", dose: str | None = None) -> TimelineFact:
    when = dt.datetime(2024, 1, day)
    fact = Fact("medication", drug, 0, 4, drug, status=status, dose=dose)
    return TimelineFact(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), when, "plan", fact, drug)


def _spans(bars: list[Bar]) -> list[tuple[str, int, int, bool]]:
    return [(b.drug, b.start.day, b.end.day, b.running) for b in bars]


def test_medication_bars_run_from_start_to_stop_or_the_last_visit() -> None:
    last = dt.datetime(2024, 1, 30)
    # Started, then stopped at a later visit: one bar between them.
    assert _spans(medication_bars([_med(2, "started"), _med(9, "stopped")], last)) == [
        ("sertraline", 2, 9, False)
    ]
    # Still taken: to the last visit; "continued" and "listed" extend it, not start another.
    facts = [_med(2, "started", dose="50 mg"), _med(9, "continued"), _med(16, "listed")]
    [bar] = medication_bars(facts, last)
    assert _spans([bar]) == [("sertraline", 2, 30, True)]
    assert len(bar.facts) == 3 and bar.dose == "50 mg"
    # Listed first (already taken at the first note of it): the bar starts there.
    assert _spans(medication_bars([_med(5, "listed"), _med(12, "stopped")], last)) == [
        ("sertraline", 5, 12, False)
    ]
    # Stopped, then started again: two courses.
    facts = [_med(2, "started"), _med(9, "stopped"), _med(16, "started")]
    assert _spans(medication_bars(facts, last)) == [
        ("sertraline", 2, 9, False),
        ("sertraline", 16, 30, True),
    ]
    # A new dose at one visit ("stop 10 mg, start 20 mg", in either order): one course ends
    # there and the next begins.
    facts = [_med(2, "started"), _med(9, "started", dose="20 mg"), _med(9, "stopped")]
    assert _spans(medication_bars(facts, last)) == [
        ("sertraline", 2, 9, False),
        ("sertraline", 9, 30, True),
    ]
    # A stop with nothing before it still has its place (and its mention to open).
    assert _spans(medication_bars([_med(9, "stopped")], last)) == [("sertraline", 9, 9, False)]
    # Drugs in the order first seen, whatever order the facts come in.
    facts = [_med(9, "started", "lisinopril"), _med(2, "started", "metformin")]
    assert [b.drug for b in medication_bars(facts, last)] == ["metformin", "lisinopril"]


def _flag(day: int, name: str, text: str, reason: str) -> TimelineFact:
    when = dt.datetime(2024, 1, day)
    fact = Fact("flag", name, 0, len(text), text, status="flagged", detail=reason)
    return TimelineFact(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), when, "objective", fact, text)


def _reading(day: int, name: str, value: float) -> TimelineFact:
    when = dt.datetime(2024, 1, day)
    fact = Fact("measurement", name, 0, 2, "82", value=value, unit="kg")
    return TimelineFact(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), when, "objective", fact, "82")


def test_flagged_values_are_a_row_of_their_own_never_a_reading() -> None:
    weight, flagged = (
        _reading(2, "weight", 82.0),
        _flag(9, "weight", "Wt 8200 kg", "8200 is outside 1–350"),
    )
    rows, visits, cells = table([weight, flagged])
    assert rows == ["weight", FLAGGED]  # last, under the measures
    assert [v.date.day for v in visits if v.date is not None] == [2, 9]  # its visit is a column
    assert [f.fact.text for f in cells[(FLAGGED, visits[1])]] == ["Wt 8200 kg"]
    assert (FLAGGED, visits[0]) not in cells and ("weight", visits[1]) not in cells
    # No flag, no row.
    assert table([weight])[0] == ["weight"]
    # The reason core stored, read back into what the window words.
    assert flag_reason("1280 is outside 50–260") == FlagReason("outside", "1280", "50", "260")
    assert flag_reason("-60 is outside -45–200") == FlagReason("outside", "-60", "-45", "200")
    assert flag_reason("systolic not above diastolic") == FlagReason("order")
    assert flag_reason("no unit") == FlagReason("other", text="no unit")


# -- the window -----------------------------------------------------------------------------


def test_the_table_shows_each_measure_per_visit_read_off_the_gui_thread(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, _seeded = opened
    dialog = open_flowsheet(driver)
    [(_, thread)] = [call for call in fake_api.calls if call[0] == "timeline.facts"]
    assert thread != threading.get_ident()
    # Newest first; the client's undated record last.
    assert column_titles(dialog) == ["2024-09-24", "2024-03-02", "2023-11-05", "Client record"]
    assert table_rows(dialog) == {
        "Systolic BP (mmHg)": ["126, 122", "138", "152", ""],
        "Diastolic BP (mmHg)": ["80, 78", "88", "96", ""],
        "Heart rate (/min)": ["72", "78", "84", ""],
        "Weight (kg)": ["88", "91", "94", "97"],
        "HbA1c (%)": ["5.9", "6.4", "7.1", ""],
    }
    assert strip_isolates(dialog.summary.text()) == "3 visits, from 2023-11-05 to 2024-09-24."
    # Opening it again shows what it holds: no second read.
    dialog.hide()
    open_flowsheet(driver)
    assert fake_api.called("timeline.facts") == 1


def test_each_reading_is_a_point_and_bp_and_a1c_have_their_bands(
    opened: tuple[GuiDriver, Seeded],
) -> None:
    driver, _seeded = opened
    dialog = open_flowsheet(driver)
    assert list(dialog.plots) == ["bp", "heart_rate", "weight", "a1c"]
    bp = dialog.plots["bp"]
    assert bp.point_count("bp_systolic") == 4 and bp.point_count("bp_diastolic") == 4
    assert bp.bands == [(90.0, 120.0), (60.0, 80.0)]
    assert dialog.plots["heart_rate"].point_count("heart_rate") == 3
    # The client's record has no date: its weight is in the table, not on the time axis.
    assert dialog.plots["weight"].point_count("weight") == 3
    assert dialog.plots["weight"].bands == []
    a1c = dialog.plots["a1c"]
    assert a1c.point_count("a1c") == 3
    assert a1c.bands == [(3.0, 5.7), (5.7, 6.5), (6.5, 20.0)]
    caption = strip_isolates(a1c.caption.text())
    for words in ("normal below 5.7%", "prediabetes 5.7–6.4%", "diabetes range ≥ 6.5%"):
        assert words in caption
    assert "normal: systolic 90–120 mmHg, diastolic 60–80 mmHg" in strip_isolates(bp.caption.text())
    # Both thresholds are in view however low the readings are.
    low, high = a1c.plot.getPlotItem().viewRange()[1]
    assert low < 5.7 and high > 6.5


def test_a_point_opens_its_session_with_the_line_selected(
    opened: tuple[GuiDriver, Seeded],
) -> None:
    driver, seeded = opened
    window = driver.window
    dialog = open_flowsheet(driver)
    window.resize(SCREEN)
    dialog.plots["bp"].activate("bp_systolic", 1)  # the second reading: 138, in March
    driver.settle()
    editor = window.session_editor
    # The sheet stays open, beside the passage it opened, not over it.
    assert dialog.isVisible()
    passage = editor.selected_rect()
    assert passage.width() < editor.objective.width()  # the sentence, not the editor
    assert not dialog.frameGeometry().intersects(passage)
    assert editor.session_id == seeded.sessions[SECOND]
    assert window.session_list.ids()[window.session_list.currentRow()] == editor.session_id
    assert selected_text(editor.objective) == "BP 138/88, HR 78."

    # A real click on a point, through pyqtgraph's own scene.
    dialog.tabs.setCurrentWidget(dialog.charts)
    plot = dialog.plots["a1c"]
    dialog.charts.ensureWidgetVisible(plot)
    driver.qtbot.waitExposed(plot.plot)
    where = plot.point_position("a1c", 2).toPoint()
    driver.qtbot.mouseClick(plot.plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    driver.settle()
    assert editor.session_id == seeded.sessions[THIRD]
    assert selected_text(editor.objective) == "HbA1c 5.9%."


def test_a_click_on_a_table_cell_opens_its_note(opened: tuple[GuiDriver, Seeded]) -> None:
    driver, seeded = opened
    window = driver.window
    dialog = open_flowsheet(driver)
    dialog.tabs.setCurrentWidget(dialog.table)
    driver.qtbot.waitExposed(dialog.table)

    def click(row: str, column: str) -> None:
        table = dialog.table
        r = list(table_rows(dialog)).index(row)
        c = column_titles(dialog).index(column)
        table.scrollToItem(table.item(r, c))
        rect = table.visualItemRect(table.item(r, c))
        driver.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        driver.settle()

    click("HbA1c (%)", "2023-11-05")
    assert window.session_editor.session_id == seeded.sessions[FIRST]
    assert selected_text(window.session_editor.objective) == "HbA1c 7.1%."
    # The client's own record: its details unfold with the line selected.
    window.show_client_details(False)
    dialog = open_flowsheet(driver)
    click("Weight (kg)", "Client record")
    assert window.client_details_shown
    assert selected_text(window.client_editor.medical_history) == "Weight 97 kg at diagnosis."


def test_a_sheet_steps_to_the_wider_free_side_of_the_note() -> None:
    screen, least = QRect(0, 0, 1366, 728), QSize(560, 380)
    # The note on the right: the sheet takes the strip left of it, whole.
    assert beside(screen, QRect(700, 100, 600, 500), least) == QRect(0, 0, 700, 728)
    # The note on the left: the strip right of it.
    assert beside(screen, QRect(40, 100, 600, 500), least) == QRect(640, 0, 726, 728)
    # No strip is wide enough: the least width, over the end of the note's lines.
    assert beside(screen, QRect(300, 0, 800, 700), least) == QRect(806, 0, 560, 728)
    assert beside(screen, QRect(300, 0, 800, 700), least, rtl=True) == QRect(0, 0, 560, 728)


def _wheel(widget: QWidget, *, ctrl: bool) -> None:
    where = QPointF(widget.rect().center())
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    event = QWheelEvent(
        where, QPointF(widget.mapToGlobal(where.toPoint())), QPoint(0, 0), QPoint(0, -240),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_sheet_and_ctrl_wheel_zooms_a_chart(
    opened: tuple[GuiDriver, Seeded],
) -> None:
    driver, _seeded = opened
    dialog = open_flowsheet(driver)
    dialog.resize(QSize(900, 420))  # shorter than the sheet: it scrolls
    driver.settle()
    scroll = dialog.charts.verticalScrollBar()
    assert scroll.maximum() > 0 and scroll.value() == 0
    plot = dialog.plots["bp"].plot
    span = plot.getPlotItem().viewRange()[0]
    _wheel(plot.viewport(), ctrl=False)
    driver.settle()
    assert scroll.value() > 0  # the sheet moved down
    assert plot.getPlotItem().viewRange()[0] == span  # the chart's time axis did not
    _wheel(plot.viewport(), ctrl=True)
    driver.settle()
    low, high = plot.getPlotItem().viewRange()[0]
    assert high - low > span[1] - span[0]  # zoomed out in time
    assert scroll.value() > 0


def _many_visits(fake_api: FakeChartsideApi, seeded: Seeded, repeats: int) -> None:
    """The seeded visits again, every 300 days after, till the table is wider than a screen."""
    facts = fake_api.timeline.facts_by_client[seeded.client]
    more = [
        dataclasses.replace(
            f, id=uuid.uuid4(), session_date=f.session_date + dt.timedelta(days=300 * k)
        )
        for k in range(1, repeats + 1)
        for f in facts
        if f.session_date is not None
    ]
    fake_api.timeline.facts_by_client[seeded.client] = facts + more


@pytest.mark.parametrize("language", ["en", "he"])
def test_the_table_opens_at_the_newest_visit_and_scrolls_the_way_the_window_reads(
    make_gui: MakeGui, fake_api: FakeChartsideApi, request: pytest.FixtureRequest, language: str
) -> None:
    if language == "he":
        request.getfixturevalue("hebrew")
    seeded = seed(fake_api)
    _many_visits(fake_api, seeded, 11)
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.window.resize(SCREEN)
    driver.open_client(seeded.client)
    dialog = open_flowsheet(driver)
    dialog.tabs.setCurrentWidget(dialog.table)
    driver.qtbot.waitExposed(dialog.table)
    table, scroll = dialog.table, dialog.table.horizontalScrollBar()
    titles = column_titles(dialog)
    assert titles[0] == "2033-10-07" and titles == sorted(titles[:-1], reverse=True) + titles[-1:]
    # It opens at its start, the newest visit in view where the window starts reading.
    assert scroll.maximum() > 0 and scroll.value() == 0
    viewport = table.viewport().rect()
    newest = table.visualRect(table.model().index(0, 0))
    assert viewport.contains(newest)
    if language == "he":  # first column on the right, the bar mirrored with it
        assert scroll.isRightToLeft() and newest.right() > viewport.width() - newest.width() - 4
    else:
        assert not scroll.isRightToLeft() and newest.left() < 4
    # Every column is reachable: the oldest, the client's record, at the bar's end.
    scroll.setValue(scroll.maximum())
    driver.settle()
    last = table.visualRect(table.model().index(0, table.columnCount() - 1))
    assert viewport.contains(last)


FLAGGED_NOTE = "BP 1280/82 (typo?), recheck 128/82.\nWeight 90 kg."
FLAGGED_DAY = dt.datetime(2024, 12, 1, 11, 0)


def _with_a_flag(fake_api: FakeChartsideApi, seeded: Seeded) -> TimelineFact:
    """A visit whose note holds an unbelievable blood pressure, flagged as the extractor
    flags it, beside a believable recheck and a weight."""
    session = Session(
        uuid.uuid4(), seeded.client, SessionData(date=FLAGGED_DAY, objective=FLAGGED_NOTE),
        dt.datetime.now(),
    )  # fmt: skip
    fake_api.sessions[session.id] = session
    line = FLAGGED_NOTE.splitlines()[0]

    def fact(kind: Any, name: str, text: str, **kw: Any) -> TimelineFact:
        start = FLAGGED_NOTE.index(text)
        found = Fact(kind, name, start, start + len(text), text, **kw)
        return TimelineFact(
            uuid.uuid4(), seeded.client, session.id, FLAGGED_DAY, "objective", found, line
        )

    flag = fact("flag", "bp_systolic", "BP 1280/82", status="flagged",
                detail="1280 is outside 50–260")  # fmt: skip
    added = [
        flag,
        fact("measurement", "bp_systolic", "128/82", value=128.0, unit="mmHg"),
        fact("measurement", "bp_diastolic", "128/82", value=82.0, unit="mmHg"),
    ]
    fake_api.timeline.facts_by_client[seeded.client] = [*seeded.facts, *added]
    return flag


def test_a_flagged_value_is_shown_in_the_table_marked_and_opens_its_note(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seeded = seed(fake_api)
    flag = _with_a_flag(fake_api, seeded)
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(seeded.client)
    dialog = open_flowsheet(driver)
    titles = column_titles(dialog)
    assert titles[0] == "2024-12-01"
    rows = table_rows(dialog)
    assert list(rows)[-1] == "Flagged values"
    assert rows["Flagged values"] == ["⚠ BP 1280/82", "", "", "", ""]
    # The recheck is the visit's reading; the flagged value is no point of any plot.
    assert rows["Systolic BP (mmHg)"][0] == "128"
    assert dialog.plots["bp"].point_count("bp_systolic") == 5
    item = dialog.table.item(len(rows) - 1, 0)
    assert item is not None
    assert item.foreground().color().name() == WARNING_TEXT
    tip = strip_isolates(item.toolTip())
    assert "Blood pressure" in tip and "1280 is outside the believable range 50–260" in tip
    assert "BP 1280/82 (typo?), recheck 128/82." in tip
    assert strip_isolates(dialog.summary.text()) == (
        "4 visits, from 2023-11-05 to 2024-12-01. One value that cannot be right is flagged "
        "in the table and left out of the plots."
    )
    # A click opens the note with the flagged value selected.
    dialog.tabs.setCurrentWidget(dialog.table)
    driver.qtbot.waitExposed(dialog.table)
    dialog.table.scrollToItem(item)
    rect = dialog.table.visualItemRect(item)
    driver.qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    driver.settle()
    editor = driver.window.session_editor
    assert editor.session_id == flag.session_id
    assert selected_text(editor.objective) == "BP 1280/82 (typo?), recheck 128/82."


@pytest.mark.usefixtures("hebrew")
def test_a_flagged_value_in_hebrew(make_gui: MakeGui, fake_api: FakeChartsideApi) -> None:
    seeded = seed(fake_api)
    _with_a_flag(fake_api, seeded)
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(seeded.client)
    dialog = open_flowsheet(driver)
    rows = table_rows(dialog)
    assert rows["ערכים לא סבירים"][0] == "⚠ BP 1280/82"
    item = dialog.table.item(len(rows) - 1, 0)
    assert item is not None
    tip = strip_isolates(item.toolTip())
    assert "לחץ דם" in tip and "1280 מחוץ לטווח הסביר 50–260" in tip
    assert strip_isolates(dialog.summary.text()).endswith(
        "ערך אחד שאינו סביר מסומן בטבלה ואינו מוצג בגרפים."
    )
    order = _flag(9, "bp_systolic", "BP 80/120", "systolic not above diastolic")
    assert dialog.flag_reason_text(order) == "הלחץ הסיסטולי אינו גבוה מהלחץ הדיאסטולי"


def test_medication_bars_span_start_to_stop(opened: tuple[GuiDriver, Seeded]) -> None:
    driver, seeded = opened
    dialog = open_flowsheet(driver)
    medications = dialog.medications
    assert medications is not None
    assert medications.drugs == ["lisinopril", "metformin", "atorvastatin"]
    # Started in November and stopped in September: one bar.
    assert medications.span("metformin") == [(FIRST, THIRD)]
    # Never stopped: to the last visit; "continued" extended it.
    assert medications.span("lisinopril") == [(FIRST, THIRD)]
    assert medications.span("atorvastatin") == [(SECOND, THIRD)]
    assert [b.running for b in medications.bars] == [True, False, True]
    assert len(medications.bar_items) == 3
    # Each mention is a point on its bar that opens its line.
    stop = next(
        n
        for n, spot in enumerate(medications.markers.points())
        if spot.data().fact.status == "stopped"
    )
    medications.activate(stop)
    driver.settle()
    assert driver.window.session_editor.session_id == seeded.sessions[THIRD]
    assert selected_text(driver.window.session_editor.plan) == "Stop metformin."


def test_a_drug_still_taken_runs_to_the_last_session_even_one_without_facts(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seeded = seed(fake_api)
    later = dt.datetime(2025, 1, 10, 9, 0)
    session = Session(uuid.uuid4(), seeded.client, SessionData(date=later), dt.datetime.now())
    fake_api.sessions[session.id] = session
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(seeded.client)
    dialog = open_flowsheet(driver)
    assert dialog.medications is not None
    assert dialog.medications.span("lisinopril") == [(FIRST, later)]
    assert dialog.medications.span("metformin") == [(FIRST, THIRD)]  # stopped: stays stopped


def test_the_flowsheet_follows_the_client_and_is_wiped_on_lock(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, _seeded = opened
    other = seed(fake_api, "Other Client")
    fake_api.timeline.facts_by_client[other.client] = other.facts[:3]
    dialog = open_flowsheet(driver)
    driver.window.refresh()
    driver.settle()
    driver.open_client(other.client)
    assert dialog.client_id == other.client
    assert list(table_rows(dialog)) == ["Systolic BP (mmHg)", "Weight (kg)"]
    assert {f.client_id for f in dialog.facts} == {other.client}
    # A saved note may hold new values: read again.
    reads = fake_api.called("timeline.facts")
    driver.click(driver.window.new_session_button)
    driver.window.session_editor.objective.setPlainText("Weight 80 kg.")
    driver.save_session()
    assert fake_api.called("timeline.facts") == reads + 1
    driver.lock()
    assert not dialog.isVisible() and dialog.facts == [] and dialog.table.rowCount() == 0


def test_a_failed_read_is_said_in_the_dialog(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, _seeded = opened
    fake_api.fail_next["timeline.facts"] = DatabaseError("database unavailable")
    dialog = open_flowsheet(driver)
    assert dialog.summary.text() == "The flowsheet could not be read from the notes."
    assert dialog.facts == []


def test_the_dialog_fits_a_1366_by_768_screen(opened: tuple[GuiDriver, Seeded]) -> None:
    driver, _seeded = opened
    dialog = open_flowsheet(driver)
    size = FlowsheetDialog.size_for(AVAILABLE)
    assert size.width() <= AVAILABLE.width() and size.height() <= AVAILABLE.height()
    assert dialog.minimumSizeHint().height() <= size.height()
    assert dialog.minimumSizeHint().width() <= size.width()


# -- in Hebrew ------------------------------------------------------------------------------

HEBREW_LETTERS = re.compile(r"[\u0590-\u05ff]")


def shown_texts(dialog: FlowsheetDialog) -> list[str]:
    """The dialog's own words: title, labels, tabs, headers, time axis ticks."""
    texts = [dialog.windowTitle()]
    texts += [w.text() for w in dialog.findChildren(QLabel)]
    texts += [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    texts += [w.accessibleName() for w in dialog.findChildren(QWidget)]
    table = dialog.table
    texts += [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for plot in dialog.plots.values():
        axis = plot.plot.getPlotItem().getAxis("bottom")
        start = dt.datetime(2024, 3, 2).timestamp()
        for spacing in (400 * 86_400, 30 * 86_400, 86_400, 3600):
            texts += axis.tickStrings([start], 1.0, spacing)
    return [re.sub(r"<[^>]+>|&nbsp;", " ", strip_isolates(t)) for t in texts if t]


# Latin that may stand in a Hebrew window: units and the names of lab tests and scores.
ALLOWED_LATIN = {"mmHg", "kg", "HbA1c", "BP"}


@pytest.mark.usefixtures("hebrew")
def test_the_flowsheet_in_hebrew_is_mirrored_with_values_left_to_right(
    opened: tuple[GuiDriver, Seeded],
) -> None:
    driver, _seeded = opened
    dialog = open_flowsheet(driver)
    assert dialog.isRightToLeft()
    assert column_titles(dialog) == ["2024-09-24", "2024-03-02", "2023-11-05", "רשומת המטופל"]
    rows = table_rows(dialog)
    assert rows["לחץ דם סיסטולי (mmHg)"] == ["126, 122", "138", "152", ""]
    assert rows["דופק (לדקה)"] == ["72", "78", "84", ""]
    # Numbers and dates are left-to-right islands in the right-to-left table.
    table = dialog.table
    assert table.horizontalHeaderItem(2).text() == "\u20662023-11-05\u2069"
    painted = table.itemDelegate().display_text(table.model().index(0, 0))
    assert painted == "\u2068126, 122\u2069"
    # Time runs right to left, as the window reads, with the values on the right.
    item = dialog.plots["bp"].plot.getPlotItem()
    assert item.getViewBox().xInverted()
    assert item.getAxis("right").isVisible() and not item.getAxis("left").isVisible()
    texts = shown_texts(dialog)
    # The axis's dates as every date of the window: no month names, in either language.
    assert "2024-03" in texts and any(re.fullmatch(r"2024-\d\d-\d\d", t) for t in texts)
    patterns = _english_patterns()
    english = [t for t in texts if any(p.fullmatch(t.strip()) for p, _ in patterns)]
    assert english == []
    latin = {w for t in texts for w in re.findall(r"[A-Za-z]{2,}", t)} - ALLOWED_LATIN
    assert latin == set()
    assert all(HEBREW_LETTERS.search(t) or not re.search("[A-Za-z]", t) for t in texts if t)


# -- screenshots ----------------------------------------------------------------------------


def _out(tmp_path: Path) -> Path:
    chosen = os.environ.get("README_SCREENSHOTS")
    return ROOT / chosen if chosen else tmp_path


def _shoot(driver: GuiDriver, name: str, out: Path, scratch: Path) -> None:
    """The charts at the size the dialog takes on 1366×768 to `out`; the table, checked
    the same way, to `scratch` only."""
    dialog = open_flowsheet(driver)
    dialog.resize(FlowsheetDialog.size_for(AVAILABLE))
    driver.qtbot.waitExposed(dialog)
    driver.settle()
    image = dialog.grab().toImage()
    out.mkdir(parents=True, exist_ok=True)
    assert image.save(str(out / f"flowsheet_{name}.png"))
    assert (image.width(), image.height()) == (1280, 688)
    colours = {image.pixel(x, y) for x in range(0, 1280, 9) for y in range(0, 688, 9)}
    assert len(colours) > 20
    table = dialog.table
    dialog.tabs.setCurrentWidget(table)
    driver.settle()
    assert table.horizontalScrollBar().maximum() == 0  # every visit in view
    assert dialog.grab().toImage().save(str(scratch / f"flowsheet_table_{name}.png"))
    dialog.tabs.setCurrentWidget(dialog.charts)
    # Nothing cut off: no plot narrower than its axes need, nothing scrolls sideways.
    assert dialog.charts.horizontalScrollBar().maximum() == 0
    assert all(plot.width() > 400 for plot in dialog.plots.values())


def test_english_screenshot(opened: tuple[GuiDriver, Seeded], tmp_path: Path) -> None:
    driver, _seeded = opened
    _shoot(driver, "en", _out(tmp_path), tmp_path)


@pytest.mark.usefixtures("hebrew")
def test_hebrew_screenshot(opened: tuple[GuiDriver, Seeded], tmp_path: Path) -> None:
    driver, _seeded = opened
    _shoot(driver, "he", _out(tmp_path), tmp_path)


def test_on_the_real_service_the_flowsheet_shows_what_the_notes_say(
    make_gui: MakeGui, service_factory: Callable[..., Any]
) -> None:
    """Real data (issue 27, point 3): notes saved through the real service, read by the
    real extractor into the real database, drawn and opened from the flowsheet."""
    svc = service_factory()
    svc.initialise(FAKE_PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Real Flow", medical_history="Wt 97 kg"))
    days = [dt.datetime(2024, 1, 10, 9), dt.datetime(2024, 4, 10, 9)]
    first = svc.notes.create_session(
        client.id,
        SessionData(date=days[0], objective="BP 150/95. HbA1c 7.4%", plan="Start metformin 500 mg"),
    )
    svc.notes.create_session(
        client.id,
        SessionData(
            date=days[1], objective="blood pressure 132 over 84. Wt 8200 kg", plan="cont. metformin"
        ),
    )
    svc.lock()
    driver = make_gui(svc)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(client.id)
    dialog = open_flowsheet(driver)
    assert column_titles(dialog) == ["2024-04-10", "2024-01-10", "Client record"]
    rows = table_rows(dialog)
    assert rows["Systolic BP (mmHg)"] == ["132", "150", ""]
    assert rows["Weight (kg)"] == ["", "", "97"]
    # "Wt 8200 kg" is flagged by the extractor: shown as such, never a weight.
    assert rows["Flagged values"] == ["⚠ Wt 8200 kg", "", ""]
    assert dialog.plots["bp"].point_count("bp_systolic") == 2
    assert "weight" not in dialog.plots
    bars = medication_bars(dialog.facts, dialog.last_visit)
    assert [(b.drug, b.start.date(), b.end.date(), b.running) for b in bars] == [
        ("metformin", days[0].date(), days[1].date(), True)
    ]
    dialog.plots["bp"].activate("bp_systolic", 0)
    driver.settle()
    assert driver.window.session_editor.session_id == first.id
    # The point's own sentence, not the whole line it shares with the HbA1c.
    assert selected_text(driver.window.session_editor.objective) == "BP 150/95."


def test_on_the_real_service_a_row_is_headed_by_the_unit_the_notes_wrote(
    make_gui: MakeGui, service_factory: Callable[..., Any]
) -> None:
    """Weights every one written in pounds make a row of pounds with the notes' digits; a
    row of mixed units keeps its own unit, and the reading in another shows that one."""
    svc = service_factory()
    svc.initialise(FAKE_PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Pound Row"))
    for day, objective in [
        (dt.datetime(2024, 1, 10, 9), "Wt 185 lb. LDL 3.1 mmol/L"),
        (dt.datetime(2024, 4, 10, 9), "Wt 183.5 lb. LDL 119 mg/dL"),
    ]:
        svc.notes.create_session(client.id, SessionData(date=day, objective=objective))
    svc.lock()
    driver = make_gui(svc)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(client.id)
    rows = {
        k: [strip_isolates(v) for v in vs] for k, vs in table_rows(open_flowsheet(driver)).items()
    }
    assert rows["Weight (lb)"] == ["183.5", "185"]
    assert rows["LDL cholesterol (mg/dL)"] == ["119", "3.1 mmol/L"]
    assert "Weight (kg)" not in rows
