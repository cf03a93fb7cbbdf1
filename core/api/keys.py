"""The keys part's Protocol (`ChartsideApi.keys`)."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID


class KeysPart(Protocol):
    """The workspace's practitioners and keys, changed while unlocked (`ChartsideApi.keys`,
    core.services.key_ops). Unlocking itself is the service's own."""

    def practitioners(self) -> list[str]:
        """The usernames of the workspace's practitioners, sorted."""
        ...

    def add_practitioner(self, username: str, display_name: str, passphrase: str) -> UUID:
        """Another practitioner in this workspace, with their own passphrase (derived with
        Argon2id: seconds). Raises `ValidationError` for a taken name or a weak passphrase."""
        ...

    def remove_practitioner(self, username: str) -> None:
        """Their login and passphrase go; the audit trail keeps their name. Refuses the
        signed-in practitioner (`ValidationError`) and an unknown name (`NotFound`)."""
        ...

    def change_passphrase(
        self,
        new: str,
        *,
        current: str | None = None,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        """Proves `current` (or the recovery key) again, then re-wraps the master key under
        `new`. Raises `WrongPassphrase` and changes nothing when the proof is wrong."""
        ...

    def new_recovery_key(self) -> str:
        """A fresh recovery key for the workspace, shown once; the old one stops working."""
        ...

    def enable_keyring(self) -> str:
        """Keep a key in the OS keyring so that it can unlock (first run offers it); returns
        the keyring backend's name. `PolicyForbids` where the policy turns it off,
        `KeyringUnavailable` when no secure keyring is there."""
        ...
