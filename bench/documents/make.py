"""The project's own document generator (issue 30): text PDFs written with PDFium
(pypdfium2), scans made from them by rendering a page and degrading it (resolution,
rotation, noise, blur) with Pillow, and the malformed files an attach must refuse.

Nothing here is real patient data. Hebrew needs a TrueType font with Hebrew glyphs
(DejaVu Sans, Debian's fonts-dejavu-core); `hebrew_font()` finds one or returns None."""

from __future__ import annotations

import ctypes
import io
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # pyright: ignore[reportMissingTypeStubs]
import pypdfium2.raw as pdfium_c  # pyright: ignore[reportMissingTypeStubs]
from PIL import Image, ImageFilter

from bench.documents.bidi import rtl, visual

A4 = (595.0, 842.0)  # points
FONT_SIZE = 12.0
LINE_HEIGHT = 18.0
MARGIN = 60.0
_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/freefont/FreeSans.ttf"),
)


def hebrew_font() -> Path | None:
    return next((f for f in _FONTS if f.is_file()), None)


def _utf16(text: str) -> Any:
    raw = (text + "\0").encode("utf-16-le")
    return (ctypes.c_ushort * (len(raw) // 2)).from_buffer_copy(raw)


@dataclass(frozen=True)
class Layout:
    """How a page is set: type size, leading, margin, and where a table row's cells start
    (points from the left margin; a row is a tuple of cells)."""

    font_size: float = FONT_SIZE
    line_height: float = LINE_HEIGHT
    margin: float = MARGIN
    columns: tuple[float, ...] = (0.0, 150.0, 230.0, 310.0)


Line = str | tuple[str, ...]


def line_text(line: Line) -> str:
    """A line as it reads: a table row's cells one after the other."""
    return line if isinstance(line, str) else " ".join(line)


def text_pdf(
    pages: list[list[str]] | list[list[Line]], font: Path | None = None, layout: Layout = Layout()
) -> bytes:
    """A PDF with a text layer: each page its lines, top to bottom (a tuple is a table row,
    its cells in columns). Standard Helvetica without `font` (Latin-1 only); with it, the
    font embedded (Hebrew needs one)."""
    pdf = pdfium.PdfDocument.new()
    font_handle: Any = None
    keep: Any = None
    if font is not None:
        data = font.read_bytes()
        keep = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        font_handle = pdfium_c.FPDFText_LoadFont(
            pdf, keep, len(data), pdfium_c.FPDF_FONT_TRUETYPE, True
        )
    size, margin = layout.font_size, layout.margin

    def draw(page: Any, text: str, x: float, y: float, right: bool) -> None:
        if font_handle is not None:
            obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf, font_handle, size)
        else:
            obj = pdfium_c.FPDFPageObj_NewTextObj(pdf, b"Helvetica", size)
        pdfium_c.FPDFText_SetText(obj, _utf16(visual(text)))
        if right:  # right-aligned, as a Hebrew letter is set
            x = A4[0] - x - _width(obj)
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)

    for lines in pages:
        page: Any = pdf.new_page(*A4)
        y = A4[1] - margin
        for line in lines:
            if isinstance(line, str):
                draw(page, line, margin, y, rtl(line))
            else:  # a table row: right to left when its first cell is Hebrew
                right = rtl(line[0])
                for cell, offset in zip(line, layout.columns, strict=False):
                    draw(page, cell, margin + offset, y, right)
            y -= layout.line_height
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    del keep  # the font's bytes had to live until the document was saved
    return out.getvalue()


def _width(obj: Any) -> float:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    )
    return float(right.value - left.value)


@dataclass(frozen=True)
class Degrade:
    """How a scan is spoilt: its resolution, a rotation, speckle noise and blur."""

    dpi: int = 300
    rotate: float = 0.0  # degrees
    noise: float = 0.0  # share of pixels flipped to a random grey
    blur: float = 0.0  # Gaussian radius in pixels
    seed: int = 0


def scan(pdf: bytes, index: int = 0, how: Degrade = Degrade()) -> Image.Image:
    """Page `index` of `pdf` as a scanner would give it back: greyscale pixels only."""
    doc = pdfium.PdfDocument(pdf)
    try:
        page: Any = doc[index]
        bitmap: Any = page.render(scale=how.dpi / 72, grayscale=True)
        image: Image.Image = bitmap.to_pil().convert("L")
        page.close()
    finally:
        doc.close()
    if how.rotate:
        image = image.rotate(
            how.rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
        )
    if how.noise:
        rng = random.Random(how.seed)
        pixels = image.load()
        assert pixels is not None
        w, h = image.size
        for _ in range(int(w * h * how.noise)):
            pixels[rng.randrange(w), rng.randrange(h)] = rng.randrange(256)
    if how.blur:
        image = image.filter(ImageFilter.GaussianBlur(how.blur))
    image.info["dpi"] = (how.dpi, how.dpi)
    return image


def image_bytes(image: Image.Image, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    dpi = image.info.get("dpi", (300, 300))
    image.save(out, format=fmt, dpi=dpi)
    return out.getvalue()


def tiff(images: list[Image.Image]) -> bytes:
    """A multi-page TIFF, as a fax or a scanner's batch arrives."""
    out = io.BytesIO()
    dpi = images[0].info.get("dpi", (300, 300))
    images[0].save(
        out,
        format="TIFF",
        save_all=True,
        append_images=images[1:],
        dpi=dpi,
        compression="tiff_deflate",
    )
    return out.getvalue()


def image_pdf(images: list[Image.Image]) -> bytes:
    """A PDF of page images and no text layer: what a scanner writes."""
    pdf = pdfium.PdfDocument.new()
    for image in images:
        dpi = float(image.info.get("dpi", (300, 300))[0])
        w, h = image.width * 72 / dpi, image.height * 72 / dpi
        page: Any = pdf.new_page(w, h)
        obj: Any = pdfium.PdfImage.new(pdf)
        jpeg = io.BytesIO()
        image.convert("L").save(jpeg, format="JPEG", quality=90)
        jpeg.seek(0)
        obj.load_jpeg(jpeg, inline=True)
        obj.set_matrix(pdfium.PdfMatrix().scale(w, h))
        page.insert_obj(obj)
        page.gen_content()
        page.close()
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets: list[int] = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def empty_pdf() -> bytes:
    """A well-formed PDF with no pages."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def password_pdf() -> bytes:
    """A PDF under the standard security handler whose user password is not empty: a
    reader must be given the password to open it."""
    ident = os.urandom(16).hex().encode()
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>"
            % (os.urandom(32).hex().encode(), os.urandom(32).hex().encode()),
        ],
        b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (ident, ident),
    )
