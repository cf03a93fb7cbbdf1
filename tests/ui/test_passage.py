"""What a search hit or a citation selects in its note (ui/notes/passage.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ui.notes.passage import FactSpan, line_bounds, passage_span, sentence_bounds

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


FREE_TEXT = (
    "Feels better on the new dose. BP 128/82, pulse 88.4 /min. Weight 84.7 kg, down from "
    "85.0 kg. Dr. Adler to review in 3 months."
)


def test_a_citation_selects_the_line_the_answer_used_not_the_passage() -> None:
    # The snippet is the start of the passage; the answer read the LDL line further down.
    span = passage_span(LABS, "Hemoglobin: 13.2 g/dL…", "Her LDL was 105.1 mg/dL.")
    assert selected(LABS, span) == "LDL cholesterol: 105.1 mg/dL"
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


def test_in_a_note_written_as_one_line_a_citation_selects_its_sentence() -> None:
    used = "Her weight was 84.7 kg."
    assert selected(FREE_TEXT, passage_span(FREE_TEXT, FREE_TEXT[:40] + "…", used)) == (
        "Weight 84.7 kg, down from 85.0 kg."
    )
    # A search hit, with no sentence of an answer, still selects its whole lines.
    assert selected(FREE_TEXT, passage_span(FREE_TEXT, "BP 128/82…")) == FREE_TEXT


def test_a_fact_selects_the_sentence_it_was_read_from_while_its_words_are_there() -> None:
    start = FREE_TEXT.index("pulse 88.4")
    fact = FactSpan(start, start + len("pulse 88.4 /min"), "pulse 88.4 /min")
    assert selected(FREE_TEXT, passage_span(FREE_TEXT, FREE_TEXT, None, fact)) == (
        "BP 128/82, pulse 88.4 /min."
    )
    # The note was edited since the fact was read: its span no longer holds its words, so
    # the line the fact names is selected as a search hit's would be.
    edited = "Seen today. " + FREE_TEXT
    assert selected(edited, passage_span(edited, FREE_TEXT, None, fact)) == edited


@given(st.text(alphabet=st.sampled_from("ab .!?\n8"), max_size=40), st.data())
def test_sentence_bounds_hold_the_span_and_stop_at_a_sentence_end(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    first, last = sentence_bounds(text, start, end)
    span = text[start:end]
    if span.strip():
        assert first <= start + len(span) - len(span.lstrip())
        assert last >= end - len(span) + len(span.rstrip())
    assert first == 0 or text[first - 1].isspace()
    assert "\n" not in text[first:last] or "\n" in span
