"""ui/assistant/safe_markdown.py: model output renders as inert text; only `cite:t:n` anchors
act."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qtdoc import fragments, hrefs, images

from ui.assistant.safe_markdown import (
    MARKDOWN_FEATURES,
    Part,
    SafeBrowser,
    SafeDocument,
    cite_target,
    escape_markdown,
    render_markdown,
    render_parts,
)

PAYLOADS = [
    "<img src=http://x/a.png>",
    "![x](http://127.0.0.1:1/a.png)",
    "[click](http://example.invalid)",
    "<script>alert(1)</script>",
    "[run](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "<http://autolink.invalid>",
    "see www.evil.invalid and http://bare.invalid/x",
    "[ref]\n\n[ref]: http://reference.invalid",
    '![x][img]\n\n[img]: http://127.0.0.1:1/b.png "t"',
    "[![x](http://127.0.0.1:1/c.png)](http://example.invalid)",
    "[cite](cite:0:1)",  # a model cannot forge an anchor of ours either
    "&lt;img src=http://x/d.png&gt; &#91;e&#93;(http://entity.invalid)",
    "\\[escaped\\](http://escaped.invalid) \\<img src=http://x/e.png\\>",
]


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> None:
    """Documents lay out text with fonts, which needs a running QGuiApplication."""


def laid_out(browser: SafeBrowser, qtbot: QtBot) -> None:
    """Show and paint the browser: images are only fetched when laid out or drawn."""
    qtbot.addWidget(browser)
    browser.resize(600, 400)
    browser.show()
    qtbot.waitExposed(browser)
    browser.document().size()
    browser.grab()


def test_the_checks_would_catch_an_unsafe_render() -> None:
    """Control: Qt's own markdown import makes a live link and fetches a remote image."""
    doc = SafeDocument()
    doc.setMarkdown("[click](http://example.invalid) ![x](http://127.0.0.1:1/a.png)")
    assert "http://example.invalid" in hrefs(doc)
    assert images(doc) == ["http://127.0.0.1:1/a.png"]
    doc.size()  # lay it out
    assert "http://127.0.0.1:1/a.png" in doc.requested


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_render_as_inert_text(payload: str, qtbot: QtBot) -> None:
    browser = SafeBrowser()
    doc = browser.document()
    assert isinstance(doc, SafeDocument)
    render_markdown(doc, f"Before [1]. {payload} After [2].", citable={1, 2})
    laid_out(browser, qtbot)

    assert hrefs(doc) == ["cite:0:1", "cite:0:2"]
    assert images(doc) == []
    assert doc.requested == [] and browser.requested == []
    text = doc.toPlainText()
    assert "Before [1]." in text and "After [2]." in text
    # What the model wrote stays readable: as text, not as markup.
    for visible in ("http://127.0.0.1:1/a.png", "<img src=http://x/a.png>", "<script>"):
        if visible in payload:
            assert visible in text


def test_markers_link_only_known_sources_and_never_in_code() -> None:
    doc = SafeDocument()
    render_markdown(doc, "One [1], two [2, 3], none [9], year [2024]. `a[1]`", citable={1, 2, 3})
    assert hrefs(doc) == ["cite:0:1", "cite:0:2", "cite:0:3"]
    linked = [text for _, text, fmt in fragments(doc) if fmt.isAnchor()]
    assert linked == ["1", "2", "3"]  # the numbers, not the brackets around them
    # Streaming (no sources yet) links nothing.
    render_markdown(doc, "One [1].")
    assert hrefs(doc) == []


def test_markdown_still_formats_and_code_shows_what_was_written() -> None:
    doc = SafeDocument()
    render_markdown(doc, "**Plan:** rest\n\n- ice\n- elevate\n\n`x[0] <b>`\n\n```\ny[1] <i>\n```")
    bold = [text for _, text, fmt in fragments(doc) if fmt.fontWeight() > 400]
    assert bold == ["Plan:"]
    assert doc.begin().next().textList() is not None  # a list
    text = doc.toPlainText()
    assert "x[0] <b>" in text and "y[1] <i>" in text
    assert "\\" not in text


def test_escape_markdown_escapes_every_opener() -> None:
    assert escape_markdown("![a](b) <c> \\") == "!\\[a\\](b) \\<c\\> \\\\"


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("cite:0:1", (0, 1)),
        ("cite:3:12", (3, 12)),
        ("cite:1", None),
        ("cite:0:1x", None),
        ("cite:", None),
        ("http://example.invalid", None),
        ("javascript:cite:0:1", None),
    ],
)
def test_cite_target(url: str, target: tuple[int, int] | None) -> None:
    assert cite_target(url) == target
    assert cite_target(QUrl(url)) == target


def _point_of(browser: SafeBrowser, text: str) -> QPoint:
    """The viewport point just inside the first character of `text`."""
    cursor = browser.document().find(text)
    assert not cursor.isNull(), text
    at = QTextCursor(browser.document())
    at.setPosition(cursor.selectionStart())
    rect = browser.cursorRect(at)
    return QPoint(rect.right() + 2, rect.center().y())


def test_only_citation_anchors_act_when_clicked(qtbot: QtBot) -> None:
    browser = SafeBrowser()
    render_markdown(
        browser.document(),
        "Cited [1]. Not a link: [click](http://example.invalid) www.evil.invalid",
        citable={1},
    )
    laid_out(browser, qtbot)
    clicked: list[tuple[int, int]] = []
    browser.citation_clicked.connect(lambda turn, n: clicked.append((turn, n)))

    point = _point_of(browser, "1]")
    assert browser.anchorAt(point) == "cite:0:1"
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked == [(0, 1)]

    for text in ("click", "www.evil.invalid"):
        point = _point_of(browser, text)
        assert browser.anchorAt(point) == ""
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    # Even a forged anchorClicked with another scheme does nothing; nothing navigated.
    browser.anchorClicked.emit(QUrl("http://example.invalid"))
    assert clicked == [(0, 1)]
    assert browser.source().isEmpty()
    assert browser.requested == [] and browser.document().requested == []


def test_hebrew_blocks_are_right_to_left() -> None:
    doc = SafeDocument()
    parts = [
        Part("מה התוכנית?", heading="אתה", plain=True),
        Part("**תוכנית:** תרגילים בבית [1].\n\n- קרח", heading="עוזר", citable=frozenset({1})),
    ]
    render_parts(doc, parts, rtl=True)
    block = doc.begin()
    directions = []
    while block.isValid():
        directions.append(block.blockFormat().layoutDirection())
        block = block.next()
    assert len(directions) >= 4
    assert set(directions) == {Qt.LayoutDirection.RightToLeft}
    assert hrefs(doc) == ["cite:0:1"]
    # Hebrew stays right to left in the English UI too: each block follows its own text.
    render_parts(doc, parts, rtl=False)
    assert doc.begin().blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_parts_are_isolated_and_headings_are_never_parsed() -> None:
    doc = SafeDocument()
    render_parts(
        doc,
        [
            Part("[not a link](http://x.invalid) **", heading="You", plain=True),
            Part("```\nan unclosed fence [1]", heading="Assistant", citable=frozenset({1})),
            Part("next answer [1]", heading="Assistant <b>", citable=frozenset({1}), note="Done"),
        ],
    )
    lines = doc.toPlainText().split("\n")
    assert lines[:2] == ["You", "[not a link](http://x.invalid) **"]
    assert "Assistant <b>" in lines and lines[-1] == "Done"
    # The fence of the second part ends with it: the third part's marker is a citation,
    # the one inside the fence is not.
    assert hrefs(doc) == ["cite:0:1"]
    assert images(doc) == [] and doc.requested == []


def test_features_are_github_without_html() -> None:
    assert MARKDOWN_FEATURES & QTextDocument.MarkdownFeature.MarkdownNoHTML
    assert MARKDOWN_FEATURES & QTextDocument.MarkdownFeature.MarkdownDialectGitHub
