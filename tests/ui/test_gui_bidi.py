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
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from rtl_line import glyph_left

from core.assistant.types import AskSource
from ui.assistant.assistant_sources import SourcesView
from ui.assistant.safe_markdown import Part, SafeBrowser, render_parts
from ui.kit.bidi import (
    FSI,
    LRI,
    PDI,
    RLM,
    first_strong,
    isolate,
    ltr,
    ltr_runs,
    rtl_typography,
    strip_isolates,
)
from ui.kit.lists import IdList
from ui.notes.editors import ClientEditor, SessionEditor, to_qdatetime
from ui.notes.session_pane import session_row
from ui.notes.snippets import marked_html

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
    assert view.chips[0].full_text == f"[1] {LRI}2024-09-24{PDI} · Plan"
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
        # The right-to-left marks holding [1] to the Hebrew sentence show nothing.
        directions = {t.replace(RLM, ""): d for t, d in _block_directions(browser)}
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
        starts[block.text().replace(RLM, "")] = browser.cursorRect(cursor).center().x()
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


# -- doses and readings inside Hebrew lines --------------------------------------------------

DOSE_LINE = "איבופרופן 400 mg פעמיים ביום, לחץ דם BP 120/80."


def test_left_to_right_values_in_hebrew_lines_are_isolated() -> None:
    assert (
        ltr_runs(DOSE_LINE)
        == f"איבופרופן {LRI}400 mg{PDI} פעמיים ביום, לחץ דם {LRI}BP 120/80{PDI}."
    )
    assert ltr_runs("ביקור 2024-09-24 03:44") == f"ביקור {LRI}2024-09-24 03:44{PDI}"
    # A word or a number alone keeps its order; English lines are never touched.
    for kept in ("נטל sertraline", "דופק 72", "Ibuprofen 400 mg", "Plan: 5 mg\nLater 2 mg"):
        assert ltr_runs(kept) == kept
    # Each line by its own first letter; a value isolated before is not isolated again.
    assert ltr_runs("Ibuprofen 400 mg\nאקמול 500 mg") == f"Ibuprofen 400 mg\nאקמול {LRI}500 mg{PDI}"
    assert ltr_runs(ltr_runs(DOSE_LINE)) == ltr_runs(DOSE_LINE)


@given(st.text(alphabet=st.sampled_from(list("אבג dmg0123456789/.,-:\n%"))))
def test_isolating_never_changes_the_text_itself(text: str) -> None:
    assert strip_isolates(ltr_runs(text)) == text
    assert ltr_runs(ltr_runs(text)) == ltr_runs(text)


def _x(edit: QPlainTextEdit | SafeBrowser, needle: str) -> int:
    """Where the caret between `needle`'s first two characters is drawn."""
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.document().toPlainText().index(needle) + 1)
    return edit.cursorRect(cursor).center().x()


def test_a_dose_in_a_hebrew_note_reads_left_to_right(
    qtbot: QtBot, layout: Qt.LayoutDirection
) -> None:
    """Rendered: in "400 mg" the number is left of the unit (a plain field shows "mg 400",
    checked too, so the check can fail); the field still holds the note as it was."""
    editor = SessionEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    editor.plan.setPlainText(DOSE_LINE)
    assert _x(editor.plan, "00 mg") < _x(editor.plan, "mg")
    assert _x(editor.plan, "BP") < _x(editor.plan, "20/80")
    plain = QPlainTextEdit()
    qtbot.addWidget(plain)
    plain.resize(700, 200)
    plain.show()
    plain.setPlainText(DOSE_LINE)
    assert _x(plain, "00 mg") > _x(plain, "mg")  # the scrambled order this prevents
    # The isolates are for the eye only: the note, its draft and its save hold none.
    assert editor.plan.toPlainText() == DOSE_LINE
    assert editor.to_data().plan == DOSE_LINE
    assert editor.draft_values()["plan"] == DOSE_LINE


def test_opening_a_hit_selects_it_past_an_isolated_dose(qtbot: QtBot) -> None:
    editor = SessionEditor()
    qtbot.addWidget(editor)
    editor.show()
    # The line after the isolated dose: its whole line is selected, at Qt's positions.
    editor.plan.setPlainText(f"{DOSE_LINE}\nחזרה בעוד שבועיים")
    assert editor.focus_field("plan", "בעוד שבועיים")
    assert editor.plan.textCursor().selectedText() == "חזרה בעוד שבועיים"


def test_answers_rows_and_snippets_isolate_doses(qtbot: QtBot) -> None:
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    browser.resize(600, 300)
    browser.show()
    render_parts(browser.document(), [Part(DOSE_LINE + " [1]", citable=frozenset({1}))], rtl=True)
    assert _x(browser, "00 mg") < _x(browser, "mg")
    rows = IdList("rows")
    qtbot.addWidget(rows)
    rows.set_rows([(uuid.uuid4(), session_row(WHEN, DOSE_LINE), "")], None)
    painted = rows.itemDelegate().display_text(rows.model().index(0, 0))
    assert f"{LRI}400 mg{PDI}" in painted and f"{LRI}BP 120/80{PDI}" in painted
    html = marked_html("אקמול 500 mg", [(10, 12)], "x")
    assert html == f'אקמול {LRI}500 <span style="x">mg</span>{PDI}'


def test_a_dose_typed_into_a_hebrew_note_reads_left_to_right_as_it_is_typed(
    qtbot: QtBot,
) -> None:
    """Typed, not loaded: the line is isolated as it is written, the caret stays where the
    typing goes on, the note holds exactly what was typed, and one undo takes back typing
    (never only the invisible isolates)."""
    editor = SessionEditor()
    qtbot.addWidget(editor)
    editor.resize(700, 500)
    editor.show()
    field = editor.plan
    field.setFocus()
    typed = "איבופרופן 400 mg פעמיים ביום"
    _type(field, typed)
    qtbot.waitUntil(lambda: LRI in field.document().toPlainText())
    assert field.toPlainText() == typed
    assert _x(field, "00 mg") < _x(field, "mg")  # plain QPlainTextEdit: "mg 400", checked above
    _type(field, ", BP 120/80")  # the caret stayed at the end
    qtbot.waitUntil(lambda: field.document().toPlainText().count(LRI) == 2)
    assert field.toPlainText() == typed + ", BP 120/80"
    assert _x(field, "20/80") > _x(field, "BP")
    assert editor.to_data().plan == typed + ", BP 120/80"
    field.undo()
    assert field.toPlainText() != typed + ", BP 120/80"
    assert typed.startswith(field.toPlainText()) or field.toPlainText().startswith(typed)


def _type(field: QPlainTextEdit, text: str) -> None:
    """Key presses carrying each character (QTest's keyClicks takes ASCII only), with the
    event loop run after each, as between a clinician's keystrokes."""
    for ch in text:
        QApplication.sendEvent(
            field,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )
        QApplication.processEvents()


def test_hebrew_lines_take_straight_quotes_and_hold_their_markers() -> None:
    """Issue 28: in a right-to-left line curly quotes read reversed, and [n] after Hebrew
    words drifted to the line's other side when the paragraph began with English."""
    quoted = "- מפגש, תוכנית: “תרגילי כוח פעמיים ביום” [1]"
    assert rtl_typography(quoted) == f'- מפגש, תוכנית: "תרגילי כוח פעמיים ביום"{RLM} [1]{RLM}'
    mixed = "LDL היה גבוה [2]"
    assert rtl_typography(mixed) == f"LDL היה גבוה{RLM} [2]{RLM}"
    # English lines, and markers after English words, are left as they are.
    english = "The plan: “home exercises” [1]"
    assert rtl_typography(english) == english
    assert rtl_typography("תוכנית: LDL 105 mg [3]") == "תוכנית: LDL 105 mg [3]"


def test_a_marker_after_hebrew_words_shows_at_the_end_of_their_sentence(qtbot: QtBot) -> None:
    browser = SafeBrowser()
    qtbot.addWidget(browser)
    browser.resize(600, 200)
    browser.show()
    # An English word first makes the paragraph left to right; the marker must still end
    # the Hebrew sentence (on its left), not sit at the paragraph's right edge.
    render_parts(browser.document(), [Part("LDL היה גבוה מאוד [2]", citable=frozenset({2}))])
    assert _x(browser, "2]") < _x(browser, "מאוד")


def test_a_session_row_keeps_its_date_at_the_start_in_a_hebrew_list(qtbot: QtBot) -> None:
    """The walk-through saw "ללא 2023-04-05 10:00 / שינוי משמעותי": the date in the middle
    of the Hebrew assessment. Laid out right to left, as the Hebrew list paints it, the
    date is whole and rightmost, the assessment to its left."""
    rows = IdList("rows")
    qtbot.addWidget(rows)
    rows.set_rows(
        [(uuid.uuid4(), session_row(WHEN, "ללא שינוי משמעותי / כאב ברך כרוני", rtl=True), "")],
        None,
    )
    painted = rows.itemDelegate().display_text(rows.model().index(0, 0))
    glyph = glyph_left(painted, rows.font())

    def left(text: str) -> float:
        return glyph(painted.index(text))

    day, time = left(WHEN.strftime("%Y-%m-%d")), left(WHEN.strftime("%H:%M"))
    first, last = left("ללא"), left("כרוני")
    assert day < time  # the date whole, in its own order
    assert last < first < day  # the assessment right to left, the date at its start
