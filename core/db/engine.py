"""Engines and transactions. Every unit of work runs in one transaction that carries the
workspace in `app.workspace_id`, which Row-Level Security reads."""

from __future__ import annotations

import json
import os
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
from psycopg import sql
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from core.db.connection import ConnectionState, is_disconnect
from core.db.schema import RUNTIME_GROUP
from core.db.server import SUPERUSER, EmbeddedServer, new_secret
from core.errors import ConnectionLost, DatabaseError
from core.messages import Message

DB_NAME = "chartside"
RUNTIME_USER = "chartside_app"
BACKUP_USER = "chartside_backup"
SECRETS_FILE = "db-secrets.json"


@dataclass(frozen=True)
class DbSecrets:
    """Random database passwords. They keep other local accounts out of the server; PHI
    confidentiality rests on field encryption, not on these (docs/security.md)."""

    admin_password: str
    app_password: str
    # Absent in files written before backups existed; core.backup.archive then creates the role.
    backup_password: str | None = None

    @classmethod
    def fresh(cls) -> DbSecrets:
        return cls(new_secret(), new_secret(), new_secret())

    def save(self, data_dir: Path) -> None:
        path = data_dir / SECRETS_FILE
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump(asdict(self), f)

    @classmethod
    def load(cls, data_dir: Path) -> DbSecrets:
        path = data_dir / SECRETS_FILE
        try:
            return cls(**json.loads(path.read_text()))
        except (OSError, ValueError, TypeError) as exc:
            raise DatabaseError(
                Message("db.credentials_unreadable", path=path, detail=type(exc).__name__)
            ) from None


def socket_url(server: EmbeddedServer, user: str, password: str, db: str = DB_NAME) -> URL:
    return URL.create(
        "postgresql+psycopg",
        username=user,
        password=password,
        database=db,
        query={"host": str(server.socket_dir), "port": str(server.port)},
    )


def bootstrap_embedded(server: EmbeddedServer, secrets: DbSecrets) -> None:
    """Create the database and the roles on a fresh cluster (run once, as the superuser)."""
    with server.connect(SUPERUSER, secrets.admin_password) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(DB_NAME), sql.Identifier(SUPERUSER)
            )
        )
        conn.execute(
            sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(DB_NAME))
        )
        create_runtime_role(conn, RUNTIME_USER, secrets.app_password)
        if secrets.backup_password is not None:
            create_backup_role(conn, BACKUP_USER, secrets.backup_password)


def create_runtime_role(conn: psycopg.Connection[Any], user: str, password: str) -> None:
    """The everyday role: no superuser, no BYPASSRLS, privileges only through the group."""
    # conn is in autocommit mode
    conn.execute(
        sql.SQL(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {g}) THEN "
            "CREATE ROLE {gi} NOLOGIN; END IF; END $$"
        ).format(g=sql.Literal(RUNTIME_GROUP), gi=sql.Identifier(RUNTIME_GROUP))
    )
    conn.execute(
        sql.SQL(
            "CREATE ROLE {} LOGIN PASSWORD {} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE "
            "NOREPLICATION IN ROLE {}"
        ).format(sql.Identifier(user), sql.Literal(password), sql.Identifier(RUNTIME_GROUP))
    )
    conn.execute(
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            sql.Identifier(DB_NAME), sql.Identifier(RUNTIME_GROUP)
        )
    )


def create_backup_role(conn: psycopg.Connection[Any], user: str, password: str) -> None:
    """The role `pg_dump` runs as. It must see every workspace's rows, so it has BYPASSRLS,
    and it reads through PostgreSQL's predefined `pg_read_all_data`, which needs no grant
    per table and so no migration. It has no write privilege. Idempotent: an existing role
    gets its attributes and the password again (repair after a lost secrets file)."""
    # conn is in autocommit mode, as the superuser
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (user,)).fetchone()
    conn.execute(
        sql.SQL(
            "{} ROLE {} LOGIN PASSWORD {} NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE "
            "NOREPLICATION"
        ).format(
            sql.SQL("ALTER" if exists else "CREATE"), sql.Identifier(user), sql.Literal(password)
        )
    )
    conn.execute(sql.SQL("GRANT pg_read_all_data TO {}").format(sql.Identifier(user)))
    conn.execute(
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            sql.Identifier(DB_NAME), sql.Identifier(user)
        )
    )


class Database:
    """The owner engine runs migrations; the runtime engine does everyday work under RLS."""

    def __init__(
        self,
        owner_url: URL | str,
        runtime_url: URL | str | None = None,
        *,
        connect_timeout_s: int = 10,
        reconnect_s: float = 0.0,
    ) -> None:
        args = {"connect_timeout": connect_timeout_s}
        self.state = ConnectionState(reconnect_s)
        self.owner: Engine = create_engine(
            make_url(owner_url),
            pool_size=1,
            max_overflow=1,
            pool_pre_ping=True,
            connect_args=args,
        )
        self.runtime: Engine = create_engine(
            make_url(runtime_url or owner_url),
            pool_size=4,
            pool_pre_ping=True,
            connect_args=args,
        )

    @contextmanager
    def tx(self, workspace_id: UUID | None) -> Generator[Connection, None, None]:
        """One transaction, scoped to a workspace (or to none: RLS then shows no rows).
        Waits while the server is away (`ConnectionState`); a transaction the server went
        away under raises `ConnectionLost`: it was not acknowledged, and is not replayed."""
        conn = self.state.connect(self.runtime)
        try:
            with conn, conn.begin():
                conn.execute(
                    text("SELECT set_config('app.workspace_id', :ws, true)"),
                    {"ws": str(workspace_id) if workspace_id else ""},
                )
                yield conn
        except DBAPIError as exc:
            if not is_disconnect(exc):
                raise
            self.state.lost()
            raise ConnectionLost(Message("db.connection_lost_unconfirmed")) from exc

    def dispose(self) -> None:
        self.runtime.dispose()
        self.owner.dispose()
