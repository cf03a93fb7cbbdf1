"""The embedded PostgreSQL: private, checksummed, random secrets, crash recovery."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from core.db.engine import RUNTIME_USER, DbSecrets
from core.db.server import SUPERUSER, EmbeddedServer, _process_state, new_secret
from core.domain import ClientData, SessionData
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE


def test_data_dir_is_private_and_checksummed(service: ChartsideService) -> None:
    server = service.store.server
    assert server is not None
    assert stat.S_IMODE(server.pg_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(server.socket_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((service.settings.data_dir / "db-secrets.json").stat().st_mode) == 0o600
    with service.db.owner.connect() as conn:
        assert conn.execute(text("SHOW data_checksums")).scalar_one() == "on"
        assert conn.execute(text("SHOW listen_addresses")).scalar_one() == ""
        assert conn.execute(text("SHOW unix_socket_permissions")).scalar_one() == "0700"


def test_no_tcp_port_is_listening(service: ChartsideService) -> None:
    server = service.store.server
    assert server is not None and server.pid is not None
    # The postmaster's sockets: a TCP listener would show up in its /proc fd table.
    inodes = set()
    for fd in os.listdir(f"/proc/{server.pid}/fd"):
        target = os.readlink(f"/proc/{server.pid}/fd/{fd}")
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    assert inodes, "the postmaster holds no socket at all"
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        rows = Path(table).read_text().splitlines()[1:]
        listening = {r.split()[9] for r in rows if r.split()[3] == "0A"}  # 0A = LISTEN
        assert not (listening & inodes), f"postgres listens on TCP ({table})"
    with socket.socket() as s, pytest.raises(OSError):
        s.settimeout(1)
        s.connect(("127.0.0.1", server.port))


def test_secrets_are_random_and_required(
    service_factory: Callable[..., ChartsideService],
) -> None:
    a, b = service_factory("a"), service_factory("b")
    a.initialise(PASSPHRASE)
    b.initialise(PASSPHRASE)
    sa, sb = DbSecrets.load(a.settings.data_dir), DbSecrets.load(b.settings.data_dir)
    assert sa.admin_password != sb.admin_password
    assert sa.app_password != sa.admin_password
    assert len(sa.admin_password) >= 32
    server = a.store.server
    assert server is not None
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(
            host=str(server.socket_dir),
            port=server.port,
            user=SUPERUSER,
            password=sb.admin_password,
            dbname="postgres",
        )


def test_runtime_role_is_not_superuser_and_obeys_rls(service: ChartsideService) -> None:
    with service.db.runtime.connect() as conn:
        row = conn.execute(
            text(
                "SELECT current_user AS u, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb "
                "FROM pg_roles WHERE rolname = current_user"
            )
        ).one()
    assert row.u == RUNTIME_USER
    assert not (row.rolsuper or row.rolbypassrls or row.rolcreaterole or row.rolcreatedb)
    checks = {c.name: c for c in service.health.doctor()}
    assert checks["runtime_role"].ok and checks["row_level_security"].ok


def test_migrations_run_as_the_owner(service: ChartsideService) -> None:
    with service.db.owner.connect() as conn:
        owners = set(
            conn.execute(
                text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
    assert owners == {SUPERUSER}


def test_server_stops_when_the_app_closes(service: ChartsideService) -> None:
    server = service.store.server
    assert server is not None
    pid = server.pid
    assert pid is not None and _process_state(pid) not in (None, "Z")
    service.close()
    assert _process_state(pid) is None
    assert not (server.pg_dir / "postmaster.pid").exists()


def test_kill_9_mid_session_then_restart_keeps_every_committed_row(
    service_factory: Callable[..., ChartsideService],
) -> None:
    svc = service_factory()
    svc.initialise(PASSPHRASE)
    committed = []
    for i in range(20):
        c = svc.notes.create_client(ClientData(full_name=f"Client {i}"))
        svc.notes.create_session(c.id, SessionData(date="2024-03-02T10:00:00", plan=f"plan {i}"))
        committed.append(c.id)
    server = svc.store.server
    assert server is not None
    # An open transaction with uncommitted work at the moment of the crash.
    conn = svc.db.runtime.connect()
    conn.begin()
    conn.execute(
        text("SELECT set_config('app.workspace_id', :w, true)"), {"w": str(svc.workspace_id)}
    )
    old_pid = server.pid
    server.kill()
    conn.invalidate()
    svc.db.dispose()
    svc.store.db = None

    again = service_factory()  # a new process would start exactly like this
    again.unlock(PASSPHRASE)
    assert again.store.server is not None and again.store.server.pid != old_pid
    names = {c.full_name for c in again.notes.list_clients()}
    assert names == {f"Client {i}" for i in range(20)}
    for cid in committed:
        (summary,) = again.notes.list_sessions(cid)
        assert again.notes.get_session(summary.id).data.plan.startswith("plan ")
    assert _process_state(old_pid) is None  # the old postmaster was reaped


def test_a_live_server_is_never_taken_over(
    service: ChartsideService,
    service_factory: Callable[..., ChartsideService],
) -> None:
    from core.errors import DatabaseError

    second = service_factory()  # same data dir, as a second window would have
    with pytest.raises(DatabaseError, match="already using"):
        second.unlock(PASSPHRASE)
    assert service.notes.list_clients() == []


def test_the_server_runs_as_an_unprivileged_account(service: ChartsideService) -> None:
    server = service.store.server
    assert server is not None and server.pid is not None
    uid = os.stat(f"/proc/{server.pid}").st_uid
    assert uid != 0
    if os.geteuid() == 0:
        out = subprocess.run(["id", "-un", str(uid)], capture_output=True, text=True).stdout
        assert out.strip() == "chartside-pg"
    else:
        assert uid == os.geteuid()


def test_doctor_names_the_settings_a_policy_fixes(
    service: ChartsideService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = {c.name: c for c in service.health.doctor()}
    assert checks["policy"].ok and checks["policy"].extra == {}
    policy = tmp_path / "policy.toml"
    policy.write_text("[crypto]\nargon2_iterations = 4\n")
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(policy))
    checks = {c.name: c for c in service.health.doctor()}
    assert checks["policy"].ok
    assert checks["policy"].extra == {"locked": ["crypto.argon2_iterations"]}
    assert "crypto.argon2_iterations" in checks["policy"].detail


@pytest.mark.parametrize("ending", ["stopped", "killed"])
def test_a_socket_folder_in_the_temp_folder_goes_with_its_server(
    tmp_path: Path, ending: str
) -> None:
    # A data dir whose path leaves no room for a socket's name puts the socket in the system's
    # temp folder, and each start used to leave its folder there.
    server = EmbeddedServer(tmp_path / ("d" * 90) / "pg")
    server.init(new_secret())
    server.start()
    sockets = server.socket_dir
    assert sockets.parent == Path(tempfile.gettempdir()) and any(sockets.iterdir())
    if ending == "killed":
        server.kill()
        server._proc.wait(timeout=30)  # type: ignore[union-attr]
    server.stop()
    assert not sockets.exists()
