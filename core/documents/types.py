"""Plain values of the documents part: what a file is, what a page holds, and the
port the OCR engine implements (models/ocr.py), so core never runs an engine itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol
from uuid import UUID

from core.errors import ChartsideError
from core.messages import Message
from core.progress import CancelToken
from core.retrieval.types import SCAN_CAUTION as SCAN_CAUTION  # the documents' word too

DocumentKind = Literal["referral", "lab", "imaging", "letter", "other"]
KINDS: tuple[DocumentKind, ...] = ("referral", "lab", "imaging", "letter", "other")
PageSource = Literal["text", "ocr"]

MAX_BYTES = 50 * 1024 * 1024
MAX_TITLE_CHARS = 200
# Pages are rendered for OCR at the resolution tesseract is trained for.
OCR_DPI = 300

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
MEDIA_TYPES = (PDF, PNG, JPEG, TIFF)


class DocumentRejected(ChartsideError):
    """A file that cannot be attached. The message names the problem, never the content."""

    remedy = Message("remedy.document_rejected")


@dataclass(frozen=True)
class PageImage:
    """A page as 8-bit grey pixels, row after row with no padding, for the OCR engine."""

    width: int
    height: int
    dpi: int
    pixels: bytes = field(repr=False)


@dataclass(frozen=True)
class OcrWord:
    """One word the OCR read, with its box in the page image's pixels."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float  # 0-100, tesseract's own
    line: int  # the line it belongs to, counted from 0 down the page


@dataclass(frozen=True)
class OcrPage:
    text: str
    words: tuple[OcrWord, ...]
    dpi: int

    @property
    def confidence(self) -> float | None:
        if not self.words:
            return None
        return sum(w.confidence for w in self.words) / len(self.words)


class OcrEngine(Protocol):
    """Reads the words of a page image (English and Hebrew)."""

    def missing(self) -> str | None:
        """None when the engine can run here; else what to install, in one line."""
        ...

    def read(self, image: PageImage, cancel: CancelToken | None = None) -> OcrPage:
        """Raises `Cancelled` when `cancel` trips while it reads."""
        ...


@dataclass(frozen=True)
class Inspected:
    """What a file turned out to be, before anything is stored."""

    media_type: str
    page_count: int


@dataclass(frozen=True)
class Stranger:
    """What a document says of its patient that is not the client's
    (`core.documents.identity`): the names and dates of birth it gives."""

    names: tuple[str, ...] = ()
    births: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class AttachRequest:
    client_id: UUID
    data: bytes = field(repr=False)
    kind: DocumentKind = "other"
    date: dt.date | None = None
    title: str = ""
    filename: str = ""  # for the default title only; never stored on its own


@dataclass(frozen=True)
class DocumentInfo:
    id: UUID
    client_id: UUID
    kind: DocumentKind
    title: str
    date: dt.date | None
    media_type: str
    size_bytes: int
    page_count: int
    pages_read: int
    pages_from_scan: int
    created_at: dt.datetime

    @property
    def read(self) -> bool:
        return self.pages_read >= self.page_count


@dataclass(frozen=True)
class DocumentPage:
    document_id: UUID
    page: int  # from 1
    source: PageSource | None  # None: not read yet
    text: str
    words: tuple[OcrWord, ...] = ()
    confidence: float | None = None

    @property
    def from_scan(self) -> bool:
        return self.source == "ocr"


@dataclass(frozen=True)
class ReadReport:
    """What one reading run did. `waiting` pages need OCR that cannot run here
    (`ocr_missing` says what to install); they are read once it can."""

    pages_read: int = 0
    from_text: int = 0
    from_scan: int = 0
    waiting: int = 0
    ocr_missing: str | None = None


ReadProgress = Callable[[int, int], None]
"""The background reader's progress: (pages read, pages to read) in this run, from its
thread; (n, n) when the run is over (0, 0: nothing was waiting)."""


@dataclass(frozen=True)
class Box:
    """A highlighted rectangle, in the pixels of `PageView.png`."""

    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class PageView:
    """A page as a window shows it: rendered (PNG, in memory only), its text, and the
    cited passage's place in both: `span` in `page.text`, `boxes` over the picture, and
    `words`, the words under them."""

    document: DocumentInfo
    page: DocumentPage
    png: bytes = field(repr=False)
    width: int
    height: int
    span: tuple[int, int] | None = None
    boxes: tuple[Box, ...] = ()
    words: tuple[str, ...] = field(default=(), repr=False)
