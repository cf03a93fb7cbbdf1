"""What the assistant says about an answer it will not give, or gives in the notes' words,
is in the clinician's terms: no model, no matching, no machinery."""

from __future__ import annotations

import pytest

from core.messages import Message, render


@pytest.mark.parametrize(
    "message_id", ["answer.answer_unlike_its_notes", "answer.no_model_for_hebrew"]
)
def test_the_words_name_no_machinery(message_id: str) -> None:
    text = render(Message(message_id)).casefold()
    assert not any(word in text for word in ("model", "match", "cited", "generat"))
