"""The assistant panel and the diagnostics page, against the in-memory FakeChartsideApi.

`ask_question`, `wait_for_answer`, `words_written` and `click_text` drive and read the
panel the way a user does and wait only on the panel and the task runner, so the
real-model test (tests/ui/test_gui_assistant_real.py) reuses them unchanged.

The model's text streams in, but only the checked answer is ever shown (docs/architecture.md): while
it is written the status line counts its words, and the answer view holds the question
alone. `record_view` catches every text the view shows, to prove that.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

import pytest
from fake_api import CANNED_ANSWER, FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTreeWidget
from pytestqt.qtbot import QtBot
from qtdoc import fragments, hrefs

from core.api import ChartsideApi
from core.assistant.prompt import REFUSAL
from core.assistant.types import AskSource, ConversationSummary, StoredMessage
from core.domain import Client, ClientData, Session, SessionData
from core.errors import QueryRejected, RateLimited
from core.messages import Message
from ui.assistant.assistant_panel import AssistantPanel
from ui.assistant.assistant_sources import source_place
from ui.assistant.safe_markdown import SafeBrowser
from ui.kit.bidi import first_strong, strip_isolates

MakeGui = Callable[[ChartsideApi], GuiDriver]
PLAN = "Continue the home exercise programme twice daily and keep a pain diary."
WHEEZE = "Wheezy at night."
HISTORY = "Asthma since childhood; uses an inhaler when needed."
QUESTION = "What is the plan?"
MEDICATION = "What medication is she on?"
# What a model might write for MEDICATION that nothing in the notes supports.
UNGROUNDED = (
    "Currently taking metformin 500 mg twice daily [1], lisinopril 10 mg daily [2] "
    "and atorvastatin 20 mg at night [2]."
)
_WRITING = re.compile(
    r"Writing the answer: (\d+ words|one word) so far(?:, about \d+ s left)?\. "
    r"It appears once checked\."
)


# -- helpers shared with the real-model test ------------------------------------------------


def ask_question(driver: GuiDriver, text: str) -> AssistantPanel:
    """Type a question and press Enter; returns at once (the answer is being written)."""
    panel = driver.window.assistant_panel
    assert panel.isEnabled(), "no client is open"
    panel.question.setText(text)
    driver.qtbot.keyClick(panel.question, Qt.Key.Key_Return)
    assert panel.asking
    return panel


def wait_for_answer(driver: GuiDriver, timeout_ms: int = 10_000) -> AssistantPanel:
    panel = driver.window.assistant_panel
    driver.wait_until(lambda: not panel.asking, timeout_ms)
    driver.settle()  # the conversation list reloads after each answer
    return panel


def words_written(panel: AssistantPanel) -> int | None:
    """The count of words written so far that the status line shows while the model
    writes; None when it shows something else."""
    match = _WRITING.fullmatch(panel.status.text())
    if match is None:
        return None
    return 1 if match.group(1) == "one word" else int(match.group(1).split()[0])


def record_view(panel: AssistantPanel) -> list[str]:
    """Every text the answer view shows from now on: one entry per change to its document,
    in-between states included. Tests may append their own samples."""
    doc = panel.answer.document()
    shown = [doc.toPlainText()]
    doc.contentsChanged.connect(lambda: shown.append(doc.toPlainText()))
    return shown


def streamed_words_in(text: str, streamed: str) -> list[str]:
    """The long words (7+ letters) of `streamed` that `text` contains: UNGROUNDED's are
    in no question, heading, note or refusal, so any of them on screen is streamed text."""
    words = {w.casefold() for w in re.findall(r"[^\W\d_]{7,}", streamed)}
    return sorted(w for w in words if w in text.casefold())


def point_at(browser: SafeBrowser, position: int) -> QPoint:
    """A viewport point on the character at document `position`, scrolled into view."""
    at = QTextCursor(browser.document())
    at.setPosition(position)
    browser.setTextCursor(at)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(at)
    return QPoint(rect.right() + 2, rect.center().y())


def click_at(driver: GuiDriver, browser: SafeBrowser, position: int) -> str:
    """Click the character at `position`; returns the anchor under the pointer ("" if none)."""
    point = point_at(browser, position)
    href = browser.anchorAt(point)
    driver.qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    driver.settle()
    return href


def click_text(driver: GuiDriver, browser: SafeBrowser, text: str) -> str:
    """Click the first character of `text` in the answer."""
    found = browser.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the answer"
    return click_at(driver, browser, found.selectionStart())


def click_citation(driver: GuiDriver, browser: SafeBrowser, n: int, turn: int = 0) -> str:
    """Click the first `[n]` citation link of answer `turn` (the first answer: 0)."""
    href = f"cite:{turn}:{n}"
    found = [pos for pos, _, fmt in fragments(browser.document()) if fmt.anchorHref() == href]
    assert found, f"no {href} in the answer"
    point = point_at(browser, found[0])
    if browser.anchorAt(point) != href:
        # In a right-to-left line the character lies left of the cursor's place.
        at = QTextCursor(browser.document())
        at.setPosition(found[0] + 1)
        point = QPoint(browser.cursorRect(at).left() + 2, point.y())
    under = browser.anchorAt(point)
    driver.qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    driver.settle()
    return under


def rows(tree: QTreeWidget) -> list[list[str]]:
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [[item.text(c) for c in range(tree.columnCount())] for item in items]


def selected_text(edit: QPlainTextEdit) -> str:
    return edit.textCursor().selection().toPlainText()


# -- the fake's notes -----------------------------------------------------------------------


@dataclass
class Seed:
    client: UUID
    plan_session: UUID  # source [1]: its plan
    wheeze_session: UUID  # source [2]: its subjective


def _seed(api: FakeChartsideApi) -> Seed:
    now = dt.datetime.now()
    a, b = uuid.uuid4(), uuid.uuid4()
    api.clients = {
        a: Client(a, ClientData(full_name="Alpha", medical_history=HISTORY), now),
        b: Client(b, ClientData(full_name="Beta"), now),
    }
    recent = Session(uuid.uuid4(), a, SessionData(dt.datetime(2024, 3, 2, 10, 0), plan=PLAN), now)
    older = Session(
        uuid.uuid4(), a, SessionData(dt.datetime(2023, 11, 5, 9, 30), subjective=WHEEZE), now
    )
    api.sessions = {s.id: s for s in (recent, older)}
    return Seed(a, recent.id, older.id)


@pytest.fixture
def seed(fake_api: FakeChartsideApi) -> Seed:
    return _seed(fake_api)


@pytest.fixture
def driver(make_gui: MakeGui, fake_api: FakeChartsideApi, seed: Seed) -> GuiDriver:
    d = make_gui(fake_api)
    d.unlock(FAKE_PASSPHRASE)
    d.open_client(seed.client)
    return d


# -- progress while the answer is written, responsiveness, cancel ---------------------------


def test_one_word_written_is_said_in_the_singular(
    driver: GuiDriver, fake_api: FakeChartsideApi
) -> None:
    gate = fake_api.ask_gate = threading.Event()  # held after the first piece: one word
    fake_api.ask_stream = "Sertraline  " + "x" * 40  # the first piece (12 characters) one word
    panel = driver.window.assistant_panel
    ask_question(driver, QUESTION)
    driver.wait_until(lambda: words_written(panel) == 1, 5000)
    assert panel.status.text().startswith("Writing the answer: one word so far")
    gate.set()
    driver.wait_until(lambda: not panel.asking, 10_000)


def test_the_panel_says_how_far_the_model_has_read_the_notes(
    driver: GuiDriver, fake_api: FakeChartsideApi
) -> None:
    """Reading a long prompt takes tens of seconds on a busy laptop: the panel says how far
    it has got, and the bar shows it."""
    gate = fake_api.ask_reading_gate = threading.Event()
    fake_api.ask_reading = (0.0, 0.4, 1.0)
    panel = driver.window.assistant_panel
    ask_question(driver, QUESTION)
    driver.wait_until(lambda: panel.status.text() == "Reading the notes: 40%", 5000)
    assert panel.progress.isVisible()
    assert (panel.progress.maximum(), panel.progress.value()) == (100, 40)
    gate.set()
    driver.wait_until(lambda: words_written(panel) is not None, 5000)
    assert panel.progress.maximum() == 0 or panel.progress.value() < 100  # the writing's bar
    driver.wait_until(lambda: not panel.asking, 10_000)


def test_the_models_open_at_unlock_and_a_question_meanwhile_says_how_far(
    make_gui: MakeGui, fake_api: FakeChartsideApi, seed: Seed
) -> None:
    """Unlock starts opening the models on a thread of their own: the window works
    meanwhile (a client opens), and a question asked before they are ready says how far
    they have got, then is answered once they are."""
    gate = fake_api.warm_gate = threading.Event()
    fake_api.warm_shares = (0.0, 0.3, 1.0)
    d = make_gui(fake_api)
    d.unlock(FAKE_PASSPHRASE)
    d.open_client(seed.client)  # the window's own thread is free while the models open
    assert d.window.session_list.count() > 0
    panel = d.window.assistant_panel
    ask_question(d, QUESTION)
    d.wait_until(lambda: panel.status.text() == "Getting the model ready: 30%", 5000)
    assert (panel.progress.maximum(), panel.progress.value()) == (100, 30)
    assert fake_api.warmed == 0 and panel.asking and panel.result is None  # it waits
    gate.set()
    d.wait_until(lambda: not panel.asking, 10_000)
    assert fake_api.warmed == 1 and fake_api.last_ask is not None
    assert panel.result is not None and not panel.result.refused


def test_a_question_that_needs_no_model_is_answered_while_the_models_open(
    make_gui: MakeGui, fake_api: FakeChartsideApi, seed: Seed
) -> None:
    """The notes' own words (as a Hebrew question or one the timeline answers gets) need
    no generator: such an answer does not wait for the warm-up."""
    gate = fake_api.warm_gate = threading.Event()
    fake_api.warm_shares = (0.0, 0.3, 1.0)
    d = make_gui(fake_api)
    d.unlock(FAKE_PASSPHRASE)
    d.open_client(seed.client)
    panel = d.window.assistant_panel
    d.click(panel.extractive)
    ask_question(d, QUESTION)
    d.wait_until(lambda: not panel.asking, 10_000)
    assert panel.result is not None and panel.warm_up.warming and fake_api.warmed == 0
    gate.set()
    d.wait_until(lambda: not panel.warm_up.warming, 10_000)


def test_the_models_open_at_each_unlock(driver: GuiDriver, fake_api: FakeChartsideApi) -> None:
    driver.wait_until(lambda: fake_api.warmed == 1, 5000)
    driver.lock()
    driver.unlock(FAKE_PASSPHRASE)
    driver.wait_until(lambda: fake_api.warmed == 2, 5000)
    assert not driver.window.assistant_panel.warm_up.warming


def test_progress_shows_while_the_answer_is_written_and_the_notes_stay_usable(
    driver: GuiDriver, fake_api: FakeChartsideApi, seed: Seed
) -> None:
    gate = fake_api.ask_gate = threading.Event()
    checking = fake_api.ask_checking = threading.Event()
    panel = driver.window.assistant_panel
    view = panel.answer
    shown = record_view(panel)
    ask_question(driver, QUESTION)
    assert not panel.ask_button.isEnabled() and panel.cancel_button.isEnabled()
    assert panel.status.text() == "Reading the notes…" and panel.status.isVisible()
    assert view.toPlainText() == f"You\n{QUESTION}"  # the question alone, no answer yet

    # The first piece is counted while the service is still answering; it is not shown.
    driver.wait_until(lambda: words_written(panel) is not None, 5000)
    first = words_written(panel)
    assert first is not None and first >= 1
    assert panel.asking and view.toPlainText() == f"You\n{QUESTION}"
    assert panel.answer_text == ""
    # Before a word is written, the notes being read are listed with their dates, none
    # cited yet; the bar moves beside Cancel.
    read = fake_api.assistant._ask_sources(seed.client)  # pyright: ignore[reportPrivateUsage]
    assert [r[0] for r in rows(panel.sources.list)] == [f"[{s.n}]" for s in read]
    assert {r[4] for r in rows(panel.sources.list)} == {"reading"}
    assert any(r[1] for r in rows(panel.sources.list))  # dated
    assert panel.sources.chips == [] and panel.sources.caption.text() == "The notes being read:"
    assert panel.progress.isVisible() and panel.cancel_button.isEnabled()

    # The ask holds its own thread: a note opens meanwhile, through the shared runner.
    driver.open_session(seed.wheeze_session)
    assert driver.window.session_editor.subjective.toPlainText() == WHEEZE
    assert panel.asking
    threads = {name: ident for name, ident in fake_api.calls}
    assert threads["ask"] != threading.get_ident()
    assert threads["ask"] != threads["get_session"]

    # Released, the count grows in several steps up to every word the model wrote, and
    # nothing of it reaches the answer view before the result is checked.
    total = len(CANNED_ANSWER.split())
    seen: list[int] = []

    def sample() -> bool:
        shown.append(view.toPlainText())
        words = words_written(panel)
        if words is not None:
            seen.append(words)
        return words == total

    gate.set()
    driver.wait_until(sample, 10_000)
    assert len(set(seen)) >= 3, seen
    assert seen == sorted(seen)  # it only ever grows
    assert ", about " in panel.status.text() and " s left" in panel.status.text()
    assert panel.progress.maximum() == 100 and panel.progress.value() > 0
    assert panel.asking and panel.result is None and panel.answer_text == ""
    # Only ever the question, or part of it while the view is being redrawn.
    assert all(f"You\n{QUESTION}".startswith(text) for text in shown), shown

    # Checked, the answer is shown whole, with its citations.
    checking.set()
    wait_for_answer(driver)
    text = view.toPlainText()
    assert text.startswith(f"You\n{QUESTION}\nAssistant\nPlan: continue")
    assert "continue the home exercise programme [1]" in text
    assert "wheezy at night [2]" in text
    assert panel.result is not None and panel.answer_text == panel.result.answer
    assert hrefs(view.document()) == ["cite:0:1", "cite:0:2"]
    assert len(panel.sources.chips) == 2
    assert panel.status.text().startswith("Answered in ")
    assert panel.ask_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert fake_api.last_ask is not None
    assert fake_api.last_ask.client_id == seed.client
    assert fake_api.last_ask.question == QUESTION
    assert driver.window.banner.text == ""


def test_a_streamed_answer_that_the_check_refuses_is_never_shown(
    driver: GuiDriver, fake_api: FakeChartsideApi
) -> None:
    # The model writes a plausible list; the grounding check turns it into a refusal.
    fake_api.ask_stream = UNGROUNDED
    fake_api.ask_refuse = True
    checking = fake_api.ask_checking = threading.Event()
    panel = driver.window.assistant_panel
    view = panel.answer
    shown = record_view(panel)
    ask_question(driver, MEDICATION)

    def sample() -> bool:
        shown.append(view.toPlainText())
        return words_written(panel) == len(UNGROUNDED.split())

    # Every word is written and nothing is checked yet: the view has the question alone.
    driver.wait_until(sample, 5000)
    assert panel.asking and view.toPlainText() == f"You\n{MEDICATION}"

    checking.set()
    wait_for_answer(driver)
    shown.append(view.toPlainText())
    assert panel.result is not None and panel.result.refused
    assert view.toPlainText() == f"You\n{MEDICATION}\nAssistant\n{REFUSAL}"
    assert panel.answer_text == REFUSAL
    assert panel.notice.isVisible()
    assert panel.notice.text().startswith("The notes don't answer this.")
    # The closest notes are listed, none cited, and nothing links.
    assert panel.sources.chips == [] and panel.sources.show_all.isChecked()
    assert [(r[0], r[4]) for r in rows(panel.sources.list)] == [
        ("[1]", "not cited"),
        ("[2]", "not cited"),
        ("[3]", "not cited"),
    ]
    assert hrefs(view.document()) == []
    # Nothing the model wrote was ever on screen, not even for a moment.
    assert any(REFUSAL in text for text in shown)
    assert not [text for text in shown if streamed_words_in(text, UNGROUNDED)]


def test_the_gui_thread_keeps_running_during_an_answer(
    driver: GuiDriver, fake_api: FakeChartsideApi
) -> None:
    """The answer is held half-written; the window's timer goes on ticking meanwhile. Had
    the answer run on the GUI thread, the hold would have stopped the ticks (no bound on
    time: a busy machine's pauses are not the window's)."""
    held = threading.Event()
    fake_api.ask_gate = held
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    panel = ask_question(driver, QUESTION)
    before = len(ticks)
    driver.wait_until(lambda: len(ticks) >= before + 20, 5000)
    assert panel.asking
    held.set()
    wait_for_answer(driver)
    timer.stop()
    assert panel.result is not None and not panel.result.refused


def test_cancel_stops_the_answer_and_leaves_no_draft(
    driver: GuiDriver, fake_api: FakeChartsideApi
) -> None:
    fake_api.ask_stream = UNGROUNDED  # its first piece, "Currently ta", is distinctive
    fake_api.ask_gate = threading.Event()  # never opened: only cancel ends it
    panel = driver.window.assistant_panel
    shown = record_view(panel)
    ask_question(driver, MEDICATION)
    driver.wait_until(lambda: words_written(panel) is not None, 5000)

    started = time.monotonic()
    driver.click(panel.cancel_button)
    driver.wait_until(lambda: not panel.asking, 2000)
    assert time.monotonic() - started < 1.0
    assert panel.status.text() == "Cancelled"
    assert panel.status.isVisible()
    text = panel.answer.toPlainText()
    # No partial answer: the turn says it was cancelled, and nothing written was shown.
    assert text == f"You\n{MEDICATION}\nAssistant\nCancelled before the answer was ready."
    assert panel.answer_text == ""
    assert not [text for text in shown if streamed_words_in(text, UNGROUNDED)]
    assert panel.result is None and panel.sources.chips == []
    # The notes it was reading are no longer listed as being read.
    assert rows(panel.sources.list) == [] and not panel.progress.isVisible()
    assert panel.ask_button.isEnabled() and not panel.cancel_button.isEnabled()
    assert driver.window.banner.text == ""  # a cancel is not an error

    # The next question runs normally; the cancelled turn, never stored, is not kept.
    fake_api.ask_gate = fake_api.ask_stream = None
    ask_question(driver, QUESTION)
    assert panel.status.text() == "Reading the notes…"
    wait_for_answer(driver)
    assert panel.result is not None
    text = panel.answer.toPlainText()
    assert text.startswith(f"You\n{QUESTION}\nAssistant\nPlan: continue")
    assert text.count("You\n") == 1 and "Cancelled" not in text


def test_locking_cancels_the_answer_and_forgets_it(
    driver: GuiDriver, fake_api: FakeChartsideApi
) -> None:
    fake_api.ask_gate = threading.Event()
    panel = ask_question(driver, QUESTION)
    driver.wait_until(lambda: words_written(panel) is not None, 5000)
    driver.lock()
    assert not panel.asking and not panel.isEnabled()
    assert panel.answer.toPlainText() == ""
    assert panel.conversations.count() == 0 and panel.sources.sources == []
    assert panel.question.text() == ""
    assert panel.status.isHidden()


# -- citations and sources ------------------------------------------------------------------


def test_chips_open_the_cited_session_at_the_cited_field(
    driver: GuiDriver, fake_api: FakeChartsideApi, seed: Seed
) -> None:
    panel = ask_question(driver, QUESTION)
    wait_for_answer(driver)
    window = driver.window
    assert panel.result is not None
    used = [s for s in panel.result.sources if s.used]
    assert [(s.n, s.session_id, s.field) for s in used] == [
        (1, seed.plan_session, "plan"),
        (2, seed.wheeze_session, "subjective"),
    ]
    chips = panel.sources.chips
    assert [chip.full_text for chip in chips] == [f"[{s.n}] {source_place(s)}" for s in used]
    assert "2024-03-02" in chips[0].full_text and chips[0].full_text.endswith("· Plan")

    driver.click(chips[1])
    driver.settle()
    editor = window.session_editor
    assert editor.session_id == seed.wheeze_session
    assert window.session_list.ids()[window.session_list.currentRow()] == seed.wheeze_session
    assert window.focusWidget() is editor.subjective
    assert selected_text(editor.subjective) == WHEEZE

    driver.click(panel.sources.chips[0])
    driver.settle()
    assert editor.session_id == seed.plan_session
    assert window.focusWidget() is editor.plan
    assert selected_text(editor.plan) == PLAN
    assert not window.dirty

    # The [2] in the answer text is a link to the same place.
    assert click_citation(driver, panel.answer, 2) == "cite:0:2"
    assert editor.session_id == seed.wheeze_session
    assert window.focusWidget() is editor.subjective

    # So is a row of the sources list (Enter on it).
    panel.sources.list.setCurrentItem(panel.sources.list.topLevelItem(0))
    driver.qtbot.keyClick(panel.sources.list, Qt.Key.Key_Return)
    driver.settle()
    assert editor.session_id == seed.plan_session


def test_the_sources_list_shows_used_or_all(driver: GuiDriver) -> None:
    panel = ask_question(driver, QUESTION)
    wait_for_answer(driver)
    view = panel.sources
    assert not view.show_all.isChecked()
    assert [(r[0], r[2], r[4]) for r in rows(view.list)] == [
        ("[1]", "Plan", "cited"),
        ("[2]", "Subjective", "cited"),
    ]
    driver.click(view.show_all)
    assert view.show_all.isChecked()
    assert [(r[0], r[2], r[4]) for r in rows(view.list)] == [
        ("[1]", "Plan", "cited"),
        ("[2]", "Subjective", "cited"),
        ("[3]", "Medical history", "not cited"),
    ]
    unused = view.list.topLevelItem(2)
    assert unused.foreground(0).color() != view.list.topLevelItem(0).foreground(0).color()
    driver.click(view.show_all)
    assert len(rows(view.list)) == 2
    assert len(view.chips) == 2  # chips are the cited ones whatever the list shows


def test_a_refusal_says_so_and_lists_the_closest_notes(
    driver: GuiDriver, fake_api: FakeChartsideApi
) -> None:
    fake_api.ask_refuse = True
    fake_api.ask_warnings = [Message("answer.index_incomplete", current=3, total=5)]
    panel = ask_question(driver, "What is her blood type?")
    wait_for_answer(driver)
    assert panel.result is not None and panel.result.refused
    assert panel.notice.isVisible()
    assert panel.notice.text().startswith("The notes don't answer this.")
    assert panel.warnings.isVisible()
    assert panel.warnings.text() == (
        "⚠ Only 3 of 5 note passages are indexed yet; the answer may miss recent notes."
    )
    assert panel.sources.chips == []
    assert panel.sources.show_all.isChecked()
    assert [(r[0], r[4]) for r in rows(panel.sources.list)] == [
        ("[1]", "not cited"),
        ("[2]", "not cited"),
        ("[3]", "not cited"),
    ]
    assert hrefs(panel.answer.document()) == []

    # The next answer clears the notice and the warnings, and lists used sources again.
    fake_api.ask_refuse = False
    fake_api.ask_warnings = []
    ask_question(driver, QUESTION)
    wait_for_answer(driver)
    assert panel.notice.isHidden() and panel.warnings.isHidden()
    assert not panel.sources.show_all.isChecked()


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (RateLimited("Too many questions.", retry_after_s=2.5), "Wait 3 seconds and try again."),
        (QueryRejected("The question looks like an instruction to the assistant."), "Rephrase"),
    ],
)
def test_a_rejected_question_is_explained_beside_it(
    driver: GuiDriver, fake_api: FakeChartsideApi, error: Exception, shown: str
) -> None:
    fake_api.fail_next["ask"] = error
    panel = ask_question(driver, QUESTION)
    wait_for_answer(driver)
    assert str(error).split(" (")[0] in panel.status.text()
    assert shown in panel.status.text()
    assert panel.status.textFormat() == Qt.TextFormat.PlainText
    assert driver.window.isVisible() and driver.controller.unlock_dialog is None


def test_model_output_is_inert_on_screen(driver: GuiDriver, seed: Seed) -> None:
    panel = ask_question(driver, QUESTION)
    wait_for_answer(driver)
    view = panel.answer
    view.grab()  # paint it: an image would be fetched now
    doc = view.document()
    assert hrefs(doc) == ["cite:0:1", "cite:0:2"]
    assert not any(fmt.isImageFormat() for _, _, fmt in fragments(doc))
    assert view.requested == [] and view.safe_document.requested == []
    text = view.toPlainText()
    for literal in (
        "![chart](http://127.0.0.1:1/a.png)",
        "<img src=http://x/a.png>",
        "[click](http://example.invalid)",
        "<script>alert(1)</script>",
        "[run](javascript:alert(1))",
    ):
        assert literal in text

    window = driver.window
    before = window.session_editor.session_id
    opened: list[AskSource] = []
    panel.source_activated.connect(opened.append)
    for text in ("click", "http://autolink.invalid", "www.evil.invalid", "alert(1)"):
        assert click_text(driver, view, text) == ""
    assert opened == []
    assert window.session_editor.session_id == before
    assert view.source().isEmpty()


def test_hebrew_answers_are_laid_out_right_to_left(driver: GuiDriver) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        panel = ask_question(driver, "מה התוכנית?")
        wait_for_answer(driver)
        block = panel.answer.document().begin()
        directions = {}
        while block.isValid():
            directions[block.text()] = block.blockFormat().layoutDirection()
            # Each block reads in its own text's direction; without letters, the UI's.
            expected = first_strong(block.text()) or Qt.LayoutDirection.RightToLeft
            assert directions[block.text()] == expected, block.text()
            block = block.next()
        assert directions["מה התוכנית?"] == Qt.LayoutDirection.RightToLeft
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


# -- conversation history -------------------------------------------------------------------


def test_history_lists_and_shows_stored_conversations(
    make_gui: MakeGui, fake_api: FakeChartsideApi, seed: Seed
) -> None:
    old = ConversationSummary(uuid.uuid4(), seed.client, "Legacy question", dt.datetime(2024, 1, 1))
    t = dt.datetime(2024, 1, 1, 9, 0)
    # Stored before sources were tracked: no sources, no warnings.
    fake_api.stored[old.id] = (
        old,
        [
            StoredMessage(uuid.uuid4(), "user", "Legacy question", t),
            StoredMessage(uuid.uuid4(), "assistant", "An old answer [1] with **bold**.", t),
        ],
    )
    other = ConversationSummary(uuid.uuid4(), uuid.uuid4(), "Another client's", t)
    fake_api.stored[other.id] = (other, [])
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(seed.client)
    panel = driver.window.assistant_panel
    assert panel.conversations.ids() == [old.id]
    assert panel.conversations.item(0).text() == "Legacy question"

    panel.conversations.setCurrentRow(0)
    driver.settle()
    assert panel.conversation_id == old.id
    text = panel.answer.toPlainText()
    assert text == "You\nLegacy question\nAssistant\nAn old answer [1] with bold."
    assert hrefs(panel.answer.document()) == []  # [1] has no source to open
    assert panel.sources.sources == [] and panel.sources.chips == []
    assert panel.notice.isHidden() and panel.warnings.isHidden() and panel.status.isHidden()
    assert driver.window.banner.text == ""

    # A question now follows that conversation up; the earlier turns stay above it.
    ask_question(driver, QUESTION)
    wait_for_answer(driver)
    assert fake_api.last_ask is not None and fake_api.last_ask.conversation_id == old.id
    text = panel.answer.toPlainText()
    assert text.startswith("You\nLegacy question\nAssistant\nAn old answer [1] with bold.\n")
    assert f"You\n{QUESTION}\nAssistant\n" in text
    # The old answer's [1] has no source to open; the new answer's markers are its own.
    assert hrefs(panel.answer.document()) == ["cite:1:1", "cite:1:2"]

    # A new conversation starts empty and is listed, newest first, once answered.
    driver.click(panel.new_button)
    assert panel.answer.toPlainText() == "" and panel.conversation_id is None
    ask_question(driver, "Any allergies?")
    wait_for_answer(driver)
    assert panel.conversation_id is not None
    assert panel.conversations.ids() == [panel.conversation_id, old.id]
    assert panel.conversations.currentRow() == 0

    # Reopening the first conversation shows all four turns; its last answer is current.
    panel.conversations.setCurrentRow(1)
    driver.settle()
    text = panel.answer.toPlainText()
    assert text.count("You\n") == 2 and text.count("Assistant\n") == 2
    assert hrefs(panel.answer.document()) == ["cite:1:1", "cite:1:2"]
    assert len(panel.sources.chips) == 2


# -- diagnostics ----------------------------------------------------------------------------


def test_diagnostics_shows_the_assistants_metrics(
    driver: GuiDriver, fake_api: FakeChartsideApi, qtbot: QtBot
) -> None:
    actions = driver.controller.diagnostics
    actions.action.trigger()
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible() and dialog.busy
    driver.wait_until(lambda: not dialog.busy, 5000)
    assert rows(dialog.latency) == [
        ["Embed the question", "3", "11.5", "19.5"],
        ["Retrieve notes", "3", "23", "41"],
        ["Generate the answer", "3", "2,150", "4,870.5"],
        ["Total", "3", "2,210", "4,950"],
    ]
    counters = dict((r[0], r[1]) for r in rows(dialog.counters))
    assert counters["Prompt tokens"] == "1,834"
    assert counters["Answer tokens"] == "212"
    assert counters["Cache hits"] == "1"
    assert counters["Cache misses"] == "2"
    assert counters["Refused"] == "1"
    assert dialog.metrics_note.isHidden()
    assert rows(dialog.checks) == [["fake", "yes", "in-memory"]]
    threads = {name: ident for name, ident in fake_api.calls}
    assert threads["assistant_metrics"] != threading.get_ident()

    # Refresh asks again; with nothing answered yet the page says so.
    fake_api.metrics_value = {f"latency_{s}_ms": {"count": 0.0, "p50": 0.0, "p95": 0.0} for s in (
        "embed", "retrieve", "generate", "total")}  # fmt: skip
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        driver.click(dialog.refresh_button)
    assert rows(dialog.counters) == []
    assert dialog.metrics_note.isVisible()
    # Locking hides the page with the rest of the window.
    driver.lock()
    assert dialog.isHidden()


def test_quote_the_notes_only_asks_for_an_extractive_answer(
    driver: GuiDriver, fake_api: FakeChartsideApi
) -> None:
    panel = driver.window.assistant_panel
    ask_question(driver, QUESTION)
    wait_for_answer(driver)
    assert fake_api.last_ask is not None and not fake_api.last_ask.extractive
    driver.click(panel.extractive)
    ask_question(driver, QUESTION)
    wait_for_answer(driver)
    assert fake_api.last_ask.extractive


def test_the_reading_status_counts_notes_in_plain_words(driver: GuiDriver) -> None:
    panel = driver.window.assistant_panel
    one = dt.datetime(2024, 3, 5, 10)
    assert panel.reading_status(1, [one]) == "Reading one note…"
    assert panel.reading_status(3, [one, one]) == "Reading 3 notes…"
    later = dt.datetime(2024, 6, 1, 10)
    status = strip_isolates(panel.reading_status(2, [one, later]))
    assert status == "Reading 2 notes, from 2024-03-05 to 2024-06-01…"
