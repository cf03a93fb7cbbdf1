"""Health checks for `chartside doctor` and the diagnostics page. They report, never repair."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from core.crypto import ALG_AES256_GCM, FORMAT_VERSION
from core.db import migrate
from core.db.schema import WORKSPACE_TABLES
from core.domain import HealthCheck
from core.errors import ChartsideError
from core.settings import locked_keys, policy_file

if TYPE_CHECKING:
    from core.service import ChartsideService

# Every PHI column; each must hold only ciphertext in our format.
PHI_COLUMNS = {
    "clients": ("full_name", "date_of_birth", "medical_history", "notes", "external_id"),
    "sessions": ("subjective", "objective", "assessment", "plan", "external_id"),
    "practitioners": ("display_name",),
    "chunks": ("content",),
    "conversations": ("title",),
    "messages": ("content", "meta"),
    "message_sources": ("reason", "detail"),
    "query_cache": ("answer",),
}


def run_checks(svc: ChartsideService) -> list[HealthCheck]:
    checks: list[HealthCheck] = []
    try:
        db = svc.store.open()
    except ChartsideError as exc:
        return [HealthCheck("database", False, exc.message)]
    with db.owner.connect() as conn:
        version = conn.execute(text("SHOW server_version")).scalar_one()
        checks.append(HealthCheck("database", True, f"PostgreSQL {version}", {"version": version}))
        vec = conn.execute(
            text("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        ).scalar()
        checks.append(
            HealthCheck(
                "pgvector",
                vec is not None,
                f"pgvector {vec}" if vec else "pgvector is not installed",
                {"version": vec},
            )
        )
    current = migrate.current_revision(db.owner)
    head = migrate.head_revision(svc.store.migrations_dir)
    checks.append(
        HealthCheck(
            "schema",
            current == head,
            f"revision {current} (head {head})",
            {"revision": current, "head": head},
        )
    )
    checks.append(_runtime_role(svc))
    checks.append(_rls(svc))
    checks.append(_encryption(svc))
    if svc.store.server is not None:
        checks.append(_permissions(svc))
    checks.append(_index(svc))
    checks.append(_policy())
    return checks


def _policy() -> HealthCheck:
    """The settings clinic IT fixed: the user sees why changing them has no effect."""
    try:
        keys = sorted(locked_keys())
    except ChartsideError as exc:
        return HealthCheck("policy", False, exc.message)
    if not keys:
        return HealthCheck("policy", True, "no setting is fixed by a system policy")
    return HealthCheck(
        "policy",
        True,
        f"fixed by {policy_file()}: {', '.join(keys)}",
        {"locked": keys},
    )


def _index(svc: ChartsideService) -> HealthCheck:
    """A stale index is no fault (the indexer catches up); a missing embedder is."""
    if svc.embedder is None:
        return HealthCheck("index", False, "no embedding model: search is keyword-only")
    if not svc.unlocked:
        return HealthCheck("index", True, f"embedder {svc.embedder.model_id}; unlock for counts")
    st = svc.index_status()
    return HealthCheck(
        "index",
        True,
        f"{st.current} of {st.total} chunks embedded with {st.model_id}",
        st.to_json(),
    )


def _runtime_role(svc: ChartsideService) -> HealthCheck:
    with svc.db.runtime.connect() as conn:
        row = conn.execute(
            text(
                "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
            )
        ).one()
    ok = not row.rolsuper and not row.rolbypassrls
    return HealthCheck(
        "runtime_role",
        ok,
        f"{row.rolname}: superuser={row.rolsuper}, bypassrls={row.rolbypassrls}",
        {"role": row.rolname, "superuser": row.rolsuper, "bypassrls": row.rolbypassrls},
    )


def _rls(svc: ChartsideService) -> HealthCheck:
    with svc.db.owner.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT relname FROM pg_class WHERE relname = ANY(:t) "
                "AND relrowsecurity AND relforcerowsecurity"
            ),
            {"t": list(WORKSPACE_TABLES)},
        ).all()
    forced = {r.relname for r in rows}
    missing = sorted(set(WORKSPACE_TABLES) - forced)
    return HealthCheck(
        "row_level_security",
        not missing,
        "forced on every workspace table"
        if not missing
        else f"not forced on: {', '.join(missing)}",
        {"missing": missing},
    )


def _encryption(svc: ChartsideService) -> HealthCheck:
    """Every stored PHI value starts with our header: version and algorithm bytes."""
    header = bytes([FORMAT_VERSION, ALG_AES256_GCM])
    values = 0
    bad: list[str] = []
    with svc.db.owner.connect() as conn:
        for table, cols in PHI_COLUMNS.items():
            for col in cols:
                row = conn.execute(
                    text(
                        f"SELECT count({col}) AS n, "
                        f"count(*) FILTER (WHERE substring({col} from 1 for 2) <> :h) AS bad "
                        f"FROM {table}"
                    ),
                    {"h": header},
                ).one()
                values += row.n
                if row.bad:
                    bad.append(f"{table}.{col}")
    detail = (
        f"AES-256-GCM on {values} stored PHI values"
        if not bad
        else f"unencrypted or unknown format in {', '.join(bad)}"
    )
    return HealthCheck(
        "encryption",
        not bad,
        detail,
        {
            "algorithm": "AES-256-GCM",
            "format_version": FORMAT_VERSION,
            "values": values,
            "bad_columns": bad,
            "unlocked": svc.unlocked,
        },
    )


def _permissions(svc: ChartsideService) -> HealthCheck:
    server = svc.store.server
    assert server is not None
    paths = [server.pg_dir]
    if server.running:
        paths.append(server.socket_dir)
    loose = [str(p) for p in paths if p.exists() and p.stat().st_mode & 0o077]
    return HealthCheck(
        "permissions",
        not loose,
        "data and socket directories are private (0700)"
        if not loose
        else f"too open: {', '.join(loose)}",
        {"loose": loose},
    )
