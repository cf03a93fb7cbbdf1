"""The PostgreSQL side of backups: the backup role, a new cluster for a restore, and
`pg_dump` / `pg_restore` streamed through pipes so that no plaintext dump touches the disk."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.pool import NullPool

from core.backup.format import CHUNK_SIZE
from core.db.engine import (
    BACKUP_USER,
    DB_NAME,
    SECRETS_FILE,
    DbSecrets,
    create_backup_role,
    socket_url,
)
from core.db.server import SUPERUSER, EmbeddedServer, bin_dir, child_env, new_secret
from core.errors import BackupError
from core.messages import Message


def ensure_backup_role(data_dir: Path, server: EmbeddedServer) -> DbSecrets:
    """Data dirs made before backups existed have no backup role: create it on first use.
    Runs every time, so a role lost or out of step with the secrets file is repaired."""
    secrets = DbSecrets.load(data_dir)
    fresh = secrets.backup_password is None
    if fresh:
        secrets = replace(secrets, backup_password=new_secret())
    assert secrets.backup_password is not None
    with server.connect(SUPERUSER, secrets.admin_password) as conn:
        create_backup_role(conn, BACKUP_USER, secrets.backup_password)
    if fresh:
        # Replace, never rewrite in place: this file also holds the only superuser password.
        tmp = Path(tempfile.mkdtemp(prefix=".secrets-", dir=data_dir))
        try:
            secrets.save(tmp)
            os.replace(tmp / SECRETS_FILE, data_dir / SECRETS_FILE)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return secrets


def engine(server: EmbeddedServer, user: str, password: str) -> Engine:
    return create_engine(socket_url(server, user, password), poolclass=NullPool)


def row_counts(conn: Connection) -> dict[str, int]:
    """Rows per table of the public schema, as the connection's role sees them."""
    names = conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).scalars()
    quote = conn.dialect.identifier_preparer.quote
    return {
        n: int(conn.exec_driver_sql(f"SELECT count(*) FROM public.{quote(n)}").scalar_one())
        for n in list(names)
    }


def table_bytes(conn: Connection) -> int:
    """Heap and TOAST size of the public tables: a rough size of the dump, for progress."""
    return int(
        conn.exec_driver_sql(
            "SELECT coalesce(sum(pg_table_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r'"
        ).scalar_one()
    )


def schema_revision(conn: Connection) -> str | None:
    revs = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    return ",".join(sorted(revs)) or None


def pg_dump(
    server: EmbeddedServer, password: str, snapshot: str, sink: Callable[[bytes], None]
) -> None:
    """`pg_dump -Fc` of the whole database as the backup role, in the given snapshot."""
    args = _args(server, "pg_dump", BACKUP_USER)
    # gzip level 1: four times faster than the default level on a practice with embeddings,
    # for a file about 10% larger (bench/store/backup.py). The bundled build has no zstd.
    args += ["--format=custom", "--compress=gzip:1", f"--snapshot={snapshot}"]
    args += [f"--dbname={DB_NAME}"]
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL, env=_env(password)
        )
        try:
            assert proc.stdout is not None
            while chunk := proc.stdout.read(CHUNK_SIZE):
                sink(chunk)
            rc = proc.wait()
        finally:
            _reap(proc)
        if rc != 0:
            raise BackupError(Message("db.tool_failed", name="pg_dump", detail=_first_error(err)))


def pg_restore(server: EmbeddedServer, password: str, chunks: Iterable[bytes]) -> None:
    """Feed a custom-format dump to `pg_restore` as the superuser, in one transaction."""
    args = _args(server, "pg_restore", SUPERUSER)
    args += [f"--dbname={DB_NAME}", "--single-transaction", "--exit-on-error"]
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err, env=_env(password)
        )
        try:
            assert proc.stdin is not None
            with contextlib.suppress(BrokenPipeError):  # it stopped early: its stderr says why
                for chunk in chunks:
                    proc.stdin.write(chunk)
                proc.stdin.close()
            rc = proc.wait()
        finally:
            _reap(proc)  # on an exception mid-stream: kill it, so its transaction rolls back
        if rc != 0:
            raise BackupError(
                Message("db.tool_failed", name="pg_restore", detail=_first_error(err))
            )


def _reap(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()


def _args(server: EmbeddedServer, tool: str, user: str) -> list[str]:
    return [
        str(bin_dir() / tool),
        f"--host={server.socket_dir}",
        f"--port={server.port}",
        f"--username={user}",
        "--no-password",
    ]


def _env(password: str) -> dict[str, str]:
    # In the environment, not on the command line, where any local user could read it.
    return {**child_env(), "PGPASSWORD": password}


def _first_error(err: IO[bytes]) -> str:
    """The tool's first error line only: later lines (DETAIL, CONTEXT) may quote row data."""
    err.seek(0)
    lines = err.read(64 * 1024).decode("utf-8", "replace").splitlines()
    hits = [ln for ln in lines if "error" in ln.lower()] or lines or ["no message"]
    return hits[0].strip()[:300]
