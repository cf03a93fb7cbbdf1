"""What a search hit or a citation selects in its note (ui/notes/passage.py, issue 28)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.notes.passage import line_bounds, passage_span

LABS = (
    "Hemoglobin: 13.2 g/dL\n"
    "Leukocytes in Blood: 6.65 10*3/uL\n"
    "HDL cholesterol: 63.3 mg/dL\n"
    "LDL cholesterol: 105.1 mg/dL"
)


def selected(text: str, span: tuple[int, int] | None) -> str:
    assert span is not None
    return text[span[0] : span[1]]


def test_a_snippet_cut_mid_number_selects_its_whole_lines() -> None:
    assert selected(LABS, passage_span(LABS, "…Leukocytes in Blood: 6.")) == (
        "Leukocytes in Blood: 6.65 10*3/uL"
    )
    assert selected(LABS, passage_span(LABS, "HDL cholesterol: 63.…")) == (
        "HDL cholesterol: 63.3 mg/dL"
    )


def test_a_citation_takes_in_the_line_the_answer_used() -> None:
    # The snippet is the start of the passage; the answer read the LDL line further down.
    span = passage_span(LABS, "Hemoglobin: 13.2 g/dL…", "Her LDL was 105.1 mg/dL.")
    assert selected(LABS, span) == LABS
    # Alone, the answer's sentence finds its line.
    assert selected(LABS, passage_span(LABS, None, "LDL cholesterol was 105.1.")) == (
        "LDL cholesterol: 105.1 mg/dL"
    )
    assert passage_span(LABS, "nowhere…", "nothing shared here") is None


@given(st.lists(st.text(st.characters(blacklist_characters="\n"), max_size=12), min_size=1))
def test_line_bounds_are_whole_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    for start in range(len(text) + 1):
        first, last = line_bounds(text, start, start)
        assert first == 0 or text[first - 1] == "\n"
        assert last == len(text) or text[last] == "\n"
        assert first <= start <= last
