"""The local model as a SOAP sorter: it reads the dictated visit's
clauses, numbered, and answers one section letter per clause, held to that shape by a JSON
schema (llama.cpp's grammar). It names sections and nothing else, so it cannot add a word to
the draft (`draft_soap` builds every sentence from the transcript's own words), and a
dictated "ignore the instructions" could at worst misplace its own clause.

How it is used: `draft_soap(transcript, sort=model_sorter(generator), unplaced_only=True)`
lets the rules place every clause a cue of theirs places and the model the clauses no rule
places (the model still reads them all, for context). Alone, the default model
(Qwen2.5-Coder-1.5B) places far fewer sentences right than the rules: it tends to answer
S, O, A, P in its example's order whatever the sentences say (docs/dictation.md). An answer
of the wrong length, a timeout or a model error gives None, and the rules sort that visit."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from core.dictation.soap import Section, Sorter
from core.errors import ChartsideError
from core.ports import ChatMessage, Generator, Prompt

_LETTERS: dict[str, Section] = {
    "S": "subjective",
    "O": "objective",
    "A": "assessment",
    "P": "plan",
}
_RULES = (
    "You sort the sentences of a clinician's dictated visit into the sections of a SOAP "
    "note. S (Subjective): what the patient reports: symptoms, complaints, history, how "
    "they feel. O (Objective): what the clinician found or measured: examination, vital "
    "signs, weights, test results. A (Assessment): the clinician's judgement: a diagnosis, "
    "an impression, whether a condition is improving, stable or worse. P (Plan): what will "
    "be done: medicines started, stopped or changed, tests ordered, referrals, advice, "
    "follow-up. Answer with one letter per sentence, in order, as JSON."
)
_EXAMPLE_IN = (
    "1. She reports two weeks of cough,\n2. worse at night.\n3. Chest is clear on "
    "auscultation,\n4. temperature 37.2.\n5. Likely a viral bronchitis.\n6. Start "
    "honey and fluids, review in one week."
)
_EXAMPLE_OUT = '{"sections": ["S", "S", "O", "O", "A", "P"]}'


def _numbered(clauses: Sequence[str]) -> str:
    return "\n".join(f"{i}. {c}" for i, c in enumerate(clauses, start=1))


def _prompt(clauses: Sequence[str], chat: bool) -> Prompt:
    if not chat:
        return (
            f"{_RULES}\n\nSentences:\n{_EXAMPLE_IN}\nAnswer: {_EXAMPLE_OUT}\n\n"
            f"Sentences:\n{_numbered(clauses)}\nAnswer:"
        )
    messages: list[ChatMessage] = [
        {"role": "system", "content": _RULES},
        {"role": "user", "content": _EXAMPLE_IN},
        {"role": "assistant", "content": _EXAMPLE_OUT},
        {"role": "user", "content": _numbered(clauses)},
    ]
    return messages


def _schema(n: int) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "sections": {
                "type": "array",
                "items": {"type": "string", "enum": list(_LETTERS)},
                "minItems": n,
                "maxItems": n,
            }
        },
        "required": ["sections"],
        "additionalProperties": False,
    }


def model_sorter(generator: Generator, timeout_s: float | None = None) -> Sorter:
    """A `Sorter` that asks `generator`; None (the rules sort) when its answer is unusable."""

    def sort(clauses: Sequence[str]) -> list[Section] | None:
        n = len(clauses)
        try:
            raw = generator.generate(
                _prompt(clauses, generator.has_chat_template),
                max_tokens=6 * n + 16,
                json_schema=_schema(n),
                timeout_s=timeout_s,
            )
            letters: Any = json.loads(raw)["sections"]
        except (ChartsideError, ValueError, KeyError, TypeError):
            return None
        if not isinstance(letters, list):
            return None
        sections: list[Section] = []
        for letter in cast("list[Any]", letters):
            section = _LETTERS.get(str(letter))
            if section is None:
                return None
            sections.append(section)
        return sections if len(sections) == n else None

    return sort
