"""An in-memory NotesApi for unit tests of UI logic only.

It validates input with the same domain gate as the real service (`ClientData.validated()`)
and raises the same error types, but it stores nothing and encrypts nothing. The end-to-end
test runs against the real service instead (tests/ui/test_gui_e2e.py).
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from pathlib import Path
from uuid import UUID

from core.api import BackupStatus, BackupSummary, RestoreSummary
from core.backup_format import BackupError
from core.backup_schedule import scheduled_path
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
from core.errors import AlreadyInitialised, Locked, NotFound, WrongPassphrase
from core.ports import Progress

GATE_TIMEOUT_S = 10
FAKE_PASSPHRASE = "correct horse battery"


FAKE_RECOVERY_KEY = "ABCD-EFGH-IJKL-MNOP"


class FakeNotesApi:
    def __init__(self, passphrase: str = FAKE_PASSPHRASE, *, initialised: bool = True):
        self._mutex = threading.Lock()
        self._passphrase: str | None = passphrase if initialised else None
        self._unlocked = False
        self.clients: dict[UUID, Client] = {}
        self.sessions: dict[UUID, Session] = {}
        # (method name, thread ident) of every call, to prove work left the GUI thread.
        self.calls: list[tuple[str, int]] = []
        # When set to an Event, initialise/unlock wait for it: lets a test see the busy state.
        self.gate: threading.Event | None = None
        # method name -> exception raised by its next call.
        self.fail_next: dict[str, BaseException] = {}
        self.closed = False
        self.touches = 0
        self.last_username: str | None = None
        self.idle_expired = False  # what the real service decides with its idle timer
        # Backups: what backup_status reports, and a gate the backup/restore calls wait on
        # halfway through (after reporting progress 0.5), to catch the dialog mid-work.
        self.backup_status_value = BackupStatus(
            0, 7, None, Path("/nonexistent/chartside-fake.chartside-backup"), None, None, False
        )
        self.backup_gate: threading.Event | None = None

    # -- helpers ----------------------------------------------------------------------------

    def _enter(self, name: str, *, needs_unlock: bool = True) -> None:
        with self._mutex:
            self.calls.append((name, threading.get_ident()))
            exc = self.fail_next.pop(name, None)
        if exc is not None:
            raise exc
        if needs_unlock and not self._unlocked:
            raise Locked()

    def called(self, name: str) -> int:
        return sum(1 for call, _ in self.calls if call == name)

    def _wait_gate(self) -> None:
        if self.gate is not None and not self.gate.wait(GATE_TIMEOUT_S):
            raise TimeoutError("test gate never opened")

    # -- NotesApi ---------------------------------------------------------------------------

    def is_initialised(self) -> bool:
        self._enter("is_initialised", needs_unlock=False)
        return self._passphrase is not None

    def initialise(self, passphrase: str) -> str:
        self._enter("initialise", needs_unlock=False)
        self._wait_gate()
        if self._passphrase is not None:
            raise AlreadyInitialised("Chartside is already initialised.")
        self._passphrase = passphrase
        self._unlocked = True
        return FAKE_RECOVERY_KEY

    def unlock(
        self,
        passphrase: str | None = None,
        *,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        self._enter("unlock", needs_unlock=False)
        self.last_username = username
        self._wait_gate()
        if passphrase != self._passphrase:
            raise WrongPassphrase("The passphrase is wrong.")
        self._unlocked = True

    def lock(self) -> None:
        self._enter("lock", needs_unlock=False)
        self._unlocked = False

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    def assistant_status(self) -> AssistantStatus:
        return AssistantStatus(False, "fake: no models")

    def touch(self) -> None:
        self.touches += 1

    def check_idle(self) -> bool:
        if self.idle_expired:
            self._unlocked = False
        return not self._unlocked

    def list_clients(self, filter_text: str = "") -> list[ClientSummary]:
        self._enter("list_clients")
        needle = filter_text.casefold()
        return [
            ClientSummary(c.id, c.data.full_name, c.data.date_of_birth)
            for c in self.clients.values()
            if needle in c.data.full_name.casefold()
        ]

    def get_client(self, client_id: UUID) -> Client:
        self._enter("get_client")
        try:
            return self.clients[client_id]
        except KeyError:
            raise NotFound("client not found") from None

    def create_client(self, data: ClientData) -> Client:
        self._enter("create_client")
        client = Client(uuid.uuid4(), data.validated(), dt.datetime.now())
        self.clients[client.id] = client
        return client

    def update_client(self, client_id: UUID, data: ClientData) -> Client:
        self._enter("update_client")
        if client_id not in self.clients:
            raise NotFound("client not found")
        client = Client(client_id, data.validated(), dt.datetime.now())
        self.clients[client_id] = client
        return client

    def delete_client(self, client_id: UUID) -> None:
        self._enter("delete_client")
        self.clients.pop(client_id, None)

    def list_sessions(self, client_id: UUID) -> list[SessionSummary]:
        self._enter("list_sessions")
        return [
            SessionSummary(s.id, s.client_id, s.data.date)
            for s in self.sessions.values()
            if s.client_id == client_id
        ]

    def get_session(self, session_id: UUID) -> Session:
        self._enter("get_session")
        try:
            return self.sessions[session_id]
        except KeyError:
            raise NotFound("session not found") from None

    def create_session(self, client_id: UUID, data: SessionData) -> Session:
        self._enter("create_session")
        if client_id not in self.clients:
            raise NotFound("client not found")
        session = Session(uuid.uuid4(), client_id, data.validated(), dt.datetime.now())
        self.sessions[session.id] = session
        return session

    def update_session(self, session_id: UUID, data: SessionData) -> Session:
        self._enter("update_session")
        old = self.sessions.get(session_id)
        if old is None:
            raise NotFound("session not found")
        session = Session(session_id, old.client_id, data.validated(), dt.datetime.now())
        self.sessions[session_id] = session
        return session

    def delete_session(self, session_id: UUID) -> None:
        self._enter("delete_session")
        self.sessions.pop(session_id, None)

    def doctor(self) -> list[HealthCheck]:
        self._enter("doctor", needs_unlock=False)
        return [HealthCheck("fake", True, "in-memory")]

    def backup_status(self) -> BackupStatus:
        self._enter("backup_status", needs_unlock=False)
        return self.backup_status_value

    def _halfway(self, progress: Progress | None, message: str) -> None:
        if progress is not None:
            progress(0.5, message)
        if self.backup_gate is not None and not self.backup_gate.wait(GATE_TIMEOUT_S):
            raise TimeoutError("backup gate never opened")

    def backup_now(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
    ) -> BackupSummary:
        self._enter("backup_now")
        if passphrase != self._passphrase:
            raise WrongPassphrase("The passphrase is wrong.")
        if out.exists() and not overwrite:
            raise BackupError(f"{out} already exists", remediation="Choose another file name.")
        self._halfway(progress, "writing the backup")
        out.write_bytes(b"fake backup " * 100)
        if progress is not None:
            progress(1.0, "backup written")
        return BackupSummary(out, out.stat().st_size, "2026-01-05T08:30:00+00:00")

    def run_scheduled_backup(
        self, passphrase: str | None = None, progress: Progress | None = None
    ) -> BackupSummary:
        self._enter("run_scheduled_backup")
        folder = self.backup_status_value.folder
        assert folder is not None
        out = scheduled_path(folder, dt.datetime.now(dt.UTC))
        # Sealed under the unlocked key when no passphrase is given, as the service does.
        made = self.backup_now(out, passphrase or self._passphrase or "", progress=progress)
        return BackupSummary(made.path, made.size, made.created_at, (folder / "old",))

    def restore_copy(
        self, source: Path, target_dir: Path, passphrase: str, progress: Progress | None = None
    ) -> RestoreSummary:
        self._enter("restore_copy", needs_unlock=False)
        if not source.is_file():
            raise BackupError(f"cannot read {source}", remediation="Choose another file.")
        if target_dir.exists() and any(target_dir.iterdir()):
            raise BackupError(f"cannot restore into {target_dir}: it is not an empty folder")
        if passphrase != self._passphrase:
            raise WrongPassphrase("The passphrase is wrong.")
        self._halfway(progress, "restoring")
        target_dir.mkdir(parents=True, exist_ok=True)
        (target_dir / "restored").write_text("fake")
        return RestoreSummary(target_dir, "2026-01-05T08:30:00+00:00", {"clients": 0})

    def close(self) -> None:
        self._enter("close", needs_unlock=False)
        self._unlocked = False
        self.closed = True
