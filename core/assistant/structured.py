"""Answers as JSON constrained by llama.cpp's grammar (`assistant.answer_format = "json"`):
one entry per sentence, each with the list of sources it rests on.

The alternative to free text with [n] markers, kept so `make eval` can compare the two on
the same questions (docs/benchmarks.md: which one is the default, and why). Whatever the format, the
answer is turned back into text with markers and checked the same way.
"""

from __future__ import annotations

import json
from typing import Any

ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "found": {"type": "boolean"},
        "sentences": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "sources": {"type": "array", "items": {"type": "integer"}},
                },
                "required": ["text", "sources"],
            },
        },
    },
    "required": ["found", "sentences"],
}
RULES = (
    ' Reply with JSON only: {"found": true, "sentences": [{"text": "...", "sources": [1]}]},'
    " one entry per sentence with the numbers of the sources it rests on;"
    ' {"found": false, "sentences": []} when the sources do not answer.'
)


def example(sentence: str, sources: list[int]) -> str:
    """A worked example's answer in this format."""
    return json.dumps({"found": True, "sentences": [{"text": sentence, "sources": sources}]})


def to_text(raw: str, refusal: str) -> str:
    """The JSON answer as text with [n] markers; `refusal` when it found nothing. Output
    that is not the JSON asked for (cut off by the token limit) is returned as it is, for
    the checks to judge like any free text."""
    try:
        data: Any = json.loads(raw)
        sentences: list[Any] = data["sentences"] if data.get("found") else []
        parts = [
            f"{str(s['text']).strip()} [{', '.join(str(int(n)) for n in s['sources'])}]"
            if s.get("sources")
            else str(s["text"]).strip()
            for s in sentences
            if str(s.get("text", "")).strip()
        ]
    except (ValueError, TypeError, KeyError, AttributeError):
        return raw
    return " ".join(parts) if parts else refusal
