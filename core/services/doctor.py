"""Health: the checks of `chartside doctor` and the diagnostics page (they report, never
repair), and the audit trail's verification and export."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from core.db import migrate
from core.db.engine import Database
from core.db.schema import WORKSPACE_TABLES
from core.db.store import Store
from core.domain import HealthCheck
from core.errors import ChartsideError
from core.security import audit
from core.security.crypto import ALG_AES256_GCM, FORMAT_VERSION
from core.services.search_ops import Embedding, SearchService
from core.services.session import WorkspaceSession
from core.settings import locked_keys, policy_file

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


class HealthService:
    """What IT checks: the installation's health and the audit trail's integrity."""

    def __init__(
        self, session: WorkspaceSession, embedding: Embedding, search: SearchService
    ) -> None:
        """`embedding` says which model embeds the notes, `search` how far it got."""
        self.session = session
        self.embedding = embedding
        self.search = search

    def doctor(self) -> list[HealthCheck]:
        store = self.session.store
        checks: list[HealthCheck] = []
        try:
            db = store.open()
        except ChartsideError as exc:
            return [HealthCheck("database", False, exc.message)]
        checks += _server(db)
        current = migrate.current_revision(db.owner)
        head = migrate.head_revision(store.migrations_dir)
        checks.append(
            HealthCheck(
                "schema",
                current == head,
                f"revision {current} (head {head})",
                {"revision": current, "head": head},
            )
        )
        checks.append(_runtime_role(db))
        checks.append(_rls(db))
        checks.append(_encryption(db, self.session.unlocked))
        if store.server is not None:
            checks.append(_permissions(store))
        checks.append(self._index())
        checks.append(_policy())
        return checks

    def _index(self) -> HealthCheck:
        """A stale index is no fault (the indexer catches up); a missing embedder is."""
        embedder = self.embedding.embedder
        if embedder is None:
            missing = self.embedding.missing  # the workspace's embedder is not installed here
            return HealthCheck(
                "index", False, missing or "no embedding model: search is keyword-only"
            )
        if not self.session.unlocked:
            return HealthCheck("index", True, f"embedder {embedder.model_id}; unlock for counts")
        st = self.search.index_status()
        return HealthCheck(
            "index",
            True,
            f"{st.current} of {st.total} chunks embedded with {st.model_id}",
            st.to_json(),
        )

    # -- audit -------------------------------------------------------------------------
    def audit_verify(self) -> audit.VerifyReport:
        cipher = self.session.cipher()
        with self.session.db.tx(cipher.workspace_id) as conn:
            rows = list(audit.load_events(conn, cipher.workspace_id))
        return audit.verify_events(
            audit.audit_key(cipher), rows, self.session.anchors.get(cipher.workspace_id)
        )

    def audit_export(self) -> list[dict[str, Any]]:
        return self.session.run(lambda c, k: audit.export_rows(c, k.workspace_id), "audit.export")


def _server(db: Database) -> list[HealthCheck]:
    with db.owner.connect() as conn:
        version = conn.execute(text("SHOW server_version")).scalar_one()
        vec = conn.execute(
            text("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        ).scalar()
    return [
        HealthCheck("database", True, f"PostgreSQL {version}", {"version": version}),
        HealthCheck(
            "pgvector",
            vec is not None,
            f"pgvector {vec}" if vec else "pgvector is not installed",
            {"version": vec},
        ),
    ]


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


def _runtime_role(db: Database) -> HealthCheck:
    with db.runtime.connect() as conn:
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


def _rls(db: Database) -> HealthCheck:
    with db.owner.connect() as conn:
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


def _encryption(db: Database, unlocked: bool) -> HealthCheck:
    """Every stored PHI value starts with our header: version and algorithm bytes."""
    header = bytes([FORMAT_VERSION, ALG_AES256_GCM])
    values = 0
    bad: list[str] = []
    with db.owner.connect() as conn:
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
            "unlocked": unlocked,
        },
    )


def _permissions(store: Store) -> HealthCheck:
    server = store.server
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
