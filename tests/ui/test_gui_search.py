"""Note search and index progress, against the in-memory FakeChartsideApi.

`search_notes` and `open_hit` drive the panel the way a user does and only wait on the
task runner, so a test against the real service (tests/ui/test_gui_search_real.py) can
reuse them unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import pytest
from fake_api import FAKE_MODEL_ID, FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

from core.api import ChartsideApi
from core.domain import Client, ClientData, Session, SessionData
from core.errors import DatabaseError
from core.retrieval.types import IndexStatus, SearchQuery, SearchResult
from ui.notes.editors import SessionEditor
from ui.notes.passage import find_span
from ui.notes.search_panel import RESULT_LIMIT, SearchPanel
from ui.notes.unsaved import Unsaved
from ui.shell.main_window import MainWindow

MakeGui = Callable[[ChartsideApi], GuiDriver]

# Long enough that the snippet is cut ("…") and spans a line break, which the fake folds.
PLAN = (
    "Continue the home exercise programme twice daily and keep a pain diary.\n"
    "Switch to the blue Inhaler before runs; review technique at the next visit, "
    "then taper if the night cough settles over the following fortnight."
)
HISTORY = "Asthma since childhood; uses an inhaler when needed."


def search_notes(driver: GuiDriver, text: str) -> SearchPanel:
    """Type `text` into the client page's search box, press Enter, wait for the answer."""
    panel = driver.window.search_panel
    assert panel.isEnabled(), "no client is open"
    panel.query.setText(text)
    driver.qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    driver.settle()
    return panel


def open_hit(driver: GuiDriver, row: int) -> None:
    """Choose result `row` with the keyboard (Enter), and wait for the note to load."""
    results = driver.window.search_panel.results
    results.setCurrentItem(row_item(results, row))
    driver.qtbot.keyClick(results, Qt.Key.Key_Return)
    driver.settle()


def row_item(results: QTreeWidget, row: int) -> QTreeWidgetItem:
    item = results.topLevelItem(row)
    assert item is not None, f"no result row {row}"
    return item


def click_hit(driver: GuiDriver, row: int) -> None:
    """Choose result `row` with one click of the mouse (scrolled to, as a user scrolls to
    it), and wait for the note to load."""
    results = driver.window.search_panel.results
    results.scrollToItem(row_item(results, row))
    rect = results.visualItemRect(row_item(results, row))
    driver.qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    driver.settle()


def result_rows(panel: SearchPanel) -> list[list[str]]:
    items = [row_item(panel.results, i) for i in range(panel.results.topLevelItemCount())]
    return [[item.text(col) for col in range(panel.results.columnCount())] for item in items]


def selected_text(edit: QPlainTextEdit) -> str:
    # selection().toPlainText(), not selectedText(): the latter turns "\n" into U+2029.
    return edit.textCursor().selection().toPlainText()


@dataclass
class Seed:
    client: UUID
    other_client: UUID
    plan_session: UUID
    older_session: UUID


def _seed(api: FakeChartsideApi) -> Seed:
    now = dt.datetime.now()
    a, b = uuid.uuid4(), uuid.uuid4()
    api.clients = {
        a: Client(a, ClientData(full_name="Alpha", medical_history=HISTORY), now),
        b: Client(b, ClientData(full_name="Beta", notes="Inhaler at school."), now),
    }
    recent = Session(uuid.uuid4(), a, SessionData(dt.datetime(2024, 3, 2, 10, 0), plan=PLAN), now)
    older = Session(
        uuid.uuid4(),
        a,
        SessionData(dt.datetime(2023, 11, 5, 9, 30), subjective="Wheezy at night."),
        now,
    )
    other = Session(
        uuid.uuid4(), b, SessionData(dt.datetime(2024, 1, 1, 8, 0), plan="inhaler"), now
    )
    api.sessions = {s.id: s for s in (recent, older, other)}
    return Seed(a, b, recent.id, older.id)


def _open_client(make_gui: MakeGui, api: FakeChartsideApi, client_id: UUID) -> GuiDriver:
    driver = make_gui(api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(client_id)
    return driver


def test_search_lists_the_current_clients_matches_off_the_gui_thread(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    _at_screen_size(driver)  # a row wide enough for the whole history
    panel = search_notes(driver, "inhaler")

    query = fake_api.last_query
    assert query is not None and (query.text, query.client_id) == ("inhaler", seed.client)
    assert query.k >= RESULT_LIMIT  # as many as the list has room for, ten at least
    [(_, search_thread)] = [call for call in fake_api.calls if call[0] == "search"]
    assert search_thread != threading.get_ident()
    rows = result_rows(panel)
    # Only Alpha's notes; the session first, then the client record, which has no date.
    assert [row[:2] for row in rows] == [["2024-03-02 10:00", "Plan"], ["", "Medical history"]]
    assert rows[0][2].startswith("…") and "blue Inhaler before runs" in rows[0][2]
    assert "\n" not in rows[0][2]
    assert rows[1][2] == HISTORY
    # No raw score: the order is the ranking.
    assert len(rows[0]) == 3 and "Score" not in panel.results.headerItem().text(2)
    assert panel.index_note.isHidden()  # the fake's index is complete

    # A query without matches says so instead of showing an empty list.
    search_notes(driver, "fracture")
    assert panel.hits == [] and panel.message.text() == "No notes match."


def test_an_incomplete_index_is_noted_beside_the_results(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    fake_api.index_ready = 2
    driver = _open_client(make_gui, fake_api, seed.client)
    panel = search_notes(driver, "inhaler")
    assert len(panel.hits) == 2
    assert panel.index_note.isVisible()
    assert panel.index_note.text() == "Index: 2 of 5 notes ready; results may be incomplete"


def test_activating_a_session_hit_opens_it_with_the_match_selected(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    window = driver.window
    driver.open_session(seed.older_session)
    search_notes(driver, "inhaler")

    open_hit(driver, 0)
    editor = window.session_editor
    assert editor.session_id == seed.plan_session
    assert window.session_list.ids()[window.session_list.currentRow()] == seed.plan_session
    assert editor.plan.toPlainText() == PLAN
    assert window.focusWidget() is editor.plan
    # The snippet had "…" ends and a folded line break; the selection is the field's text.
    selection = selected_text(editor.plan)
    assert "\n" in selection and selection in PLAN
    assert "blue Inhaler before runs" in selection
    assert not window.dirty


def test_activating_a_client_hit_focuses_the_medical_history(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    window = driver.window
    panel = search_notes(driver, "childhood")
    [hit] = panel.hits
    assert hit.type == "client" and hit.session_id is None

    open_hit(driver, 0)
    history = window.client_editor.medical_history
    assert window.focusWidget() is history
    assert selected_text(history) == HISTORY


def test_a_hit_elsewhere_keeps_unsaved_edits_unless_discarded(
    make_gui: MakeGui, fake_api: FakeChartsideApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    window = driver.window
    driver.open_session(seed.older_session)
    window.session_editor.subjective.setPlainText("typed but not saved")
    search_notes(driver, "inhaler")
    answers = [Unsaved.CANCEL, Unsaved.DISCARD]
    monkeypatch.setattr(MainWindow, "_ask_unsaved", lambda self: answers.pop(0))

    open_hit(driver, 0)
    assert window.session_editor.session_id == seed.older_session
    assert window.session_editor.subjective.toPlainText() == "typed but not saved"
    open_hit(driver, 0)
    assert window.session_editor.session_id == seed.plan_session
    assert answers == []


def test_search_stays_off_the_gui_thread_while_the_gui_keeps_ticking(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    panel = driver.window.search_panel
    fake_api.search_gate = threading.Event()
    ticks: list[int] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        panel.query.setText("inhaler")
        driver.click(panel.search_button)
        # The click returned at once; the service is still inside search().
        assert panel.searching and panel.message.text() == "Searching…"
        driver.wait_until(lambda: fake_api.called("search") == 1 and len(ticks) >= 5, 5000)
        assert panel.searching and panel.hits == []
    finally:
        fake_api.search_gate.set()
        timer.stop()
    driver.settle()
    assert not panel.searching and len(panel.hits) == 2


def test_results_for_a_client_the_user_left_are_dropped(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    panel = driver.window.search_panel
    fake_api.search_gate = threading.Event()
    panel.query.setText("inhaler")
    driver.click(panel.search_button)
    driver.wait_until(lambda: fake_api.called("search") == 1, 5000)
    window = driver.window
    window.client_list.setCurrentRow(window.client_list.ids().index(seed.other_client))
    fake_api.search_gate.set()
    driver.settle()
    assert window.client_editor.client_id == seed.other_client
    assert panel.client_id == seed.other_client
    assert panel.hits == [] and panel.results.topLevelItemCount() == 0
    assert panel.query.text() == ""


def test_lock_wipes_the_search_results(make_gui: MakeGui, fake_api: FakeChartsideApi) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    panel = search_notes(driver, "inhaler")
    assert panel.results.topLevelItemCount() == 2
    driver.lock()
    assert panel.results.topLevelItemCount() == 0 and panel.hits == []
    assert panel.query.text() == "" and not panel.isEnabled()


def test_index_progress_from_a_background_thread_shows_and_hides(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    _seed(fake_api)
    fake_api.index_ready = 3  # the snapshot taken at unlock
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    bar = driver.controller.index_progress
    assert fake_api.index_listener is not None
    assert bar.isVisible() and bar.text() == "Indexing notes: 3 of 5"

    indexer_thread = fake_api.push_index(40, 300)
    assert indexer_thread != threading.get_ident()
    driver.wait_until(lambda: bar.value() == 40, 5000)
    assert bar.isVisible() and bar.maximum() == 300
    assert bar.text() == "Indexing notes: 40 of 300"

    fake_api.push_index(300, 300)
    driver.wait_until(bar.isHidden, 5000)

    # Locking stops the reports; one already on its way is not shown.
    stale = fake_api.index_listener
    fake_api.push_index(10, 300)
    driver.lock()
    assert fake_api.index_listener is None
    reporter = threading.Thread(target=stale, args=(IndexStatus(20, 300, FAKE_MODEL_ID),))
    reporter.start()
    reporter.join()
    QApplication.processEvents()
    assert bar.isHidden()


def test_the_bar_stays_hidden_when_the_service_cannot_report_progress(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    fake_api.fail_next["watch_index"] = RuntimeError("no embedder")
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    assert driver.controller.index_progress.isHidden()
    assert driver.window.banner.text == ""  # not an error the user has to act on
    assert driver.controller.unlock_dialog is None


def test_find_span_locates_a_snippet_in_its_field() -> None:
    text = "First line.\nSecond   line with Words; third."
    span = find_span(text, "…line with words; th…")  # cut ends, other case
    assert span == (text.index("line with"), text.index("; th") + 4)
    folded = (text.index("Second"), text.index("line with") + 4)
    assert find_span(text, "Second line") == folded  # any whitespace run matches any other
    assert find_span(text, "...nowhere to be seen...") is None
    assert find_span(text, "…") is None


def test_focus_field_selects_by_qt_positions_past_an_emoji(qtbot: QtBot) -> None:
    editor = SessionEditor()
    qtbot.addWidget(editor)
    editor.plan.setPlainText("😀 ice\nreview in two weeks")
    assert editor.focus_field("plan", "…two weeks")
    assert selected_text(editor.plan) == "review in two weeks"  # its whole line
    assert not editor.focus_field("no_such_field")
    assert editor.focus_field("objective", "absent")  # no match: focus, caret at the start
    assert editor.objective.textCursor().position() == 0


def test_a_failed_search_goes_to_the_error_banner(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    fake_api.fail_next["search"] = DatabaseError("the database went away")
    panel = search_notes(driver, "inhaler")
    assert not panel.searching and panel.hits == []
    assert "database went away" in driver.window.banner.text
    assert driver.window.isVisible()


# -- issue 28, point 6: one click, the words in every row, eight rows at 1366×768 -------------

SCREEN = (1366, 768)
NOTO_FONTS = Path(__file__).resolve().parent / "desktop" / "fonts"
MATCH_COLOUR = QColor("#fff176")  # ui.notes.snippets.MATCH_STYLE's background
# Long enough that the row shows only a part of it, the words far from the start; a
# reading and a Hebrew word behind its prefixes ("והכאב" for "כאב") on the way.
FILLER_EN = "Slept well, appetite normal, mood steady, no new complaints since the last visit. "
FILLER_HE = "ישנה טוב, תיאבון תקין, מצב רוח יציב, ללא תלונות חדשות מאז הביקור הקודם. "
LIPIDS_EN = FILLER_EN * 3 + "Lipids: LDL cholesterol 105.1 mg/dL, HDL 63.3 mg/dL. " + FILLER_EN
KNEE_HE = FILLER_HE * 3 + "דופק 70.7 /min. והכאב בברך השמאלית פחת מאוד. " + FILLER_HE


def _many(api: FakeChartsideApi, notes: str, visits: int = 12) -> UUID:
    """A client with `visits` sessions whose Objective is `notes`."""
    now = dt.datetime.now()
    client = uuid.uuid4()
    api.clients = {client: Client(client, ClientData(full_name="Gamma"), now)}
    sessions = [
        Session(
            uuid.uuid4(),
            client,
            SessionData(dt.datetime(2024, 1, 1 + day, 9, 0), objective=notes),
            now,
        )
        for day in range(visits)
    ]
    api.sessions = {s.id: s for s in sessions}
    return client


def _at_screen_size(driver: GuiDriver) -> None:
    window = driver.window
    window.show()
    window.resize(*SCREEN)
    driver.wait_until(lambda: (window.width(), window.height()) == SCREEN)
    driver.settle()


def _marked_pixels(panel: SearchPanel, row: int) -> int:
    """Pixels of the match's colour painted in row `row`'s snippet cell."""
    results = panel.results
    cell = results.visualItemRect(row_item(results, row))
    cell.setLeft(results.header().sectionViewportPosition(2))
    cell.setWidth(results.header().sectionSize(2))
    image = results.viewport().grab(cell).toImage()
    return sum(
        image.pixelColor(x, y) == MATCH_COLOUR
        for x in range(image.width())
        for y in range(image.height())
    )


def _rows_in_view(panel: SearchPanel) -> int:
    """Result rows shown whole, top to bottom, in the list's viewport."""
    results = panel.results
    height = results.viewport().height()
    rects = [results.visualItemRect(row_item(results, r)) for r in range(len(panel.hits))]
    return sum(1 for rect in rects if rect.top() >= 0 and rect.bottom() < height)


def test_one_click_opens_a_result_and_a_double_click_opens_it_once(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    window = driver.window
    _at_screen_size(driver)
    driver.open_session(seed.older_session)
    panel = search_notes(driver, "inhaler")
    opened: list[UUID | None] = []
    panel.hit_activated.connect(lambda hit: opened.append(hit.session_id))

    # One click on the second row (the client's record) opens it, not the selected first.
    click_hit(driver, 1)
    assert opened == [None]
    assert window.focusWidget() is window.client_editor.medical_history
    assert selected_text(window.client_editor.medical_history) == HISTORY

    # A double click (press, release, double-click press, release) opens its row once.
    results = panel.results
    results.scrollToItem(row_item(results, 0))
    centre = results.visualItemRect(row_item(results, 0)).center()
    driver.qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    driver.qtbot.mouseDClick(results.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    driver.qtbot.mouseRelease(results.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    driver.settle()
    assert opened == [None, seed.plan_session]
    assert window.session_editor.session_id == seed.plan_session
    assert "blue Inhaler before runs" in selected_text(window.session_editor.plan)


def test_the_keyboard_moves_through_the_results_and_enter_opens_one(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    window = driver.window
    _at_screen_size(driver)
    panel = search_notes(driver, "inhaler")
    opened: list[UUID | None] = []
    panel.hit_activated.connect(lambda hit: opened.append(hit.session_id))
    results = panel.results
    # Down from the search box goes into the results, on the first.
    panel.query.setFocus()
    driver.qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert results.hasFocus() and results.currentIndex().row() == 0
    # The arrows move without opening anything; the focus stays in the list.
    driver.qtbot.keyClick(results, Qt.Key.Key_Down)
    driver.settle()
    assert results.currentIndex().row() == 1 and opened == [] and results.hasFocus()
    driver.qtbot.keyClick(results, Qt.Key.Key_Up)
    assert results.currentIndex().row() == 0 and opened == []
    # Enter opens the current one.
    driver.qtbot.keyClick(results, Qt.Key.Key_Return)
    driver.settle()
    assert opened == [seed.plan_session]
    assert window.focusWidget() is window.session_editor.plan


@pytest.mark.parametrize("language", ["en", "he"])
def test_every_row_shows_the_words_searched_for_or_says_it_has_none(
    make_gui: MakeGui, fake_api: FakeChartsideApi, request: pytest.FixtureRequest, language: str
) -> None:
    """Issue 28: a row without the word searched for, and Hebrew rows cut at their start
    ("…: 105.1 mg/dL", no "LDL"). In both windows, with English and Hebrew notes, the
    word is in every row's text and painted marked in its cell."""
    if language == "he":
        request.getfixturevalue("hebrew")
    client = _many(fake_api, f"{LIPIDS_EN}\n{KNEE_HE}", visits=3)
    driver = _open_client(make_gui, fake_api, client)
    _at_screen_size(driver)
    assert driver.window.isRightToLeft() == (language == "he")
    search = fake_api.search.query

    def with_a_note_found_by_meaning(query: SearchQuery) -> SearchResult:
        # The hybrid search also finds notes by their meaning, without the words; ranked
        # here above the others, as fusion may rank one.
        result = search(query)
        other = dataclasses.replace(
            result.hits[0], chunk_id=uuid.uuid4(), text="Walk daily after meals.", field="plan"
        )
        return dataclasses.replace(result, hits=[other, *result.hits])

    fake_api.search.query = with_a_note_found_by_meaning  # type: ignore[method-assign]
    panel = driver.window.search_panel
    related = "קרוב במשמעות:" if language == "he" else "Related in meaning:"
    for query, word in (("ldl", "LDL"), ("כאב", "כאב")):
        search_notes(driver, query)
        rows = result_rows(panel)
        assert len(rows) == 4
        # The notes with the words first, each showing them; the one without last, saying so.
        for row in range(3):
            shown = rows[row][2]
            assert word in shown and shown.startswith("…") and shown.endswith("…"), shown
            assert _marked_pixels(panel, row) > 20, (query, row)
        assert rows[3][2] == f"{related} Walk daily after meals."
        assert panel.hits[3].text == "Walk daily after meals."
        assert _marked_pixels(panel, 3) == 0


@pytest.fixture
def system_font(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window's font for one test: the platform's (DejaVu Sans here, and in CI), or
    Noto Sans, the default sans-serif of many desktops, taller, which left the results
    three rows in issue 28 (shipped under tests/ui/desktop/fonts for the fit tests)."""
    family: str = request.param
    before = QFont(qapp.font())
    if family != "default":
        files = sorted(NOTO_FONTS.glob("*.ttf"))
        if not files:
            pytest.skip(f"no {family} under {NOTO_FONTS}")
        for path in files:
            assert QFontDatabase.addApplicationFont(str(path)) >= 0, path
        font = QFont(before)
        font.setFamilies([family, "Noto Sans Hebrew"])
        qapp.setFont(font)
        assert QFontInfo(qapp.font()).family() == family
    yield family
    qapp.setFont(before)


@pytest.mark.parametrize("system_font", ["default", "Noto Sans"], indirect=True)
@pytest.mark.parametrize("language", ["en", "he"])
def test_at_1366_by_768_with_a_session_open_the_note_keeps_its_lines_and_results_scroll(
    make_gui: MakeGui,
    fake_api: FakeChartsideApi,
    request: pytest.FixtureRequest,
    language: str,
    system_font: str,
) -> None:
    """The busiest page: the client's details unfolded and a session open in the form. The
    results once took eight rows' room from the note, leaving its fields two lines each; now
    each field keeps six, the results show the rows that remain and scroll to the others,
    and without a session open they show eight or more."""
    if language == "he":
        request.getfixturevalue("hebrew")
    client = _many(fake_api, LIPIDS_EN, visits=12)
    driver = _open_client(make_gui, fake_api, client)
    _at_screen_size(driver)
    window = driver.window
    window.show_client_details(True)
    panel = search_notes(driver, "LDL")
    assert len(panel.hits) >= 8
    assert _rows_in_view(panel) >= 8, (panel.results.viewport().height(), panel.row_height())
    driver.open_session(window.session_list.ids()[0])
    editor = window.session_editor
    for name in ("subjective", "objective", "assessment", "plan"):
        field = getattr(editor, name)
        room = field.viewport().height() - 2 * field.document().documentMargin()
        assert room // field.fontMetrics().lineSpacing() >= 6, name
    assert _rows_in_view(panel) >= 1
    assert panel.results.verticalScrollBar().maximum() > 0  # the rest by scrolling
    assert (window.width(), window.height()) == SCREEN  # the room came from inside the window
