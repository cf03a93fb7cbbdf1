"""What a file is, checked whole before anything is stored: a PDF (with no password and at
least one page) or a PNG, JPEG or TIFF image, under 50 MB. Everything happens in memory:
neither the file nor a page of it is ever written to disk in the clear.

PDFium is not safe to enter from two threads at once (pypdfium2's documentation), and a
window may check a new file while the reader reads another: every call into it holds
`PDFIUM`."""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Generator
from contextlib import contextmanager
from typing import Any

import pypdfium2 as pdfium  # pyright: ignore[reportMissingTypeStubs]
import pypdfium2.raw as pdfium_c  # pyright: ignore[reportMissingTypeStubs]
from PIL import Image

from core.documents.types import (
    JPEG,
    MAX_BYTES,
    PDF,
    PNG,
    TIFF,
    DocumentRejected,
    Inspected,
)
from core.messages import Message

PDFIUM = threading.Lock()
# A photo of a page is a few thousand pixels a side; Pillow's own guard against
# decompression bombs is 89 million pixels, kept (as an error, not a warning).
MAX_IMAGE_PIXELS = 89_478_485

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)


def sniff(data: bytes) -> str | None:
    """The media type by the file's first bytes (never by its name), or None."""
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    # The PDF header may follow some junk, up to 1 KB of it (PDF 1.7, annex H).
    if b"%PDF-" in data[:1024]:
        return PDF
    return None


def inspect(data: bytes) -> Inspected:
    """Raises `DocumentRejected` with the reason for anything that cannot be attached."""
    if not data:
        raise DocumentRejected(Message("documents.file_empty"))
    if len(data) > MAX_BYTES:
        raise DocumentRejected(
            Message("documents.file_too_large", n=round(len(data) / 1024 / 1024)),
            remediation=Message("documents.split_or_rescan"),
        )
    media_type = sniff(data)
    if media_type is None:
        raise DocumentRejected(Message("documents.file_type_unsupported"))
    pages = pdf_pages(data) if media_type == PDF else image_pages(data)
    if pages == 0:
        raise DocumentRejected(Message("documents.document_no_pages"))
    return Inspected(media_type, pages)


def load_pdf(data: bytes) -> pdfium.PdfDocument:
    """The PDF, opened in memory; the caller closes it (under `PDFIUM`)."""
    with PDFIUM:
        try:
            return pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if _opens_without_pages(data):
                raise DocumentRejected(Message("documents.document_no_pages")) from None
            if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
                raise DocumentRejected(
                    Message("documents.pdf_protected_password"),
                    remediation=Message("documents.save_without_password"),
                ) from None
            raise DocumentRejected(Message("documents.pdf_damaged")) from None


def _opens_without_pages(data: bytes) -> bool:
    """pypdfium2 refuses a PDF with no pages as if it failed to load, reporting PDFium's
    last error, which may be an earlier file's: ask PDFium itself (under `PDFIUM`)."""
    raw: Any = pdfium_c  # PDFium's C API, untyped
    doc: Any = raw.FPDF_LoadMemDocument64(data, len(data), None)
    if not doc:
        return False
    raw.FPDF_CloseDocument(doc)
    return True


def pdf_pages(data: bytes) -> int:
    doc = load_pdf(data)
    with PDFIUM:
        try:
            return len(doc)
        finally:
            doc.close()


@contextmanager
def open_image(data: bytes) -> Generator[Image.Image]:
    """The image, decoded in memory, with a damaged or oversized one rejected."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise DocumentRejected(Message("documents.image_too_many_pixels"))
            image.load()
        except DocumentRejected:
            raise
        except (
            OSError,
            ValueError,
            SyntaxError,
            Image.DecompressionBombWarning,
            Image.DecompressionBombError,
        ):
            # Pillow's messages may quote the file's bytes: none of it is passed on.
            raise DocumentRejected(Message("documents.image_damaged")) from None
    try:
        yield image
    finally:
        image.close()


def image_pages(data: bytes) -> int:
    """A TIFF may hold several pages (a fax, a scanner's batch); other images hold one."""
    with open_image(data) as image:
        return int(getattr(image, "n_frames", 1))
