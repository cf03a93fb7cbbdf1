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
from core.messages import Message

SERVICE = "Chartside"


@dataclass(frozen=True)
class BackendCheck:
    usable: bool
    name: str
    reason: Message | None


def _name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def check_backend(backend: KeyringBackend | None = None) -> BackendCheck:
    kr = backend or keyring.get_keyring()
    name = _name(kr)
    lowered = name.lower()
    if "fail" in lowered or "null" in lowered:
        return BackendCheck(False, name, Message("keys.no_secure_keyring"))
    if "plaintext" in lowered or lowered.startswith("keyrings.alt.file"):
        return BackendCheck(False, name, Message("keys.keyring_plain_file"))
    if getattr(kr, "priority", 0) <= 0:
        return BackendCheck(False, name, Message("keys.keyring_unprotected"))
    return BackendCheck(True, name, None)


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
                Message(
                    "keys.keyring_unusable",
                    reason=check.reason or Message("keys.no_secure_keyring"),
                    name=check.name,
                ),
                remediation=Message("keys.keep_passphrase_until_keyring"),
            )
        secret = os.urandom(32)
        try:
            # keyring's backends are untyped; the call is the documented one.
            self.backend.set_password(  # pyright: ignore[reportUnknownMemberType]
                SERVICE, _entry(workspace_id), base64.b64encode(secret).decode()
            )
        except KeyringError as exc:
            raise KeyringUnavailable(
                Message("keys.keyring_refused_key", detail=type(exc).__name__)
            ) from None
        return secret

    def load(self, workspace_id: UUID, expected_backend: str) -> bytes:
        check = self.check()
        if check.name != expected_backend:
            raise KeyringUnavailable(
                Message("keys.keyring_changed", name=expected_backend, other=check.name)
            )
        try:
            value = self.backend.get_password(SERVICE, _entry(workspace_id))
        except KeyringError as exc:
            raise KeyringUnavailable(
                Message("keys.keyring_unreadable", detail=type(exc).__name__)
            ) from None
        if value is None:
            raise KeyringUnavailable(Message("keys.key_gone_from_keyring"))
        return base64.b64decode(value)

    def delete(self, workspace_id: UUID) -> None:
        with contextlib.suppress(KeyringError):  # already gone: the goal is reached
            self.backend.delete_password(SERVICE, _entry(workspace_id))
