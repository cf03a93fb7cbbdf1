"""JSON answers (assistant.answer_format = "json") turned back into text with markers."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from core.assistant.citations import parse_answer
from core.assistant.prompt import REFUSAL, build_prompt
from core.assistant.structured import ANSWER_SCHEMA, to_text
from tests.assistant.test_assistant_prompt import WordCounter, hits


def test_sentences_become_text_with_their_markers() -> None:
    raw = json.dumps(
        {
            "found": True,
            "sentences": [
                {"text": "Sertraline 50 mg was started on 2024-03-02.", "sources": [1]},
                {"text": "Her mood improved.", "sources": [2, 3]},
                {"text": "No markers here.", "sources": []},
            ],
        }
    )
    text = to_text(raw, REFUSAL)
    assert text == (
        "Sertraline 50 mg was started on 2024-03-02. [1] Her mood improved. [2, 3] No markers here."
    )
    assert sorted(parse_answer(text, 3, None).citations) == [1, 2, 3]


def test_not_found_is_the_refusal_and_broken_json_is_left_for_the_checks() -> None:
    assert to_text('{"found": false, "sentences": []}', REFUSAL) == REFUSAL
    assert to_text('{"found": true, "sentences": []}', REFUSAL) == REFUSAL
    assert to_text('{"found": true, "sentences": [{"text": "cut', REFUSAL).startswith("{")


@given(st.text(max_size=80))
def test_output_that_is_not_the_json_asked_for_is_left_as_it_is(raw: str) -> None:
    """Cut-off or free text reaches the checks unchanged (they judge it like any answer);
    only JSON of the asked shape is rewritten."""
    try:
        parsed = json.loads(raw)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        assert to_text(raw, REFUSAL) == raw


@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=20),
            st.lists(st.integers(1, 9), max_size=3),
        ),
        max_size=4,
    )
)
def test_every_sentence_keeps_its_words_and_its_sources(
    sentences: list[tuple[str, list[int]]],
) -> None:
    raw = json.dumps(
        {"found": True, "sentences": [{"text": t, "sources": n} for t, n in sentences]}
    )
    text = to_text(raw, REFUSAL)
    kept = [(t.strip(), n) for t, n in sentences if t.strip()]
    if not kept:
        assert text == REFUSAL
        return
    expected = [f"{t} [{', '.join(map(str, n))}]" if n else t for t, n in kept]
    assert text == " ".join(expected)


def test_the_prompt_asks_chat_models_for_json_with_json_examples() -> None:
    common = dict(count_tokens=WordCounter(), context_length=4096, max_answer_tokens=256)
    built = build_prompt(
        "sleep?", hits(2), has_chat_template=True, structured_answer=True, **common
    )
    assert built.json_schema == ANSWER_SCHEMA
    assert isinstance(built.prompt, list)
    assert "JSON" in built.prompt[0]["content"]
    assert json.loads(built.prompt[2]["content"])["sentences"][0]["sources"] == [1]
    # A base model has no chat turns to hold the examples: it stays with text.
    base = build_prompt(
        "sleep?", hits(2), has_chat_template=False, structured_answer=True, **common
    )
    assert base.json_schema is None
