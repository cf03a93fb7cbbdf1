"""Note search and index progress, against the in-memory FakeNotesApi.

`search_notes` and `open_hit` drive the panel the way a user does and only wait on the
task runner, so a test against the real service (tests/ui/test_gui_search_real.py) can
reuse them unchanged.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

import pytest
from fake_api import FAKE_MODEL_ID, FAKE_PASSPHRASE, FakeNotesApi
from gui_driver import GuiDriver
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from core.api import NotesApi
from core.domain import Client, ClientData, Session, SessionData
from core.errors import DatabaseError
from core.retrieval.types import IndexStatus, SearchQuery
from ui.editors import SessionEditor, find_span
from ui.main_window import MainWindow
from ui.passage import find_span
from ui.search_panel import SearchPanel
from ui.unsaved import Unsaved

MakeGui = Callable[[NotesApi], GuiDriver]

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
    results.setCurrentItem(results.topLevelItem(row))
    driver.qtbot.keyClick(results, Qt.Key.Key_Return)
    driver.settle()


def result_rows(panel: SearchPanel) -> list[list[str]]:
    items = [panel.results.topLevelItem(i) for i in range(panel.results.topLevelItemCount())]
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


def _seed(api: FakeNotesApi) -> Seed:
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


def _open_client(make_gui: MakeGui, api: FakeNotesApi, client_id: UUID) -> GuiDriver:
    driver = make_gui(api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(client_id)
    return driver


def test_search_lists_the_current_clients_matches_off_the_gui_thread(
    make_gui: MakeGui, fake_api: FakeNotesApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    panel = search_notes(driver, "inhaler")

    assert fake_api.last_query == SearchQuery("inhaler", client_id=seed.client, k=10)
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
    make_gui: MakeGui, fake_api: FakeNotesApi
) -> None:
    seed = _seed(fake_api)
    fake_api.index_ready = 2
    driver = _open_client(make_gui, fake_api, seed.client)
    panel = search_notes(driver, "inhaler")
    assert len(panel.hits) == 2
    assert panel.index_note.isVisible()
    assert panel.index_note.text() == "Index: 2 of 5 notes ready; results may be incomplete"


def test_activating_a_session_hit_opens_it_with_the_match_selected(
    make_gui: MakeGui, fake_api: FakeNotesApi
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
    make_gui: MakeGui, fake_api: FakeNotesApi
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
    make_gui: MakeGui, fake_api: FakeNotesApi, monkeypatch: pytest.MonkeyPatch
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
    make_gui: MakeGui, fake_api: FakeNotesApi
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
    make_gui: MakeGui, fake_api: FakeNotesApi
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


def test_lock_wipes_the_search_results(make_gui: MakeGui, fake_api: FakeNotesApi) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    panel = search_notes(driver, "inhaler")
    assert panel.results.topLevelItemCount() == 2
    driver.lock()
    assert panel.results.topLevelItemCount() == 0 and panel.hits == []
    assert panel.query.text() == "" and not panel.isEnabled()


def test_index_progress_from_a_background_thread_shows_and_hides(
    make_gui: MakeGui, fake_api: FakeNotesApi
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
    make_gui: MakeGui, fake_api: FakeNotesApi
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
    make_gui: MakeGui, fake_api: FakeNotesApi
) -> None:
    seed = _seed(fake_api)
    driver = _open_client(make_gui, fake_api, seed.client)
    fake_api.fail_next["search"] = DatabaseError("the database went away")
    panel = search_notes(driver, "inhaler")
    assert not panel.searching and panel.hits == []
    assert "database went away" in driver.window.banner.text
    assert driver.window.isVisible()
