"""The concrete `NotesApi`: keys, workspace scope and transactions around the repositories."""

from __future__ import annotations

import getpass
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from uuid import UUID

from sqlalchemy import Connection

from core import transfer
from core import workspaces as w
from core.crypto import CellCipher
from core.db.engine import Database
from core.domain import (
    Client,
    ClientData,
    ClientSummary,
    HealthCheck,
    Session,
    SessionData,
    SessionSummary,
)
from core.errors import AlreadyInitialised, NotFound, NotInitialised
from core.keys import KeyManager
from core.repos import ClientRepo, SessionRepo
from core.settings import Settings
from core.store import Store

T = TypeVar("T")


class ChartsideService:
    """Blocking, thread-safe. The GUI calls it from its task runner, the CLI directly."""

    def __init__(
        self, settings: Settings, migrations_dir: Path, keys: KeyManager | None = None
    ) -> None:
        self.settings = settings
        self.store = Store(settings, migrations_dir)
        self.keys = keys or KeyManager()
        self.workspace_id: UUID | None = None
        self._lock = threading.RLock()

    # -- lifecycle ---------------------------------------------------------------------
    def is_initialised(self) -> bool:
        with self._lock:
            if not self.store.created:
                return False
            with self.store.open().tx(None) as conn:
                return bool(w.workspace_ids(conn))

    def initialise(self, passphrase: str) -> None:
        with self._lock:
            w.check_new_passphrase(passphrase)
            db = self.store.create() if not self.store.created else self.store.open()
            with db.tx(None) as conn:
                if w.workspace_ids(conn):
                    raise AlreadyInitialised(
                        f"Chartside data already exists in {self.settings.data_dir}"
                    )
            ws, dek, version = w.create_workspace(db, "Practice", passphrase, self.settings.crypto)
            self.keys.install(ws, dek, version)
            self.workspace_id = ws
            user = getpass.getuser()
            self.run(lambda c, k: w.PractitionerRepo(k).create(c, user, user))

    def unlock(self, passphrase: str) -> None:
        with self._lock:
            if not self.store.created:
                raise NotInitialised("Chartside has no data yet")
            db = self.store.open()
            with db.tx(None) as conn:
                ids = w.workspace_ids(conn)
            if not ids:
                raise NotInitialised("Chartside has no workspace yet")
            ws = ids[0]
            dek, version = w.unlock_workspace(db, ws, passphrase)
            self.keys.install(ws, dek, version)
            self.workspace_id = ws

    def lock(self) -> None:
        self.keys.lock()

    @property
    def unlocked(self) -> bool:
        return self.keys.unlocked

    def close(self) -> None:
        with self._lock:
            self.keys.lock()
            self.store.close()

    # -- scoped work -------------------------------------------------------------------
    def cipher(self) -> CellCipher:
        if self.workspace_id is None:
            return self.keys.cipher(uuid.UUID(int=0))  # raises Locked
        return self.keys.cipher(self.workspace_id)

    def run(self, fn: Callable[[Connection, CellCipher], T]) -> T:
        """Run `fn` in one transaction scoped to the unlocked workspace."""
        cipher = self.cipher()
        with self.db.tx(cipher.workspace_id) as conn:
            return fn(conn, cipher)

    @property
    def db(self) -> Database:
        return self.store.require()

    # -- clients -----------------------------------------------------------------------
    def list_clients(self, filter_text: str = "") -> list[ClientSummary]:
        rows = self.run(lambda c, k: ClientRepo(k).summaries(c))
        needle = filter_text.casefold().strip()
        # Names are ciphertext, so filtering happens here, after decryption.
        hits = [r for r in rows if needle in r.full_name.casefold()] if needle else rows
        return sorted(hits, key=lambda r: (r.full_name.casefold(), str(r.id)))

    def get_client(self, client_id: UUID) -> Client:
        return self.run(lambda c, k: ClientRepo(k).get(c, client_id))

    def create_client(self, data: ClientData) -> Client:
        d = data.validated()

        def work(c: Connection, k: CellCipher) -> Client:
            repo = ClientRepo(k)
            return repo.get(c, repo.insert(c, d))

        return self.run(work)

    def update_client(self, client_id: UUID, data: ClientData) -> Client:
        d = data.validated()

        def work(c: Connection, k: CellCipher) -> Client:
            repo = ClientRepo(k)
            repo.update(c, client_id, d)
            return repo.get(c, client_id)

        return self.run(work)

    def delete_client(self, client_id: UUID) -> None:
        self.run(lambda c, k: ClientRepo(k).delete(c, client_id))

    # -- sessions ----------------------------------------------------------------------
    def list_sessions(self, client_id: UUID) -> list[SessionSummary]:
        return self.run(lambda c, k: SessionRepo(k).summaries(c, client_id))

    def get_session(self, session_id: UUID) -> Session:
        return self.run(lambda c, k: SessionRepo(k).get(c, session_id))

    def create_session(self, client_id: UUID, data: SessionData) -> Session:
        d = data.validated()

        def work(c: Connection, k: CellCipher) -> Session:
            ClientRepo(k).get(c, client_id)  # a clear NotFound instead of an FK error
            repo = SessionRepo(k)
            return repo.get(c, repo.insert(c, client_id, d))

        return self.run(work)

    def update_session(self, session_id: UUID, data: SessionData) -> Session:
        d = data.validated()

        def work(c: Connection, k: CellCipher) -> Session:
            repo = SessionRepo(k)
            repo.update(c, session_id, d)
            return repo.get(c, session_id)

        return self.run(work)

    def delete_session(self, session_id: UUID) -> None:
        self.run(lambda c, k: SessionRepo(k).delete(c, session_id))

    # -- import / export ---------------------------------------------------------------
    def import_file(
        self, path: Path, progress: transfer.Progress | None = None
    ) -> transfer.ImportSummary:
        records = transfer.parse(path.read_bytes())  # validate everything before writing
        return self.run(lambda c, k: transfer.write(c, k, records, progress))

    def export_doc(self, client: str | None = None) -> dict:
        def work(c: Connection, k: CellCipher) -> dict:
            cid = None
            if client is not None:
                cid = ClientRepo(k).ids_by_external(c, [client]).get(client)
                if cid is None:
                    cid = _as_uuid(client)
                if cid is None:
                    raise NotFound("no client has that id")
            return transfer.export_doc(c, k, cid)

        return self.run(work)

    # -- health ------------------------------------------------------------------------
    def doctor(self) -> list[HealthCheck]:
        from core.doctor import run_checks

        return run_checks(self)


def _as_uuid(value: str) -> UUID | None:
    try:
        return UUID(value)
    except ValueError:
        return None
