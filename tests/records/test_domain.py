"""CRUD through the repositories, and validation that names the field."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from core.db import schema
from core.domain import ClientData, SessionData
from core.errors import Locked, NotFound, ValidationError
from core.records import workspaces as w
from core.services.service import ChartsideService
from core.validation import MAX_NAME_CHARS, MAX_NOTE_CHARS


def test_client_crud(service: ChartsideService) -> None:
    c = service.notes.create_client(
        ClientData(
            full_name="Dana Levi",
            date_of_birth=dt.date(1980, 1, 31),
            medical_history="Asthma; penicillin allergy.",
            notes="Prefers mornings.",
        )
    )
    got = service.notes.get_client(c.id)
    assert got.data.full_name == "Dana Levi"
    assert got.data.date_of_birth == dt.date(1980, 1, 31)
    assert got.data.medical_history == "Asthma; penicillin allergy."
    updated = service.notes.update_client(c.id, ClientData(full_name="Dana Levi-Cohen", notes="x"))
    assert updated.data.full_name == "Dana Levi-Cohen"
    assert updated.data.date_of_birth is None and updated.data.notes == "x"
    assert [s.full_name for s in service.notes.list_clients("levi")] == ["Dana Levi-Cohen"]
    assert service.notes.list_clients("nobody") == []
    service.notes.delete_client(c.id)
    with pytest.raises(NotFound):
        service.notes.get_client(c.id)
    with pytest.raises(NotFound):
        service.notes.update_client(c.id, ClientData(full_name="Ghost"))


def test_session_crud_and_cascade(service: ChartsideService) -> None:
    c = service.notes.create_client(ClientData(full_name="Avi"))
    s1 = service.notes.create_session(
        c.id,
        SessionData(
            date=dt.datetime(2024, 3, 2, 10),
            subjective="Knee pain 6/10",
            objective="ROM 90°",
            assessment="Patellofemoral pain",
            plan="Quads strengthening",
        ),
    )
    s2 = service.notes.create_session(c.id, SessionData(date="2024-04-01T09:30:00", plan="Review"))
    assert [s.id for s in service.notes.list_sessions(c.id)] == [s2.id, s1.id]  # newest first
    got = service.notes.get_session(s1.id)
    assert (got.data.subjective, got.data.objective) == ("Knee pain 6/10", "ROM 90°")
    service.notes.update_session(s1.id, SessionData(date=dt.datetime(2024, 3, 3), plan="Rest"))
    assert service.notes.get_session(s1.id).data.plan == "Rest"
    assert service.notes.get_session(s1.id).data.subjective == ""
    service.notes.delete_session(s2.id)
    assert [s.id for s in service.notes.list_sessions(c.id)] == [s1.id]
    service.notes.delete_client(c.id)
    with pytest.raises(NotFound):
        service.notes.get_session(s1.id)


def test_workspace_and_practitioner_crud(service: ChartsideService) -> None:
    ws = service.workspace_id
    assert ws is not None

    def work(conn, cipher):
        repo = w.PractitionerRepo(cipher)
        pid = repo.create(conn, "dr.shapiro", "Dr Noa Shapiro")
        assert repo.get(conn, pid).display_name == "Dr Noa Shapiro"
        repo.update(conn, pid, "dr.shapiro", "Dr N. Shapiro")
        assert repo.get(conn, pid).display_name == "Dr N. Shapiro"
        repo.delete(conn, pid)
        with pytest.raises(NotFound):
            repo.get(conn, pid)

    service.session.run(work)
    service.notes.create_client(ClientData(full_name="To be removed"))
    # Nothing in the app deletes a workspace; the schema must still take its records with it.
    deleted = service.session.run(
        lambda conn, cipher: (
            conn.execute(delete(schema.workspaces).where(schema.workspaces.c.id == ws)).rowcount
        )
    )
    assert deleted == 1
    with service.db.tx(ws) as conn:
        assert conn.execute(select(schema.workspaces.c.id)).first() is None
    assert service.notes.list_clients() == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ClientData(full_name="Nul\x00byte"), "full_name"),
        (ClientData(full_name="A", notes="bad\x00"), "notes"),
        (ClientData(full_name="A", medical_history="\ud800 lone surrogate"), "medical_history"),
        (ClientData(full_name="A", date_of_birth="2023-02-30"), "date_of_birth"),  # type: ignore[arg-type]
        (ClientData(full_name="A", date_of_birth="1850-01-01"), "date_of_birth"),  # type: ignore[arg-type]
        (ClientData(full_name="A" * (MAX_NAME_CHARS + 1)), "full_name"),
        (ClientData(full_name="A", notes="n" * (MAX_NOTE_CHARS + 1)), "notes"),
        (ClientData(full_name="   "), "full_name"),
    ],
)
def test_bad_client_input_names_the_field(
    service: ChartsideService, data: ClientData, field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        service.notes.create_client(data)
    assert err.value.field == field
    assert field in str(err.value)
    assert service.notes.list_clients() == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"date": "2024-13-01T10:00:00"}, "date"),
        ({"date": "2024-02-30"}, "date"),
        ({"date": "2024-03-02T10:00:00+02:00"}, "date"),
        ({"date": "2024-03-02T10:00:00", "plan": "x\x00"}, "plan"),
        ({"date": "2024-03-02T10:00:00", "objective": "o" * (MAX_NOTE_CHARS + 1)}, "objective"),
    ],
)
def test_bad_session_input_names_the_field(
    service: ChartsideService, kwargs: dict[str, str], field: str
) -> None:
    c = service.notes.create_client(ClientData(full_name="A"))
    with pytest.raises(ValidationError) as err:
        service.notes.create_session(c.id, SessionData(**kwargs))  # type: ignore[arg-type]
    assert err.value.field == field
    assert service.notes.list_sessions(c.id) == []


@given(st.text(max_size=300))
@settings(max_examples=40, deadline=None)
def test_note_text_round_trips_or_is_rejected(
    service_for_fuzz: ChartsideService, note: str
) -> None:
    c = service_for_fuzz.notes.create_client(ClientData(full_name="Fuzz"))
    try:
        s = service_for_fuzz.notes.create_session(c.id, SessionData(date="2024-01-01", plan=note))
    except ValidationError as err:
        assert err.field == "plan"
        assert service_for_fuzz.notes.list_sessions(c.id) == []
    else:
        assert service_for_fuzz.notes.get_session(s.id).data.plan == note
    service_for_fuzz.notes.delete_client(c.id)


def test_locked_service_refuses_phi_access(service: ChartsideService) -> None:
    c = service.notes.create_client(ClientData(full_name="A"))
    service.lock()
    with pytest.raises(Locked):
        service.notes.get_client(c.id)
    with pytest.raises(Locked):
        service.notes.list_clients()
