"""Documents in the chart (issue 30): attach, refuse, store encrypted, read (text layer and
tesseract OCR), cancel and resume, delete with the client. The real database, the real
PDFium and the real tesseract; files from the project's own generator."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.compose import migrations_dir
from bench.documents import make
from core.documents.types import MAX_BYTES, SCAN_CAUTION, AttachRequest, DocumentRejected
from core.domain import ClientData
from core.errors import Cancelled, NotFound
from core.services.service import ChartsideService
from models.ocr import TesseractOcr
from tests.conftest import PASSPHRASE, make_settings

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed here (CI installs it: packaging/system_deps.sh ocr)",
)

LETTER = [
    [
        "Referral letter for physiotherapy assessment",
        "Potassium 3.5 - 5.1 mmol/L, result 4.2 on the last panel.",
        "Reason: chronic lower back pain since 2019, worse when lifting.",
    ],
    [
        "Plan: twelve sessions of graded exercise over six weeks.",
        "Please send a summary to the referring clinic afterwards.",
    ],
]
SCAN = make.Degrade(dpi=200, rotate=1.2, noise=0.01, blur=0.6, seed=3)


def _client(svc: ChartsideService) -> Any:
    return svc.notes.create_client(ClientData(full_name="Dana Levi")).id


def _count(svc: ChartsideService, sql: str) -> int:
    with svc.db.owner.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def _actions(svc: ChartsideService) -> list[str]:
    return [e["action"] for e in svc.health.audit_export()]


def test_a_text_pdf_is_stored_and_read_page_by_page(docs: ChartsideService) -> None:
    cid = _client(docs)
    pdf = make.text_pdf(LETTER)
    info = docs.documents.attach(
        AttachRequest(cid, pdf, "referral", dt.date(2024, 3, 2), "Referral from the clinic")
    )
    assert (info.kind, info.date, info.title, info.page_count) == (
        "referral",
        dt.date(2024, 3, 2),
        "Referral from the clinic",
        2,
    )
    assert (info.media_type, info.size_bytes, info.pages_read) == ("application/pdf", len(pdf), 0)

    report = docs.documents.read_pending()
    assert (report.pages_read, report.from_text, report.from_scan, report.waiting) == (2, 2, 0, 0)
    first, second = docs.documents.page(info.id, 1), docs.documents.page(info.id, 2)
    assert first.text == "\n".join(LETTER[0])
    assert second.text == "\n".join(LETTER[1])
    assert (first.source, first.words, first.from_scan) == ("text", (), False)
    assert docs.documents.file(info.id) == (pdf, "application/pdf")
    assert docs.documents.document(info.id).read
    assert [d.id for d in docs.documents.documents(cid)] == [info.id]
    # Each page is chunked for search, owned by the document and its page.
    pages = _count(docs, f"SELECT count(DISTINCT page) FROM chunks WHERE document_id = '{info.id}'")
    assert pages == 2
    # A second run finds nothing left to read.
    assert docs.documents.read_pending().pages_read == 0
    actions = _actions(docs)
    for action in ("document.attach", "document.text", "document.page", "document.file"):
        assert action in actions


def test_the_file_its_title_and_its_text_are_ciphertext(docs: ChartsideService) -> None:
    cid = _client(docs)
    pdf = make.text_pdf(LETTER)
    info = docs.documents.attach(AttachRequest(cid, pdf, "letter", title="Letter about Dana"))
    docs.documents.read_pending()
    with docs.db.owner.connect() as conn:
        row = conn.execute(
            text("SELECT content, title FROM documents WHERE id = :i"), {"i": info.id}
        ).one()
        texts = [bytes(t) for t in conn.execute(text("SELECT text FROM document_pages")).scalars()]
        chunks = [
            bytes(c)
            for c in conn.execute(
                text("SELECT content FROM chunks WHERE document_id = :i"), {"i": info.id}
            ).scalars()
        ]
    stored = bytes(row.content)
    assert b"%PDF" not in stored and b"Helvetica" not in stored and b"Dana" not in bytes(row.title)
    for blob in (stored, bytes(row.title), *texts, *chunks):
        assert blob[:2] == b"\x01\x01"  # the ciphertext header (core/security/crypto.py)
        assert b"physiotherapy" not in blob and b"Potassium" not in blob


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "The file is empty."),
        (b"Dear colleague, please see the patient.", "not a PDF or an image"),
        (make.password_pdf(), "protected by a password"),
        (make.empty_pdf(), "has no pages"),
        (b"%PDF-1.4\n" + b"0" * 200, "damaged"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image is damaged"),
        (b"%PDF-1.4\n" + b"0" * MAX_BYTES, "limited to 50 MB"),
    ],
    ids=["empty", "not-a-document", "password", "no-pages", "bad-pdf", "bad-png", "over-50-mb"],
)
def test_a_bad_file_is_refused_and_leaves_nothing(
    docs: ChartsideService, data: bytes, reason: str
) -> None:
    cid = _client(docs)
    with pytest.raises(DocumentRejected) as caught:
        docs.documents.attach(AttachRequest(cid, data, "lab"))
    assert reason in caught.value.message
    assert caught.value.remediation
    assert _count(docs, "SELECT count(*) FROM documents") == 0
    assert _count(docs, "SELECT count(*) FROM document_pages") == 0
    assert "document.attach" not in _actions(docs)


def test_a_document_needs_an_existing_client_and_a_known_kind(docs: ChartsideService) -> None:
    pdf = make.text_pdf(LETTER)
    with pytest.raises(NotFound):
        docs.documents.attach(AttachRequest(uuid.uuid4(), pdf))
    with pytest.raises(DocumentRejected, match="kind must be one of"):
        docs.documents.attach(AttachRequest(_client(docs), pdf, "x-ray"))  # type: ignore[arg-type]
    assert _count(docs, "SELECT count(*) FROM documents") == 0


@needs_tesseract
def test_a_scanned_pdf_is_read_by_ocr_with_word_boxes(docs: ChartsideService) -> None:
    cid = _client(docs)
    scan = make.image_pdf([make.scan(make.text_pdf(LETTER), 0, SCAN)])
    info = docs.documents.attach(AttachRequest(cid, scan, "referral"))
    report = docs.documents.read_pending()
    assert (report.pages_read, report.from_scan) == (1, 1)
    page = docs.documents.page(info.id, 1)
    assert page.from_scan and page.source == "ocr"
    assert "physiotherapy" in page.text and "4.2" in page.text
    assert page.confidence is not None and page.confidence > 50
    potassium = next(w for w in page.words if w.text == "Potassium")
    # Boxes are in the 300 dpi rendering's pixels, on the page's second line.
    assert potassium.left > 0 and potassium.top > 0 and potassium.width > potassium.height
    assert potassium.line == 1 and potassium.confidence > 50
    assert docs.documents.document(info.id).pages_from_scan == 1
    with docs.db.owner.connect() as conn:
        words = conn.execute(text("SELECT words FROM document_pages")).scalar_one()
    assert b"Potassium" not in bytes(words)
    assert SCAN_CAUTION == "from a scan — check against the original"


@needs_tesseract
def test_photos_and_multi_page_tiffs_are_read(docs: ChartsideService) -> None:
    cid = _client(docs)
    pdf = make.text_pdf(LETTER)
    pages = [make.scan(pdf, i, make.Degrade(dpi=200)) for i in range(2)]
    png = docs.documents.attach(AttachRequest(cid, make.image_bytes(pages[0]), "lab"))
    jpeg = docs.documents.attach(AttachRequest(cid, make.image_bytes(pages[0], "JPEG"), "lab"))
    tiff = docs.documents.attach(AttachRequest(cid, make.tiff(pages), "letter"))
    assert (png.media_type, jpeg.media_type, tiff.media_type) == (
        "image/png",
        "image/jpeg",
        "image/tiff",
    )
    assert tiff.page_count == 2
    assert docs.documents.read_pending().from_scan == 4
    assert "twelve sessions" in docs.documents.page(tiff.id, 2).text
    assert "Potassium" in docs.documents.page(jpeg.id, 1).text


@needs_tesseract
def test_reading_stops_on_cancel_and_resumes_where_it_stopped(docs: ChartsideService) -> None:
    from core.progress import CancelToken

    cid = _client(docs)
    letter = make.text_pdf(LETTER * 2)
    scan = make.image_pdf([make.scan(letter, i, make.Degrade(dpi=150)) for i in range(3)])
    info = docs.documents.attach(AttachRequest(cid, scan, "referral"))
    cancel = CancelToken()
    seen: list[tuple[float, str]] = []

    def progress(fraction: float, message: str) -> None:
        seen.append((fraction, message))
        if message.startswith("reading page 2"):
            cancel.cancel()  # while page 2 is read: tesseract is stopped, page 2 not kept

    with pytest.raises(Cancelled):
        docs.documents.read_pending(progress, cancel)
    assert seen[0] == (0.0, "reading page 1 of 3")
    assert docs.documents.document(info.id).pages_read == 1
    report = docs.documents.read_pending()
    assert report.pages_read == 2
    assert docs.documents.document(info.id).pages_read == 3
    # No page was chunked twice.
    dupes = _count(
        docs,
        "SELECT count(*) FROM (SELECT page, ordinal FROM chunks WHERE document_id IS NOT NULL "
        "GROUP BY page, ordinal HAVING count(*) > 1) d",
    )
    assert dupes == 0


def test_without_ocr_text_pdfs_read_and_scans_wait(tmp_path: Path) -> None:
    svc = ChartsideService(make_settings(tmp_path / "data"), migrations_dir(), ocr=None)
    try:
        svc.initialise(PASSPHRASE)
        cid = _client(svc)
        svc.documents.attach(AttachRequest(cid, make.text_pdf(LETTER), "letter"))
        scan = make.image_pdf([make.scan(make.text_pdf(LETTER), 0, make.Degrade(dpi=100))])
        waiting = svc.documents.attach(AttachRequest(cid, scan, "letter"))
        report = svc.documents.read_pending()
        assert (report.from_text, report.waiting) == (2, 1)
        assert report.ocr_missing is not None
        assert "tesseract-ocr-heb" in report.ocr_missing
        assert svc.documents.document(waiting.id).pages_read == 0
    finally:
        svc.close()


def test_documents_go_with_their_client(docs: ChartsideService) -> None:
    cid = _client(docs)
    other = docs.notes.create_client(ClientData(full_name="Noa Katz")).id
    info = docs.documents.attach(AttachRequest(cid, make.text_pdf(LETTER), "letter"))
    kept = docs.documents.attach(AttachRequest(other, make.text_pdf(LETTER), "letter"))
    docs.documents.read_pending()
    docs.notes.update_client(cid, ClientData(full_name="Dana Levi", notes="Prefers mornings."))
    # Saving the client's own fields leaves its documents' chunks alone.
    assert _count(docs, f"SELECT count(*) FROM chunks WHERE document_id = '{info.id}'") > 0
    docs.notes.delete_client(cid)
    for table in ("documents", "document_pages"):
        assert _count(docs, f"SELECT count(*) FROM {table} WHERE id = '{info.id}'") == 0
    assert _count(docs, f"SELECT count(*) FROM chunks WHERE document_id = '{info.id}'") == 0
    assert docs.documents.document(kept.id).pages_read == 2


def test_a_deleted_document_takes_its_pages_and_chunks(docs: ChartsideService) -> None:
    cid = _client(docs)
    info = docs.documents.attach(AttachRequest(cid, make.text_pdf(LETTER), "letter"))
    docs.documents.read_pending()
    docs.documents.delete(info.id)
    assert _count(docs, "SELECT count(*) FROM document_pages") == 0
    assert _count(docs, "SELECT count(*) FROM chunks WHERE document_id IS NOT NULL") == 0
    assert "document.delete" in _actions(docs)
    with pytest.raises(NotFound):
        docs.documents.document(info.id)


@pytest.mark.skipif(make.hebrew_font() is None, reason="no font with Hebrew glyphs here")
def test_a_hebrew_text_layer_is_read_exactly_in_reading_order(docs: ChartsideService) -> None:
    lines = [
        'מכתב הפניה לד"ר כהן לגבי המטופלת',
        "אשלגן 4.2 ממול/ל בבדיקה האחרונה",
        "תוכנית: פיזיותרפיה",
    ]
    pdf = make.text_pdf([lines], make.hebrew_font())
    info = docs.documents.attach(AttachRequest(_client(docs), pdf, "referral"))
    assert docs.documents.read_pending().from_text == 1
    assert docs.documents.page(info.id, 1).text == "\n".join(lines)


def test_without_tesseract_make_runs_check_prints_the_one_apt_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    assert TesseractOcr("no-such-tesseract").missing() == (
        "sudo apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-heb"
    )
    root = Path(__file__).resolve().parents[2]
    res = subprocess.run(
        [sys.executable, str(root / "packaging" / "check_ocr.py")],
        capture_output=True,
        text=True,
        env={"PATH": str(tmp_path)},  # no tesseract on it
        check=False,
        timeout=120,
    )
    assert res.returncode == 1
    assert res.stderr.strip().splitlines()[-1].strip() == (
        "sudo apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-heb"
    )


def test_a_key_rotation_re_encrypts_the_file_and_its_pages(docs: ChartsideService) -> None:
    import struct

    pdf = make.text_pdf(LETTER)
    info = docs.documents.attach(AttachRequest(_client(docs), pdf, "letter", title="Letter"))
    docs.documents.read_pending()
    docs.keys.rotate_data_key()
    version = struct.pack(">I", docs.cipher().key_version)
    with docs.db.owner.connect() as conn:
        blobs = [
            bytes(b)
            for b in conn.execute(
                text(
                    "SELECT content FROM documents UNION ALL SELECT title FROM documents "
                    "UNION ALL SELECT text FROM document_pages"
                )
            ).scalars()
        ]
    assert len(blobs) == 4 and all(b[2:6] == version for b in blobs)
    assert docs.documents.file(info.id) == (pdf, "application/pdf")
    assert docs.documents.page(info.id, 2).text == "\n".join(LETTER[1])
    encryption = next(c for c in docs.health.doctor() if c.name == "encryption")
    assert encryption.ok
