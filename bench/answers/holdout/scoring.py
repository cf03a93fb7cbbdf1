"""Whether an answer to a held-out single-visit question is right.

As bench/answers/scoring.py (whose value and date matching this reuses): an answerable
question is `refused` when the assistant declined, `correct` when every expected value is
stated and a used (cited or quoted) source is a relevant session, `wrong` otherwise. On
top of that:
- a drug counts under any of its names (brand, Hebrew), as the notes write them;
- "any record of X" needs one of the dates it was done, and is `wrong` when the answer
  says there is no record, whatever it cites;
- a Hebrew one-letter prefix is split off a number or date ("ב-2024-03-02");
- an absent question is `refused` (the right outcome) when the assistant declined or said
  it found nothing, as bench/timeline/kit/scoring.py counts it; `answered` otherwise.
Overall (`all`), as the over-time evals count: a refused absent question is correct, an
answered one wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from bench.answers.holdout.questions import HoldoutQuestion
from bench.answers.scoring import value_found as _value_found
from bench.retrieval.evalset.text import mentions
from core.assistant.dates import mentions_date

OUTCOMES = ("correct", "wrong", "refused")
_HE_PREFIX = re.compile(r"([\u05d0-\u05ea])-?(?=\d)")
NO_RECORD = re.compile(
    r"\bno (?:record|mention|documentation|note|notes|evidence|information)\b"
    r"|\bnot (?:documented|recorded|mentioned|found)\b|\bfound no\b|\bnothing (?:in|about)\b"
    r"|לא נמצא|לא מצאתי|אין תיעוד|אין רישום|אין מידע|לא תועד",
    re.IGNORECASE,
)


def _unprefixed(answer: str) -> str:
    return _HE_PREFIX.sub(r"\1 ", answer)


def value_found(q: HoldoutQuestion, answer: str) -> bool:
    text = _unprefixed(answer)
    if q.answer_type == "any_date":
        return any(mentions_date(text, dt.date.fromisoformat(e)) for e in q.expected)
    if q.answer_type == "name":
        return all(any(mentions(text, n) for n in (e, *q.aliases.get(e, ()))) for e in q.expected)
    return _value_found(q, text)  # type: ignore[arg-type]  # duck-typed: kind, expected, answer_type


def outcome(q: HoldoutQuestion, answer: str, refused: bool, used: Iterable[str]) -> str:
    if q.kind == "absent":
        return "refused" if refused or NO_RECORD.search(answer) else "answered"
    if refused:
        return "refused"
    if q.kind == "any_record" and NO_RECORD.search(answer):
        return "wrong"
    if value_found(q, answer) and set(used) & set(q.relevant):
        return "correct"
    return "wrong"


def rates(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Answerable outcomes, absent refusals, and `all` (absent refused = correct)."""
    answerable = [r for r in rows if r["kind"] != "absent"]
    absent = [r for r in rows if r["kind"] == "absent"]
    out: dict[str, Any] = {"n": len(rows)}
    n = len(answerable)
    counts = {o: sum(r["outcome"] == o for r in answerable) for o in OUTCOMES}
    answered: dict[str, Any] = {"n": n, **counts}
    out["answerable"] = answered | {f"{o}_rate": _rate(counts[o], n) for o in OUTCOMES}
    refused = sum(r["outcome"] == "refused" for r in absent)
    out["absent"] = {
        "n": len(absent),
        "refused": refused,
        "refused_rate": _rate(refused, len(absent)),
    }
    correct = counts["correct"] + refused
    wrong = counts["wrong"] + len(absent) - refused
    out["all"] = {
        "n": len(rows),
        "correct": correct,
        "wrong": wrong,
        "refused": counts["refused"],
        "correct_rate": _rate(correct, len(rows)),
        "wrong_rate": _rate(wrong, len(rows)),
        "refused_rate": _rate(counts["refused"], len(rows)),
    }
    return out


def _rate(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None
