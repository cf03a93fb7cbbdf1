"""A search result's line: the part of the note around the match, with the matched words
marked, cut to what the row can show.

Core's snippet starts a quarter of the way before the first match and may run past the
row's end; the row shows the match in its middle instead, from the whole chunk.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from ui.bidi import LRI, PDI, IsolatingDelegate, first_strong, ltr_spans

ELLIPSIS = "…"
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 7  # (whole text, query) of a result's snippet
# Black on pale yellow, bold: 4.5:1 and more on a selected row as on a plain one.
MATCH_STYLE = "font-weight:bold; color:#000000; background-color:#fff176;"
# One-letter Hebrew prefixes (and, the, in, as, to, from, that) come before a word: a
# search for "כאב" finds "והכאב".
_HEBREW_PREFIXES = "והבכלמש"
_WORD = re.compile(r"\w+")


def _terms(query: str) -> list[str]:
    words = {w.casefold() for w in _WORD.findall(query) if len(w) >= 2}
    return sorted(words, key=len, reverse=True)  # the longest first where two overlap


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words start a word of `text` (case-insensitive), as sorted,
    non-overlapping (start, end) spans; a Hebrew prefix is left outside the span."""
    spans: list[tuple[int, int]] = []
    for term in _terms(query):
        pattern = rf"(?<!\w)[{_HEBREW_PREFIXES}]{{0,2}}?({re.escape(term)})"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            start, end = match.span(1)
            if all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
    return sorted(spans)


def centred(text: str, query: str, chars: int) -> tuple[str, list[tuple[int, int]]]:
    """`text` folded to one line and cut to about `chars` characters with its first match
    in the middle, "…" marking the cuts; and the spans of the matches in what is shown."""
    line = " ".join(text.split())
    spans = match_spans(line, query)
    if len(line) <= chars:
        return line, spans
    centre = (spans[0][0] + spans[0][1]) // 2 if spans else 0
    start = max(0, min(centre - chars // 2, len(line) - chars))
    end = min(len(line), start + chars)
    # Whole words at the edges read better than cut ones.
    if start > 0:
        space = line.find(" ", start, spans[0][0] if spans else end)
        start = space + 1 if space >= 0 else start
    if end < len(line):
        space = line.rfind(" ", spans[0][1] if spans else start, end)
        end = space if space > start else end
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(line) else ""
    shift = len(lead) - start
    shown = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return lead + line[start:end] + tail, shown


def marked_html(text: str, spans: list[tuple[int, int]], style: str) -> str:
    """`text` as escaped HTML with each span in a <span style=…>, and its left-to-right
    values isolated (ui.bidi.ltr_spans; a mark may fall inside one)."""
    opens = {start for start, _ in spans}
    closes = {end for _, end in spans}
    values = ltr_spans(text)
    lri, pdi = {start for start, _ in values}, {end for _, end in values}
    out: list[str] = []
    for i in range(len(text) + 1):
        out += ["</span>"] * (i in closes) + [PDI] * (i in pdi) + [LRI] * (i in lri)
        out += [f'<span style="{style}">'] * (i in opens)
        out += [html.escape(text[i])] if i < len(text) else []
    return "".join(out)


class SnippetDelegate(IsolatingDelegate):
    """Paints a result's snippet centred on its match, the matched words marked, cut to the
    column's width as it is now. The item holds the whole text and the query
    (`SOURCE_ROLE`); its display text is what a reader (and a screen reader) is given."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        source = index.data(SOURCE_ROLE)
        if not source:
            super().paint(painter, option, index)
            return
        text, query = source
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        shown, spans = centred(text, query, fitting_chars(opt.fontMetrics, rect.width()))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        direction = first_strong(shown) or opt.direction
        text_option = QTextOption()
        text_option.setTextDirection(direction)
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        text_option.setAlignment(
            Qt.AlignmentFlag.AlignRight
            if direction == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        doc.setDefaultTextOption(text_option)
        doc.setTextWidth(rect.width())
        colour = opt.palette.color(role).name()
        doc.setHtml(f'<span style="color:{colour}">{marked_html(shown, spans, MATCH_STYLE)}</span>')
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        doc.drawContents(painter)
        painter.restore()


def fitting_chars(metrics: QFontMetrics, width: int) -> int:
    """About how many characters of running text fit in `width` pixels."""
    return max(20, int(width / max(1, metrics.averageCharWidth())) - 2)
