"""`chartside server-setup --print-sql`: the script a clinic's DBA runs on their server."""

from __future__ import annotations

import argparse

from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from app.compose import migrations_dir
from core.db.engine import BACKUP_USER, DB_NAME, RUNTIME_USER
from core.db.server_setup import OWNER_USER, ServerRoles, setup_sql
from core.errors import ChartsideError


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--print-sql", action="store_true", help="write the script to stdout")
    p.add_argument("--database", default=DB_NAME, help=f"database name (default {DB_NAME})")
    p.add_argument("--owner-role", default=OWNER_USER, help="owns the schema, runs migrations")
    p.add_argument("--app-role", default=RUNTIME_USER, help="the desktops' everyday role")
    p.add_argument("--backup-role", default=BACKUP_USER, help="pg_dump's role (BYPASSRLS)")


@command(
    "server-setup",
    "the SQL a clinic's DBA runs once on a shared PostgreSQL server",
    _arguments,
    description="Roles, database, pgvector, grants and Row-Level Security for a clinic "
    "server. Run the printed script as a superuser with psql, then set each role's "
    "password with \\password.",
)
def server_setup(ctx: Context) -> int:
    args = ctx.args
    if not args.print_sql:
        raise ChartsideError(
            "server-setup only prints its script",
            remediation="Run `chartside server-setup --print-sql > chartside-setup.sql`.",
        )
    roles = ServerRoles(args.database, args.owner_role, args.app_role, args.backup_role)
    print(setup_sql(migrations_dir(), roles), end="")
    return EXIT_OK
