"""Clinic mode (issue 15, point 5): the DBA script from `chartside server-setup --print-sql`
applied with psql to a fresh server, and the app on that server over TLS with
`sslmode=verify-full` and SCRAM, as a role that cannot get around Row-Level Security."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from app.compose import migrations_dir
from core.db.engine import BACKUP_USER, RUNTIME_USER
from core.db.server_setup import OWNER_USER
from core.domain import ClientData
from core.errors import ChartsideError, ConnectionLost
from core.records import workspaces as w
from core.retrieval.types import SearchQuery
from core.services.service import ChartsideService
from models.embedder import SentenceTransformerEmbedder
from tests.clinic import Clinic, ClinicCa, start_clinic
from tests.conftest import PASSPHRASE, make_settings

CHARTSIDE = str(Path(sys.executable).parent / "chartside")


def _printed_script(tmp_path: Path) -> str:
    res = subprocess.run(
        [CHARTSIDE, "--data-dir", str(tmp_path / "unused"), "server-setup", "--print-sql"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.fixture
def clinic(tmp_path: Path) -> Iterator[Clinic]:
    c = start_clinic(tmp_path / "clinic", _printed_script(tmp_path))
    yield c
    c.stop()


def test_the_printed_script_sets_up_roles_extension_grants_and_rls(
    clinic: Clinic, tmp_path: Path
) -> None:
    with clinic.superuser() as conn:
        roles = {
            r[0]: r[1:]
            for r in conn.execute(
                "SELECT rolname, rolsuper, rolbypassrls, rolcanlogin FROM pg_roles "
                "WHERE rolname LIKE 'chartside%%'"
            )
        }
        vector = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        assert vector.fetchone() is not None
        forced = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
            "WHERE c.relrowsecurity AND c.relforcerowsecurity AND r.rolname = %s",
            (OWNER_USER,),
        ).fetchone()
    assert roles[OWNER_USER] == (False, False, True)
    assert roles[RUNTIME_USER] == (False, False, True)
    assert roles[BACKUP_USER] == (False, True, True)
    assert roles["chartside_runtime"] == (False, False, False)
    assert forced is not None and forced[0] >= 11  # every PHI table, owned by the owner

    settings = make_settings(tmp_path / "desktop", database=clinic.database_settings())
    svc = ChartsideService(settings, migrations_dir())
    try:
        svc.initialise(PASSPHRASE)
        svc.notes.create_client(ClientData(full_name="Clinic Client", notes="seen at the clinic"))
        checks = {ch.name: ch for ch in svc.health.doctor()}
        assert checks["runtime_role"].ok and checks["row_level_security"].ok
        ours = svc.require_workspace()
        other, *_ = w.create_workspace(
            svc.db, "Other practice", PASSPHRASE, settings.crypto, "someone-else"
        )
        with svc.db.runtime.connect() as conn:
            who = conn.execute(text("SELECT current_user")).scalar_one()
            pgconn = conn.connection.dbapi_connection.pgconn  # type: ignore[union-attr]
            assert pgconn.ssl_in_use  # libpq's own word: verify-full against the clinic's CA
        assert who == RUNTIME_USER

        def clients_seen(ws: object) -> int:
            with svc.db.tx(ws) as conn:  # type: ignore[arg-type]
                return int(conn.execute(text("SELECT count(*) FROM clients")).scalar_one())

        assert clients_seen(ours) == 1
        assert clients_seen(other) == 0  # another workspace's rows: none
        assert clients_seen(None) == 0
        # The app role can neither switch RLS off nor take it off a table.
        for attempt in (
            "SET row_security = off; SELECT count(*) FROM clients",
            "ALTER TABLE clients NO FORCE ROW LEVEL SECURITY",
            "ALTER TABLE clients DISABLE ROW LEVEL SECURITY",
        ):
            with (
                pytest.raises(psycopg.errors.InsufficientPrivilege),
                psycopg.connect(_libpq(clinic.url(RUNTIME_USER))) as conn,
            ):
                conn.execute(attempt)
    finally:
        svc.close()
    assert clinic.server.running  # closing a desktop never stops the clinic's server


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def test_only_tls_with_the_clinics_ca_gets_in(clinic: Clinic, tmp_path: Path) -> None:
    good = _libpq(clinic.url(RUNTIME_USER))
    with psycopg.connect(good) as conn:
        assert conn.pgconn.ssl_in_use

    impostor = ClinicCa.make(tmp_path / "other-ca.pem", "Someone else's CA")
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        psycopg.connect(_libpq(clinic.url(RUNTIME_USER, ca_file=impostor.path)))
    with pytest.raises(psycopg.OperationalError, match="TLS connections only"):
        psycopg.connect(_libpq(clinic.url(RUNTIME_USER, sslmode="disable")))
    wrong_pw = good.replace(clinic.passwords[RUNTIME_USER], "not-the-password")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(wrong_pw)

    # The app itself refuses a server its CA did not sign, with a message that says so.
    db = {"url": clinic.url(OWNER_USER, ca_file=impostor.path)}
    svc = ChartsideService(make_settings(tmp_path / "desktop", database=db), migrations_dir())
    try:
        with pytest.raises(ChartsideError, match="certificate verify failed"):
            svc.initialise(PASSPHRASE)
    finally:
        svc.close()


def test_a_desktop_reconnects_across_a_server_restart(clinic: Clinic, tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "desktop",
        database={**clinic.database_settings(), "reconnect_s": 3},
    )
    svc = ChartsideService(settings, migrations_dir())
    seen: list[str] = []
    try:
        svc.initialise(PASSPHRASE)
        svc.db.state.subscribe(lambda s: seen.append(s.value))
        first = svc.notes.create_client(ClientData(full_name="Before", notes="saved before"))

        clinic.server.stop()  # away for longer than reconnect_s: the action fails, clearly
        with pytest.raises(ConnectionLost):
            svc.notes.create_client(ClientData(full_name="Lost", notes="never acknowledged"))
        assert seen == ["reconnecting", "unreachable"]
        assert svc.db.state.status.value == "unreachable"

        # Back within reconnect_s: the save waits ("reconnecting") and then goes through.
        seen.clear()
        starter = threading.Timer(1.0, clinic.server.start)
        starter.start()
        try:
            after = svc.notes.create_client(ClientData(full_name="After", notes="saved after"))
        finally:
            starter.join()
        assert seen == ["reconnecting", "connected"]
        names = {c.full_name for c in svc.notes.list_clients()}
        assert names == {"Before", "After"}
        assert {first.id, after.id} <= {c.id for c in svc.notes.list_clients()}
        assert svc.health.audit_verify().ok
    finally:
        svc.close()


def test_a_desktop_given_only_the_app_role_works(
    clinic: Clinic, tmp_path: Path, embedder: SentenceTransformerEmbedder
) -> None:
    """No owner password on this desktop: it can neither migrate nor take RLS off, and
    still saves, indexes (no HNSW index: the owner builds those) and finds by vector."""
    first = ChartsideService(
        make_settings(tmp_path / "first", database=clinic.database_settings()), migrations_dir()
    )
    try:
        first.initialise(PASSPHRASE)
        first.keys.add_practitioner("bob", "Bob", "bob's own long passphrase")
    finally:
        first.close()
    settings = make_settings(tmp_path / "bob", database={"url": clinic.url(RUNTIME_USER)})
    svc = ChartsideService(settings, migrations_dir(), embedder=embedder)
    try:
        svc.unlock("bob's own long passphrase", username="bob")
        client = svc.notes.create_client(
            ClientData(full_name="Runtime Only", notes="Sprained right ankle playing football.")
        )
        status = svc.search.index_now()
        assert status.complete and status.total > 0
        query = SearchQuery(text="ankle sprain", client_id=client.id, mode="vector")
        hits = svc.search.query(query).hits
        assert hits and hits[0].client_id == client.id
        with svc.db.owner.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar_one() == RUNTIME_USER
    finally:
        svc.close()
    with clinic.superuser() as conn:
        indexes = conn.execute(
            "SELECT count(*) FROM pg_indexes WHERE tablename = 'chunks' "
            "AND indexname LIKE 'ix_chunks_hnsw%%'"
        ).fetchone()
    assert indexes == (0,)
