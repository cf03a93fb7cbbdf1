"""A page to look at: rendered in memory as a PNG, with the cited
passage found in its text and boxed on the picture. A page read by OCR boxes the words the
OCR read there; a page with a text layer boxes PDFium's rectangles for the passage's
characters. Neither the picture nor the text is ever written to disk."""

from __future__ import annotations

import io
import re

from PIL import Image

from core.documents.pages import DocumentFile, Rect
from core.documents.types import OCR_DPI, Box, DocumentInfo, DocumentPage, OcrWord, PageView

VIEW_DPI = 110  # a PDF page about as wide as the window's page view
MAX_VIEW_WIDTH = 1400  # a photo of a page is shrunk to this; its boxes with it
_ELLIPSIS = re.compile(r"…|\.{3}")


def find_passage(text: str, passage: str) -> tuple[int, int] | None:
    """Where `passage` (a search snippet, perhaps cut with "…" at either end) is in `text`:
    the longest fragment between ellipses that occurs, case-insensitively, any run of
    whitespace matching any other."""
    fragments = sorted(_ELLIPSIS.split(passage), key=lambda f: len(f.strip()), reverse=True)
    for fragment in fragments:
        words = fragment.split()
        if not words:
            continue
        found = re.search(r"\s+".join(re.escape(w) for w in words), text, re.IGNORECASE)
        if found is not None:
            return found.span()
    return None


def page_view(
    info: DocumentInfo, page: DocumentPage, data: bytes, media_type: str, passage: str = ""
) -> PageView:
    with DocumentFile(data, media_type) as file:
        picture = file.view(page.page - 1, VIEW_DPI)
        scale = 1.0
        if media_type != "application/pdf" and picture.width > MAX_VIEW_WIDTH:
            scale = MAX_VIEW_WIDTH / picture.width
            picture = picture.resize(
                (MAX_VIEW_WIDTH, max(1, round(picture.height * scale))), Image.Resampling.LANCZOS
            )
        span = find_passage(page.text, passage) if passage.strip() else None
        boxes: tuple[Box, ...] = ()
        words: tuple[str, ...] = ()
        if span is not None and page.source == "ocr":
            # OCR boxes are in the pixels the OCR read: a PDF page at OCR_DPI, an image as is.
            ocr_scale = VIEW_DPI / OCR_DPI if media_type == "application/pdf" else scale
            hit = words_in(page.text, page.words, span)
            boxes = tuple(_scaled(w, ocr_scale) for w in hit)
            words = tuple(w.text for w in hit)
        elif span is not None and page.source == "text":
            wanted = page.text[span[0] : span[1]]
            rects = file.text_rects(page.page - 1, lambda raw: find_passage(raw, wanted))
            boxes = tuple(_from_points(r) for r in rects)
            words = tuple(wanted.split()) if boxes else ()
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return PageView(info, page, out.getvalue(), picture.width, picture.height, span, boxes, words)


def words_in(text: str, words: tuple[OcrWord, ...], span: tuple[int, int]) -> list[OcrWord]:
    """The OCR words whose characters fall in `span` of `text`. The OCR's text is its words
    in order (models/ocr.py), so each is found after the one before it."""
    out: list[OcrWord] = []
    at = 0
    for word in words:
        start = text.find(word.text, at)
        if start < 0:
            continue
        end = start + len(word.text)
        at = end
        if start < span[1] and end > span[0]:
            out.append(word)
    return out


def _scaled(word: OcrWord, scale: float) -> Box:
    return Box(
        round(word.left * scale),
        round(word.top * scale),
        max(1, round(word.width * scale)),
        max(1, round(word.height * scale)),
    )


def _from_points(rect: Rect) -> Box:
    scale = VIEW_DPI / 72
    left, top, width, height = rect
    return Box(
        round(left * scale),
        round(top * scale),
        max(1, round(width * scale)),
        max(1, round(height * scale)),
    )
