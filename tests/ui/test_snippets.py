"""A search result's line (issue 28, point 6): where the query's words are in a note, the
part of the note around them cut at whole words, and that part as it is painted, in
English and in Hebrew.

The cutting is plain text (ui/notes/snippet_text.py), held to properties over generated notes;
the painting is checked on the QTextDocument the delegate draws, laid out by Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QTextDocument
from PySide6.QtWidgets import QApplication

from ui.kit.bidi import first_strong
from ui.notes.snippet_text import (
    ELLIPSIS,
    anchor,
    match_spans,
    one_line,
    other_names,
    query_terms,
    shown,
    window,
)
from ui.notes.snippets import Snippet, fitted

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
LIPIDS = (
    "Lipid panel. Cholesterol total: 190 mg/dL. Triglycerides: 120 mg/dL. Glucose 5.4 mmol/L "
    "fasting. LDL cholesterol: 105.1 mg/dL. HDL cholesterol: 63.3 mg/dL. Repeat in a year."
)
# A Hebrew note whose match is far from its start, with readings in it.
HEBREW = (
    "המטופלת מדווחת על שינה טובה יותר ועל תיאבון תקין. סימנים חיוניים: דופק 70.7 /min, "
    "לחץ דם 128/82 mmHg, חום 36.8. והכאב בברך השמאלית פחת מאוד לאחר הפיזיותרפיה."
)
# A Hebrew note with English before its match: a row cut from it often starts at an
# English word, and still reads right to left.
MIXED_HE = (
    "סיכום הביקור. Plan: home exercise program twice daily, ice after walks, review "
    "BP 128/82 mmHg at next visit. והכאב בברך השמאלית פחת מאוד לאחר הפיזיותרפיה."
)
# The fonts the tests ship (Noto Sans and Noto Sans Hebrew, as on a desktop with
# fonts-noto-core); DejaVu Sans is Debian's own default and is used where it is installed.
SHIPPED_FONTS = Path(__file__).resolve().parent / "desktop" / "fonts"

WORDS = st.text(alphabet="abcXYZ0123456789.,/:אבגדה", min_size=1, max_size=9)
# Words that end in a digit or start a unit: where the number-and-unit rule bites.
UNITS = st.sampled_from(["70.7", "/min", "mg", "400", "%", "ימים", "3", "mg/dL", "°C"])
LINES = st.lists(st.one_of(WORDS, UNITS), min_size=1, max_size=40).map(" ".join)


def _text_of(line: str, span: tuple[int, int]) -> str:
    return line[span[0] : span[1]]


# -- which words are the match --------------------------------------------------------------


def test_english_words_match_in_any_case_at_the_start_of_a_word() -> None:
    line = "LDL cholesterol 105; ldl-C noted; no HDL; Inhalers kept; an old mainhaler"
    assert [_text_of(line, s) for s in match_spans(line, "ldl")] == ["LDL", "ldl"]
    # At a word's start, any ending ("inhal" marks "Inhal" of "Inhalers"), never inside one.
    assert [_text_of(line, s) for s in match_spans(line, "INHAL")] == ["Inhal"]


def test_hebrew_words_match_behind_their_one_letter_prefixes_on_either_side() -> None:
    line = "כאב בגב. והכאב בברך פחת; מכאבים אחרים; ובבית שקט"
    # The note's prefixes (ו ה מ, two at most) stay outside the mark.
    assert [_text_of(line, s) for s in match_spans(line, "כאב")] == ["כאב", "כאב", "כאב"]
    assert match_spans(line, "כאב")[1] == (line.index("והכאב") + 2, line.index("והכאב") + 5)
    # The query's own prefixes: "והכאב" finds "כאב" as "כאב" finds "והכאב".
    assert "כאב" in query_terms("והכאב") and "הכאב" in query_terms("והכאב")
    whole = line.index("והכאב")
    assert (whole, whole + len("והכאב")) in match_spans(line, "והכאב")
    assert _text_of(line, match_spans("כאב חזק", "והכאב")[0]) == "כאב"
    # A word keeps three letters: "בית" is not cut to "ית".
    assert "ית" not in query_terms("בבית") and "בית" in query_terms("בבית")


@given(
    prefix=st.text(alphabet="והבכלמש", max_size=2),
    word=st.text(alphabet="אבגדזחטיךנסעפצקרת", min_size=3, max_size=8),
    before=st.sampled_from(["", "סימנים: ", "Plan: "]),
)
def test_a_hebrew_word_is_found_behind_any_two_prefixes(
    prefix: str, word: str, before: str
) -> None:
    line = f"{before}{prefix}{word} נוסף"
    start = len(before) + len(prefix)
    assert (start, start + len(word)) in match_spans(line, word)


@given(word=st.from_regex(r"[a-z]{2,10}", fullmatch=True), upper=st.booleans())
def test_an_english_word_is_found_whatever_its_case(word: str, upper: bool) -> None:
    line = f"1: {word.upper() if upper else word.capitalize()}, 2"
    assert match_spans(line, word) == [(3, 3 + len(word))]


def test_a_note_found_by_an_abbreviation_shows_that_abbreviation() -> None:
    # The search finds "pulse" in "Heart rate" and "LDL" in an HDL line (one term, as
    # core.retrieval.synonyms has it): the row marks why.
    line = "Vital signs: Heart rate: 70.7 /min, RR 14"
    assert [_text_of(line, s) for s in match_spans(line, "pulse")] == ["Heart rate"]
    hdl = "HDL cholesterol: 63.3 mg/dL"
    assert [_text_of(hdl, s) for s in match_spans(hdl, "LDL")] == ["HDL", "cholesterol"]
    # The query's own words first: where "LDL" stands, HDL is not marked.
    assert [_text_of(LIPIDS, s) for s in match_spans(LIPIDS, "LDL")] == ["LDL"]
    # A lone letter is a name only for a term the query spells out.
    assert "k" in other_names("potassium") and "k" not in other_names("k")
    # Found by its meaning alone: nothing to mark, so the row can say so.
    assert match_spans("Walk daily.", "LDL") == []


def test_the_row_centres_on_the_place_with_the_most_of_the_query() -> None:
    spans = match_spans(LIPIDS, "LDL cholesterol")
    # Not the first "Cholesterol" (total), but "LDL cholesterol" together.
    assert _text_of(LIPIDS, anchor(LIPIDS, spans, 40)) == "LDL cholesterol"
    assert anchor("Walk daily.", [], 40) == (0, 0)


# -- the part of the note a row shows ---------------------------------------------------------


def _cut_points(line: str) -> tuple[set[int], set[int]]:
    """Where a shown part may start and end: at the line's ends, or at a space that is not
    between a number and its unit ("70.7 /min", "400 mg", "3 ימים")."""
    spaces = [
        i
        for i, ch in enumerate(line)
        if ch == " " and not (line[i - 1].isdigit() and re.match(r"[^\W\d_]|[/%°µ]", line[i + 1]))
    ]
    return {0, *(i + 1 for i in spaces)}, {len(line), *spaces}


@given(line=LINES, data=st.data(), chars=st.integers(min_value=0, max_value=80))
def test_the_part_shown_holds_the_match_and_is_cut_only_between_words(
    line: str, data: st.DataObject, chars: int
) -> None:
    line = one_line(line)
    assume(line)
    start = data.draw(st.integers(min_value=0, max_value=len(line) - 1))
    end = data.draw(st.integers(min_value=start, max_value=len(line)))
    left, right = window(line, (start, end), chars)
    n = len(line)
    assert left <= start and end <= right  # the match, whole
    # Cut only at a space, never inside a word or a number, nor between a number and its unit.
    starts, ends = _cut_points(line)
    assert left in starts and right in ends

    def width(a: int, b: int) -> int:  # an "…" for each cut end
        return b - a + (a > 0) + (b < n)

    if width(left, right) <= chars:
        # As much of the note as the room holds: one more word either side would not fit.
        wider_left = max((s for s in starts if s < left), default=None)
        wider_right = min((e for e in ends if e > right), default=None)
        assert wider_left is None or width(wider_left, right) > chars
        assert wider_right is None or width(left, wider_right) > chars
    else:
        # Wider than the room only when the match's own words are.
        assert left == max(s for s in starts if s <= start)
        assert right == min(e for e in ends if e >= end)


@given(line=LINES, chars=st.integers(min_value=0, max_value=80))
def test_an_ellipsis_marks_each_cut_end_and_only_a_cut_one(line: str, chars: int) -> None:
    line = one_line(line)
    assume(line)
    text, inside = shown(line, [(0, 1)], chars)
    left, right = window(line, (0, 1), chars)
    lead = ELLIPSIS if left > 0 else ""
    tail = ELLIPSIS if right < len(line) else ""
    assert text == lead + line[left:right] + tail
    assert inside == [(0, 1)]


def test_a_number_keeps_its_unit_however_narrow_the_row() -> None:
    line = "Vital signs: Heart rate 70.7 /min RR 14 /min"
    for chars in range(0, len(line) + 2):
        text, _ = shown(line, match_spans(line, "heart"), chars)
        assert "70.7" not in text or "70.7 /min" in text, text
        assert not re.search(r"\S…|…\S", text.replace("…", " … ").strip()), text


def test_the_match_is_in_the_middle_of_a_long_note() -> None:
    text, inside = shown(LIPIDS, match_spans(LIPIDS, "LDL"), 50)
    assert text.startswith(ELLIPSIS) and text.endswith(ELLIPSIS)
    [(start, end)] = inside
    assert text[start:end] == "LDL"
    assert 0.25 < start / len(text) < 0.75, text
    # A note found by meaning shows its start.
    assert shown("Walk daily. " * 10, [], 20)[0] == "Walk daily. Walk…"


# -- the part as it is painted ----------------------------------------------------------------


def _plain(doc: QTextDocument) -> str:
    return doc.toPlainText()


def _x(doc: QTextDocument, needle: str) -> float:
    """Where `needle`'s second character is on the painted line, in pixels from the cell's
    left edge (inside the word: at a change of direction, an edge has two places)."""
    doc.size()  # lays it out, as painting does
    block = doc.firstBlock()
    assert block.layout().lineCount() == 1  # one line per row, never wrapped
    line = block.layout().lineAt(0)
    x, _position = cast(tuple[float, int], line.cursorToX(block.text().index(needle) + 1))
    return x


def _font(qapp: QApplication) -> QFont:
    return qapp.font()


@pytest.fixture(params=["platform", "Noto Sans", "DejaVu Sans"])
def font(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QFont]:
    """A row's font: the platform's default sans-serif, whichever it is here; Noto Sans
    from the files the tests ship, a desktop's default sans-serif whose Hebrew comes from
    another font; DejaVu Sans, which has its own Hebrew, where it is installed."""
    family: str = request.param
    if family == "platform":
        yield QFont(qapp.font())
        return
    ids: list[int] = []
    if family == "Noto Sans":
        ids = [QFontDatabase.addApplicationFont(str(p)) for p in SHIPPED_FONTS.glob("*.ttf")]
        assert ids and all(i >= 0 for i in ids), f"the fonts shipped under {SHIPPED_FONTS}"
    elif family not in QFontDatabase.families():
        pytest.skip(f"{family} is not installed here")
    font = QFont(qapp.font())
    font.setFamilies([family, "Noto Sans Hebrew"] if ids else [family])
    assert QFontInfo(font).family() == family
    yield font
    for i in ids:
        QFontDatabase.removeApplicationFont(i)


def _flush_gap(doc: QTextDocument, width: int, rtl: bool) -> float:
    """How far the painted line starts from its cell's edge where the text starts: the
    right one for a Hebrew line, whichever way the window reads."""
    doc.setTextWidth(width)
    doc.size()  # lays it out, as painting does
    drawn = doc.firstBlock().layout().lineAt(0).naturalTextRect()
    return (width - drawn.right()) if rtl else drawn.left()


def test_a_painted_row_fits_its_cell_and_keeps_the_match_in_either_direction(
    font: QFont,
) -> None:
    """What issue 28 saw: a Hebrew row wider than its cell lost its start, and the match
    with it ("…: 105.1 mg/dL" with no "LDL"). Measured as painted, nothing is clipped, in
    the fonts a desktop may have."""
    for line, query, word in ((LIPIDS, "LDL", "LDL"), (one_line(HEBREW), "כאב", "כאב")):
        snippet = Snippet(line, tuple(match_spans(line, query)))
        for direction in (LTR, RTL):
            for width in (120, 200, 320, 480):
                text, doc = fitted(snippet, font, width, direction)
                assert doc.idealWidth() <= width, (text, width)
                assert word in text and word in _plain(doc)
                doc.setTextWidth(width)
                x = _x(doc, word)
                assert 0 <= x <= width, (text, x)
                # Flush with the cell's edge where the text starts: the right one for a
                # Hebrew line, whichever way the window reads.
                assert abs(_flush_gap(doc, width, line is not LIPIDS)) < 1, (text, width)


def test_a_row_cut_from_a_hebrew_note_reads_right_to_left_whatever_its_first_word(
    font: QFont,
) -> None:
    """A part of a Hebrew note that starts at an English word or a unit ("…128/82 mmHg,
    חום…", as Noto Sans cut it at 320 px) was laid out left to right: at its cell's left
    edge, 36 px short of the right one where the Hebrew starts, its first words at the
    left, read last. The note's direction holds for every part of it, at every width."""
    line = one_line(MIXED_HE)
    snippet = Snippet(line, tuple(match_spans(line, "כאב")))
    english_first = 0
    for direction in (LTR, RTL):
        for width in range(120, 601, 8):
            text, doc = fitted(snippet, font, width, direction)
            assert doc.firstBlock().textDirection() == RTL, text
            assert abs(_flush_gap(doc, width, rtl=True)) < 1, (text, width)
            first = text.lstrip(ELLIPSIS).split()[0]
            if first_strong(first) == LTR:
                english_first += 1
                # Read first: right of the Hebrew that follows it.
                assert _x(doc, first) > _x(doc, "והכאב"), text
            if "128/82 mmHg" in text:  # a reading keeps its number left of its unit
                assert _x(doc, "128/82") < _x(doc, "mmHg"), text
    assert english_first, "some width's part starts at an English word"


def test_a_reading_in_a_hebrew_row_keeps_its_unit_after_its_number(qapp: QApplication) -> None:
    """ "70.7 /min" in a Hebrew line showed as "/ 70.7" (issue 28, point 9): the number
    and its unit are one left-to-right value, the unit to its right."""
    line = one_line(HEBREW)
    snippet = Snippet(line, tuple(match_spans(line, "דופק")))
    text, doc = fitted(snippet, _font(qapp), 600, RTL)
    assert "70.7 /min" in text
    doc.setTextWidth(600)
    assert _x(doc, "70.7") < _x(doc, "/min")
    assert _x(doc, "/min") < _x(doc, "דופק")  # and the value left of the word before it


def test_a_row_found_by_meaning_says_so_before_the_note(qapp: QApplication) -> None:
    snippet = Snippet("Walk daily after meals.", (), "Related in meaning:")
    text, doc = fitted(snippet, _font(qapp), 400, LTR)
    assert text == "Related in meaning: Walk daily after meals."
    assert "Related in meaning:" in _plain(doc)
