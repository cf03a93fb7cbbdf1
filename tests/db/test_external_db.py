"""External mode: a clinic's PostgreSQL (here a second embedded instance on loopback TCP,
with SCRAM passwords) takes the same migrations and the same CRUD."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from app.compose import migrations_dir
from core.db import migrate
from core.db.engine import DB_NAME, create_runtime_role
from core.db.server import SUPERUSER, EmbeddedServer, new_secret
from core.domain import ClientData, SessionData
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE, make_settings


def _free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def clinic(tmp_path: Path) -> Iterator[tuple[EmbeddedServer, str, str]]:
    server = EmbeddedServer(tmp_path / "clinic" / "pg", tcp_port=_free_loopback_port())
    admin_pw, app_pw = new_secret(), new_secret()
    server.init(admin_pw)
    server.start()
    with server.connect(SUPERUSER, admin_pw) as conn:
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
        create_runtime_role(conn, "clinic_app", app_pw)
    yield server, admin_pw, app_pw
    server.stop()


def _url(user: str, password: str, port: int) -> str:
    return URL.create(
        "postgresql+psycopg",
        username=user,
        password=password,
        host="127.0.0.1",
        port=port,
        database=DB_NAME,
    ).render_as_string(hide_password=False)


def test_migrations_and_crud_against_a_clinic_server(
    clinic: tuple[EmbeddedServer, str, str],
    tmp_path: Path,
) -> None:
    server, admin_pw, app_pw = clinic
    settings = make_settings(
        tmp_path / "laptop",
        database={
            "url": _url(SUPERUSER, admin_pw, server.port),
            "runtime_url": _url("clinic_app", app_pw, server.port),
        },
    )
    svc = ChartsideService(settings, migrations_dir())
    try:
        assert svc.store.server is None  # no local server in external mode
        svc.initialise(PASSPHRASE)
        assert not (tmp_path / "laptop" / "pg").exists()
        engine = svc.db.owner
        head = migrate.head_revision(migrations_dir())
        assert migrate.current_revision(engine) == head
        migrate.downgrade(engine, migrations_dir(), "base")
        migrate.upgrade(engine, migrations_dir())
        assert migrate.current_revision(engine) == head

        svc.close()
        svc = ChartsideService(settings, migrations_dir())
        svc.initialise(PASSPHRASE)
        c = svc.notes.create_client(ClientData(full_name="Clinic Client", notes="seen at clinic"))
        s = svc.notes.create_session(
            c.id, SessionData(date="2024-06-01T11:00:00", plan="Walk daily")
        )
        svc.notes.update_session(s.id, SessionData(date="2024-06-01T11:00:00", plan="Walk twice"))
        assert svc.notes.get_session(s.id).data.plan == "Walk twice"
        assert [x.full_name for x in svc.notes.list_clients()] == ["Clinic Client"]

        with svc.db.runtime.connect() as conn:
            row = conn.execute(
                text("SELECT current_user AS u, inet_client_addr()::text AS addr")
            ).one()
        assert row.u == "clinic_app"
        assert row.addr.startswith("127.0.0.1")
        with engine.connect() as conn:
            verifier = conn.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = 'clinic_app'")
            ).scalar_one()
            methods = set(
                conn.execute(
                    text("SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host'")
                ).scalars()
            )
        assert verifier.startswith("SCRAM-SHA-256$")
        assert methods == {"scram-sha-256"}
        checks = {ch.name: ch for ch in svc.health.doctor()}
        assert checks["runtime_role"].ok and checks["row_level_security"].ok
        svc.notes.delete_client(c.id)
        assert svc.notes.list_clients() == []
    finally:
        svc.close()
    assert server.running  # closing the app never stops a clinic's server
