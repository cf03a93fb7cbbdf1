"""Drafts (issue 14): unsaved edits kept encrypted, per practitioner, through auto-lock."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from app.compose import migrations_dir
from core.domain import ClientData, SessionData
from core.errors import IntegrityError, Locked, ValidationError
from core.records.drafts import Draft
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE, make_settings
from tests.security.test_autolock import FakeClock

PLANTED = "Patient disclosed the zebra-violet medication plan"


def _session_draft(svc: ChartsideService) -> Draft:
    client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
    session = svc.notes.create_session(client.id, SessionData(date=dt.datetime(2024, 5, 1, 9, 30)))
    return Draft(
        "session",
        client.id,
        session.id,
        {"date": "2024-05-01T09:30:00", "subjective": PLANTED, "plan": ""},
    )


def test_a_draft_round_trips_encrypted_and_is_replaced_then_discarded(
    service: ChartsideService,
) -> None:
    draft = _session_draft(service)
    service.notes.save_draft(draft)
    service.notes.save_draft(Draft("client", draft.client_id, None, {"notes": "half typed"}))
    got = {d.kind: d for d in service.notes.drafts()}
    assert got["session"].values == draft.values
    assert (got["session"].client_id, got["session"].session_id) == (
        draft.client_id,
        draft.session_id,
    )
    assert got["session"].saved_at is not None
    with service.db.owner.connect() as conn:
        raw = conn.execute(text("SELECT content FROM drafts")).scalars().all()
    assert len(raw) == 2
    assert all(PLANTED.encode() not in bytes(blob) for blob in raw)

    changed = Draft("session", draft.client_id, draft.session_id, {"subjective": "more"})
    service.notes.save_draft(changed)
    assert {d.kind: d.values for d in service.notes.drafts()}["session"] == {"subjective": "more"}
    service.notes.discard_draft("session")
    assert [d.kind for d in service.notes.drafts()] == ["client"]


def test_a_draft_moved_to_another_row_does_not_decrypt(service: ChartsideService) -> None:
    service.notes.save_draft(Draft("client", None, None, {"full_name": PLANTED}))
    with service.db.owner.begin() as conn:
        conn.execute(text("UPDATE drafts SET id = gen_random_uuid()"))
    with pytest.raises(IntegrityError):
        service.notes.drafts()


def test_a_draft_must_be_a_form(service: ChartsideService) -> None:
    with pytest.raises(ValidationError):
        service.notes.save_draft(Draft("chat", None, None, {}))
    assert service.notes.drafts() == []


def test_each_practitioner_sees_only_their_own_drafts(service: ChartsideService) -> None:
    service.notes.save_draft(Draft("client", None, None, {"full_name": PLANTED}))
    mine = service.practitioner_id
    service.practitioner_id = uuid.uuid4()  # another login of the same workspace
    assert service.notes.drafts() == []
    service.practitioner_id = mine
    assert len(service.notes.drafts()) == 1


@pytest.fixture
def clocked(tmp_path: Path) -> Callable[[], tuple[ChartsideService, FakeClock]]:
    made: list[ChartsideService] = []

    def make() -> tuple[ChartsideService, FakeClock]:
        clock = FakeClock()
        svc = ChartsideService(make_settings(tmp_path / "data"), migrations_dir(), clock=clock)
        made.append(svc)
        return svc, clock

    yield make
    for svc in made:
        svc.close()


def test_a_draft_saves_after_the_idle_time_and_does_not_keep_the_workspace_unlocked(
    clocked: Callable[[], tuple[ChartsideService, FakeClock]],
) -> None:
    svc, clock = clocked()
    svc.initialise(PASSPHRASE)
    draft = _session_draft(svc)
    clock.advance(16)  # past the default 15 minutes, keys still in memory
    svc.notes.save_draft(draft)  # what the GUI does just before the lock
    assert svc.check_idle()  # the autosave did not count as activity
    with pytest.raises(Locked):
        svc.notes.save_draft(draft)
    svc.unlock(PASSPHRASE)
    assert [d.values for d in svc.notes.drafts()] == [draft.values]


def test_key_rotation_reencrypts_drafts_too(service: ChartsideService) -> None:
    draft = _session_draft(service)
    service.notes.save_draft(draft)
    version = service.keys.rotate_data_key()
    assert service.keys.reencrypt_pending() == 0
    with service.db.owner.connect() as conn:
        blob = bytes(conn.execute(text("SELECT content FROM drafts")).scalar_one())
    assert int.from_bytes(blob[2:6], "big") == version  # core.security.crypto's header
    assert [d.values for d in service.notes.drafts()] == [draft.values]
