"""Citation parsing, support scores, refusals and extractive answers
(docs/architecture.md, ask step 7)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.assistant.citations import (
    extractive_answer,
    is_refusal_text,
    parse_answer,
    split_sentences,
)
from core.assistant.prompt import REFUSAL
from tests.assistant.test_assistant_prompt import hit


class TableSimilarity:
    """Similarity from a table keyed by (sentence prefix, source); records its calls."""

    def __init__(self, table: dict[tuple[str, int], float], default: float = 0.9) -> None:
        self.table = table
        self.default = default
        self.calls: list[tuple[list[str], list[int]]] = []

    def __call__(self, sentences: list[str], numbers: list[int]) -> list[float]:
        self.calls.append((sentences, numbers))
        out = []
        for s, n in zip(sentences, numbers, strict=True):
            match = [v for (prefix, m), v in self.table.items() if m == n and s.startswith(prefix)]
            out.append(match[0] if match else self.default)
        return out


def test_sentences_keep_markers_after_the_full_stop_and_skip_abbreviations() -> None:
    answer = (
        "She stopped sertraline. [2] Dr. Lee started 2.5 mg daily, e.g. at night [1][3]. "
        "Sleep improved.[1] Mood was low!\n[3]\n- Review in 2 wks. next month [1, 2]"
    )
    assert split_sentences(answer) == [
        "She stopped sertraline. [2]",
        "Dr. Lee started 2.5 mg daily, e.g. at night [1][3].",
        "Sleep improved.[1]",
        "Mood was low! [3]",
        "- Review in 2 wks. next month [1, 2]",
    ]


def test_citations_reasons_and_support_in_one_call() -> None:
    sim = TableSimilarity({("Dr. Lee", 1): 0.2, ("Dr. Lee", 3): 0.6, ("She", 2): 0.8})
    answer = "She stopped sertraline. [2] Dr. Lee started 2.5 mg daily [1][3]. Later [2]."
    parsed = parse_answer(answer, 3, sim)
    assert len(sim.calls) == 1
    assert sim.calls[0][1] == [2, 1, 3, 2]
    assert sorted(parsed.citations) == [1, 2, 3]
    c1, c2, c3 = (parsed.citations[n] for n in (1, 2, 3))
    assert c2.used and c2.reason == "She stopped sertraline." and c2.support == pytest.approx(0.9)
    assert c1.reason == "Dr. Lee started 2.5 mg daily." and c1.support == pytest.approx(0.2)
    assert c3.support == pytest.approx(0.6)
    # The sentence citing [1] and [3] is as strong as its best source: not weak.
    assert parsed.weak_sentences == [] and parsed.warnings == []
    assert parsed.text == answer and parsed.invalid_markers == []


def test_weak_sentences_are_flagged() -> None:
    sim = TableSimilarity({("She", 1): 0.1})
    parsed = parse_answer("She stopped sertraline [1]. Sleep improved [1].", 1, sim)
    assert parsed.weak_sentences == ["She stopped sertraline."]
    assert parsed.citations[1].support == pytest.approx(0.9)  # max over citing sentences
    assert parsed.warnings == [
        "One sentence is weakly supported by its source: “She stopped sertraline.”"
    ]
    strict = parse_answer("She stopped sertraline [1].", 1, sim, weak_threshold=0.05)
    assert strict.weak_sentences == []


def test_invalid_markers_are_removed_with_a_warning() -> None:
    parsed = parse_answer("Stopped [7]. Started [2, 9] and [Source 1]. Also [0][1].", 2, None)
    assert parsed.text == "Stopped. Started [2] and [1]. Also [1]."
    assert parsed.invalid_markers == [7, 9, 0]
    assert parsed.warnings[0] == (
        "The answer cited [7], which is not one of the sources; the marker was removed."
    )
    assert sorted(parsed.citations) == [1, 2]
    assert all(c.support is None for c in parsed.citations.values())


def test_reasons_drop_according_to_lead_ins() -> None:
    parsed = parse_answer(
        "According to [1], she stopped sertraline. Sleep improved, according to [2], "
        "after walks. Per [Source 3], mood is stable.",
        3,
        None,
    )
    reasons = {n: c.reason for n, c in parsed.citations.items()}
    assert reasons == {
        1: "She stopped sertraline.",
        2: "Sleep improved after walks.",
        3: "Mood is stable.",
    }
    assert parsed.text.startswith("According to [1], she stopped sertraline.")


def test_removing_a_marker_cannot_form_a_new_invalid_one() -> None:
    parsed = parse_answer("x [[7]9] y [[8]1]", 1, None)
    assert parsed.text == "x y [1]" and parsed.invalid_markers == [7, 8, 9]
    assert list(parsed.citations) == [1]


def test_marker_forms_and_ranges() -> None:
    parsed = parse_answer("A [1, 2]. B [1][3]. C [2-4]. In [2024] too.", 4, None)
    assert parsed.text == "A [1, 2]. B [1][3]. C [2, 3, 4]. In [2024] too."
    assert parsed.citations[4].reason == "C."
    assert parsed.citations[1].reason == "A."


def test_no_citations_and_no_similarity() -> None:
    parsed = parse_answer("She is well.", 3, TableSimilarity({}))
    assert parsed.citations == {} and parsed.weak_sentences == [] and parsed.text == "She is well."


def test_similarity_returning_the_wrong_count_is_a_bug() -> None:
    with pytest.raises(ValueError, match="1 pairs"):
        parse_answer("A [1].", 1, lambda s, n: [])


@pytest.mark.parametrize(
    "text",
    [REFUSAL, "The notes do not say. [1]", "", "  \n", "the notes don't mention it", "[2]"],
)
def test_refusals(text: str) -> None:
    assert is_refusal_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "She stopped sertraline [1].",
        "The notes do not say why, but she stopped sertraline [1].",
        "No.",
    ],
)
def test_not_refusals(text: str) -> None:
    assert not is_refusal_text(text)


def test_extractive_answer_quotes_the_top_passages() -> None:
    sources = [hit("Stopped sertraline [3] in March."), hit("Sleep better.", rank=2), hit("x")]
    text = extractive_answer(sources, "sertraline", max_sources=2)
    lines = text.splitlines()
    assert len(lines) == 3
    assert lines[1].endswith("[1]") and "Stopped sertraline (3) in March." in lines[1]
    assert lines[2].endswith("[2]") and "Sleep better." in lines[2]
    parsed = parse_answer(text, len(sources), None)
    assert sorted(parsed.citations) == [1, 2] and parsed.invalid_markers == []
    assert extractive_answer([], "sertraline") == REFUSAL


def test_extractive_answer_says_where_in_words_and_quotes_the_matching_lines() -> None:
    labs = "\n".join(
        ["Laboratory results:", "Sodium 139 mmol/L", "Hemoglobin A1c 7.1 %", "Potassium 4.2"]
        + [f"Other test {i}: normal" for i in range(30)]
    )
    text = extractive_answer([hit(labs, field="objective", day=3)], "What was the A1c?")
    line = text.splitlines()[1]
    assert line.startswith("- Session of 3 March 2024, Objective: ")
    assert "Hemoglobin A1c 7.1 %" in line and "Sodium" not in line and "Other test" not in line
    # No internal labels or ids: no field keys, no client or session ids.
    assert "field:" not in line and "C-17" not in line and "S-1" not in line


_ANSWERS = st.lists(
    st.one_of(
        st.text(alphabet=st.sampled_from(list("abc .!?\n,-")), max_size=12),
        st.builds("[{}]".format, st.integers(min_value=0, max_value=1200)),
        st.builds("[{}, {}]".format, st.integers(0, 20), st.integers(0, 20)),
        st.builds("[{}-{}]".format, st.integers(0, 20), st.integers(0, 20)),
        st.sampled_from(["Dr.", "2.5", "e.g.", "[Source 3]", "[", "]", "[1", " [2] ", "[[9]"]),
    ),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(answer=_ANSWERS | st.text(max_size=200), n=st.integers(min_value=0, max_value=6))
def test_parse_answer_never_crashes_or_keeps_an_out_of_range_marker(answer: str, n: int) -> None:
    parsed = parse_answer(answer, n, lambda s, m: [0.5] * len(s))
    assert all(1 <= k <= n for k in parsed.citations)
    for m in re.finditer(r"\[(\d{1,3})\]", parsed.text):
        assert 1 <= int(m.group(1)) <= n
    again = parse_answer(parsed.text, n, None)
    assert again.invalid_markers == [] and sorted(again.citations) == sorted(parsed.citations)
