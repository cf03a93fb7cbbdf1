"""The OS keyring as a key source: secure backends only, and a clear way back in when the
entry disappears or the backend changes."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from core.domain import ClientData
from core.errors import WrongPassphrase
from core.security.keyring_source import KeyringSource, KeyringUnavailable, check_backend
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE


class MemoryKeyring(KeyringBackend):
    """Stands in for the desktop's secret service: a real `keyring` backend, in memory."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt's file backend, which keeps secrets in clear text."""


class OtherKeyring(MemoryKeyring):
    pass


def test_insecure_backends_are_refused_with_a_reason() -> None:
    assert check_backend(MemoryKeyring()).usable
    refused = {
        "fail": check_backend(fail.Keyring()),
        "plaintext": check_backend(PlaintextKeyring()),
    }
    assert not refused["fail"].usable and "no secure keyring" in str(refused["fail"].reason)
    assert not refused["plaintext"].usable and "plain file" in str(refused["plaintext"].reason)


def test_enabling_with_an_insecure_backend_changes_nothing(service: ChartsideService) -> None:
    with pytest.raises(KeyringUnavailable, match="cannot be used"):
        service.keys.enable_keyring(KeyringSource(fail.Keyring()))
    assert service.keys.key_sources() == ["passphrase", "recovery"]


def test_unlock_from_the_keyring_and_recover_when_it_is_lost(service: ChartsideService) -> None:
    kr = MemoryKeyring()
    service.notes.create_client(ClientData(full_name="Keyring Client"))
    backend = service.keys.enable_keyring(KeyringSource(kr))
    assert backend.endswith("MemoryKeyring")
    assert service.keys.key_sources() == ["keyring", "passphrase", "recovery"]
    service.lock()
    service.unlock_with_keyring(KeyringSource(kr))
    assert [c.full_name for c in service.notes.list_clients()] == ["Keyring Client"]

    service.lock()
    with pytest.raises(KeyringUnavailable, match="keyring changed") as err:
        service.unlock_with_keyring(KeyringSource(OtherKeyring()))
    assert "passphrase" in err.value.remediation and "no data was deleted" in err.value.remediation

    kr.store.clear()  # the user reset their keyring
    with pytest.raises(KeyringUnavailable, match="no longer in the OS keyring"):
        service.unlock_with_keyring(KeyringSource(kr))
    service.unlock(PASSPHRASE)  # the way back in; nothing was lost
    assert [c.full_name for c in service.notes.list_clients()] == ["Keyring Client"]
    service.keys.disable_keyring(KeyringSource(kr))
    assert service.keys.key_sources() == ["passphrase", "recovery"]
    actions = [e["action"] for e in service.health.audit_export()]
    assert {"key.keyring_enabled", "unlock.keyring", "key.keyring_disabled"} <= set(actions)


def test_keyring_alone_can_be_the_only_everyday_source(service_factory) -> None:
    svc = service_factory()
    recovery = svc.initialise(PASSPHRASE)
    kr = MemoryKeyring()
    from core.errors import ValidationError

    with pytest.raises(ValidationError, match="keyring is set up"):
        svc.keys.disable_passphrase()  # never without another way in
    svc.keys.enable_keyring(KeyringSource(kr))
    svc.keys.disable_passphrase()
    assert svc.keys.key_sources() == ["keyring", "recovery"]
    svc.lock()
    with pytest.raises(WrongPassphrase):
        svc.unlock(PASSPHRASE)
    svc.unlock_with_keyring(KeyringSource(kr))
    svc.lock()
    # The passphrase can come back through the recovery key.
    svc.keys.change_passphrase("back again please", recovery_key=recovery)
    svc.lock()
    svc.unlock("back again please")
    assert svc.keys.key_sources() == ["keyring", "passphrase", "recovery"]
