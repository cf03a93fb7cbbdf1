"""Issue 27, point 4: "Since the last visit", on the fake api's canned brief: each line
worded by the window (English and Hebrew), its citations opening the note at the line,
read off the GUI thread, and never in the way of the session being written; exported as a
referral summary (text or PDF), written whole and private or not at all.

Screenshots of the window at 1366×768 go to a temporary folder on every run;
`README_SCREENSHOTS=ui/screenshots` writes the kept copies instead (see
tests/ui/test_gui_flowsheet.py).
"""

from __future__ import annotations

import os
import re
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit
from qtdoc import fragments, hrefs
from test_i18n_he import _english_patterns, hebrew  # noqa: F401 (the fixture)
from timeline_seed import SECOND, THIRD, Seeded, seed

from core.api import ChartsideApi
from core.errors import DatabaseError, PolicyForbids
from core.timeline.types import Brief, BriefLine
from ui.access.unlock import Mode
from ui.kit.bidi import strip_isolates
from ui.timeline.brief_view import MAX_ROWS, BriefView, citation_href

ROOT = Path(__file__).resolve().parents[2]
MakeGui = Callable[[ChartsideApi], GuiDriver]
SCREEN = QSize(1366, 768)

ENGLISH = [
    "• Systolic BP: down from 138 to 126 mmHg (-12)  2024-03-02  2024-09-24",
    "• Weight: down from 91 to 88 kg (-3)  2024-03-02  2024-09-24",
    "• HbA1c: down from 6.4 to 5.9% (-0.5)  2024-03-02  2024-09-24",
    "• Stopped metformin  2024-09-24",
    "• New diagnosis: obstructive sleep apnoea  2024-09-24",
    "• Plan: Review in 6 months.  2024-09-24",
]
HEBREW = [
    "• לחץ דם סיסטולי: ירידה מ־138 ל־126 mmHg (-12)  2024-03-02  2024-09-24",
    "• משקל: ירידה מ־91 ל־88 kg (-3)  2024-03-02  2024-09-24",
    "• המוגלובין מסוכרר: ירידה מ־6.4 ל־5.9% (-0.5)  2024-03-02  2024-09-24",
    "• הפסקת metformin  2024-09-24",
    "• אבחנה חדשה: obstructive sleep apnoea  2024-09-24",
    "• תוכנית: Review in 6 months.  2024-09-24",
]
# The summary's sources: each cited line once, numbered in the order the lines cite them.
FOOTNOTES = [
    "[1] 2024-03-02, Objective: BP 138/88, HR 78.",
    "[2] 2024-09-24, Objective: BP 126/80, HR 72.",
    "[3] 2024-03-02, Objective: Weight 91 kg.",
    "[4] 2024-09-24, Objective: Weight 88 kg.",
    "[5] 2024-03-02, Objective: HbA1c 6.4%.",
    "[6] 2024-09-24, Objective: HbA1c 5.9%.",
    "[7] 2024-09-24, Plan: Stop metformin.",
    "[8] 2024-09-24, Assessment: Obstructive sleep apnoea.",
    "[9] 2024-09-24, Plan: Review in 6 months.",
]
MARKS = ["[1][2]", "[3][4]", "[5][6]", "[7]", "[8]", "[9]"]


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


def lines(view: BriefView) -> list[str]:
    """The lines as shown, a citation's non-breaking space read as a space."""
    return [strip_isolates(line).replace("\u00a0", " ") for line in view.line_texts()]


def click_citation(driver: GuiDriver, view: BriefView, line: int, citation: int) -> str:
    """Click citation `citation` of line `line` with the mouse; returns the href under it."""
    browser = view.lines_view
    href = citation_href(line, citation)
    found = [pos for pos, _, fmt in fragments(browser.document()) if fmt.anchorHref() == href]
    assert found, f"no {href} in the brief"
    at = QTextCursor(browser.document())
    at.setPosition(found[0] + 2)  # inside the date, past its isolate
    browser.setTextCursor(at)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(at)
    point = QPoint(rect.center().x(), rect.center().y())
    under = browser.anchorAt(point)
    driver.qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    driver.settle()
    return under


def test_the_brief_lists_each_line_read_off_the_gui_thread(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, _seeded = opened
    view = driver.window.brief_view
    assert view.isVisible() and view.lines_view.isVisible()
    [(_, thread)] = [call for call in fake_api.calls if call[0] == "timeline.brief"]
    assert thread != threading.get_ident()
    assert lines(view) == ENGLISH
    assert strip_isolates(view.summary.text()) == (
        "Last visit 2024-09-24, compared with 2024-03-02."
    )
    # Every date is a citation.
    assert len(hrefs(view.lines_view.document())) == 9


def test_each_kind_is_worded_by_the_window(opened: tuple[GuiDriver, Seeded]) -> None:
    driver, seeded = opened
    view = driver.window.brief_view
    fact = seeded.fact("weight", THIRD)
    worded = {
        ("changed", "up"): "Weight: up from 88 to 91 kg (+3)",
        ("changed", "same"): "Weight: unchanged at 88 kg",
        ("started", ""): "Started sertraline 50 mg",
        ("started", "no dose"): "Started sertraline",
    }
    params = {
        ("changed", "up"): {"name": "weight", "before": 88.0, "after": 91.0, "delta": 3.0,
                            "unit": "kg", "direction": "up"},
        ("changed", "same"): {"name": "weight", "before": 88.0, "after": 88.0, "delta": 0.0,
                              "unit": "kg", "direction": "same"},
        ("started", ""): {"name": "sertraline", "dose": "50 mg"},
        ("started", "no dose"): {"name": "sertraline", "dose": ""},
    }  # fmt: skip
    for (kind, case), words in worded.items():
        line = BriefLine(kind, params[(kind, case)], [fact])  # type: ignore[arg-type]
        assert strip_isolates(view.words(line)) == words, (kind, case)


def test_a_citation_opens_the_note_at_its_line(opened: tuple[GuiDriver, Seeded]) -> None:
    driver, seeded = opened
    window = driver.window
    view = window.brief_view
    # The weight before: March's note, its objective, the weight's line selected.
    assert click_citation(driver, view, 1, 0) == citation_href(1, 0)
    editor = window.session_editor
    assert editor.session_id == seeded.sessions[SECOND]
    assert window.session_list.ids()[window.session_list.currentRow()] == editor.session_id
    assert selected_text(editor.objective) == "Weight 91 kg."
    # The stopped drug: September's plan.
    click_citation(driver, view, 3, 0)
    assert editor.session_id == seeded.sessions[THIRD]
    assert selected_text(editor.plan) == "Stop metformin."
    assert window.focusWidget() is editor.plan
    # Programmatically too (the keyboard's Enter on a link takes the same path).
    view.activate(4, 0)
    driver.settle()
    assert selected_text(editor.assessment) == "Obstructive sleep apnoea."


def test_no_lines_and_few_visits_are_said(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, seeded = opened
    view = driver.window.brief_view
    brief = fake_api.timeline.briefs[seeded.client]
    for given, said in (
        (Brief(seeded.client, None, None, []), "No visits yet."),
        (Brief(seeded.client, THIRD, None, []), "One visit so far, on 2024-09-24."),
        (
            Brief(seeded.client, THIRD, SECOND, []),
            "Last visit 2024-09-24, compared with 2024-03-02. Nothing new since the visit before.",
        ),
    ):
        fake_api.timeline.briefs[seeded.client] = given
        view.refresh()
        driver.settle()
        assert strip_isolates(view.summary.text()) == said
        assert view.line_texts() == [] and not view.lines_view.isVisible()
    fake_api.timeline.briefs[seeded.client] = brief


def test_the_box_folds_and_gives_the_height_to_the_assistant(
    opened: tuple[GuiDriver, Seeded],
) -> None:
    driver, _seeded = opened
    window = driver.window
    view = window.brief_view
    window.show()
    rows = view.lines_view.fontMetrics().lineSpacing()
    # As tall as its lines (six, a few wrapped), and never more than MAX_ROWS rows of text.
    driver.wait_until(lambda: view.lines_view.height() >= 6 * rows)
    assert view.lines_view.height() <= MAX_ROWS * rows + 20
    unfolded = window.assistant_panel.height()
    view.toggle.click()
    driver.wait_until(lambda: window.assistant_panel.height() > unfolded)
    assert not view.lines_view.isVisible() and view.summary.isVisible()
    view.toggle.click()
    assert view.lines_view.isVisible()


def test_a_brief_taller_than_its_box_opens_at_its_first_line(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    """The first client opened in a shown window, with more lines than the box holds: the
    box opens at its first line (it opened scrolled to keep its cursor in view while it
    was a few pixels tall, the first line cut off)."""
    seeded = seed(fake_api)
    brief = fake_api.timeline.briefs[seeded.client]
    fake_api.timeline.briefs[seeded.client] = replace(brief, lines=list(brief.lines) * 4)
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    window = driver.window
    window.show()
    window.resize(SCREEN)
    driver.open_client(seeded.client)
    view = window.brief_view.lines_view
    driver.wait_until(lambda: len(window.brief_view.line_texts()) == 24)
    driver.settle()
    assert view.verticalScrollBar().maximum() > 0
    assert view.verticalScrollBar().value() == 0
    assert view.cursorForPosition(view.viewport().rect().topLeft()).blockNumber() == 0


def test_a_brief_for_a_client_left_behind_never_shows(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, _seeded = opened
    other = seed(fake_api, "Other Client")
    fake_api.timeline.briefs[other.client] = Brief(other.client, None, None, [])
    driver.window.refresh()
    driver.settle()
    gate = threading.Event()
    fake_api.timeline.brief_gate = gate
    view = driver.window.brief_view
    view.refresh()  # the first client's brief, held back
    driver.window.client_list.setCurrentRow(driver.window.client_list.ids().index(other.client))
    gate.set()
    driver.settle()
    fake_api.timeline.brief_gate = None
    assert view.client_id == other.client
    assert view.line_texts() == [] and strip_isolates(view.summary.text()) == "No visits yet."


def test_a_failed_brief_is_said_in_the_box_not_the_banner(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, _seeded = opened
    window = driver.window
    fake_api.fail_next["timeline.brief"] = DatabaseError("database unavailable")
    window.brief_view.refresh()
    driver.settle()
    assert window.brief_view.summary.text() == (
        "What changed since the last visit could not be read."
    )
    assert window.banner.text == ""
    # Locked is the controller's: the service locked itself, back to the unlock screen.
    fake_api.lock()
    window.brief_view.refresh()
    driver.wait_dialog(Mode.UNLOCK)
    assert not window.isVisible()


def test_lock_wipes_the_brief(opened: tuple[GuiDriver, Seeded]) -> None:
    driver, _seeded = opened
    view = driver.window.brief_view
    driver.lock()
    assert view.brief is None and view.line_texts() == [] and view.isHidden()


def test_a_saved_session_reads_the_brief_again(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, _seeded = opened
    reads = fake_api.called("timeline.brief")
    driver.click(driver.window.new_session_button)
    driver.window.session_editor.plan.setPlainText("Start sertraline 50 mg.")
    driver.save_session()
    assert fake_api.called("timeline.brief") == reads + 1


# -- exported as a referral summary -----------------------------------------------------------


def export_to(
    driver: GuiDriver, monkeypatch: pytest.MonkeyPatch, path: Path
) -> list[tuple[object, ...]]:
    """Click "Export…" and choose `path` in the save dialog; returns what the dialog was
    asked (parent, caption, suggested path, filters)."""
    asked: list[tuple[object, ...]] = []

    def choose(*args: object) -> tuple[str, str]:
        asked.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    driver.click(driver.window.brief_view.export_button)
    driver.settle()
    return asked


def summary_lines(path: Path) -> list[str]:
    return strip_isolates(path.read_text(encoding="utf-8")).split("\n")


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_export_is_offered_only_for_a_brief_with_lines(
    opened: tuple[GuiDriver, Seeded], fake_api: FakeChartsideApi
) -> None:
    driver, seeded = opened
    view = driver.window.brief_view
    assert view.export_button.isVisible() and view.export_button.isEnabled()
    brief = fake_api.timeline.briefs[seeded.client]
    fake_api.timeline.briefs[seeded.client] = Brief(seeded.client, THIRD, SECOND, [])
    view.refresh()
    driver.settle()
    assert not view.export_button.isEnabled()
    fake_api.timeline.briefs[seeded.client] = brief
    view.refresh()
    driver.settle()
    assert view.export_button.isEnabled()
    view.set_client(None)  # no client (or locked): nothing to export
    assert not view.export_button.isEnabled()


def test_export_as_text_writes_the_summary_with_its_footnotes(
    opened: tuple[GuiDriver, Seeded],
    fake_api: FakeChartsideApi,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    driver, _seeded = opened
    window = driver.window
    out = tmp_path / "summary.txt"
    [(_, caption, suggested, filters)] = export_to(driver, monkeypatch, out)
    assert caption == "Export the summary as" and filters == "Text (*.txt);;PDF (*.pdf)"
    assert re.fullmatch(r"Dana Levi - summary \d{4}-\d\d-\d\d\.txt", Path(str(suggested)).name)
    # Read through the api, off the GUI thread, as the brief is.
    [(_, thread)] = [c for c in fake_api.calls if c[0] == "timeline.referral_summary"]
    assert thread != threading.get_ident()
    # Each line worded as the box words it, its citations as footnote numbers.
    body = [line.removeprefix("• ").rsplit("  ", 2 if n < 3 else 1)[0]
            for n, line in enumerate(ENGLISH)]  # fmt: skip
    assert summary_lines(out) == [
        "Dana Levi: since the last visit (2024-09-24)",
        "",
        *(f"- {words} {marks}" for words, marks in zip(body, MARKS, strict=True)),
        "",
        "Sources:",
        *FOOTNOTES,
        "",
    ]
    assert private(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.txt"]  # no temp file left
    assert strip_isolates(window.statusBar().currentMessage()) == f"Summary written to {out}"


def test_export_as_pdf(
    opened: tuple[GuiDriver, Seeded], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    driver, _seeded = opened
    out = tmp_path / "summary.pdf"
    export_to(driver, monkeypatch, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert b"/MediaBox [0 0 595" in data  # A4: 595 x 842 points
    assert private(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.pdf"]


def test_a_name_without_a_suffix_gets_the_chosen_filters(
    opened: tuple[GuiDriver, Seeded], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    driver, _seeded = opened
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_: (str(tmp_path / "referral"), "PDF (*.pdf)")
    )
    driver.click(driver.window.brief_view.export_button)
    driver.settle()
    assert (tmp_path / "referral.pdf").read_bytes().startswith(b"%PDF")


def test_a_refused_export_is_shown_and_writes_nothing(
    opened: tuple[GuiDriver, Seeded],
    fake_api: FakeChartsideApi,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    driver, _seeded = opened
    window = driver.window
    fake_api.fail_next["timeline.referral_summary"] = PolicyForbids(
        "Exporting notes is turned off: security.export_allowed = false (policy)"
    )
    export_to(driver, monkeypatch, tmp_path / "summary.txt")
    assert window.banner.isVisible()
    assert window.banner.text.startswith("Exporting notes is turned off")
    assert "administrator" in window.banner.text
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["summary.txt", "summary.pdf"])
def test_a_failed_write_is_shown_and_leaves_no_file(
    opened: tuple[GuiDriver, Seeded],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
) -> None:
    driver, _seeded = opened
    window = driver.window

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    out = tmp_path / name
    export_to(driver, monkeypatch, out)
    assert strip_isolates(window.banner.text) == (
        f"The summary could not be written to {out}: No space left on device\n"
        "Choose another folder, or check that the disk has room."
    )
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temp file


# -- in Hebrew ------------------------------------------------------------------------------


@pytest.mark.usefixtures("hebrew")
def test_the_brief_in_hebrew(opened: tuple[GuiDriver, Seeded]) -> None:
    driver, seeded = opened
    view = driver.window.brief_view
    assert view.isRightToLeft()
    assert lines(view) == HEBREW
    assert strip_isolates(view.summary.text()) == (
        "המפגש האחרון 2024-09-24, בהשוואה למפגש 2024-03-02."
    )
    # Values and dates are left-to-right islands; the note's own words keep their direction.
    first = view.lines_view.document().toRawText().split("\u2029")[0]
    assert "\u2066138\u2069" in first and "\u2066126 mmHg\u2069" in first
    assert "\u20662024-03-02\u2069" in first
    block = view.lines_view.document().firstBlock()
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    # No English of the window's own: only the notes' words and the units stay Latin.
    patterns = _english_patterns()
    shown = [view.summary.text(), view.toggle.text(), view.toggle.toolTip(), *lines(view)]
    shown += [view.lines_view.accessibleName(), view.lines_view.toolTip()]
    assert not [t for t in shown if any(p.fullmatch(strip_isolates(t)) for p, _ in patterns)]
    notes_words = {"metformin", "obstructive", "sleep", "apnoea", "Review", "in", "months"}
    latin = {w for t in shown for w in re.findall(r"[A-Za-z]{2,}", strip_isolates(t))}
    assert latin - notes_words - {"mmHg", "kg"} == set()
    # A citation opens the note in Hebrew as in English.
    click_citation(driver, view, 0, 1)
    editor = driver.window.session_editor
    assert editor.session_id == seeded.sessions[THIRD]
    assert selected_text(editor.objective) == "BP 126/80, HR 72."


@pytest.mark.usefixtures("hebrew")
def test_the_summary_in_hebrew(
    opened: tuple[GuiDriver, Seeded], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    driver, _seeded = opened
    view = driver.window.brief_view
    assert view.export_button.text() == "ייצוא…"
    out = tmp_path / "summary.txt"
    [(_, caption, suggested, filters)] = export_to(driver, monkeypatch, out)
    assert caption == "שמירת הסיכום בשם" and filters == "טקסט (*.txt);;קובץ PDF (*.pdf)"
    assert Path(str(suggested)).name.startswith("Dana Levi - סיכום ")
    written = summary_lines(out)
    # The heading and the lines in Hebrew, worded as the box words them.
    body = [line.removeprefix("• ").rsplit("  ", 2 if n < 3 else 1)[0]
            for n, line in enumerate(HEBREW)]  # fmt: skip
    assert written[:8] == [
        "Dana Levi: מאז המפגש האחרון (2024-09-24)",
        "",
        *(f"- {words} {marks}" for words, marks in zip(body, MARKS, strict=True)),
    ]
    assert written[9] == "מקורות:"
    # Each value and the client's name kept in its own direction in the file itself.
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith("\u2068Dana Levi\u2069: ") and "\u20662024-09-24\u2069" in raw
    assert strip_isolates(driver.window.statusBar().currentMessage()) == f"הסיכום נשמר ב־{out}"
    # A PDF of it too, right to left.
    pdf = tmp_path / "summary.pdf"
    export_to(driver, monkeypatch, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


# -- screenshots and the screen's size ------------------------------------------------------


def _out(tmp_path: Path) -> Path:
    chosen = os.environ.get("README_SCREENSHOTS")
    return ROOT / chosen if chosen else tmp_path


def _shoot(driver: GuiDriver, name: str, out: Path) -> None:
    window = driver.window
    window.show()
    window.resize(SCREEN)
    driver.wait_until(lambda: window.size() == SCREEN)
    window.statusBar().clearMessage()
    driver.settle()
    image = window.grab().toImage()
    out.mkdir(parents=True, exist_ok=True)
    assert image.save(str(out / f"brief_{name}.png"))
    # The brief made the window no taller than the screen, and left the session its room.
    assert (image.width(), image.height()) == (1366, 768)
    assert window.minimumSizeHint().height() <= 768
    assert window.minimumSizeHint().width() <= 1366
    view = window.brief_view
    assert view.lines_view.verticalScrollBar().maximum() == 0  # all six lines in view
    assert view.geometry().bottom() < window.assistant_panel.geometry().top()


def test_english_screenshot(opened: tuple[GuiDriver, Seeded], tmp_path: Path) -> None:
    driver, seeded = opened
    driver.open_session(seeded.sessions[THIRD])
    _shoot(driver, "en", _out(tmp_path))


@pytest.mark.usefixtures("hebrew")
def test_hebrew_screenshot(opened: tuple[GuiDriver, Seeded], tmp_path: Path) -> None:
    driver, seeded = opened
    driver.open_session(seeded.sessions[THIRD])
    _shoot(driver, "he", _out(tmp_path))
