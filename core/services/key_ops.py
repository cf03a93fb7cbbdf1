"""The keys part: key changes on an unlocked session (passphrase, recovery key, OS keyring,
rotation, practitioners). Each change is one transaction with its audit event; none ever
deletes data. Unlocking is the session's (core.services.access)."""

from __future__ import annotations

from uuid import UUID

from core.errors import (
    Cancelled,
    NotFound,
    ValidationError,
)
from core.messages import Message
from core.progress import CancelToken, Progress
from core.records import workspaces as w
from core.security import rekey
from core.security.keyring_source import KeyringSource
from core.services.access import Access
from core.services.session import WorkspaceSession
from core.settings import require_allowed


class KeyService:
    """Changes the unlocked session's keys (`ChartsideApi.keys`)."""

    def __init__(self, session: WorkspaceSession, access: Access) -> None:
        """`access` proves the current passphrase again before a change."""
        self.session = session
        self.settings = session.settings
        self.access = access

    # -- key changes -------------------------------------------------------------------
    def change_passphrase(
        self,
        new: str,
        *,
        current: str | None = None,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        """Proves the current passphrase (or the recovery key) again, then re-wraps the
        master key for this practitioner. The data keys and the data stay as they are."""
        w.check_new_passphrase(new)
        self.access.unlock(current, recovery_key=recovery_key, username=username)
        keys = self.session.keys.keys(self.session.require_workspace())
        pid = self.session.practitioner_id
        assert pid is not None
        self.session.run(
            lambda c, k: w.set_passphrase(c, k.workspace_id, keys, new, self.settings.crypto, pid),
            "key.passphrase_changed",
        )

    def add_practitioner(self, username: str, display_name: str, passphrase: str) -> UUID:
        """Another practitioner in this workspace, with their own passphrase."""
        keys = self.session.keys.keys(self.session.require_workspace())
        return self.session.run(
            lambda c, k: w.add_practitioner_login(
                c, k.workspace_id, keys, username, display_name, passphrase, self.settings.crypto
            ),
            "practitioner.add",
            target=lambda pid: pid,
        )

    def remove_practitioner(self, username: str) -> None:
        """Their login and passphrase go; the audit trail keeps their name."""
        login = w.find_login(self.session.db, username)
        if login is None or login.workspace_id != self.session.require_workspace():
            raise NotFound(Message("keys.no_such_practitioner_here"))
        if login.practitioner_id == self.session.practitioner_id:
            raise ValidationError(Message("keys.cannot_remove_signed_in"), field="username")
        self.session.run(
            lambda c, k: w.PractitionerRepo(k).delete(c, login.practitioner_id),
            "practitioner.remove",
            login.practitioner_id,
        )

    def practitioners(self) -> list[str]:
        return self.session.run(lambda c, k: w.usernames(c, k.workspace_id))

    def new_recovery_key(self) -> str:
        """A fresh recovery key; the old one stops working."""
        keys = self.session.keys.keys(self.session.require_workspace())
        return self.session.run(
            lambda c, k: w.new_recovery_key(c, k.workspace_id, keys),
            "key.recovery_replaced",
            details=lambda _: {},
        )

    def enable_keyring(self, source: KeyringSource | None = None) -> str:
        """Add the OS keyring as a key source (unlock without typing). Returns the backend."""
        require_allowed(
            self.settings, "security.keyring_allowed", Message("settings.the_os_keyring")
        )
        src = source or KeyringSource()
        ws = self.session.require_workspace()
        keys = self.session.keys.keys(ws)
        secret = src.store_new(ws)  # refuses insecure backends, with the reason
        backend = src.check().name
        self.session.run(
            lambda c, k: w.set_secret_source(
                c, ws, keys, w.KEYRING, secret, {"algorithm": "keyring", "backend": backend}
            ),
            "key.keyring_enabled",
            details=lambda _: {"backend": backend},
        )
        return backend

    def disable_keyring(self, source: KeyringSource | None = None) -> None:
        ws = self.session.require_workspace()
        self.session.run(lambda c, k: w.drop_source(c, ws, w.KEYRING), "key.keyring_disabled")
        (source or KeyringSource()).delete(ws)

    def disable_passphrase(self) -> None:
        """Keyring only: drop this practitioner's passphrase wrapper. Refused unless the
        keyring can unlock, and the recovery key stays as the way in if the keyring goes."""
        ws = self.session.require_workspace()
        pid = self.session.practitioner_id
        if w.KEYRING not in self.key_sources():
            raise ValidationError(Message("keys.keyring_needed_first"), field="passphrase")
        assert pid is not None
        self.session.run(lambda c, k: w.drop_passphrase(c, ws, pid), "key.passphrase_disabled")

    def key_sources(self) -> list[str]:
        return self.session.run(lambda c, k: w.sources(c, k.workspace_id))

    def rotate_data_key(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> int:
        """A new data key version for new writes; then re-encrypts what the old one wrote.
        Interrupted or cancelled, `reencrypt()` finishes the job later."""
        ws = self.session.require_workspace()
        keys = self.session.keys.keys(ws)
        rotated = self.session.run(
            lambda c, k: w.add_data_key(c, ws, keys),
            "key.rotated",
            details=lambda r: {"version": r.current},
        )
        self.session.keys.install(ws, rotated)
        self.reencrypt(progress, cancel)
        return rotated.current

    def reencrypt(self, progress: Progress | None = None, cancel: CancelToken | None = None) -> int:
        """Re-encrypt what older key versions wrote. Each batch commits, so a cancel keeps
        what is done: the audit log then records those rows, marked cancelled, and
        `Cancelled` is raised; a later call resumes."""
        db, cipher = self.session.db, self.session.cipher()
        try:
            done = rekey.reencrypt(db, cipher, progress=progress, cancel=cancel)
        except Cancelled as stopped:
            self._record_reencrypted(stopped.done, cancelled=True)
            raise
        self._record_reencrypted(done)
        return done

    def _record_reencrypted(self, rows: int, *, cancelled: bool = False) -> None:
        if rows:
            details = {"rows": rows, **({"cancelled": True} if cancelled else {})}
            self.session.run(lambda c, k: None, "key.reencrypted", details=lambda _: details)

    def reencrypt_pending(self) -> int:
        return rekey.pending(self.session.db, self.session.cipher())
