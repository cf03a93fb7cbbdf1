"""Runs Alembic over one connection and one transaction: a failed upgrade changes nothing."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from core.errors import MigrationError
from core.messages import Message


def _config(script_location: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return cfg


def head_revision(script_location: Path) -> str | None:
    return ScriptDirectory.from_config(_config(script_location)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _run(engine: Engine, script_location: Path, action: str, target: str) -> None:
    cfg = _config(script_location)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, target)
    except (SQLAlchemyError, OSError, RuntimeError) as exc:
        # DDL carries no PHI, so the server's first line is safe to show and says what broke.
        cause = getattr(exc, "orig", None) or exc
        first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        raise MigrationError(
            Message("db.migration_failed", command=action, id=target, detail=first)
        ) from exc


def upgrade(engine: Engine, script_location: Path, target: str = "head") -> None:
    _run(engine, script_location, "upgrade", target)


def downgrade(engine: Engine, script_location: Path, target: str = "base") -> None:
    _run(engine, script_location, "downgrade", target)
