"""A document's pages, one at a time: the PDF's own text layer where it has a usable one
(pypdfium2: Hebrew exact and in reading order, about 3 ms a page), else the page as an
image for OCR (rendered at 300 dpi). Images (PNG, JPEG, TIFF frames) are always OCR'd.
Everything stays in memory."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import TracebackType
from typing import Any

import pypdfium2 as pdfium  # pyright: ignore[reportMissingTypeStubs]
from PIL import Image, ImageOps

from core.documents.files import PDFIUM, load_pdf, open_image
from core.documents.textlayer import page_lines
from core.documents.types import OCR_DPI, PDF, PageImage

# A text layer counts when it has this many letters or digits: a scanner's stamp or a
# lone page number is not the page's text, and OCR finds more.
MIN_TEXT_CHARS = 20
# Text with this share of replacement or private-use characters is a font with no
# Unicode map (it extracts as boxes): the image tells more.
MAX_GARBAGE_SHARE = 0.1
_ALNUM = re.compile(r"\w", re.UNICODE)
_GARBAGE = re.compile("[\ufffd\ue000-\uf8ff]")
# Without a resolution in the file, a photo or scan is taken to be A4 or Letter wide.
_PAGE_WIDTH_INCHES = 8.3
# (left, top, width, height) in PDF points from the page's top left.
Rect = tuple[float, float, float, float]
# Where a passage is in a text: (start, end) character indices, or None.
TextFinder = Callable[[str], tuple[int, int] | None]
_MIN_DPI, _MAX_DPI = 70, 1200


def usable(text: str) -> bool:
    """Whether a page's text layer is its text (else it is a scan, perhaps stamped)."""
    body = text.strip()
    if len(_ALNUM.findall(body)) < MIN_TEXT_CHARS:
        return False
    return len(_GARBAGE.findall(body)) <= MAX_GARBAGE_SHARE * len(body)


def clean(text: str) -> str:
    """PDFium ends lines with CRLF and pads some with spaces."""
    lines = (line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(lines).strip()


class DocumentFile:
    """An opened document: `text(i)` for a PDF page's text layer ("" for an image), and
    `image(i)` to OCR it. Pages count from 0 here, from 1 everywhere else."""

    def __init__(self, data: bytes, media_type: str) -> None:
        self.data = data
        self.media_type = media_type
        self._pdf: pdfium.PdfDocument | None = load_pdf(data) if media_type == PDF else None

    def __enter__(self) -> DocumentFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._pdf is not None:
            with PDFIUM:
                self._pdf.close()
            self._pdf = None

    def text(self, index: int) -> str:
        if self._pdf is None:
            return ""
        with PDFIUM:
            page = self._pdf[index]
            try:
                textpage: Any = page.get_textpage()
                try:
                    width: float = page.get_width()
                    return clean(page_lines(textpage.raw, width))
                finally:
                    textpage.close()
            finally:
                page.close()

    def image(self, index: int) -> PageImage:
        if self._pdf is None:
            return _image_frame(self.data, index)
        with PDFIUM:
            page: Any = self._pdf[index]  # pypdfium2's render is untyped
            try:
                bitmap: Any = page.render(scale=OCR_DPI / 72, grayscale=True)
                try:
                    width: int = bitmap.width
                    height: int = bitmap.height
                    stride: int = bitmap.stride
                    raw = bytes(bitmap.buffer)
                finally:
                    bitmap.close()
            finally:
                page.close()
        if stride != width:
            raw = b"".join(raw[row * stride : row * stride + width] for row in range(height))
        return PageImage(width, height, OCR_DPI, raw)

    def view(self, index: int, dpi: int) -> Image.Image:
        """Page `index` to look at, in colour: a PDF page at `dpi`, an image's frame as it
        is (upright, as the OCR read it, so its word boxes fit it)."""
        if self._pdf is None:
            with open_image(self.data) as image:
                image.seek(index)
                return ImageOps.exif_transpose(image.copy()).convert("RGB")
        with PDFIUM:
            page: Any = self._pdf[index]
            try:
                bitmap: Any = page.render(scale=dpi / 72)
                try:
                    picture: Image.Image = bitmap.to_pil().convert("RGB")
                finally:
                    bitmap.close()
            finally:
                page.close()
        return picture

    def text_rects(self, index: int, find: TextFinder) -> list[Rect]:
        """The rectangles (PDF points, origin at the page's top left) of the characters
        `find` picks in the page's raw text layer; [] for an image or no match."""
        if self._pdf is None:
            return []
        with PDFIUM:
            page: Any = self._pdf[index]
            try:
                height = float(page.get_height())
                textpage: Any = page.get_textpage()
                try:
                    raw = str(textpage.get_text_range())
                    span = find(raw)
                    if span is None or span[1] <= span[0]:
                        return []
                    count: int = textpage.count_rects(span[0], span[1] - span[0])
                    rects: list[Rect] = []
                    for i in range(count):
                        left, bottom, right, top = textpage.get_rect(i)
                        rects.append((left, height - top, right - left, top - bottom))
                    return rects
                finally:
                    textpage.close()
            finally:
                page.close()


def _image_frame(data: bytes, index: int) -> PageImage:
    with open_image(data) as image:
        image.seek(index)
        # A phone photo says which way up it was taken; the OCR needs it upright.
        frame = ImageOps.exif_transpose(image.copy()).convert("L")
        dpi = _dpi(image, frame.width)
        return PageImage(frame.width, frame.height, dpi, frame.tobytes())


def _dpi(image: Image.Image, width: int) -> int:
    declared = image.info.get("dpi")
    if isinstance(declared, tuple) and declared:
        first: object = declared[0]  # pyright: ignore[reportUnknownVariableType]
        if isinstance(first, int | float) and _MIN_DPI <= first <= _MAX_DPI:
            return round(first)
    return max(_MIN_DPI, min(_MAX_DPI, round(width / _PAGE_WIDTH_INCHES)))
