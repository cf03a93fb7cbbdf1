"""Key changes on the unlocked service: passphrase, recovery key, rotation, OS keyring.
Each is one transaction with its audit event; none ever deletes data."""

from __future__ import annotations

from uuid import UUID

from core import rekey
from core import workspaces as w
from core.errors import KeyringUnavailable, NotFound, NotInitialised, ValidationError
from core.keyring_source import KeyringSource
from core.progress import Progress
from core.service_base import ServiceBase
from core.settings import require_allowed


class KeyOps(ServiceBase):
    """Mixed into the service."""

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
        self.unlock(current, recovery_key=recovery_key, username=username)
        keys = self.keys.keys(self.require_workspace())
        pid = self.practitioner_id
        assert pid is not None
        self.run(
            lambda c, k: w.set_passphrase(c, k.workspace_id, keys, new, self.settings.crypto, pid),
            "key.passphrase_changed",
        )

    def add_practitioner(self, username: str, display_name: str, passphrase: str) -> UUID:
        """Another practitioner in this workspace, with their own passphrase."""
        keys = self.keys.keys(self.require_workspace())
        return self.run(
            lambda c, k: w.add_practitioner_login(
                c, k.workspace_id, keys, username, display_name, passphrase, self.settings.crypto
            ),
            "practitioner.add",
            target=lambda pid: pid,
        )

    def remove_practitioner(self, username: str) -> None:
        """Their login and passphrase go; the audit trail keeps their name."""
        login = w.find_login(self.db, username)
        if login is None or login.workspace_id != self.require_workspace():
            raise NotFound("No practitioner by that name in this workspace.")
        if login.practitioner_id == self.practitioner_id:
            raise ValidationError(
                "cannot remove the practitioner who is signed in", field="username"
            )
        self.run(
            lambda c, k: w.PractitionerRepo(k).delete(c, login.practitioner_id),
            "practitioner.remove",
            login.practitioner_id,
        )

    def practitioners(self) -> list[str]:
        return self.run(lambda c, k: w.usernames(c, k.workspace_id))

    def new_recovery_key(self) -> str:
        """A fresh recovery key; the old one stops working."""
        keys = self.keys.keys(self.require_workspace())
        return self.run(
            lambda c, k: w.new_recovery_key(c, k.workspace_id, keys),
            "key.recovery_replaced",
            details=lambda _: {},
        )

    def enable_keyring(self, source: KeyringSource | None = None) -> str:
        """Add the OS keyring as a key source (unlock without typing). Returns the backend."""
        require_allowed(self.settings, "security.keyring_allowed", "The OS keyring")
        src = source or KeyringSource()
        ws = self.require_workspace()
        keys = self.keys.keys(ws)
        secret = src.store_new(ws)  # refuses insecure backends, with the reason
        backend = src.check().name
        self.run(
            lambda c, k: w.set_secret_source(
                c, ws, keys, w.KEYRING, secret, {"algorithm": "keyring", "backend": backend}
            ),
            "key.keyring_enabled",
            details=lambda _: {"backend": backend},
        )
        return backend

    def disable_keyring(self, source: KeyringSource | None = None) -> None:
        ws = self.require_workspace()
        self.run(lambda c, k: w.drop_source(c, ws, w.KEYRING), "key.keyring_disabled")
        (source or KeyringSource()).delete(ws)

    def disable_passphrase(self) -> None:
        """Keyring only: drop this practitioner's passphrase wrapper. Refused unless the
        keyring can unlock, and the recovery key stays as the way in if the keyring goes."""
        ws = self.require_workspace()
        pid = self.practitioner_id
        if w.KEYRING not in self.key_sources():
            raise ValidationError(
                "cannot be turned off before the OS keyring is set up", field="passphrase"
            )
        assert pid is not None
        self.run(lambda c, k: w.drop_passphrase(c, ws, pid), "key.passphrase_disabled")

    def keyring_ready(self) -> bool:
        """Whether the OS keyring is set up to unlock this workspace. Needs no unlock, and
        says nothing of whether the entry is still in the keyring (unlocking tells)."""
        with self._lock:
            if not self.store.created:
                return False
            try:
                ws = self._first_workspace()
            except NotInitialised:
                return False
            return w.secret_source_backend(self.db, ws, w.KEYRING) is not None

    def unlock_with_keyring(
        self,
        source: KeyringSource | None = None,
        *,
        username: str | None = None,
    ) -> None:
        """Unlock from the OS keyring, as the practitioner `username` (left out: the only
        one, or the computer account's). If its entry is gone or the backend changed, the
        error says so and points to the passphrase and the recovery key."""
        require_allowed(self.settings, "security.keyring_allowed", "The OS keyring")
        src = source or KeyringSource()
        with self._lock:
            ws = self._first_workspace()
            backend = w.secret_source_backend(self.db, ws, w.KEYRING)
            if backend is None:
                raise KeyringUnavailable("The OS keyring is not set up for Chartside.")
            login = w.login_for(self.db, username)
            if login.workspace_id != ws:
                raise NotFound("No practitioner by that name in this workspace.")
            secret = src.load(ws, backend)
            keys = w.unlock_with_secret(self.db, ws, w.KEYRING, secret)
            self.actor, self.practitioner_id = login.username, login.practitioner_id
            self._unlocked(ws, keys, "unlock.keyring")

    def key_sources(self) -> list[str]:
        return self.run(lambda c, k: w.sources(c, k.workspace_id))

    def rotate_data_key(self, progress: Progress | None = None) -> int:
        """A new data key version for new writes; then re-encrypts what the old one wrote.
        Interrupted, `reencrypt()` finishes the job later."""
        ws = self.require_workspace()
        keys = self.keys.keys(ws)
        rotated = self.run(
            lambda c, k: w.add_data_key(c, ws, keys),
            "key.rotated",
            details=lambda r: {"version": r.current},
        )
        self.keys.install(ws, rotated)
        self.reencrypt(progress)
        return rotated.current

    def reencrypt(self, progress: Progress | None = None) -> int:
        done = rekey.reencrypt(self.db, self.cipher(), progress=progress)
        if done:
            self.run(lambda c, k: None, "key.reencrypted", details=lambda _: {"rows": done})
        return done

    def reencrypt_pending(self) -> int:
        return rekey.pending(self.db, self.cipher())
