"""The notes part's Protocol (`ChartsideApi.notes`)."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from core.domain import Client, ClientData, ClientSummary, Session, SessionData, SessionSummary
from core.records.drafts import Draft


class NotesPart(Protocol):
    """Clients, their visits and the editors' drafts (`ChartsideApi.notes`)."""

    def list_clients(self, filter_text: str = "") -> list[ClientSummary]: ...

    def get_client(self, client_id: UUID) -> Client: ...

    def create_client(self, data: ClientData) -> Client: ...

    def update_client(self, client_id: UUID, data: ClientData) -> Client: ...

    def delete_client(self, client_id: UUID) -> None: ...

    def list_sessions(self, client_id: UUID) -> list[SessionSummary]: ...

    def get_session(self, session_id: UUID) -> Session: ...

    def create_session(self, client_id: UUID, data: SessionData) -> Session: ...

    def update_session(self, session_id: UUID, data: SessionData) -> Session: ...

    def delete_session(self, session_id: UUID) -> None: ...

    # -- drafts: unsaved edits survive auto-lock, a crash and a logout (core.records.drafts) -------
    def save_draft(self, draft: Draft) -> None:
        """Keep an editor's unsaved form, encrypted. Not user activity (it never keeps the
        workspace unlocked), and still accepted while the keys are in memory but idle past
        the auto-lock time, so the GUI can save it just before locking."""
        ...

    def drafts(self) -> list[Draft]:
        """The practitioner's drafts, to offer back after unlock."""
        ...

    def discard_draft(self, kind: str) -> None:
        """Forget the draft of editor `kind` ("client" or "session")."""
        ...
