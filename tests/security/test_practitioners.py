"""Each practitioner has their own credentials and belongs to one workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.domain import ClientData
from core.errors import NotFound, ValidationError, WrongPassphrase
from core.records import workspaces as w
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE

OTHER = "dr.b's own passphrase"


def test_practitioners_unlock_with_their_own_passphrase(service: ChartsideService) -> None:
    me = service.actor
    service.notes.create_client(ClientData(full_name="Shared Client"))
    service.keys.add_practitioner("dr.b", "Dr B", OTHER)
    assert service.keys.practitioners() == sorted([me, "dr.b"])
    with pytest.raises(ValidationError, match="already taken"):
        service.keys.add_practitioner("dr.b", "Dr B again", OTHER)
    service.lock()

    with pytest.raises(WrongPassphrase):
        service.unlock(PASSPHRASE, username="dr.b")  # another practitioner's passphrase
    with pytest.raises(WrongPassphrase):
        service.unlock(OTHER, username=me)
    service.unlock(OTHER, username="dr.b")
    assert service.actor == "dr.b"
    assert [c.full_name for c in service.notes.list_clients()] == ["Shared Client"]
    service.lock()
    service.unlock(PASSPHRASE)  # with several practitioners, the computer account's name
    assert service.actor == me
    with pytest.raises(ValidationError, match="signed in"):
        service.keys.remove_practitioner(me)
    events = service.health.audit_export()
    assert ("dr.b", "client.list") in [(e["actor"], e["action"]) for e in events]
    assert "practitioner.add" in [e["action"] for e in events]


def test_a_removed_practitioner_can_no_longer_unlock(service: ChartsideService) -> None:
    service.keys.add_practitioner("dr.gone", "Dr Gone", OTHER)
    service.keys.remove_practitioner("dr.gone")
    service.lock()
    with pytest.raises(NotFound, match="No practitioner by that name"):
        service.unlock(OTHER, username="dr.gone")
    service.unlock(PASSPHRASE)
    assert "dr.gone" not in service.keys.practitioners()
    # The trail still names them.
    assert "practitioner.remove" in [e["action"] for e in service.health.audit_export()]


def test_each_practitioner_sees_only_their_workspace(service: ChartsideService) -> None:
    service.notes.create_client(ClientData(full_name="Workspace One Client"))
    ws2, _, _, _ = w.create_workspace(
        service.db, "Second practice", OTHER, service.settings.crypto, "dr.two"
    )
    service.lock()
    service.unlock(OTHER, username="dr.two")
    assert service.workspace_id == ws2
    assert service.notes.list_clients() == []
    service.notes.create_client(ClientData(full_name="Workspace Two Client"))
    service.lock()
    service.unlock(PASSPHRASE)
    assert [c.full_name for c in service.notes.list_clients()] == ["Workspace One Client"]
    assert "dr.two" not in service.keys.practitioners()


def test_a_second_practitioner_backs_up_with_their_own_passphrase(
    service: ChartsideService, tmp_path: Path
) -> None:
    service.notes.create_client(ClientData(full_name="Backed Up"))
    service.keys.add_practitioner("dr.b", "Dr B", OTHER)
    service.lock()
    service.unlock(OTHER, username="dr.b")
    result = service.backups.backup(tmp_path / "b.chartside-backup", OTHER)
    assert result.manifest.tables["clients"] == 1
    assert service.actor == "dr.b"
    assert ("dr.b", "backup") in [(e["actor"], e["action"]) for e in service.health.audit_export()]
