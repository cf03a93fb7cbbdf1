"""A follow-up question that leans on the one before it ("and her weight?", "and in
2022?"): the question before it, asked again of the follow-up's subject or period."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from core.retrieval.reading import read_question
from core.timeline.answers import cues
from core.timeline.answers.asked import measure_spans, measures_in
from core.timeline.answers.named import inside, lexicons
from core.timeline.answers.questions import OverTime, read_over_time
from core.timeline.reading.text import HEB

_E = cues.E

# A follow-up that leans on the question before it: short, or opening on "and", "what about".
_LEANS = re.compile(rf"^\s*{cues.alternatives('leans')}(?:{_E}|(?=[{HEB}]))", re.IGNORECASE)


def follow_up(question: str, previous: str, today: dt.date | None = None) -> OverTime | None:
    """A follow-up that leaves out what the question before it said: "and her weight?"
    after "what was her latest blood pressure?" asks the same of the weight, "and in 2022?"
    the same of that year. None when the follow-up is a question of its own, or the one
    before it was not over time."""
    q = " ".join(question.split())
    if len(q.split()) > 6 and not _LEANS.search(q):
        return None
    before = read_over_time(previous, today)
    if before is None:
        return None
    drugs, conditions, _ = lexicons()
    drug = next((n for _, _, n in drugs.find(q)), None)
    spans = [(a, b) for a, b, _ in measure_spans(q)]
    condition = next((n for a, b, n in conditions.find(q) if not inside(a, b, spans)), None)
    measures = measures_in(q)
    reading = read_question(q, today)
    out: OverTime | None = None
    if measures and before.measures:
        out = replace(before, measures=measures)
    elif drug is not None and before.ask in _DRUG_ASKS:
        out = replace(before, subject=drug)
    elif condition is not None and before.ask in ("first_diagnosed", "any_record"):
        out = replace(before, subject=condition)
    elif reading.dated and not (drug or condition or measures):
        out = before
    if out is None:
        return None
    if reading.dated:
        out = replace(out, date_from=reading.date_from, date_to=reading.date_to, day=reading.day)
    return replace(out, hebrew=bool(re.search(f"[{HEB}]", q)))


_DRUG_ASKS = ("med_first", "med_last", "still_taking", "med_stopped")
