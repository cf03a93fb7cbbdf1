"""Model output on screen, rendered so that nothing in it can act (docs/security.md).

An answer is untrusted text: a model may repeat an injected note, or make up markup. So:
- `[`, `]`, `<`, `>` and `\\` are backslash-escaped before the markdown parser sees them,
  so no link, image, reference definition or autolink in angle brackets can form; the
  parser runs with `MarkdownDialectGitHub | MarkdownNoHTML`, so raw HTML stays text;
- after parsing, every anchor is removed (GitHub's bare `www.`/`http://` autolinks survive
  escaping) and any image character is deleted;
- only then are citation markers `[n]` for known sources turned into `cite:t:n` anchors
  (source n of answer t: every answer keeps its own numbers), the one kind of link that
  may exist;
- `SafeDocument` and `SafeBrowser` refuse every resource, so even a missed image could not
  fetch anything, and the browser never follows a link itself.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from ui.kit.bidi import first_strong, ltr_runs, rtl_typography, utf16_len

CITE_SCHEME = "cite"
MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)

_ESCAPABLE = re.compile(r"([\\\[\]<>])")
_ESCAPED = re.compile(r"\\([\\\[\]<>])")
# What the service leaves in an answer: `[1]` or `[1, 2]` (core/assistant/citations.py).
_MARKER = re.compile(r"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")
_NUMBER = re.compile(r"\d{1,3}")
_CITE_HREF = re.compile(r"cite:(\d{1,4}):(\d{1,3})")
_OBJECT_REPLACEMENT = "\ufffc"  # the character an image occupies in a document


def escape_markdown(text: str) -> str:
    """`text` with every character that could open a link, image or tag escaped."""
    return _ESCAPABLE.sub(r"\\\1", text)


def cite_href(turn: int, n: int) -> str:
    return f"{CITE_SCHEME}:{turn}:{n}"


def cite_target(url: QUrl | str) -> tuple[int, int] | None:
    """(answer, n) for an internal `cite:t:n` anchor; None for anything else, which must do
    nothing."""
    text = url.toString() if isinstance(url, QUrl) else url
    match = _CITE_HREF.fullmatch(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


class SafeDocument(QTextDocument):
    """A document that loads no resource at all. `requested` records what was asked for,
    so tests can prove no remote URL was ever tried."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        self.requested.append(name.toString())
        return None  # an invalid QVariant: nothing loaded, nothing drawn


class SafeBrowser(QTextBrowser):
    """A read-only view of rendered answers. Clicking a `cite:t:n` anchor emits
    `citation_clicked(t, n)`; every other click does nothing (the browser never
    navigates)."""

    citation_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.safe_document = SafeDocument(self)  # parented: the browser owns it
        self.setDocument(self.safe_document)
        self.anchorClicked.connect(self._on_anchor)

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 (Qt override)
        self.requested.append(name.toString())
        return None

    def _on_anchor(self, url: QUrl) -> None:
        target = cite_target(url)
        if target is not None:
            self.citation_clicked.emit(*target)


@dataclass(frozen=True)
class Part:
    """One piece of a transcript: an optional heading (trusted UI text), then `text`,
    untrusted markdown unless `plain`. Markers `[n]` for `citable` numbers become anchors
    to source n of answer `turn`;
    a `note` (trusted) follows in italics, e.g. to say that an answer was cancelled. An
    empty `text` adds no paragraph, so a note may stand alone under its heading."""

    text: str
    heading: str | None = None
    plain: bool = False
    citable: frozenset[int] = field(default_factory=frozenset)
    note: str | None = None
    turn: int = 0


def render_markdown(
    doc: QTextDocument,
    text: str,
    *,
    citable: Collection[int] = (),
    rtl: bool = False,
    turn: int = 0,
) -> None:
    """Replace `doc`'s content with untrusted `text` as inert markdown; its markers link to
    the sources of answer `turn`."""
    doc.setMarkdown(escape_markdown(text), MARKDOWN_FEATURES)
    _unescape_code(doc)
    _strip_active_content(doc)
    _link_citations(doc, frozenset(citable), turn)
    set_direction(doc, rtl=rtl)


def render_parts(doc: QTextDocument, parts: Sequence[Part], *, rtl: bool = False) -> list[int]:
    """Replace `doc`'s content with `parts`, each rendered on its own, so an unclosed code
    fence or emphasis in one answer cannot swallow the turns after it. Returns where each
    part begins in the document."""
    doc.clear()
    cursor = QTextCursor(doc)
    first = True
    starts: list[int] = []
    for part in parts:
        starts.append(cursor.position() + (0 if first else 1))  # after its block break
        if part.heading is not None:
            _plain_block(cursor, part.heading, first=first, bold=True)
            first = False
        # Doses and readings inside Hebrew lines keep their order ("400 mg", not "mg 400");
        # quotes and [n] read as Hebrew punctuation there.
        text = ltr_runs(rtl_typography(part.text))
        if text and part.plain:  # an empty text adds no empty paragraph
            _plain_block(cursor, text, first=first)
            first = False
        elif text:
            piece = SafeDocument()
            render_markdown(piece, text, citable=part.citable, turn=part.turn)
            if not first:
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            cursor.insertFragment(QTextDocumentFragment(piece))
            first = False
        if part.note is not None:
            _plain_block(cursor, part.note, first=first, italic=True)
            first = False
    # Fragments carry formats, never resources; checked again over the whole document.
    _strip_active_content(doc, keep_citations=True)
    set_direction(doc, rtl=rtl)
    return starts


def set_direction(doc: QTextDocument, *, rtl: bool) -> None:
    """Give every block the direction of its own text: a Hebrew answer reads right to left
    in the English UI, and an English question keeps its "?" at its end in the Hebrew UI.
    A block with no letters (a number, a date) takes the UI's direction (`rtl`). Set on each
    block, because a QTextBrowser keeps markdown left-aligned otherwise."""
    ui = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(first_strong(block.text()) or ui)
        cursor.setPosition(block.position())
        cursor.mergeBlockFormat(fmt)
        block = block.next()


# -- internals ---------------------------------------------------------------------------


def _fragments(doc: QTextDocument) -> Iterator[tuple[int, int, QTextCharFormat]]:
    """(position, length, char format) of each fragment, in document (UTF-16) units."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                yield fragment.position(), fragment.length(), fragment.charFormat()
            it += 1
        block = block.next()


def _is_anchor(fmt: QTextCharFormat) -> bool:
    return fmt.isAnchor() or bool(fmt.anchorHref()) or bool(fmt.anchorNames())


def _is_code(fmt: QTextCharFormat, block_fmt: QTextBlockFormat) -> bool:
    return (
        fmt.fontFixedPitch()
        or fmt.font().styleHint() == QFont.StyleHint.Monospace
        or block_fmt.hasProperty(QTextFormat.Property.BlockCodeFence)
        or block_fmt.hasProperty(QTextFormat.Property.BlockCodeLanguage)
    )


def _unescape_code(doc: QTextDocument) -> None:
    """Code keeps backslashes literally, so the escapes added above show there; remove
    exactly those (code cannot form links, so nothing is lost)."""
    cursor = QTextCursor(doc)
    edits: list[tuple[int, int, str, QTextCharFormat]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            text = fragment.text()
            if _is_code(fmt, block.blockFormat()) and _ESCAPED.search(text):
                edits.append((fragment.position(), fragment.length(), text, fmt))
            it += 1
        block = block.next()
    for position, length, text, fmt in reversed(edits):  # from the end: positions hold
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(_ESCAPED.sub(r"\1", text), fmt)


def _strip_active_content(doc: QTextDocument, *, keep_citations: bool = False) -> None:
    """Turn every anchor (but our own `cite:t:n`, when kept) into plain text, and delete
    every image character."""
    cursor = QTextCursor(doc)
    spans = list(_fragments(doc))
    for position, length, fmt in reversed(spans):
        end = position + length
        if fmt.isImageFormat():
            cursor.setPosition(position)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        elif _is_anchor(fmt) and not (keep_citations and cite_target(fmt.anchorHref())):
            plain = QTextCharFormat(fmt)
            plain.setAnchor(False)
            plain.setAnchorHref("")
            plain.setAnchorNames([])
            # Drop the link look too: text that looks clickable but is not misleads.
            plain.clearForeground()
            plain.setFontUnderline(False)
            cursor.setPosition(position)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(plain)
    # A stray object character without an image format draws nothing; remove it as well.
    found = doc.find(_OBJECT_REPLACEMENT)
    while not found.isNull():
        found.removeSelectedText()
        found = doc.find(_OBJECT_REPLACEMENT, found)


def _link_citations(doc: QTextDocument, citable: frozenset[int], turn: int) -> None:
    """Make each number of each `[n]` / `[n, m]` marker whose source exists an anchor."""
    if not citable:
        return
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        text = block.text()
        for marker in _MARKER.finditer(text):
            for number in _NUMBER.finditer(marker.group(1)):
                n = int(number.group())
                if n not in citable:
                    continue
                start = block.position() + utf16_len(text[: marker.start(1) + number.start()])
                cursor.setPosition(start)
                cursor.setPosition(start + len(number.group()), QTextCursor.MoveMode.KeepAnchor)
                if _is_code(cursor.charFormat(), block.blockFormat()):
                    continue  # `[2]` in code is code, not a citation
                fmt = QTextCharFormat()
                fmt.setAnchor(True)
                fmt.setAnchorHref(cite_href(turn, n))
                fmt.setFontUnderline(True)
                fmt.setForeground(Qt.GlobalColor.blue)
                cursor.mergeCharFormat(fmt)
        block = block.next()


def _plain_block(
    cursor: QTextCursor, text: str, *, first: bool, bold: bool = False, italic: bool = False
) -> None:
    """Insert `text` literally (never parsed) as a new paragraph."""
    fmt = QTextCharFormat()
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    if first:
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setCharFormat(fmt)
    else:
        cursor.insertBlock(QTextBlockFormat(), fmt)
    cursor.insertText(text, fmt)
