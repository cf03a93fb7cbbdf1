"""A search result's line: the part of the note around its match, the matched words marked,
cut at whole words to what the row has room for (ui/notes/snippet_text.py chooses the part).

The part is measured as it is painted, not guessed from an average letter: a line wider
than its cell would lose its start in a right-to-left row (its end in a left-to-right one),
and with it the match.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from ui.kit.bidi import FSI, LRI, PDI, RLM, IsolatingDelegate, first_strong, ltr_spans
from ui.notes.snippet_text import Span, shown

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 7  # the `Snippet` of a result's row
RLI = "\u2067"  # right-to-left isolate
# Black on pale yellow, bold: 4.5:1 and more on a selected row as on a plain one.
MATCH_STYLE = "font-weight:bold; color:#000000; background-color:#fff176;"
# Narrower than this, a row shows its match's words alone.
MIN_CHARS = 12


@dataclass(frozen=True)
class Snippet:
    """What a result's row shows: the note on one line, where the query's words are in it,
    and, for a note found by its meaning alone, what is said before it."""

    line: str
    spans: tuple[Span, ...]
    lead: str = ""


def marked_html(text: str, spans: list[Span], style: str, rtl: bool = False) -> str:
    """`text` as escaped HTML with each span in a <span style=…>, and its left-to-right
    values isolated (ui.kit.bidi.ltr_spans; a mark may fall inside one). `rtl`: `text`
    is cut from a right-to-left line, whatever its own first letter."""
    opens = {start for start, _ in spans}
    closes = {end for _, end in spans}
    # ltr_spans isolates only in a line whose first letter reads right to left, and a part
    # of a Hebrew note may start at an English word ("…128/82 mmHg, חום"): a right-to-left
    # mark in front makes it such a line without moving its values.
    values = [(s - 1, e - 1) for s, e in ltr_spans(RLM + text)] if rtl else ltr_spans(text)
    lri, pdi = {start for start, _ in values}, {end for _, end in values}
    out: list[str] = []
    for i in range(len(text) + 1):
        out += ["</span>"] * (i in closes) + [PDI] * (i in pdi) + [LRI] * (i in lri)
        out += [f'<span style="{style}">'] * (i in opens)
        out += [html.escape(text[i])] if i < len(text) else []
    return "".join(out)


def fitting_chars(metrics: QFontMetrics, width: int) -> int:
    """About how many characters of running text fit in `width` pixels (a first guess that
    `fitted` then measures)."""
    return max(MIN_CHARS, int(width / max(1, metrics.averageCharWidth())) - 2)


def fitted(
    snippet: Snippet,
    font: QFont,
    width: int,
    direction: Qt.LayoutDirection,
    colour: str = "#000000",
) -> tuple[str, QTextDocument]:
    """The text a cell `width` pixels wide shows of `snippet`, and its document, laid out
    in `font` as it is painted (the matches bold): the most of the note that fits."""
    chars = fitting_chars(QFontMetrics(font), width)
    text, doc = _document(snippet, chars, font, direction, colour)
    # The guess counts average letters; digits, capitals and bold marks are wider. Each try
    # scales the count by how far the last one overflowed, so two or three tries do.
    while doc.idealWidth() > width and chars > MIN_CHARS:
        chars = max(MIN_CHARS, min(chars - 1, int(chars * width / doc.idealWidth())))
        text, doc = _document(snippet, chars, font, direction, colour)
    return text, doc


def _document(
    snippet: Snippet, chars: int, font: QFont, direction: Qt.LayoutDirection, colour: str
) -> tuple[str, QTextDocument]:
    part, spans = shown(snippet.line, snippet.spans, chars - len(snippet.lead))
    # The whole note's direction, not the part's: a part cut from a Hebrew note may start
    # at an English word or a unit ("…128/82 mmHg, חום…"), and as a left-to-right line it
    # would sit at its cell's left edge, a gap at the right where the Hebrew starts, its
    # first words at the left, read last.
    note = first_strong(snippet.line)
    rtl = note == Qt.LayoutDirection.RightToLeft
    body = marked_html(part, spans, MATCH_STYLE, rtl)
    text = part
    if snippet.lead:
        # The note's words in their own direction after the window's own words.
        isolate = FSI if note is None else RLI if rtl else LRI
        body = f"<i>{html.escape(snippet.lead)}</i> {isolate}{body}{PDI}"
        text = f"{snippet.lead} {part}"
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    # With the lead, the row reads in the window's direction; without, in the note's.
    paragraph = direction if snippet.lead else note or direction
    option = QTextOption()
    option.setTextDirection(paragraph)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    # At the text's own start: the right edge of a right-to-left line. (AlignRight there
    # means the left edge, where a line too long for its cell kept its end and lost its
    # start, the match with it.)
    option.setAlignment(Qt.AlignmentFlag.AlignLeading)
    doc.setDefaultTextOption(option)
    doc.setHtml(f'<span style="color:{colour}">{body}</span>')
    return text, doc


class SnippetDelegate(IsolatingDelegate):
    """Paints a result's snippet centred on its match, the matched words marked, cut to the
    column's width as it is now. The item holds its `Snippet` (`SOURCE_ROLE`); its
    display text is what a reader (and a screen reader) is given."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        snippet = index.data(SOURCE_ROLE)
        if not isinstance(snippet, Snippet):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = opt.palette.color(role).name()
        _text, doc = fitted(snippet, opt.font, rect.width(), opt.direction, colour)
        doc.setTextWidth(rect.width())
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        doc.drawContents(painter)
        painter.restore()
