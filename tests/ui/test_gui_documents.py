"""Issue 30 in the window, on the fake api: a file core refuses is refused in the attach
dialog with core's words and nothing is stored; the client's documents listed, opened and
deleted (after a question); the reading's progress in the status bar with Stop; a document
source in an answer named by its title, date and page, opening its page highlighted; in
English and Hebrew.

Screenshots at 1366×768 go to a temporary folder on every run (the test looks at them:
exact size, drawn); `README_SCREENSHOTS=ui/screenshots` writes the kept copies instead:

    README_SCREENSHOTS=ui/screenshots QT_QPA_PLATFORM=offscreen \\
        .venv/bin/pytest tests/ui/test_gui_documents.py -k screenshot
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import UUID

import pytest
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import QDate, QPoint, QSize, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from test_gui_assistant import rows, selected_text
from test_gui_documents_real import drop_files
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

from bench.documents import make
from core.api import ChartsideApi
from core.assistant.types import AskSource
from core.domain import Client, ClientData
from core.retrieval.types import DocumentRef
from ui.documents.documents_dialog import DocumentsDialog
from ui.kit.bidi import strip_isolates

ROOT = Path(__file__).resolve().parents[2]
MakeGui = Callable[[ChartsideApi], GuiDriver]
SCREEN = QSize(1366, 768)
LETTER = [
    "Referral letter for physiotherapy assessment",
    "Dear colleague, I am referring Mrs Dana Levi to your clinic.",
    "Reason for referral: chronic lower back pain since 2019, worse when lifting.",
    "Potassium 4.2 mmol/L on the last panel.",
    "Dr Miriam Katz, family physician",
]
PASSAGE = "…chronic lower back pain since 2019, worse when lifting."


@pytest.fixture
def opened(make_gui: MakeGui, fake_api: FakeChartsideApi) -> Iterator[tuple[GuiDriver, UUID]]:
    client = Client(uuid.uuid4(), ClientData(full_name="Dana Levi"), dt.datetime.now())
    fake_api.clients[client.id] = client
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.window.resize(SCREEN)
    driver.open_client(client.id)
    yield driver, client.id


def _letter(fake: FakeChartsideApi, client: UUID) -> UUID:
    return fake.documents.add(
        client, "Referral from Dr Katz", ["\n".join(LETTER)], pdf=make.text_pdf([LETTER])
    )


def _open_documents(driver: GuiDriver) -> DocumentsDialog:
    driver.controller.menus.documents.trigger()
    driver.settle()
    dialog = driver.window.documents.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Dear colleague, please see the patient.", "The file is not a PDF or an image"),
        (make.password_pdf(), "The PDF is protected by a password."),
        (make.empty_pdf(), "The document has no pages."),
    ],
    ids=["not-a-document", "password", "no-pages"],
)
def test_a_file_core_refuses_is_refused_in_place_and_nothing_is_stored(
    opened: tuple[GuiDriver, UUID],
    fake_api: FakeChartsideApi,
    tmp_path: Path,
    data: bytes,
    reason: str,
) -> None:
    driver, client = opened
    bad = tmp_path / "letter.pdf"
    bad.write_bytes(data)
    box = driver.window.client_box
    drop_files(box, box.rect().center(), [bad])
    dialog = driver.window.documents.attach_dialog
    assert dialog is not None and dialog.client_id == client
    driver.click(dialog.attach_button)
    driver.settle()
    # The dialog stays, saying why in core's words with what to do; nothing was stored.
    assert dialog.isVisible()
    assert dialog.error_text.startswith(reason), dialog.error_text
    assert "\n" in dialog.error_text  # the remediation on its own line
    assert fake_api.documents.infos == {}
    assert driver.window.banner.text == ""
    dialog.reject()


OTHERS_REPORT = ["Laboratory report", "Patient: Santa Bartell", "DOB: 1961-04-02",
                 "Creatinine 1.42 mg/dL"]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "he"])
def test_a_document_naming_another_patient_is_questioned_before_it_is_stored(
    opened: tuple[GuiDriver, UUID],
    fake_api: FakeChartsideApi,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    if language == "he":
        request.getfixturevalue("hebrew")
    driver, client = opened
    known = fake_api.clients[client]
    born = dataclasses.replace(known.data, date_of_birth=dt.date(1980, 1, 31))
    fake_api.clients[client] = dataclasses.replace(known, data=born)
    report = tmp_path / "report.pdf"
    report.write_bytes(make.text_pdf([OTHERS_REPORT]))
    box = driver.window.client_box

    def drop_and_attach() -> QMessageBox:
        drop_files(box, box.rect().center(), [report])
        dialog = driver.window.documents.attach_dialog
        assert dialog is not None and dialog.client_id == client
        driver.click(dialog.attach_button)
        driver.wait_until(lambda: dialog.question is not None, 5000)
        assert dialog.question is not None
        return dialog.question

    # Asked before anything is stored; cancelled, nothing is.
    question = drop_and_attach()
    said = strip_isolates(question.text())
    assert "Santa Bartell" in said and "1961-04-02" in said
    if language == "he":
        assert "לקוח" in said or "מטופל" in said
    else:
        assert said.startswith("This document names Santa Bartell, born 1961-04-02, not this")
    question.button(QMessageBox.StandardButton.Cancel).click()
    driver.settle()
    assert fake_api.documents.infos == {}
    dialog = driver.window.documents.attach_dialog
    assert dialog is not None
    dialog.reject()
    driver.settle()
    # Confirmed, it is filed, and carries the warning where it is listed.
    question = drop_and_attach()
    attach = driver.window.documents.attach_dialog
    assert attach is not None and attach.attach_anyway is not None
    attach.attach_anyway.click()
    driver.settle()
    driver.wait_until(lambda: len(fake_api.documents.infos) == 1, 5000)
    documents = _open_documents(driver)
    documents.select(next(iter(fake_api.documents.infos)))
    driver.wait_until(lambda: documents.stranger_note.isVisible(), 5000)
    assert "Santa Bartell" in strip_isolates(documents.stranger_note.text())


@pytest.mark.usefixtures("hebrew")
def test_a_documents_date_reads_and_types_left_to_right_in_the_hebrew_window(
    opened: tuple[GuiDriver, UUID], tmp_path: Path
) -> None:
    driver, _client = opened
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(make.text_pdf([LETTER]))
    box = driver.window.client_box
    drop_files(box, box.rect().center(), [letter])
    dialog = driver.window.documents.attach_dialog
    assert dialog is not None
    date = dialog.date
    date.setDate(QDate(2026, 11, 27))
    # The window's one format, in its own order (mirrored, it read "27-11-2026").
    assert date.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert date.text() == "2026-11-27"
    # A year typed over the field's first number is the year. Mirrored, that number was
    # the day: "2023" typed there read "20-02-3", the 20th of February.
    line = date.findChild(QLineEdit)
    assert line is not None
    driver.qtbot.mouseDClick(line, Qt.MouseButton.LeftButton, pos=QPoint(6, line.height() // 2))
    driver.qtbot.keyClicks(date, "2023")
    assert date.date() == QDate(2023, 11, 27)
    dialog.reject()


def test_the_clients_documents_are_listed_opened_and_deleted_after_a_question(
    opened: tuple[GuiDriver, UUID], fake_api: FakeChartsideApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver, client = opened
    doc = _letter(fake_api, client)
    fake_api.documents.add(client, "Lab panel", ["Potassium 4.2"], read=False)
    dialog = _open_documents(driver)
    assert rows(dialog.list) == [
        ["Referral from Dr Katz", "Referral", "2024-03-02", "1", "Read"],
        ["Lab panel", "Referral", "2024-03-02", "1", "Waiting to be read"],
    ]
    dialog.select(doc)
    driver.click(dialog.open_button)
    driver.settle()
    pane = dialog.page_view
    assert pane.view is not None and pane.view.document.id == doc
    assert not pane.canvas.pixmap.isNull() and pane.canvas.boxes == ()
    assert pane.text.toPlainText() == "\n".join(LETTER)
    assert not pane.caution.isVisible()  # a text layer, not a scan

    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    driver.click(dialog.delete_button)
    driver.settle()
    assert doc in fake_api.documents.infos  # "No" keeps it
    driver.click(dialog.delete_button)
    driver.settle()
    assert doc not in fake_api.documents.infos
    assert asked[0].startswith("Delete “Referral from Dr Katz”")
    assert [r[0] for r in rows(dialog.list)] == ["Lab panel"]
    assert pane.view is None  # the page of a deleted document is not left on screen


def test_reading_shows_its_pages_in_the_status_bar_and_stops(
    opened: tuple[GuiDriver, UUID], fake_api: FakeChartsideApi
) -> None:
    driver, _client = opened
    progress = driver.controller.read_progress
    driver.wait_until(lambda: fake_api.documents.listener is not None)
    listener = fake_api.documents.listener
    assert listener is not None
    listener(1, 3)  # as the reader's thread does
    driver.wait_until(lambda: progress.isVisible())
    assert progress.bar.text() == "Reading documents: page 2 of 3"
    driver.click(progress.stop_button)
    driver.settle()
    assert fake_api.documents.stopped == 1 and progress.isHidden()
    listener(2, 3)  # a page finishing after Stop is not shown
    driver.settle()
    assert progress.isHidden() and progress.reports == [(1, 3)]
    # Locking ends reading's reports with the session.
    driver.lock()
    assert progress.isHidden() and progress.reports == []


def _document_source(client: UUID, doc: UUID) -> AskSource:
    return AskSource(
        n=1, type="document", chunk_id=None, client_id=client, client_external_id=None,
        session_id=None, session_external_id=None, session_date=None, field="document",
        snippet=PASSAGE, score=1.0, used=True, reason="Referred for back pain since 2019.",
        document=DocumentRef(doc, "Referral from Dr Katz", dt.date(2024, 3, 2), 1, True),
    )  # fmt: skip


def test_a_document_citation_names_its_page_and_opens_it_highlighted(
    opened: tuple[GuiDriver, UUID], fake_api: FakeChartsideApi
) -> None:
    driver, client = opened
    doc = _letter(fake_api, client)
    sources = driver.window.assistant_panel.sources
    sources.set_sources([_document_source(client, doc)])
    place = "Referral from Dr Katz · \u20662024-03-02\u2069 · page 1"
    assert sources.chips[0].full_text == f"[1] {place}"
    [row] = rows(sources.list)
    assert row[1:4] == [
        "2024-03-02",
        place,
        f"{' '.join(PASSAGE.split())} (from a scan — check against the original)",
    ]
    driver.click(sources.chips[0])
    driver.settle()
    dialog = driver.window.documents.dialog
    assert dialog is not None and dialog.isVisible()
    pane = dialog.page_view
    assert pane.view is not None and pane.view.document.id == doc
    assert pane.view.words == tuple(PASSAGE.strip("…").split())
    assert len(pane.canvas.highlight_rects()) == len(pane.view.boxes) > 0
    assert selected_text(pane.text) == PASSAGE.strip("…")
    assert dialog.list.currentItem() is not None
    assert dialog.selected() is not None and dialog.selected().id == doc  # type: ignore[union-attr]


# -- screenshots ----------------------------------------------------------------------------


def _shoot(driver: GuiDriver, fake: FakeChartsideApi, client: UUID, name: str, out: Path) -> None:
    """The documents window as a citation opens it, at the size it takes on 1366×768."""
    doc = _letter(fake, client)
    fake.documents.add(client, "Lab panel", ["Potassium 4.2"], read=False)
    driver.window.assistant_panel.sources.set_sources([_document_source(client, doc)])
    driver.click(driver.window.assistant_panel.sources.chips[0])
    driver.settle()
    dialog = driver.window.documents.dialog
    assert dialog is not None
    dialog.resize(1366, 728)
    driver.qtbot.waitExposed(dialog)
    driver.settle()
    image = dialog.grab().toImage()
    out.mkdir(parents=True, exist_ok=True)
    assert image.save(str(out / f"documents_{name}.png"))
    assert (image.width(), image.height()) == (1366, 728)
    colours = {image.pixel(x, y) for x in range(0, 1366, 9) for y in range(0, 728, 9)}
    assert len(colours) > 20
    assert dialog.page_view.canvas.highlight_rects()


def _out(tmp_path: Path) -> Path:
    chosen = os.environ.get("README_SCREENSHOTS")
    return ROOT / chosen if chosen else tmp_path


def test_english_screenshot(
    opened: tuple[GuiDriver, UUID], fake_api: FakeChartsideApi, tmp_path: Path
) -> None:
    driver, client = opened
    _shoot(driver, fake_api, client, "en", _out(tmp_path))


@pytest.mark.usefixtures("hebrew")
def test_hebrew_screenshot(
    opened: tuple[GuiDriver, UUID], fake_api: FakeChartsideApi, tmp_path: Path
) -> None:
    driver, client = opened
    _shoot(driver, fake_api, client, "he", _out(tmp_path))
    dialog = driver.window.documents.dialog
    assert dialog is not None
    assert dialog.isRightToLeft()  # mirrored: the list on the right, the page on the left
    assert dialog.list.mapTo(dialog, dialog.list.rect().topLeft()).x() > dialog.width() // 2
    assert dialog.page_view.heading.text().startswith("Referral from Dr Katz")
    assert "עמוד" in dialog.page_view.heading.text()
