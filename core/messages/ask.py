# ruff: noqa: E501 (each English template on one line, to be found by grep)
"""Message ids: The assistant's errors, and its warnings and notes on an answer."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "ask.no_conversation_id": QT_TRANSLATE_NOOP("Core", "no conversation has that id"),
    "ask.prompt_exceeds_context": QT_TRANSLATE_NOOP(
        "Core",
        "The question needs {n} tokens with the instructions; the model's context holds {total}, {count} of them kept for the answer.",
    ),
    "ask.rate_limit_per_minute": QT_TRANSLATE_NOOP(
        "Core", "Too many questions: the limit is {n} a minute."
    ),
    "ask.question_empty": QT_TRANSLATE_NOOP("Core", "The question is empty."),
    "ask.type_a_question": QT_TRANSLATE_NOOP("Core", "Type a question first."),
    "ask.question_too_long": QT_TRANSLATE_NOOP(
        "Core", "The question is {n} characters long; the limit is {limit}."
    ),
    "ask.shorten_question": QT_TRANSLATE_NOOP("Core", "Shorten the question and try again."),
}
