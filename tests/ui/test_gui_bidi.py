"""Issue 14, point 1: left-to-right values inside Hebrew, and text that takes its direction
from itself (a Hebrew note in the English UI and the reverse).

String checks on what the widgets hold and paint, and layout checks (where the cursor of a
text's start or end lands) on what Qt renders.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from core.assistant.types import AskSource
from ui.assistant_sources import SourcesView
from ui.bidi import FSI, LRI, PDI, first_strong, isolate, ltr
from ui.editors import ClientEditor, SessionEditor, to_qdatetime
from ui.lists import IdList
from ui.safe_markdown import Part, SafeBrowser, render_parts

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
WHEN = dt.datetime(2024, 9, 24, 3, 44)


@pytest.fixture(params=[RTL, LTR], ids=["hebrew-layout", "english-layout"])
def layout(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Qt.LayoutDirection]:
    qapp.setLayoutDirection(request.param)
    yield request.param
    qapp.setLayoutDirection(LTR)


def test_first_strong_letter_decides_and_isolates_do_not_count() -> None:
    assert first_strong("2024-09-24 03:44") is None
    assert first_strong("When was it?") == LTR
    assert first_strong("מתי זה היה?") == RTL
    assert first_strong(f"{ltr('2024-09-24 Plan')} תוכנית") == RTL
    assert ltr("a") == f"{LRI}a{PDI}" and isolate("a") == f"{FSI}a{PDI}"


def test_the_session_date_reads_left_to_right_in_the_mirrored_layout(
    qtbot: QtBot, qapp: QApplication
) -> None:
    qapp.setLayoutDirection(RTL)
    try:
        editor = SessionEditor()
        qtbot.addWidget(editor)
        editor.resize(600, 400)
        editor.show()
        editor.date.setDateTime(to_qdatetime(WHEN))
        assert editor.subjective.isRightToLeft(), "the rest of the form is mirrored"
        assert editor.date.text() == "2024-09-24 03:44"
        field = editor.date.findChild(QLineEdit)
        assert field is not None and not field.isRightToLeft()
        # Rendered: the year is at the left, the minutes at the right (mirrored, the issue
        # saw "44:03 24-09-2024").
        field.setCursorPosition(0)
        start = field.cursorRect().center().x()
        field.setCursorPosition(len(field.text()))
        assert start < field.cursorRect().center().x()
        assert not editor.date.isRightToLeft()
    finally:
        qapp.setLayoutDirection(LTR)


def test_list_rows_are_painted_as_isolates(qtbot: QtBot, layout: Qt.LayoutDirection) -> None:
    rows = IdList("rows")
    qtbot.addWidget(rows)
    rows.set_rows(
        [
            (uuid.uuid4(), WHEN.strftime("%Y-%m-%d %H:%M"), ""),
            (uuid.uuid4(), "When was the last visit?", ""),
            (uuid.uuid4(), "מתי היה הביקור האחרון?", ""),
        ],
        None,
    )
    delegate = rows.itemDelegate()
    painted = [delegate.display_text(rows.model().index(r, 0)) for r in range(3)]
    assert painted == [
        f"{FSI}2024-09-24 03:44{PDI}",
        f"{FSI}When was the last visit?{PDI}",
        f"{FSI}מתי היה הביקור האחרון?{PDI}",
    ]
    # The item keeps its value; only the painting isolates it.
    assert rows.item(1).text() == "When was the last visit?"


def _source(n: int, when: dt.datetime | None) -> AskSource:
    return AskSource(
        n=n,
        type="session" if when else "client",
        chunk_id=None,
        client_id=uuid.uuid4(),
        client_external_id=None,
        session_id=uuid.uuid4() if when else None,
        session_external_id=None,
        session_date=when,
        field="plan",
        snippet="Home exercises.",
        score=0.5,
        used=True,
    )


def test_chips_and_source_rows_isolate_their_dates(qtbot: QtBot) -> None:
    view = SourcesView()
    qtbot.addWidget(view)
    view.set_sources([_source(1, WHEN)])
    assert view.chips[0].text() == f"[1] {LRI}2024-09-24{PDI} · Plan"
    delegate = view.list.itemDelegate()
    assert delegate.display_text(view.list.model().index(0, 1)) == f"{FSI}2024-09-24 03:44{PDI}"


def _block_directions(doc_owner: SafeBrowser) -> list[tuple[str, Qt.LayoutDirection]]:
    out = []
    block = doc_owner.document().begin()
    while block.isValid():
        out.append((block.text(), block.blockFormat().layoutDirection()))
        block = block.next()
    return out


def test_each_answer_block_takes_its_own_direction(qtbot: QtBot) -> None:
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    browser.resize(500, 300)
    browser.show()
    parts = [
        Part("When was the last visit?", heading="את/ה", plain=True),
        Part("הביקור האחרון היה ב־2024-09-24 [1].", heading="Assistant", citable=frozenset({1})),
        Part("2024-09-24", plain=True),
    ]
    for ui_rtl in (True, False):
        render_parts(browser.document(), parts, rtl=ui_rtl)
        directions = dict(_block_directions(browser))
        assert directions["When was the last visit?"] == LTR  # its "?" stays at its end
        assert directions["את/ה"] == RTL
        assert directions["Assistant"] == LTR
        assert directions["הביקור האחרון היה ב־2024-09-24 [1]."] == RTL
        assert directions["2024-09-24"] == (RTL if ui_rtl else LTR)  # no letters: the UI's
    # Rendered: the English question starts at the left, the Hebrew answer at the right.
    render_parts(browser.document(), parts, rtl=True)
    starts = {}
    block = browser.document().begin()
    while block.isValid():
        cursor = QTextCursor(block)
        starts[block.text()] = browser.cursorRect(cursor).center().x()
        block = block.next()
    middle = browser.viewport().width() / 2
    assert starts["When was the last visit?"] < middle
    assert starts["הביקור האחרון היה ב־2024-09-24 [1]."] > middle


def _start_x(edit: QPlainTextEdit, block_number: int) -> int:
    cursor = QTextCursor(edit.document().findBlockByNumber(block_number))
    return edit.cursorRect(cursor).center().x()


@pytest.mark.parametrize(
    ("note", "direction"),
    [
        ("כאב גב תחתון, מחמיר בבוקר.\nLower back pain for 3 days.", RTL),
        ("Lower back pain for 3 days.\nכאב גב תחתון, מחמיר בבוקר.", LTR),
    ],
    ids=["hebrew-note", "english-note"],
)
def test_a_note_field_takes_its_direction_from_its_own_text(
    qtbot: QtBot, layout: Qt.LayoutDirection, note: str, direction: Qt.LayoutDirection
) -> None:
    """In either UI: the field reads in the direction of its note's first letter, and
    every paragraph keeps its own letters' order."""
    editor = SessionEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    field = editor.subjective
    field.setPlainText(note)
    assert field.layoutDirection() == direction
    doc = field.document()
    first, second = doc.findBlockByNumber(0), doc.findBlockByNumber(1)
    assert first.textDirection() == direction
    assert second.textDirection() != direction  # the other language, in its own order
    middle = field.viewport().width() / 2
    # Rendered: the first paragraph starts on its own side (right for Hebrew).
    assert (_start_x(field, 0) > middle) is (direction == RTL)
    field.setPlainText("")
    assert field.layoutDirection() == layout  # empty: the UI's direction again


def test_single_line_fields_take_their_direction_from_their_text(
    qtbot: QtBot, layout: Qt.LayoutDirection
) -> None:
    editor = ClientEditor()
    qtbot.addWidget(editor)
    editor.show()
    name = editor.full_name
    for text, rtl in (("דנה כהן", True), ("Dana Cohen", False)):
        name.setText(text)
        assert name.isRightToLeft() is rtl, text
        name.setCursorPosition(0)
        start = name.cursorRect().center().x()
        name.setCursorPosition(len(text))
        end = name.cursorRect().center().x()
        assert (end < start) is rtl, text
