"""The loop guard cuts a generation that repeats itself, and only then."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from core.assistant.repetition import RUN_WORDS, TIMES, RepeatGuard
from models.generator import LlamaCppGenerator


def feed(text: str, size: int = 3) -> RepeatGuard:
    guard = RepeatGuard()
    for i in range(0, len(text), size):
        if guard.feed(text[i : i + size]):
            break
    return guard


def test_a_loop_is_cut_after_its_first_telling() -> None:
    loop = "then sertraline 50 mg daily [1], " * 6
    guard = feed("She was prescribed sertraline 50 mg daily [1], " + loop)
    assert guard.looping
    assert guard.text().count("sertraline 50 mg daily") == 1  # the answer, no repeat
    assert len(guard.text()) < 120


def test_a_list_that_shares_words_is_not_a_loop() -> None:
    text = "BP 120/80 on 1 May [1], BP 120/80 on 2 May [2], BP 118/80 on 3 May [3]. Stable."
    guard = feed(text)
    assert not guard.looping and guard.text() == text


LOOP = "rest ice and sertraline 50 mg "  # RUN_WORDS words, none made of the letters a-f


@given(st.text(alphabet="abcdef ", max_size=60), st.integers(0, TIMES + 2), st.integers(1, 8))
def test_text_is_what_was_fed_until_a_loop(prefix: str, repeats: int, size: int) -> None:
    """Random text, then a run of words told `repeats` times, streamed in pieces of `size`
    characters: the kept text is what was fed, up to the first telling of a loop."""
    assert len(LOOP.split()) == RUN_WORDS
    whole = f"{prefix} {LOOP * repeats}"
    guard = RepeatGuard()
    fed = ""
    for piece in (whole[i : i + size] for i in range(0, len(whole), size)):
        fed += piece
        if guard.feed(piece):
            break
    assert fed.startswith(guard.text().rstrip(" ,;"))
    if repeats >= TIMES:
        assert guard.looping
    if not guard.looping:
        assert guard.text() == fed
    else:
        run = fed.split()[-RUN_WORDS:]
        assert " ".join(fed.split()).count(" ".join(run)) >= TIMES - 1
        assert guard.text().count(LOOP.strip()) <= 1  # the first telling at most


def test_the_real_models_loop_is_cut_in_the_stream(qwen: LlamaCppGenerator) -> None:
    """The default model, with the app's repeat penalty, still loops when the text before
    it already repeats; the guard stops it within a few words instead of at the token
    limit, and keeps one telling."""
    assert qwen.settings.repeat_penalty > 1.0
    guard = RepeatGuard()
    pieces = 0
    stream = qwen.stream("Medications given: " + "sertraline 50 mg daily, " * 4, max_tokens=300)
    with contextlib.closing(stream):  # leaving early stops the model
        for piece in stream:
            pieces += 1
            if guard.feed(piece):
                break
    assert guard.looping and pieces < 100
    assert guard.text().count("50 mg daily") <= 1
