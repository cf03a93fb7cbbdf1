"""Documents in the real window (issue 30): the real database, the real tesseract, the real
packaged embedder and generator. A scanned referral letter from the project's generator is
dropped on the client, read in the background while the window stays live, asked about,
and its citation opens the page with the passage's words highlighted."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_driver import GuiDriver
from PySide6.QtCore import QDate, QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QWidget
from test_gui_assistant import ask_question, rows, selected_text, wait_for_answer

from app.compose import migrations_dir
from bench.documents import make
from core.api import ChartsideApi
from core.assistant.types import AskResult
from core.documents.types import DocumentInfo
from core.domain import ClientData
from core.services.service import ChartsideService
from models.embedder import SentenceTransformerEmbedder
from models.generator import LlamaCppGenerator
from models.ocr import TesseractOcr
from tests.conftest import PASSPHRASE, make_settings
from ui.documents.page_view import HIGHLIGHT_FILL

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")

MakeGui = Callable[[ChartsideApi], GuiDriver]
ANSWER_TIMEOUT_MS = 300_000
READ_TIMEOUT_MS = 240_000
LETTER = [
    [
        "Referral letter for physiotherapy assessment",
        "Dear colleague, I am referring Mrs Dana Levi to your clinic.",
        "Reason for referral: chronic lower back pain since 2019, worse when lifting.",
        "Potassium 4.2 mmol/L on the last panel.",
        "Dr Miriam Katz, family physician",
    ]
]
PHRASINGS = (
    "Why was she referred for physiotherapy?",
    "What is the reason for the referral?",
    "What pain does the referral letter describe?",
)


@pytest.fixture
def make_service(tmp_path: Path) -> Iterator[Callable[..., ChartsideService]]:
    made: list[ChartsideService] = []

    def make(**kwargs: object) -> ChartsideService:
        settings = make_settings(tmp_path / "data")
        svc = ChartsideService(settings, migrations_dir(), ocr=TesseractOcr(), **kwargs)  # type: ignore[arg-type]
        made.append(svc)
        return svc

    yield make
    for svc in made:
        svc.close()


def drop_files(widget: QWidget, at: QPoint, paths: list[Path]) -> None:
    """What a file manager's drag and drop delivers to `widget` at `at` (Qt delivers a drop
    only where the drag entered and was accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    copy, left, none = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(at, copy, mime, left, none)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(at, copy, mime, left, none))


def _client_row(driver: GuiDriver) -> QPoint:
    listing = driver.window.client_list
    return listing.visualItemRect(listing.item(0)).center()


PAGES = 20


def _attach_by_drop(driver: GuiDriver, path: Path, kind: str, title: str) -> DocumentInfo:
    """Drop `path` on the client's entry in the list and fill the dialog that opens."""
    window = driver.window
    attached: list[DocumentInfo] = []
    window.documents.attached.connect(attached.append)
    drop_files(window.client_list.viewport(), _client_row(driver), [path])
    dialog = window.documents.attach_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.file_label.text() == path.name
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.date.setDate(QDate(2024, 3, 2))
    dialog.title.setText(title)
    driver.click(dialog.attach_button)
    driver.wait_until(lambda: window.documents.attach_dialog is None, 60_000)
    assert [(i.title, i.kind, i.date) for i in attached] == [(title, kind, dt.date(2024, 3, 2))]
    return attached[0]


def test_the_window_stays_live_while_a_20_page_scan_is_read(
    make_service: Callable[..., ChartsideService], make_gui: MakeGui, tmp_path: Path
) -> None:
    svc = make_service()
    svc.initialise(PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
    svc.lock()
    driver = make_gui(svc)
    driver.unlock(PASSPHRASE)
    driver.open_client(client.id)
    # Issue 30, point 5: a 20-page scan never freezes the window.
    letter = make.text_pdf(LETTER)
    pages = [
        make.scan(letter, 0, make.Degrade(dpi=200, rotate=(-0.6, 0.4, 0.9)[n % 3], seed=n))
        for n in range(PAGES)
    ]
    scan = tmp_path / "lab-results.tiff"
    scan.write_bytes(make.tiff(pages))

    events: list[str] = []  # "tick" and "page n" in the order the GUI thread saw them
    progress = driver.controller.read_progress
    progress.bar.valueChanged.connect(lambda v: events.append(f"page {v}"))
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: events.append("tick"))
    timer.start()
    _attach_by_drop(driver, scan, "lab", "Lab results")
    driver.wait_until(lambda: (PAGES, PAGES) in progress.reports, READ_TIMEOUT_MS * 4)
    timer.stop()

    # The reader's reports reached the window page by page, and the bar said so.
    assert all((n, PAGES) in progress.reports for n in range(PAGES + 1))
    assert progress.isHidden()
    # The GUI thread kept turning while each page was read: ticks came between every
    # page's report and the next, not only before or after the reading.
    for n in range(PAGES - 1):
        a, b = events.index(f"page {n}"), events.index(f"page {n + 1}")
        assert "tick" in events[a:b], (n, events[a:b])
    infos = svc.documents.documents(client.id)
    assert [(i.title, i.kind, i.page_count, i.pages_read, i.pages_from_scan) for i in infos] == [
        ("Lab results", "lab", PAGES, PAGES, PAGES)
    ]


def test_a_scanned_referral_is_attached_read_asked_about_and_its_citation_opens_the_page(
    make_service: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    smollm: LlamaCppGenerator,
    make_gui: MakeGui,
    tmp_path: Path,
) -> None:
    svc = make_service(embedder=embedder, generator=lambda: smollm)
    svc.initialise(PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
    svc.lock()
    scan = make.scan(
        make.text_pdf(LETTER), 0, make.Degrade(dpi=200, rotate=0.8, noise=0.01, seed=4)
    )
    letter = tmp_path / "referral-scan.png"
    letter.write_bytes(make.image_bytes(scan))

    driver = make_gui(svc)
    driver.unlock(PASSPHRASE)
    driver.open_client(client.id)
    window = driver.window
    _attach_by_drop(driver, letter, "referral", "Referral from Dr Katz")
    progress = driver.controller.read_progress
    driver.wait_until(lambda: (1, 1) in progress.reports, READ_TIMEOUT_MS)
    driver.wait_until(lambda: svc.search.index_status().complete, READ_TIMEOUT_MS)

    # The documents list shows it read, from a scan.
    documents = window.documents.open()
    assert documents is not None
    driver.wait_until(lambda: bool(documents.infos) and documents.infos[0].read)
    assert rows(documents.list) == [
        ["Referral from Dr Katz", "Referral", "2024-03-02", "1", "Read (scan)"]
    ]
    documents.hide()

    panel = window.assistant_panel
    result: AskResult | None = None
    for question in PHRASINGS:
        driver.click(panel.new_button)
        ask_question(driver, question)
        wait_for_answer(driver, ANSWER_TIMEOUT_MS)
        result = panel.result
        assert result is not None, panel.status.text()
        if any(s.used and s.document is not None for s in result.sources):
            break
    assert result is not None
    cited = [s for s in result.sources if s.used and s.document is not None]
    assert cited, [(result.answer, result.warnings)]
    source = cited[0]
    ref = source.document
    assert ref is not None and ref.from_scan and ref.page == 1
    # The source list names the document, its date and page, with the scan's caution.
    used = [s for s in result.sources if s.used]
    row = rows(panel.sources.list)[used.index(source)]
    assert row[1] == "2024-03-02"
    assert row[2] == "Referral from Dr Katz · \u20662024-03-02\u2069 · page 1"
    if any(ch.isdigit() for ch in source.snippet):
        assert row[3].endswith("(from a scan — check against the original)")
    chip = panel.sources.chips[used.index(source)]
    assert "Referral from Dr Katz" in chip.full_text and "page 1" in chip.full_text

    # The citation opens the page, the passage's words highlighted.
    driver.click(chip)
    dialog = window.documents.dialog
    assert dialog is not None and dialog.isVisible()
    pane = dialog.page_view
    driver.wait_until(lambda: pane.view is not None)
    view = pane.view
    assert view is not None
    assert (view.document.id, view.page.page) == (ref.id, 1)
    assert view.page.from_scan and view.span is not None
    assert view.boxes and len(view.boxes) == len(view.words)
    # The highlighted words are the cited passage's words, as the OCR read them.
    passage = view.page.text[view.span[0] : view.span[1]].split()
    assert list(view.words) == passage
    assert set(view.words) <= set(source.snippet.replace("…", " ").split())
    # Drawn where the words are: the canvas shows the marker over each box.
    rects = pane.canvas.highlight_rects()
    assert len(rects) == len(view.boxes) and all(r.width() > 0 and r.height() > 0 for r in rects)
    picture = QImage(pane.canvas.size(), QImage.Format.Format_RGB32)
    pane.canvas.render(picture)
    centre = rects[0].center()
    shade = picture.pixelColor(centre.x(), rects[0].top() + 1)
    assert shade.blue() < shade.red() - 40, (shade.name(), HIGHLIGHT_FILL.name())
    # The text read from the page beside it, the passage selected; the scan's caution shown.
    assert selected_text(pane.text) == view.page.text[view.span[0] : view.span[1]]
    assert pane.caution.isVisible()
    assert "from a scan — check against the original" in pane.caution.text()
    assert window.banner.text == ""
