"""A PDF page's text layer as lines in reading order.

PDFium gives the characters with their boxes and breaks them into lines, but a line with
Hebrew comes back in an order of its own ("(145 - 135 תקין (mmol/L 145 נתרן"). Such a
line is rebuilt from where its characters stand: sorted left to right, spaces put where
the glyphs leave a word's gap, cut into cells where they leave a column's gap, and each
cell put in reading order by core/documents/bidi.py, the cells right to left in a
right-to-left row. A line without right-to-left text is PDFium's, as it was."""

from __future__ import annotations

import ctypes
import statistics
import unicodedata
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c  # pyright: ignore[reportMissingTypeStubs]

from core.documents import bidi

# Gaps between glyphs' advance boxes, in line heights: a word's space (about 0.3 em,
# 0.25 of a loose box's height) and a table column's (Hebrew cells right-aligned in
# columns 80 points apart leave 20 points, 1.4 line heights, beside a long name).
_WORD_GAP = 0.1
_CELL_GAP = 1.2


@dataclass(frozen=True)
class Glyph:
    """A character and its combining marks, and its advance box in page points."""

    text: str
    left: float
    right: float
    height: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


def page_lines(textpage: Any, page_width: float) -> str:
    """The page's text, a line a row, in reading order."""
    count: int = pdfium_c.FPDFText_CountChars(textpage)
    text = _chars(textpage, count)
    lines: list[str] = []
    start = 0
    for i in range(count + 1):
        if i == count or text[i] == "\n":
            end = i - 1 if i and text[i - 1] == "\r" else i
            lines.append(_line(textpage, text, start, end, page_width))
            start = i + 1
    return "\n".join(line.rstrip() for line in lines).strip()


def _chars(textpage: Any, count: int) -> str:
    """One character a PDFium index (a character beyond 16 bits stands as one)."""
    out: list[str] = []
    for i in range(count):
        code: int = pdfium_c.FPDFText_GetUnicode(textpage, i)
        out.append(chr(code) if 0 < code < 0x110000 else "\ufffd")
    return "".join(out)


def _line(textpage: Any, text: str, start: int, end: int, page_width: float) -> str:
    raw = text[start:end]
    if not bidi.has_rtl(raw):
        return raw
    glyphs = _glyphs(textpage, text, start, end)
    if not glyphs:
        return raw
    return reading_order(glyphs, page_width)


def _glyphs(textpage: Any, text: str, start: int, end: int) -> list[Glyph]:
    """The line's drawn characters, marks joined to the letter before them; PDFium's
    generated spaces are dropped (gaps say where they go)."""
    glyphs: list[Glyph] = []
    box = pdfium_c.FS_RECTF()
    for i in range(start, end):
        c = text[i]
        if pdfium_c.FPDFText_IsGenerated(textpage, i) == 1:
            continue
        if unicodedata.combining(c) and glyphs:
            last = glyphs[-1]
            glyphs[-1] = Glyph(last.text + c, last.left, last.right, last.height)
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(box)):
            continue
        glyphs.append(Glyph(c, box.left, box.right, abs(box.top - box.bottom)))
    return glyphs


def reading_order(glyphs: list[Glyph], page_width: float) -> str:
    """A line's glyphs (any order) as text: its cells, each in reading order."""
    glyphs = sorted(glyphs, key=lambda g: g.centre)
    heights = [g.height for g in glyphs if g.height > 0]
    em = statistics.median(heights) if heights else 10.0
    cells: list[list[str]] = [[]]
    prev: Glyph | None = None
    for g in glyphs:
        if prev is not None:
            gap = g.left - prev.right
            if gap > _CELL_GAP * em:
                cells.append([])
            elif gap > _WORD_GAP * em and not g.text.isspace() and not prev.text.isspace():
                cells[-1].append(" ")
        cells[-1].append(g.text)
        prev = g
    cells = [_trim(c) for c in cells]
    cells = [c for c in cells if c]
    left, right = glyphs[0].left, page_width - glyphs[-1].right
    aligned = None if abs(left - right) < em else right < left
    flat = [c for cell in cells for c in cell]
    rtl = bidi.direction(flat, aligned)
    read = [bidi.reorder(cell, _cell_direction(cell, aligned, rtl)) for cell in cells]
    # NFC: PDFium gives a letter's points in an order of its own (shin dot before qamats).
    return unicodedata.normalize("NFC", brackets(" ".join(reversed(read) if rtl else read)))


_OPEN, _CLOSE = "([{<", ")]}>"


def brackets(line: str) -> str:
    """Each bracket turned by where it stands: one that opens a word opens, one that ends
    a word closes. PDFium mirrors the brackets of what it takes for a right-to-left run,
    by a bidi analysis of its own, so the character it gives says nothing of the glyph
    drawn (in "(תקין 135 - 145)" it turned one bracket of the two)."""
    out = list(line)
    for i, c in enumerate(line):
        pair = _OPEN.find(c) if c in _OPEN else _CLOSE.find(c)
        if pair < 0:
            continue
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if (before.isspace() or before in _OPEN) and not after.isspace():
            out[i] = _OPEN[pair]
        elif not before.isspace() and (after.isspace() or after in _CLOSE + ".,;:!?"):
            out[i] = _CLOSE[pair]
    return "".join(out)


def _cell_direction(cell: list[str], aligned: bool | None, line_rtl: bool | None) -> bool:
    own = bidi.direction(cell, aligned if aligned is not None else line_rtl)
    return bool(own)  # a cell of numbers alone reads left to right (UAX #9, P3)


def _trim(cell: list[str]) -> list[str]:
    while cell and cell[0].isspace():
        cell = cell[1:]
    while cell and cell[-1].isspace():
        cell = cell[:-1]
    return cell
