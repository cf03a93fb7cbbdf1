"""A client's notes read by the real extractor and handed to the answer engine as the store
hands them back: the answers' logic tested without a database (the service's own tests ask
through the real one)."""

from __future__ import annotations

import datetime as dt
import uuid

from core.timeline.answers.over_time import Visit, answer
from core.timeline.answers.questions import read_over_time
from core.timeline.extract import extract
from core.timeline.types import TimelineFact

CLIENT = uuid.UUID(int=1)
TODAY = dt.date(2025, 6, 1)
Notes = dict[dt.datetime, dict[str, str]]  # visit -> field -> text


def chart(notes: Notes) -> tuple[list[TimelineFact], list[Visit]]:
    facts, visits = [], []
    for day, fields in sorted(notes.items()):
        session = uuid.uuid4()
        first_field, first_text = next(iter(fields.items()))
        visits.append(Visit(session, day, first_field, first_text.splitlines()[0]))
        for field, text in fields.items():
            for f in extract(text, field).facts:
                line = next(x for x in text.splitlines() if f.text.split("\n")[0] in x)
                facts.append(TimelineFact(uuid.uuid4(), CLIENT, session, day, field, f, line))
    return facts, visits


def ask(question: str, notes: Notes) -> tuple[str, bool, list[dt.date]]:
    """The engine's answer, whether it refused, and the days its citations point to."""
    q = read_over_time(question, TODAY)
    assert q is not None, f"not routed to the timeline: {question}"
    facts, visits = chart(notes)
    draft = answer(q, facts, visits, lambda words: [], TODAY)
    days = [c.session_date.date() for c in draft.cites if c.session_date is not None]
    return draft.text, draft.refused, days
