"""Key sources and key changes: recovery key, passphrase change, rotation and re-encryption."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from core.domain import ClientData, SessionData
from core.errors import Cancelled, WrongPassphrase
from core.progress import CancelToken
from core.security import rekey
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE
from tests.factories import document

RECOVERY_FORMAT = re.compile(r"^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$")


def _fill(svc: ChartsideService, n: int = 3) -> list[str]:
    names = []
    for i in range(n):
        c = svc.notes.create_client(
            ClientData(full_name=f"Key Client {i}", notes=f"note {i}", external_id=f"k-{i}")
        )
        svc.notes.create_session(c.id, SessionData(date="2024-03-01", plan=f"plan {i}"))
        names.append(c.data.full_name)
    return names


def _key_versions(svc: ChartsideService) -> set[int]:
    with svc.db.owner.connect() as conn:
        return set(
            conn.execute(
                text(
                    "SELECT DISTINCT get_byte(plan, 5) FROM sessions UNION "
                    "SELECT DISTINCT get_byte(full_name, 5) FROM clients"
                )
            ).scalars()
        )


def test_recovery_key_unlocks_on_its_own(service_factory) -> None:
    svc = service_factory()
    recovery = svc.initialise(PASSPHRASE)
    assert RECOVERY_FORMAT.match(recovery)
    names = _fill(svc)
    svc.lock()
    svc.unlock(recovery_key=recovery.lower().replace("-", " "))  # case and dashes don't matter
    assert sorted(c.full_name for c in svc.notes.list_clients()) == names
    svc.lock()
    with pytest.raises(WrongPassphrase, match="recovery key is not correct"):
        svc.unlock(recovery_key=recovery[:-4] + "AAAA")
    with pytest.raises(WrongPassphrase, match="not a Chartside recovery key"):
        svc.unlock(recovery_key="not-a-key")
    assert not svc.unlocked
    svc.unlock(PASSPHRASE)
    assert "unlock.recovery" in [e["action"] for e in svc.health.audit_export()]


def test_change_passphrase(service: ChartsideService) -> None:
    names = _fill(service)
    with pytest.raises(WrongPassphrase):
        service.keys.change_passphrase("a new passphrase", current="wrong passphrase")
    service.lock()
    service.unlock(PASSPHRASE)  # nothing changed by the failed attempt
    service.keys.change_passphrase("a new passphrase", current=PASSPHRASE)
    service.lock()
    with pytest.raises(WrongPassphrase):
        service.unlock(PASSPHRASE)
    service.unlock("a new passphrase")
    assert sorted(c.full_name for c in service.notes.list_clients()) == names
    assert "key.passphrase_changed" in [e["action"] for e in service.health.audit_export()]
    assert service.health.audit_verify().ok
    with pytest.raises(WrongPassphrase, match="at least 8"):
        service.keys.change_passphrase("short", current="a new passphrase")


def test_forgotten_passphrase_is_reset_with_the_recovery_key(service_factory) -> None:
    svc = service_factory()
    recovery = svc.initialise(PASSPHRASE)
    names = _fill(svc)
    svc.lock()
    svc.keys.change_passphrase("remembered this time", recovery_key=recovery)
    svc.lock()
    svc.unlock("remembered this time")
    assert sorted(c.full_name for c in svc.notes.list_clients()) == names
    assert set(svc.keys.key_sources()) == {"passphrase", "recovery"}


def test_a_new_recovery_key_retires_the_old_one(service_factory) -> None:
    svc = service_factory()
    old = svc.initialise(PASSPHRASE)
    new = svc.keys.new_recovery_key()
    assert new != old and RECOVERY_FORMAT.match(new)
    svc.lock()
    with pytest.raises(WrongPassphrase):
        svc.unlock(recovery_key=old)
    svc.unlock(recovery_key=new)


def test_rotation_reencrypts_everything_and_keeps_lookups_and_audit(
    service: ChartsideService, tmp_path: Path
) -> None:
    src = tmp_path / "in.json"
    src.write_text(json.dumps(document(4, 3)))
    service.notes.import_file(src)
    names = _fill(service)
    assert _key_versions(service) == {1}
    before = service.notes.export_doc()
    assert service.keys.rotate_data_key() == 2
    assert _key_versions(service) == {2}
    assert rekey.pending(service.db, service.cipher()) == 0
    assert service.notes.export_doc() == before
    # External ids still match after rotation: a re-import updates, it does not duplicate.
    summary = service.notes.import_file(src)
    assert (summary.clients_created, summary.clients_updated) == (0, 4)
    service.lock()
    service.unlock(PASSPHRASE)  # the rotated key is found again after unlock
    assert {c.full_name for c in service.notes.list_clients()} >= set(names)
    assert service.health.audit_verify().ok
    actions = [e["action"] for e in service.health.audit_export()]
    assert "key.rotated" in actions and "key.reencrypted" in actions


def test_reencryption_resumes_after_an_interruption(service: ChartsideService) -> None:
    for i in range(30):
        service.notes.create_client(ClientData(full_name=f"Resume {i}", notes="n"))
    ws = service.require_workspace()
    keys = service.session.keys.keys(ws)
    from core.records import workspaces as w

    rotated = service.session.run(lambda c, k: w.add_data_key(c, ws, keys))
    service.session.keys.install(ws, rotated)
    token, batches = CancelToken(), {"n": 0}

    def cancel_after_two_batches(fraction: float, message: str) -> None:
        batches["n"] += 1
        if batches["n"] == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        rekey.reencrypt(
            service.db, service.cipher(), batch=5, progress=cancel_after_two_batches, cancel=token
        )
    left = rekey.pending(service.db, service.cipher())
    assert 0 < left < 31  # partly done, and the finished rows are committed
    assert {c.full_name for c in service.notes.list_clients()} == {f"Resume {i}" for i in range(30)}
    assert service.keys.reencrypt() == left
    assert rekey.pending(service.db, service.cipher()) == 0
    assert _key_versions(service) == {2}


def test_a_cancelled_rotation_keeps_its_batches_records_them_and_resumes(
    service: ChartsideService,
) -> None:
    """The service takes the token (the front ends' path): the batches done stay done, the
    audit log says how many rows were re-encrypted before the cancel, and the rest follow."""
    for i in range(30):
        service.notes.create_client(ClientData(full_name=f"Cancel {i}", notes="n"))
    token = CancelToken()

    def cancel_after_the_first_batch(fraction: float, message: str) -> None:
        token.cancel()

    with pytest.raises(Cancelled):
        service.keys.rotate_data_key(progress=cancel_after_the_first_batch, cancel=token)
    left = service.keys.reencrypt_pending()
    assert left > 0
    events = [e for e in service.health.audit_export() if e["action"] == "key.reencrypted"]
    assert [e["details"].get("cancelled") for e in events] == [True]
    assert events[0]["details"]["rows"] > 0
    assert service.keys.reencrypt() == left and service.keys.reencrypt_pending() == 0
    assert {c.full_name for c in service.notes.list_clients()} == {f"Cancel {i}" for i in range(30)}
