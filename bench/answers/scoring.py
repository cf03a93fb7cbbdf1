"""Whether an answer is right: the expected value in its text, and a relevant source used.

An answerable question's outcome is
- `refused`: the assistant declined (the safe outcome, but not an answer);
- `correct`: answered, every expected value is in the answer, and at least one *used*
  (cited or quoted) source is a relevant unit;
- `wrong`: answered, but a value is missing or no used source is relevant.
An absent question's outcome is `refused` (right) or `answered` (wrong).

Values match as whole words and numbers (138 = 138.0, 6.2 is not 6.25), after the answer's
citation markers and dates are blanked so "[6]" or "6 June" never count as a 6. Dates
match in any written form the answer uses (2025-03-04, 4 March 2025, March 4, 2025,
03/04/2025), through the same date reader the grounding check uses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from bench.answers.questions import AnswerQuestion
from bench.retrieval.evalset.text import mentions
from core.assistant.dates import mentions_date, without_dates

OUTCOMES = ("correct", "wrong", "refused")
_CITATION = re.compile(r"\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]")


def value_found(q: AnswerQuestion, answer: str) -> bool:
    """Every expected value (or date) of `q` is stated in `answer`."""
    if not q.expected:
        return False
    if q.answer_type == "date":
        return all(mentions_date(answer, dt.date.fromisoformat(e)) for e in q.expected)
    text = without_dates(_CITATION.sub(" ", answer))
    if q.answer_type == "value":
        text = re.sub(r"(?<=\d)\s*/\s*(?=\d)", "/", text)  # "136 / 80" is 136/80
    return all(mentions(text, e) for e in q.expected)


def unit(source: Any) -> str:
    """The unit a source belongs to, as questions name relevant units."""
    if source.type == "session":
        return f"session:{source.session_external_id}"
    return f"client:{source.field}"


def used_units(sources: Iterable[Any]) -> list[str]:
    return list(dict.fromkeys(unit(s) for s in sources if s.used))


def outcome(q: AnswerQuestion, answer: str, refused: bool, used: Iterable[str]) -> str:
    if q.kind == "absent":
        return "refused" if refused else "answered"
    if refused:
        return "refused"
    if value_found(q, answer) and set(used) & set(q.relevant):
        return "correct"
    return "wrong"
