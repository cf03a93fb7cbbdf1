"""A PDF's Hebrew lines put back in reading order (issue 30, point 5): the reordering of
core/documents/bidi.py against the project's generator's own bidi (bench/documents/bidi.py,
the order a word processor draws a line in), and the real PDFium text layer of PDFs the
generator writes."""

from __future__ import annotations

import pypdfium2 as pdfium  # pyright: ignore[reportMissingTypeStubs]
from hypothesis import given
from hypothesis import strategies as st

from bench.documents import make
from bench.documents.bidi import visual
from core.documents.bidi import direction, is_unit, reorder
from core.documents.pages import DocumentFile, clean
from core.documents.textlayer import brackets

LETTERS = "אבגדהוזחטיכךלמםנןסעפףצץקרשת"
hebrew_word = st.text(alphabet=LETTERS, min_size=1, max_size=8)
latin_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1)
number = st.builds(
    lambda a, b: f"{a}.{b}" if b is not None else str(a),
    st.integers(0, 99999),
    st.none() | st.integers(0, 99),
)
date = st.builds(
    lambda d, m, y: f"{d:02d}/{m:02d}/{y}",
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(2000, 2030),
)
# A word then a number ("Naproxen 500"). Not a lab unit then a number ("kg 0"): drawn exactly
# as "0 kg" is, and read so by design (`test_a_value_before_its_unit_in_hebrew_reads_so`).
word_then_number = st.builds("{} {}".format, latin_word.filter(lambda w: not is_unit(w)), number)
ltr_token = st.one_of(number, date, latin_word, word_then_number)
punct = st.sampled_from(["", ":", ".", ","])


def _read(line: str) -> str:
    """A line as a word processor draws it, read back."""
    drawn = list(visual(line))
    return reorder(drawn, bool(direction(drawn, None)))


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_an_english_line_is_left_as_it_is(line: str) -> None:
    chars = list(line)
    assert reorder(chars, bool(direction(chars, None))) == line
    assert reorder(chars, False) == line


@given(st.lists(st.tuples(hebrew_word, punct), min_size=1, max_size=8))
def test_a_hebrew_line_reads_in_its_order(words: list[tuple[str, str]]) -> None:
    line = " ".join(w + p for w, p in words)
    assert _read(line) == line


@given(hebrew_word, st.lists(st.tuples(ltr_token, hebrew_word), min_size=1, max_size=5))
def test_numbers_and_latin_words_in_hebrew_keep_their_order(
    first: str, rest: list[tuple[str, str]]
) -> None:
    # Each left-to-right run between Hebrew words: the whole line comes back as written.
    line = first + "".join(f" {token} {word}" for token, word in rest)
    assert _read(line) == line


@given(hebrew_word, number, st.sampled_from(["mmol/L", "mg/dL", "g/dL", "10^3/uL", "mg", "%"]))
def test_a_value_before_its_unit_in_hebrew_reads_so(name: str, value: str, unit: str) -> None:
    line = f"{name} {value} {unit} (תקין 1 - 2)"
    assert _read(line) == line


def test_a_drug_and_its_dose_in_hebrew_read_in_order() -> None:
    # Drawn exactly as "145 mmol/L" is: rule W7 keeps a number after a drug's name.
    for line in ("טיפול קבוע: Naproxen 500 מג פעמיים ביום", "טיפול: Sertraline 50 mg פעם ביום"):
        assert _read(line) == line
    assert _read("ממצאים: בלט דיסק בגובה L4-L5 משמאל.") == "ממצאים: בלט דיסק בגובה L4-L5 משמאל."


def test_units_are_told_from_words() -> None:
    assert all(is_unit(u) for u in ["mmol/L", "mg/dL", "10^3/uL", "pg/mL", "mg", "mmHg"])
    assert not any(is_unit(w) for w in ["Naproxen", "L", "pain", "MRI", "L4-L5", "Sodium"])


def test_direction_where_the_ends_disagree_is_the_alignment() -> None:
    assert direction(list("Patient: ןהכ הנד"), False) is False
    assert direction(list("Sertraline :לופיט"), True) is True
    assert direction(list("ןהכ הנד"), None) is True
    assert direction(list("145 - 135"), True) is None


def test_a_bracket_is_turned_by_where_it_stands() -> None:
    assert brackets(")תקין 135 - 145(") == "(תקין 135 - 145)"
    assert brackets("(a) b") == "(a) b"


def _pdf_lines(lines: list[make.Line]) -> list[str]:
    pdf = make.text_pdf([lines], make.hebrew_font())
    with DocumentFile(pdf, "application/pdf") as file:
        return file.text(0).split("\n")


def test_a_hebrew_lab_page_reads_exactly() -> None:
    lines: list[make.Line] = [
        "תוצאות מעבדה - ספירת דם",
        "תאריך דגימה: 03/11/2024",
        "נתרן 145 mmol/L (תקין 135 - 145)",
        "תאים לבנים 7.4 10^3/uL (תקין 4.0 - 11.0)",
        "ויטמין בי 12 350 pg/mL (תקין 200 - 900)",
        ("נתרן", "145", "mmol/L", "135 - 145"),  # a right-to-left table row
        "טיפול: Sertraline 50 mg פעם ביום",
        "Patient: דנה כהן, age 54",  # left to right, set from the left
        "שָׁלוֹם רב",  # pointed
    ]
    assert _pdf_lines(lines) == [make.line_text(line) for line in lines]


def test_an_english_text_layer_is_pdfiums_own() -> None:
    lines: list[make.Line] = [
        "Laboratory report - lipid profile",
        ("Test", "Result", "Unit", "Reference"),
        ("LDL", "131", "mg/dL", "50 - 130"),
        "Potassium: 4.2 mmol/L (reference 3.5 - 5.1)",
    ]
    pdf = make.text_pdf([lines])
    doc = pdfium.PdfDocument(pdf)
    try:
        textpage = doc[0].get_textpage()
        pdfium_own = clean(str(textpage.get_text_bounded()))  # pyright: ignore[reportUnknownMemberType]
    finally:
        doc.close()
    with DocumentFile(pdf, "application/pdf") as file:
        assert file.text(0) == pdfium_own == "\n".join(make.line_text(x) for x in lines)
