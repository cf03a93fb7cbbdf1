"""One page read: its text layer when usable, else OCR of its image. The job around it
(which pages, transactions, progress, cancel) is `core/services/documents_ops.py`'s."""

from __future__ import annotations

from dataclasses import dataclass

from core.documents.pages import DocumentFile, usable
from core.documents.types import OcrEngine, OcrWord, PageSource
from core.progress import CancelToken


@dataclass(frozen=True)
class PageRead:
    source: PageSource
    text: str
    words: tuple[OcrWord, ...] = ()
    confidence: float | None = None


def read_page(
    file: DocumentFile, index: int, ocr: OcrEngine | None, cancel: CancelToken | None = None
) -> PageRead | None:
    """Page `index` (from 0) of `file`; None when it needs OCR and `ocr` is None (the page
    waits until an engine is installed)."""
    layer = file.text(index)
    if usable(layer):
        return PageRead("text", layer)
    if ocr is None:
        return None
    page = ocr.read(file.image(index), cancel)
    return PageRead("ocr", page.text, page.words, page.confidence)
