"""The unlocked state every service works in: keys, workspace, practitioner, idle timer.

One `WorkspaceSession` per data dir. The services take it in their constructors and ask it
for a transaction (`run`), never for its keys: the cipher is handed to the work, scoped to
the unlocked workspace, and the audit event commits with it."""

from __future__ import annotations

import getpass
import logging
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from core.db.engine import Database
from core.db.store import Store
from core.errors import ChartsideError, Locked, NotInitialised
from core.messages import Message
from core.progress import Progress, touching
from core.records import workspaces as w
from core.security import audit
from core.security.autolock import Clock, IdleTimer
from core.security.crypto import CellCipher
from core.security.keys import KeyManager, WorkspaceKeys
from core.settings import Settings

T = TypeVar("T")
log = logging.getLogger(__name__)


class WorkspaceSession:
    """Who is signed in to which workspace, with which keys, and since when idle."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        keys: KeyManager,
        anchors: audit.AnchorStore,
        idle: IdleTimer,
    ) -> None:
        self.settings = settings
        self.store = store
        self.keys = keys
        self.anchors = anchors
        self.idle = idle
        self.workspace_id: UUID | None = None
        self.actor = getpass.getuser()
        self.practitioner_id: UUID | None = None
        # Held across unlock, lock and the idle check, so a lock never lands half-way
        # through an unlock (re-entrant: locking on idle happens inside `run`).
        self.mutex = threading.RLock()
        self._on_lock: list[Callable[[], None]] = []
        self._on_enter: list[Callable[[], None]] = []

    @classmethod
    def open(
        cls,
        settings: Settings,
        migrations_dir: Path,
        keys: KeyManager | None = None,
        clock: Clock = time.monotonic,
    ) -> WorkspaceSession:
        """A locked session over `settings.data_dir`; nothing is started yet."""
        return cls(
            settings,
            Store(settings, migrations_dir),
            keys or KeyManager(),
            audit.AnchorStore(settings.data_dir / "audit-anchor.json"),
            IdleTimer(settings.security.auto_lock_minutes * 60, clock),
        )

    @property
    def db(self) -> Database:
        return self.store.require()

    @property
    def unlocked(self) -> bool:
        return self.keys.unlocked

    # -- the workspace ----------------------------------------------------------------
    def workspace_ids(self) -> list[UUID]:
        """Every workspace in the database (none needs unlocking); [] before any data."""
        if not self.store.created:
            return []
        with self.store.open().tx(None) as conn:
            return w.workspace_ids(conn)

    def first_workspace(self) -> UUID:
        """Starts the database; a clear error when there is no data or no workspace."""
        if not self.store.created:
            raise NotInitialised(Message("session.no_data_yet"))
        ids = self.workspace_ids()
        if not ids:
            raise NotInitialised(Message("session.no_workspace_yet"))
        return ids[0]

    def enter(
        self,
        ws: UUID,
        keys: WorkspaceKeys,
        action: str,
        *,
        actor: str | None = None,
        practitioner_id: UUID | None = None,
    ) -> None:
        """Install the unlocked keys and record `action` (init, unlock, ...)."""
        with self.mutex:
            if actor is not None:
                self.actor = actor
            if practitioner_id is not None:
                self.practitioner_id = practitioner_id
            self.keys.install(ws, keys)
            self.workspace_id = ws
            self.idle.touch()
            self.run(lambda c, k: None, action)
            for follow in self._on_enter:
                try:
                    follow()
                except (ChartsideError, SQLAlchemyError) as exc:
                    # Unlocked is unlocked: notes must open even if, say, a model cannot.
                    log.warning("after unlocking: %s", type(exc).__name__)

    def cipher(self) -> CellCipher:
        if self.workspace_id is None:
            return self.keys.cipher(uuid.UUID(int=0))  # raises Locked
        return self.keys.cipher(self.workspace_id)

    def require_workspace(self) -> UUID:
        return self.cipher().workspace_id

    # -- locking ----------------------------------------------------------------------
    def on_enter(self, follow: Callable[[], None]) -> None:
        """`follow` runs after each unlock (and init), with the workspace's keys in place."""
        self._on_enter.append(follow)

    def on_lock(self, forget: Callable[[], None]) -> None:
        """`forget` runs whenever the keys go: whatever was decrypted must go with them."""
        self._on_lock.append(forget)

    def lock(self, reason: str = "user") -> None:
        with self.mutex:
            try:
                if self.keys.unlocked and self.store.db is not None:
                    self.run_unchecked(
                        lambda c, k: None, "lock", None, lambda _: {"reason": reason}
                    )
            except (ChartsideError, SQLAlchemyError) as exc:
                # Locking must never fail: a missing "lock" event is the lesser harm.
                log.warning("could not record the lock event: %s", type(exc).__name__)
            finally:
                for forget in self._on_lock:
                    forget()
                self.keys.lock()

    def touch(self) -> None:
        self.idle.touch()

    def check_idle(self) -> bool:
        """Lock if idle too long; True when locked now."""
        with self.mutex:
            if self.keys.unlocked and self.idle.expired:
                self.lock(reason="idle")
            return not self.keys.unlocked

    def require_active(self) -> None:
        """Raise `Locked` when locked or idle past the auto-lock time; else count as use."""
        if self.check_idle():
            raise Locked()
        self.idle.touch()

    def busy(self, progress: Progress | None) -> Progress:
        """Long work is activity: the auto-lock must not strike in the middle of it."""
        return touching(self.idle.touch, progress)

    def close(self) -> None:
        with self.mutex:
            self.lock()
            self.store.close()

    # -- scoped work ------------------------------------------------------------------
    def run(
        self,
        fn: Callable[[Connection, CellCipher], T],
        action: str | None = None,
        target: Callable[[T], Any] | UUID | None = None,
        details: Callable[[T], dict[str, Any]] | None = None,
    ) -> T:
        """Run `fn` in one transaction scoped to the unlocked workspace. With an `action`,
        the audit event is written in the same transaction: no change without its record.
        Idle past the auto-lock time, the keys are dropped first and `Locked` is raised."""
        self.require_active()
        return self.run_unchecked(fn, action, target, details)

    def run_unchecked(
        self,
        fn: Callable[[Connection, CellCipher], T],
        action: str | None,
        target: Callable[[T], Any] | UUID | None,
        details: Callable[[T], dict[str, Any]] | None,
    ) -> T:
        """`run` without the idle check: for the lock event and the last draft save."""
        cipher = self.cipher()
        writer = audit.AuditWriter(cipher, self.actor)
        with self.db.tx(cipher.workspace_id) as conn:
            result = fn(conn, cipher)
            if action is not None:
                tgt = target(result) if callable(target) else target
                writer.append(conn, action, tgt, details(result) if details else None)
        if writer.head is not None:
            self.anchors.advance(cipher.workspace_id, writer.head)
        return result
