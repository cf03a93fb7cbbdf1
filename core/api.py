"""The port the GUI (and any other front end) drives. `app` builds the concrete service."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from core.domain import (
    AssistantStatus,
    Client,
    ClientData,
    ClientSummary,
    HealthCheck,
    Session,
    SessionData,
    SessionSummary,
)


class NotesApi(Protocol):
    """Everything a front end may do with notes. All methods block; call them off the GUI
    thread. Every PHI method raises `core.errors.Locked` while locked."""

    def is_initialised(self) -> bool: ...

    def initialise(self, passphrase: str) -> str:
        """First run: create the database, keys, first workspace and practitioner, and
        unlock. Returns the recovery key, which the front end shows exactly once."""

    def unlock(self, passphrase: str) -> None:
        """Raises `WrongPassphrase` and changes nothing when the passphrase is wrong."""

    def lock(self) -> None: ...

    def touch(self) -> None:
        """Record user activity (keeps the idle auto-lock away)."""

    def check_idle(self) -> bool:
        """Lock if idle past the auto-lock time; True when locked."""

    @property
    def unlocked(self) -> bool: ...

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

    def doctor(self) -> list[HealthCheck]: ...

    def assistant_status(self) -> AssistantStatus:
        """Whether the local models can answer questions; the reason when they cannot."""

    def close(self) -> None:
        """Lock, release connections and stop an embedded server this process started."""
