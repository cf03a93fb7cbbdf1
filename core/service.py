"""The concrete `NotesApi`: keys, workspace scope and transactions around the repositories."""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from core import audit, backup
from core import backup_schedule as schedule
from core import workspaces as w
from core.api import BackupSummary, RestoreSummary
from core.ask_ops import AskOps
from core.autolock import Clock, IdleTimer
from core.crypto import CellCipher
from core.db.engine import Database
from core.domain import AssistantStatus, HealthCheck
from core.errors import (
    AlreadyInitialised,
    ChartsideError,
    Locked,
    NotInitialised,
    WrongPassphrase,
)
from core.key_ops import KeyOps
from core.keyring_source import KeyringSource
from core.keys import KeyManager, WorkspaceKeys
from core.notes import NotesOps
from core.ports import Embedder, Generator
from core.progress import Progress, touching
from core.search_ops import SearchOps
from core.settings import Settings
from core.store import Store

T = TypeVar("T")
log = logging.getLogger(__name__)


class ChartsideService(NotesOps, KeyOps, SearchOps, AskOps):
    """Blocking, thread-safe. The GUI calls it from its task runner, the CLI directly."""

    def __init__(
        self,
        settings: Settings,
        migrations_dir: Path,
        keys: KeyManager | None = None,
        clock: Clock = time.monotonic,
        assistant_status: Callable[[], AssistantStatus] | None = None,
        embedder: Embedder | None = None,
        generator: Callable[[], Generator | None] | None = None,
    ) -> None:
        """`generator` opens the text generator on first use (None: extractive answers)."""
        self.settings = settings
        self.store = Store(settings, migrations_dir)
        self.keys = keys or KeyManager()
        self.workspace_id: UUID | None = None
        self.actor = getpass.getuser()
        self.practitioner_id: UUID | None = None
        self.anchors = audit.AnchorStore(settings.data_dir / "audit-anchor.json")
        self._lock = threading.RLock()
        self.idle = IdleTimer(settings.security.auto_lock_minutes * 60, clock)
        self._assistant_status = assistant_status
        self._init_search(embedder)
        self._init_assistant(generator)

    # -- lifecycle ---------------------------------------------------------------------
    def is_initialised(self) -> bool:
        with self._lock:
            if not self.store.created:
                return False
            with self.store.open().tx(None) as conn:
                return bool(w.workspace_ids(conn))

    def initialise(self, passphrase: str) -> str:
        """Create everything and unlock. Returns the recovery key, to be shown once."""
        with self._lock:
            w.check_new_passphrase(passphrase)
            db = self.store.create() if not self.store.created else self.store.open()
            with db.tx(None) as conn:
                if w.workspace_ids(conn):
                    raise AlreadyInitialised(
                        f"Chartside data already exists in {self.settings.data_dir}"
                    )
            ws, keys, recovery, pid = w.create_workspace(
                db, "Practice", passphrase, self.settings.crypto, self.actor
            )
            self.practitioner_id = pid
            self._unlocked(ws, keys, "init")
            return recovery

    def unlock(
        self,
        passphrase: str | None = None,
        *,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        """With the practitioner's passphrase, or the workspace's recovery key when the
        passphrase is lost. `username` may be left out while the workspace has one
        practitioner, or when it is the computer account's name."""
        with self._lock:
            self._first_workspace()  # starts the database; clear error when there is none
            login = w.login_for(self.db, username)
            keys = w.unlock_workspace(
                self.db,
                login.workspace_id,
                passphrase,
                recovery_key=recovery_key,
                practitioner_id=login.practitioner_id,
            )
            self.actor, self.practitioner_id = login.username, login.practitioner_id
            self._unlocked(
                login.workspace_id, keys, "unlock" if recovery_key is None else "unlock.recovery"
            )

    def _first_workspace(self) -> UUID:
        if not self.store.created:
            raise NotInitialised("Chartside has no data yet")
        with self.store.open().tx(None) as conn:
            ids = w.workspace_ids(conn)
        if not ids:
            raise NotInitialised("Chartside has no workspace yet")
        return ids[0]

    def _unlocked(self, ws: UUID, keys: WorkspaceKeys, action: str) -> None:
        self.keys.install(ws, keys)
        self.workspace_id = ws
        self.idle.touch()
        self.run(lambda c, k: None, action)

    def require_workspace(self) -> UUID:
        return self.cipher().workspace_id

    def lock(self) -> None:
        self._lock_keys(reason="user")

    def _lock_keys(self, reason: str) -> None:
        with self._lock:
            try:
                if self.keys.unlocked and self.store.db is not None:
                    self._run_unchecked(
                        lambda c, k: None, "lock", None, lambda _: {"reason": reason}
                    )
            except (ChartsideError, SQLAlchemyError) as exc:
                # Locking must never fail: a missing "lock" event is the lesser harm.
                log.warning("could not record the lock event: %s", type(exc).__name__)
            finally:
                self._stop_search()
                self.keys.lock()

    @property
    def unlocked(self) -> bool:
        return self.keys.unlocked

    def touch(self) -> None:
        """User activity that reaches no service call (typing) still keeps it unlocked."""
        self.idle.touch()

    def check_idle(self) -> bool:
        """Lock if idle too long; True when locked now. The GUI polls this on a timer."""
        with self._lock:
            if self.keys.unlocked and self.idle.expired:
                self._lock_keys(reason="idle")
            return not self.keys.unlocked

    def close(self) -> None:
        with self._lock:
            self.lock()
            self.store.close()

    def delete_local_data(self, source: KeyringSource | None = None) -> Path:
        """Remove this computer's Chartside data: the data dir (the embedded database, its
        keys and drafts) and each workspace's OS keyring entry, the database stopped first.
        A clinic server's database is left alone: only what is local goes."""
        data_dir = self.settings.data_dir
        with self._lock:
            workspaces: list[UUID] = []
            if self.store.created:
                with self.store.open().tx(None) as conn:
                    workspaces = w.workspace_ids(conn)
            self.close()
        keyring = source or KeyringSource()
        for ws in workspaces:
            keyring.delete(ws)
        if data_dir.exists():
            shutil.rmtree(data_dir)
        return data_dir

    # -- scoped work -------------------------------------------------------------------
    def cipher(self) -> CellCipher:
        if self.workspace_id is None:
            return self.keys.cipher(uuid.UUID(int=0))  # raises Locked
        return self.keys.cipher(self.workspace_id)

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
        return self._run_unchecked(fn, action, target, details)

    def require_active(self) -> None:
        """Raise `Locked` when locked or idle past the auto-lock time; else count as use."""
        if self.check_idle():
            raise Locked()
        self.idle.touch()

    def _run_unchecked(
        self,
        fn: Callable[[Connection, CellCipher], T],
        action: str | None,
        target: Callable[[T], Any] | UUID | None,
        details: Callable[[T], dict[str, Any]] | None,
    ) -> T:
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

    @property
    def db(self) -> Database:
        return self.store.require()

    def _busy(self, progress: Progress | None) -> Progress:
        return touching(self.idle.touch, progress)

    # -- backup ------------------------------------------------------------------------
    def backup(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
    ) -> backup.BackupResult:
        """An encrypted, checked backup; recorded in the audit log like any other export.
        The passphrase is proven again, for the practitioner at the keyboard."""
        self.unlock(passphrase, username=self.actor if self.unlocked else None)
        result = backup.create_backup(
            self.store, out, passphrase, overwrite=overwrite, progress=self._busy(progress)
        )
        self.run(
            lambda c, k: None,
            "backup",
            details=lambda _: {"bytes": result.size, "tables": result.manifest.tables},
        )
        return result

    def restore(
        self, source: Path, passphrase: str, progress: Progress | None = None
    ) -> backup.Manifest:
        """Restore into this service's (new, empty) data dir, check it, then unlock it.
        A sealed (scheduled) backup also opens with the recovery key."""
        manifest = backup.restore_backup(
            source, self.settings, self.store.migrations_dir, passphrase, progress=progress
        )
        try:
            self.unlock(passphrase)
        except WrongPassphrase:
            self.unlock(recovery_key=passphrase)
        self.run(
            lambda c, k: None,
            "restore",
            details=lambda _: {"tables": manifest.tables, "created_at": manifest.created_at},
        )
        return manifest

    # -- backup for front ends (thin; see core.backup_schedule) --------------------------
    def backup_status(self, now: dt.datetime | None = None) -> schedule.BackupStatus:
        return schedule.status(self.settings.backup, now or schedule.utc_now())

    def backup_now(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
    ) -> BackupSummary:
        r = self.backup(Path(out), passphrase, overwrite=overwrite, progress=progress)
        return BackupSummary(r.path, r.size, r.manifest.created_at)

    def run_scheduled_backup(
        self,
        passphrase: str | None = None,
        progress: Progress | None = None,
        now: dt.datetime | None = None,
    ) -> BackupSummary:
        """Only while unlocked. Without a passphrase the backup is sealed under the unlocked
        workspace key (unattended); the passphrase or the recovery key opens it later."""
        if not self.unlocked:
            raise Locked()

        def write(out: Path) -> BackupSummary:
            if passphrase is None:
                return self._sealed_backup(out, progress)
            return self.backup_now(out, passphrase, progress=progress)

        made, pruned = schedule.run_scheduled(
            self.settings.backup, now or schedule.utc_now(), write
        )
        return BackupSummary(made.path, made.size, made.created_at, tuple(pruned))

    def _sealed_backup(self, out: Path, progress: Progress | None) -> BackupSummary:
        ws = self.require_workspace()
        keys = self.keys.keys(ws)
        wrappers = self.run(lambda c, k: w.master_wrappers(c, ws))
        sealed = backup.Sealed(str(ws), keys.master, wrappers)
        result = backup.create_backup(
            self.store, out, None, progress=self._busy(progress), sealed=(sealed, self.cipher())
        )
        self.run(
            lambda c, k: None,
            "backup",
            details=lambda _: {
                "bytes": result.size,
                "tables": result.manifest.tables,
                "mode": "sealed",
            },
        )
        return BackupSummary(result.path, result.size, result.manifest.created_at)

    def restore_copy(
        self, source: Path, target_dir: Path, passphrase: str, progress: Progress | None = None
    ) -> RestoreSummary:
        """Restore into another (new, empty) data dir through a service of its own."""
        target = Path(target_dir).expanduser().absolute()
        live = self.settings.data_dir.expanduser().absolute()
        if target == live or live in target.parents:
            raise backup.RestoreTargetNotEmpty(
                f"cannot restore into {target}: it is inside the data folder in use"
            )
        settings = self.settings.model_copy(update={"data_dir": target})
        other = ChartsideService(settings, self.store.migrations_dir)
        try:
            manifest = other.restore(Path(source), passphrase, progress=progress)
        finally:
            other.close()
        return RestoreSummary(target, manifest.created_at, dict(manifest.tables))

    # -- audit -------------------------------------------------------------------------
    def audit_verify(self) -> audit.VerifyReport:
        cipher = self.cipher()
        with self.db.tx(cipher.workspace_id) as conn:
            rows = list(audit.load_events(conn, cipher.workspace_id))
        return audit.verify_events(
            audit.audit_key(cipher), rows, self.anchors.get(cipher.workspace_id)
        )

    def audit_export(self) -> list[dict[str, Any]]:
        return self.run(lambda c, k: audit.export_rows(c, k.workspace_id), "audit.export")

    def record_ai_query(
        self, query: str, retrieved: list[str], cited: list[str], timings_ms: dict[str, int]
    ) -> None:
        """An `ai.query` event with no stored turn (a cancelled answer)."""
        self.run(
            lambda c, k: None,
            "ai.query",
            details=lambda _: audit.ai_query_details(
                self.cipher(), query, retrieved, cited, timings_ms
            ),
        )

    def assistant_status(self) -> AssistantStatus:
        if self._assistant_status is None:
            return AssistantStatus(False, "No local AI models are set up in this installation.")
        return self._assistant_status()

    # -- health ------------------------------------------------------------------------
    def doctor(self) -> list[HealthCheck]:
        from core.doctor import run_checks

        return run_checks(self)
