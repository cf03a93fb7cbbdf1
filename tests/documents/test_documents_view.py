"""A page to look at (issue 30, point 4): rendered in memory, the cited passage boxed over
its words (OCR word boxes for a scan, PDFium's character rectangles for a text layer), and
the background reader the window starts. Real database, PDFium and tesseract."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import threading

import pytest
from PIL import Image

from bench.documents import make
from core.documents.types import AttachRequest, Box
from core.documents.view import find_passage, words_in
from core.domain import ClientData
from core.services.service import ChartsideService

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed here"
)

LETTER = [
    [
        "Referral letter for physiotherapy assessment",
        "Reason: chronic lower back pain since 2019, worse when lifting.",
        "Potassium result 4.2 mmol/L on the last panel.",
    ]
]


def _inside(box: Box, width: int, height: int) -> bool:
    return (
        box.left >= 0
        and box.top >= 0
        and box.left + box.width <= width + 1
        and (box.top + box.height <= height + 1)
    )


def test_find_passage_takes_the_longest_fragment_of_a_cut_snippet() -> None:
    text = "Plan: twelve sessions\nof graded exercise over six weeks."
    assert find_passage(text, "…twelve SESSIONS of graded…") == (6, 31)
    assert find_passage(text, "nothing like it") is None


def test_a_text_page_boxes_the_passage_characters(docs: ChartsideService) -> None:
    cid = docs.notes.create_client(ClientData(full_name="Dana Levi")).id
    info = docs.documents.attach(
        AttachRequest(cid, make.text_pdf(LETTER), "referral", dt.date(2024, 3, 2), "Referral")
    )
    docs.documents.read_pending()
    view = docs.documents.page_view(info.id, 1, "…chronic lower back pain since 2019…")
    assert view.page.source == "text"
    picture = Image.open(io.BytesIO(view.png))
    assert picture.size == (view.width, view.height)
    assert view.span is not None
    assert view.page.text[view.span[0] : view.span[1]] == "chronic lower back pain since 2019"
    assert view.boxes and all(_inside(b, view.width, view.height) for b in view.boxes)
    # The passage is on the second line: below the first line's top, in the top third.
    top = min(b.top for b in view.boxes)
    assert view.height * 0.05 < top < view.height / 3
    assert view.words == ("chronic", "lower", "back", "pain", "since", "2019")
    # No passage, no boxes; the page is still shown.
    bare = docs.documents.page_view(info.id, 1)
    assert (bare.span, bare.boxes) == (None, ())
    assert bare.png[:8] == b"\x89PNG\r\n\x1a\n"


@needs_tesseract
def test_a_scanned_page_boxes_the_ocr_words_of_the_passage(docs: ChartsideService) -> None:
    cid = docs.notes.create_client(ClientData(full_name="Dana Levi")).id
    scan = make.scan(make.text_pdf(LETTER), 0, make.Degrade(dpi=200, rotate=0.6, seed=5))
    info = docs.documents.attach(AttachRequest(cid, make.image_bytes(scan), "referral"))
    docs.documents.read_pending()
    page = docs.documents.page_view(info.id, 1).page
    assert page.from_scan and page.words
    line = next(ln for ln in page.text.split("\n") if "back" in ln.casefold())
    view = docs.documents.page_view(info.id, 1, line)
    assert view.span is not None
    assert view.boxes and len(view.boxes) == len(view.words) == len(line.split())
    assert " ".join(view.words) == " ".join(line.split())
    assert all(_inside(b, view.width, view.height) for b in view.boxes)
    # The boxes sit on one line of the page: their tops within a word's height.
    tops = [b.top for b in view.boxes]
    assert max(tops) - min(tops) <= max(b.height for b in view.boxes)
    assert words_in(page.text, page.words, (0, 0)) == []


@needs_tesseract
def test_the_background_reader_reports_pages_and_stops_on_lock(docs: ChartsideService) -> None:
    cid = docs.notes.create_client(ClientData(full_name="Dana Levi")).id
    reports: list[tuple[int, int]] = []
    finished = threading.Event()

    def heard(done: int, total: int) -> None:
        reports.append((done, total))
        if total and done == total:
            finished.set()

    docs.documents.start_reading(heard)
    pages = [make.scan(make.text_pdf(LETTER), 0, make.Degrade(dpi=150, seed=n)) for n in (1, 2)]
    docs.documents.attach(AttachRequest(cid, make.tiff(pages), "lab"))
    assert finished.wait(120)
    assert (0, 2) in reports and (1, 2) in reports and reports[-1] == (2, 2)
    assert all(d.read for d in docs.documents.documents(cid))
    docs.lock()
    assert not docs.documents.reading
