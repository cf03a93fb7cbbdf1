"""The OS keyring as a key source. Only a backend that really protects secrets counts:
the "fail" and "null" backends, and any plaintext file store, are refused with a reason."""

from __future__ import annotations

import base64
import contextlib
import os
from dataclasses import dataclass
from uuid import UUID

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from core.errors import KeyringUnavailable

SERVICE = "Chartside"


@dataclass(frozen=True)
class BackendCheck:
    usable: bool
    name: str
    reason: str


def _name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def check_backend(backend: KeyringBackend | None = None) -> BackendCheck:
    kr = backend or keyring.get_keyring()
    name = _name(kr)
    lowered = name.lower()
    if "fail" in lowered or "null" in lowered:
        return BackendCheck(False, name, "no secure keyring is available on this system")
    if "plaintext" in lowered or lowered.startswith("keyrings.alt.file"):
        return BackendCheck(False, name, "the keyring stores secrets in a plain file")
    if getattr(kr, "priority", 0) <= 0:
        return BackendCheck(False, name, "the keyring backend does not protect secrets")
    return BackendCheck(True, name, "")


def _entry(workspace_id: UUID) -> str:
    return f"workspace:{workspace_id}"


class KeyringSource:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self.backend = backend or keyring.get_keyring()

    def check(self) -> BackendCheck:
        return check_backend(self.backend)

    def store_new(self, workspace_id: UUID) -> bytes:
        check = self.check()
        if not check.usable:
            raise KeyringUnavailable(
                f"The OS keyring cannot be used: {check.reason} ({check.name}).",
                remediation="Keep using the passphrase; install and unlock a secure keyring "
                "(GNOME Keyring, KWallet, macOS Keychain, Windows Credential Locker) first.",
            )
        secret = os.urandom(32)
        try:
            # keyring's backends are untyped; the call is the documented one.
            self.backend.set_password(  # pyright: ignore[reportUnknownMemberType]
                SERVICE, _entry(workspace_id), base64.b64encode(secret).decode()
            )
        except KeyringError as exc:
            raise KeyringUnavailable(
                f"The OS keyring refused to store the key: {type(exc).__name__}."
            ) from None
        return secret

    def load(self, workspace_id: UUID, expected_backend: str) -> bytes:
        check = self.check()
        if check.name != expected_backend:
            raise KeyringUnavailable(
                f"The OS keyring changed (was {expected_backend}, now {check.name}), so "
                "Chartside's key is not where it was stored."
            )
        try:
            value = self.backend.get_password(SERVICE, _entry(workspace_id))
        except KeyringError as exc:
            raise KeyringUnavailable(
                f"The OS keyring could not be read: {type(exc).__name__}."
            ) from None
        if value is None:
            raise KeyringUnavailable(
                "Chartside's key is no longer in the OS keyring (it was removed, or the "
                "keyring was reset)."
            )
        return base64.b64decode(value)

    def delete(self, workspace_id: UUID) -> None:
        with contextlib.suppress(KeyringError):  # already gone: the goal is reached
            self.backend.delete_password(SERVICE, _entry(workspace_id))
