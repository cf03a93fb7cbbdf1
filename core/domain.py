"""Domain records as the services hand them to the UI and the CLI (plaintext, in memory only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from core import validation as v
from core.messages import Message

SOAP_FIELDS = ("subjective", "objective", "assessment", "plan")


@dataclass(frozen=True)
class Practitioner:
    id: UUID
    workspace_id: UUID
    username: str
    display_name: str


@dataclass
class ClientData:
    """What a user can edit on a client. `validated()` is the single gate for all input."""

    full_name: str
    date_of_birth: dt.date | None = None
    medical_history: str = ""
    notes: str = ""
    external_id: str | None = None

    def validated(self, record: str | None = None) -> ClientData:
        return ClientData(
            full_name=v.text(
                self.full_name,
                field="full_name",
                record=record,
                max_chars=v.MAX_NAME_CHARS,
                required=True,
            ),
            date_of_birth=v.date_of_birth(self.date_of_birth, record=record),
            medical_history=v.text(self.medical_history, field="medical_history", record=record),
            notes=v.text(self.notes, field="notes", record=record),
            external_id=None
            if self.external_id is None
            else v.external_id(self.external_id, record=record),
        )


@dataclass
class SessionData:
    date: dt.datetime
    subjective: str = ""
    objective: str = ""
    assessment: str = ""
    plan: str = ""
    external_id: str | None = None

    def validated(self, record: str | None = None) -> SessionData:
        return SessionData(
            date=v.session_date(self.date, record=record),
            subjective=v.text(self.subjective, field="subjective", record=record),
            objective=v.text(self.objective, field="objective", record=record),
            assessment=v.text(self.assessment, field="assessment", record=record),
            plan=v.text(self.plan, field="plan", record=record),
            external_id=None
            if self.external_id is None
            else v.external_id(self.external_id, record=record),
        )


@dataclass(frozen=True)
class Client:
    id: UUID
    data: ClientData
    updated_at: dt.datetime


@dataclass(frozen=True)
class ClientSummary:
    id: UUID
    full_name: str
    date_of_birth: dt.date | None


@dataclass(frozen=True)
class Session:
    id: UUID
    client_id: UUID
    data: SessionData
    updated_at: dt.datetime


@dataclass(frozen=True)
class SessionSummary:
    id: UUID
    client_id: UUID
    date: dt.datetime
    headline: str = ""  # the assessment's first line, for the session list (decrypted)


HEADLINE_CHARS = 80


def headline(text: str | None) -> str:
    """A session's `SessionSummary.headline`: the first non-empty line of `text`, cut at a
    word near HEADLINE_CHARS."""
    line = next((ln.strip() for ln in (text or "").splitlines() if ln.strip()), "")
    if len(line) <= HEADLINE_CHARS:
        return line
    return line[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class HealthCheck:
    name: str
    ok: bool
    detail: str
    extra: dict[str, object] = field(default_factory=dict[str, object])
    # `detail` as a stable id (core.services.doctor.DETAILS) and the values it was written
    # with, so a front end words it in its own language; "" where the detail is an error's
    # own message.
    detail_id: str = ""
    values: dict[str, object] = field(default_factory=dict[str, object])
    # Where the detail is an error's own message: that message's id and values.
    message: Message | None = None


@dataclass(frozen=True)
class AssistantStatus:
    """Whether the AI assistant can run, and if not, why, in words a clinician can act on
    (a message id, rendered in the window's language). Notes never depend on it."""

    available: bool
    reason: Message
    embedder: str | None = None
    generator: str | None = None


@dataclass(frozen=True)
class IndexStatus:
    """How much of the workspace's index is embedded with the current model. Here, not in
    `core.retrieval.types`, because progress reports carry it (`core.progress`)."""

    current: int
    total: int
    model_id: str | None

    @property
    def complete(self) -> bool:
        return self.current >= self.total

    def to_json(self) -> dict[str, Any]:
        return {"current": self.current, "total": self.total, "model": self.model_id}
