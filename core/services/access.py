"""The session's lifecycle: first run, unlock (passphrase, recovery key, OS keyring), and
deleting this computer's data. `ChartsideService` is an `Access` (these are its own methods,
not a part's); the keys and backups parts hold one to prove a passphrase again."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.errors import AlreadyInitialised, KeyringUnavailable, NotFound, NotInitialised
from core.messages import Message
from core.records import workspaces as w
from core.security.keyring_source import KeyringSource
from core.services.session import WorkspaceSession
from core.settings import Settings, require_allowed


class Access:
    """Creates the workspace and unlocks (or deletes) the session."""

    def __init__(self, session: WorkspaceSession) -> None:
        self.session = session
        self.settings: Settings = session.settings

    def is_initialised(self) -> bool:
        with self.session.mutex:
            return bool(self.session.workspace_ids())

    def initialise(self, passphrase: str) -> str:
        """Create everything and unlock. Returns the recovery key, to be shown once."""
        s = self.session
        with s.mutex:
            w.check_new_passphrase(passphrase)
            db = s.store.create() if not s.store.created else s.store.open()
            with db.tx(None) as conn:
                if w.workspace_ids(conn):
                    raise AlreadyInitialised(
                        Message("keys.data_already_exists", path=self.settings.data_dir)
                    )
            ws, keys, recovery, pid = w.create_workspace(
                db, "Practice", passphrase, self.settings.crypto, s.actor
            )
            s.enter(ws, keys, "init", practitioner_id=pid)
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
        s = self.session
        with s.mutex:
            s.first_workspace()  # starts the database; clear error when there is none
            login = w.login_for(s.db, username)
            keys = w.unlock_workspace(
                s.db,
                login.workspace_id,
                passphrase,
                recovery_key=recovery_key,
                practitioner_id=login.practitioner_id,
            )
            s.enter(
                login.workspace_id,
                keys,
                "unlock" if recovery_key is None else "unlock.recovery",
                actor=login.username,
                practitioner_id=login.practitioner_id,
            )

    def delete_local_data(self, source: KeyringSource | None = None) -> Path:
        """Remove this computer's Chartside data: the data dir (the embedded database, its
        keys and drafts) and each workspace's OS keyring entry, the database stopped first.
        A clinic server's database is left alone: only what is local goes."""
        data_dir = self.settings.data_dir
        with self.session.mutex:
            workspaces = self.session.workspace_ids()
            self.session.close()
        keyring = source or KeyringSource()
        for ws in workspaces:
            keyring.delete(ws)
        if data_dir.exists():
            shutil.rmtree(data_dir)
        return data_dir

    def keyring_ready(self) -> bool:
        """Whether the OS keyring is set up to unlock this workspace. Needs no unlock, and
        says nothing of whether the entry is still in the keyring (unlocking tells)."""
        s = self.session
        with s.mutex:
            if not s.store.created:
                return False
            try:
                ws = s.first_workspace()
            except NotInitialised:
                return False
            return w.secret_source_backend(s.db, ws, w.KEYRING) is not None

    def unlock_with_keyring(
        self,
        source: KeyringSource | None = None,
        *,
        username: str | None = None,
    ) -> None:
        """Unlock from the OS keyring, as the practitioner `username` (left out: the only
        one, or the computer account's). If its entry is gone or the backend changed, the
        error says so and points to the passphrase and the recovery key."""
        require_allowed(
            self.settings, "security.keyring_allowed", Message("settings.the_os_keyring")
        )
        src = source or KeyringSource()
        s = self.session
        with s.mutex:
            ws = s.first_workspace()
            backend = w.secret_source_backend(s.db, ws, w.KEYRING)
            if backend is None:
                raise KeyringUnavailable(Message("keys.keyring_not_set_up"))
            login = w.login_for(s.db, username)
            if login.workspace_id != ws:
                raise NotFound(Message("keys.no_such_practitioner_here"))
            secret = src.load(ws, backend)
            keys = w.unlock_with_secret(s.db, ws, w.KEYRING, secret)
            s.enter(
                ws,
                keys,
                "unlock.keyring",
                actor=login.username,
                practitioner_id=login.practitioner_id,
            )
