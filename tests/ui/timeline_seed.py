"""A client with three visits and the facts a timeline would read from them, for the
flowsheet and brief tests on the fake api. Each fact's span and line are found in the very
note text the fake stores, so opening a fact can be checked against what is selected."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import UUID

from fake_api import FakeChartsideApi

from core.domain import Client, ClientData, Session, SessionData
from core.timeline.types import Brief, BriefLine, Fact, Kind, TimelineFact

FIRST = dt.datetime(2023, 11, 5, 9, 30)
SECOND = dt.datetime(2024, 3, 2, 10, 0)
THIRD = dt.datetime(2024, 9, 24, 16, 40)
HISTORY = "Type 2 diabetes since 2021.\nWeight 97 kg at diagnosis."
NOTES: dict[dt.datetime, dict[str, str]] = {
    FIRST: {
        "objective": "BP 152/96 sitting, HR 84.\nWeight 94 kg.\nHbA1c 7.1%.",
        "plan": "Start lisinopril 10 mg daily.\nStart metformin 500 mg twice daily.",
    },
    SECOND: {
        "objective": "BP 138/88, HR 78.\nWeight 91 kg.\nHbA1c 6.4%.",
        "plan": "Continue lisinopril 10 mg.\nContinue metformin 500 mg.\nStart atorvastatin 20 mg.",
    },
    THIRD: {
        "objective": "BP 126/80, HR 72.\nRepeat BP 122/78.\nWeight 88 kg.\nHbA1c 5.9%.",
        "assessment": "Hypertension, controlled.\nObstructive sleep apnoea.",
        "plan": "Stop metformin.\nContinue lisinopril 10 mg.\nReview in 6 months.",
    },
}


@dataclass
class Seeded:
    client: UUID
    sessions: dict[dt.datetime, UUID]
    facts: list[TimelineFact] = field(default_factory=list)
    brief: Brief | None = None

    def fact(self, name: str, when: dt.datetime | None, n: int = 0) -> TimelineFact:
        """The `n`th fact called `name` of the note of `when` (None: the client's record)."""
        found = [f for f in self.facts if f.fact.name == name and f.session_date == when]
        return found[n]


def seed(api: FakeChartsideApi, name: str = "Dana Levi") -> Seeded:
    now = dt.datetime.now()
    client = Client(uuid.uuid4(), ClientData(full_name=name, medical_history=HISTORY), now)
    api.clients[client.id] = client
    sessions = {}
    for when, fields in NOTES.items():
        session = Session(uuid.uuid4(), client.id, SessionData(date=when, **fields), now)
        api.sessions[session.id] = session
        sessions[when] = session.id
    seeded = Seeded(client.id, sessions)
    add = _adder(api, seeded)
    add(None, "medical_history", "Weight 97", "measurement", "weight", 97)
    for when, (sys, dia, hr, weight, a1c) in {
        FIRST: (152, 96, 84, 94, 7.1),
        SECOND: (138, 88, 78, 91, 6.4),
        THIRD: (126, 80, 72, 88, 5.9),
    }.items():
        add(when, "objective", "follow-up" if when != FIRST else "initial", "visit", "follow-up")
        add(when, "objective", f"BP {sys}", "measurement", "bp_systolic", sys)
        add(when, "objective", f"/{dia}", "measurement", "bp_diastolic", dia)
        add(when, "objective", f"HR {hr}", "measurement", "heart_rate", hr)
        add(when, "objective", f"Weight {weight}", "measurement", "weight", weight)
        add(when, "objective", f"HbA1c {a1c}", "measurement", "a1c", a1c)
    add(THIRD, "objective", "Repeat BP 122", "measurement", "bp_systolic", 122)
    add(THIRD, "objective", "/78", "measurement", "bp_diastolic", 78)
    add(
        FIRST,
        "plan",
        "Start lisinopril",
        "medication",
        "lisinopril",
        status="started",
        dose="10 mg",
    )
    add(
        FIRST, "plan", "Start metformin", "medication", "metformin", status="started", dose="500 mg"
    )
    add(SECOND, "plan", "Continue lisinopril", "medication", "lisinopril", status="continued")
    add(SECOND, "plan", "Continue metformin", "medication", "metformin", status="continued")
    add(SECOND, "plan", "Start atorvastatin", "medication", "atorvastatin", status="started",
        dose="20 mg")  # fmt: skip
    add(THIRD, "plan", "Stop metformin", "medication", "metformin", status="stopped")
    add(THIRD, "plan", "Continue lisinopril", "medication", "lisinopril", status="continued")
    add(THIRD, "assessment", "sleep apnoea", "diagnosis", "obstructive sleep apnoea",
        status="present")  # fmt: skip
    add(THIRD, "plan", "Review in 6 months", "procedure", "review")
    api.timeline.facts_by_client[client.id] = list(seeded.facts)

    f = seeded.fact
    systolic = [f("bp_systolic", SECOND), f("bp_systolic", THIRD)]
    seeded.brief = Brief(
        client.id,
        THIRD,
        SECOND,
        [
            _changed("bp_systolic", 138, 126, "mmHg", systolic),
            _changed("weight", 91, 88, "kg", [f("weight", SECOND), f("weight", THIRD)]),
            _changed("a1c", 6.4, 5.9, "%", [f("a1c", SECOND), f("a1c", THIRD)]),
            BriefLine("stopped", {"name": "metformin", "dose": ""}, [f("metformin", THIRD)]),
            BriefLine(
                "new_diagnosis",
                {"name": "obstructive sleep apnoea"},
                [f("obstructive sleep apnoea", THIRD)],
            ),
            BriefLine("plan", {"text": "Review in 6 months."}, [f("review", THIRD)]),
        ],
    )  # fmt: skip
    api.timeline.briefs[client.id] = seeded.brief
    return seeded


def _changed(
    name: str, before: float, after: float, unit: str, facts: list[TimelineFact]
) -> BriefLine:
    delta = round(after - before, 2)
    direction = "up" if delta > 0 else "down" if delta < 0 else "same"
    params: dict[str, str | float] = {
        "name": name, "before": before, "after": after, "delta": delta, "unit": unit,
        "direction": direction,
    }  # fmt: skip
    return BriefLine("changed", params, facts)


def _adder(api: FakeChartsideApi, seeded: Seeded) -> Callable[..., None]:
    def add(
        when: dt.datetime | None,
        field_name: str,
        needle: str,
        kind: Kind,
        name: str,
        value: float | None = None,
        *,
        status: str | None = None,
        dose: str | None = None,
    ) -> None:
        if when is None:
            text = api.clients[seeded.client].data.medical_history
            session_id = None
        else:
            session_id = seeded.sessions[when]
            text = getattr(api.sessions[session_id].data, field_name)
        start = text.find(needle) if needle in text else 0
        end = start + len(needle) if needle in text else 0
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        fact = Fact(kind, name, start, end, text[start:end], value=value, status=status, dose=dose)
        seeded.facts.append(
            TimelineFact(uuid.uuid4(), seeded.client, session_id, when, field_name, fact, line)
        )

    return add
