"""Opens the database the settings describe: the embedded server, or a clinic's server."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

from core.db import migrate
from core.db.engine import (
    RUNTIME_USER,
    Database,
    DbSecrets,
    bootstrap_embedded,
    socket_url,
)
from core.db.schema import WORKSPACE_TABLES
from core.db.server import SUPERUSER, EmbeddedServer
from core.errors import AlreadyInitialised, DatabaseError, NotInitialised
from core.messages import Message
from core.settings import Settings

log = logging.getLogger(__name__)


def create_cluster(data_dir: Path, server: EmbeddedServer) -> DbSecrets:
    """A new embedded cluster with fresh random secrets, its database and roles; running,
    without a schema (migrations, or a restore, bring that)."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    data_dir.chmod(0o700)
    secrets = DbSecrets.fresh()
    secrets.save(data_dir)
    server.init(secrets.admin_password)
    server.start()
    bootstrap_embedded(server, secrets)
    return secrets


def check_isolation(db: Database) -> None:
    """Refuse to run when Row-Level Security could not protect one workspace from another:
    a runtime role that is a superuser or has BYPASSRLS, or a table without FORCE."""
    with db.runtime.connect() as conn:
        role = conn.execute(
            text(
                "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
            )
        ).one()
        unforced = sorted(
            conn.execute(
                text(
                    "SELECT relname FROM pg_class WHERE relname = ANY(:t) AND relkind = 'r' "
                    "AND NOT (relrowsecurity AND relforcerowsecurity)"
                ),
                {"t": list(WORKSPACE_TABLES)},
            ).scalars()
        )
    if role.rolsuper or role.rolbypassrls:
        raise DatabaseError(
            Message("db.role_bypasses_isolation", name=role.rolname),
            remediation=Message("db.set_restricted_runtime_role"),
        )
    if unforced:
        raise DatabaseError(
            Message("db.rls_not_forced", name=", ".join(unforced)),
            remediation=Message("db.migrate_as_owner"),
        )


class Store:
    def __init__(self, settings: Settings, migrations_dir: Path) -> None:
        self.settings = settings
        self.migrations_dir = migrations_dir
        self.server: EmbeddedServer | None = (
            EmbeddedServer(settings.pg_dir) if settings.embedded else None
        )
        self.db: Database | None = None

    @property
    def created(self) -> bool:
        """Whether a database exists (embedded), or is configured (external)."""
        return self.server.initialised if self.server else True

    def create(self) -> Database:
        """First run of the embedded server: data dir, cluster, roles, schema."""
        if self.server is None:
            return self.open()
        if self.server.initialised:
            raise AlreadyInitialised(Message("db.already_exists", path=self.settings.data_dir))
        create_cluster(self.settings.data_dir, self.server)
        return self.open()

    def _urls(self) -> tuple[URL | str, URL | str | None]:
        if self.server is None:
            cfg = self.settings.database
            assert cfg.url is not None
            runtime = cfg.runtime_url.get_secret_value() if cfg.runtime_url else None
            return cfg.url.get_secret_value(), runtime
        secrets = DbSecrets.load(self.settings.data_dir)
        return (
            socket_url(self.server, SUPERUSER, secrets.admin_password),
            socket_url(self.server, RUNTIME_USER, secrets.app_password),
        )

    def open(self) -> Database:
        """Start (if embedded), connect and migrate to head in one transaction."""
        if self.db is not None:
            return self.db
        if self.server is not None:
            if not self.server.initialised:
                raise NotInitialised(
                    Message("db.not_a_chartside_database", path=self.settings.data_dir)
                )
            self.server.start()
        owner, runtime = self._urls()
        cfg = self.settings.database
        db = Database(
            owner,
            runtime,
            connect_timeout_s=cfg.connect_timeout_s,
            # The embedded server is this process's child: if it died, nothing brings it
            # back by waiting (`open` restarts it next time). A clinic's server comes back.
            reconnect_s=0 if self.server is not None else cfg.reconnect_s,
        )
        try:
            migrate.upgrade(db.owner, self.migrations_dir)
            check_isolation(db)
        except Exception:
            db.dispose()
            raise
        db.state.reached()
        self.db = db
        return db

    def require(self) -> Database:
        if self.db is None:
            raise DatabaseError(Message("db.not_open"))
        return self.db

    def close(self) -> None:
        if self.db is not None:
            self.db.dispose()
            self.db = None
        if self.server is not None:
            self.server.stop()
