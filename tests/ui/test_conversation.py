"""The assistant panel's conversation state, without a window: what becomes history, how a
stored conversation splits into history and the current turn, and the streamed word count."""

from __future__ import annotations

import datetime as dt
import uuid

from core.assistant.types import AskResult, StoredMessage
from ui.assistant.conversation import Conversation, Said

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _msg(role: str, text: str) -> StoredMessage:
    return StoredMessage(uuid.uuid4(), role, text, NOW)  # type: ignore[arg-type]


def _answer(text: str, conversation_id: uuid.UUID | None = None) -> AskResult:
    return AskResult(
        text, refused=False, cache_hit=False, sources=[], conversation_id=conversation_id
    )


def test_an_answered_turn_becomes_history_and_a_cancelled_one_goes() -> None:
    c = Conversation()
    c.begin("A1c in 2008?")
    c.answered(_answer("7.1% [1]", uuid.uuid4()))
    c.begin("And sertraline?")
    c.note = "Cancelled before the answer was ready."
    assert c.current(with_note=True) == [
        Said("user", "And sertraline?"),
        Said("assistant", "", "Cancelled before the answer was ready."),
    ]
    c.begin("When was it started?")
    assert c.history == [Said("user", "A1c in 2008?"), Said("assistant", "7.1% [1]")]
    assert c.current() == [Said("user", "When was it started?")]


def test_a_follow_up_keeps_the_conversation_an_answer_names() -> None:
    c = Conversation()
    first = uuid.uuid4()
    c.begin("q1")
    c.answered(_answer("a1", first))
    c.begin("q2")
    c.answered(_answer("a2"))  # a cached answer names no conversation: keep the one we had
    assert c.conversation_id == first
    c.start_over()
    assert (c.conversation_id, c.history, c.current()) == (None, [], [])


def test_a_stored_conversation_splits_at_its_last_answer() -> None:
    c = Conversation()
    cid = uuid.uuid4()
    messages = [_msg("user", "q1"), _msg("assistant", "a1"), _msg("user", "q2")]
    messages += [_msg("assistant", "a2 [1]"), _msg("user", "unanswered")]
    reply = c.load(cid, messages)
    assert reply is messages[3]
    assert c.conversation_id == cid
    assert c.history == [Said("user", "q1"), Said("assistant", "a1")]
    assert c.current() == [Said("user", "q2"), Said("assistant", "a2 [1]")]


def test_a_stored_reply_without_its_question_and_a_conversation_without_answers() -> None:
    c = Conversation()
    reply = c.load(uuid.uuid4(), [_msg("assistant", "alone")])
    assert reply is not None and c.current() == [Said("assistant", "alone")]
    assert c.load(uuid.uuid4(), [_msg("user", "never answered")]) is None
    assert c.history == [Said("user", "never answered")] and c.current() == []


def test_streamed_words_are_counted_across_pieces_that_split_a_word() -> None:
    c = Conversation()
    c.begin("q")
    assert [c.count(p) for p in ["The pat", "ient was ", "", "seen", " today."]] == [2, 3, 3, 4, 5]
