"""Health: the checks of `chartside doctor` and the diagnostics page (they report, never
repair), and the audit trail's verification and export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import text

from core.db import migrate
from core.db.engine import Database
from core.db.schema import WORKSPACE_TABLES
from core.db.store import Store
from core.domain import HealthCheck
from core.errors import ChartsideError
from core.messages import render
from core.model_info import CpuKernels
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
    "documents": ("title", "content"),
    "document_pages": ("text", "words"),
    "session_recordings": ("content",),
}

# Every detail a check reports, by a stable id "<check>.<case>": `chartside doctor` prints the
# English, and the window words the same id and values in its language (ui/tools/diagnostics.py),
# so no English sentence reaches a translated window. Values: text, numbers, booleans, lists.
DETAILS = {
    "database.version": "PostgreSQL {version}",
    "pgvector.version": "pgvector {version}",
    "pgvector.missing": "pgvector is not installed",
    "schema.revision": "revision {revision} (head {head})",
    "runtime_role.flags": "{role}: superuser={superuser}, bypassrls={bypassrls}",
    "row_level_security.forced": "forced on every workspace table",
    "row_level_security.missing": "not forced on: {tables}",
    "encryption.ok": "AES-256-GCM on {count} stored PHI values",
    "encryption.bad": "unencrypted or unknown format in {columns}",
    "permissions.private": "data and socket directories are private (0700)",
    "permissions.loose": "too open: {paths}",
    "index.keyword_only": "no embedding model: search is keyword-only",
    "index.locked": "embedder {model}; unlock for counts",
    "index.counts": "{current} of {total} chunks embedded with {model}",
    "policy.none": "no setting is fixed by a system policy",
    "policy.locked": "fixed by {path}: {keys}",
    "kernels.portable": "{level}, one portable build",
    "kernels.portable_cpu": "{level}, one portable build; this CPU has {cpu}",
    "kernels.chosen": "{level}, chosen at run time from {count} builds",
}


def _check(
    detail_id: str, ok: bool, extra: dict[str, object] | None = None, **values: object
) -> HealthCheck:
    """The check named by `detail_id`'s first part, its detail written from DETAILS."""
    english = {k: _english(v) for k, v in values.items()}
    return HealthCheck(
        detail_id.split(".")[0],
        ok,
        DETAILS[detail_id].format(**english),
        extra or {},
        detail_id,
        values,
    )


def _english(value: object) -> object:
    """A value as `chartside doctor` has always printed it: a list joined by commas."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in cast("list[object]", value))
    return value


class HealthService:
    """What IT checks: the installation's health and the audit trail's integrity."""

    def __init__(
        self,
        session: WorkspaceSession,
        embedding: Embedding,
        search: SearchService,
        kernels: Callable[[], CpuKernels | None] | None = None,
    ) -> None:
        """`embedding` says which model embeds the notes, `search` how far it got;
        `kernels()` which CPU kernels the answering model runs with (None: not said)."""
        self.session = session
        self.embedding = embedding
        self.search = search
        self.kernels = kernels

    def doctor(self) -> list[HealthCheck]:
        store = self.session.store
        checks: list[HealthCheck] = []
        try:
            db = store.open()
        except ChartsideError as exc:
            return [HealthCheck("database", False, exc.message, message=exc.msg)]
        checks += _server(db)
        current = migrate.current_revision(db.owner)
        head = migrate.head_revision(store.migrations_dir)
        checks.append(
            _check(
                "schema.revision",
                current == head,
                {"revision": current, "head": head},
                revision=current,
                head=head,
            )
        )
        checks.append(_runtime_role(db))
        checks.append(_rls(db))
        checks.append(_encryption(db, self.session.unlocked))
        if store.server is not None:
            checks.append(_permissions(store))
        checks.append(self._index())
        checks.append(_policy())
        kernels = self.kernels() if self.kernels is not None else None
        if kernels is not None:
            checks.append(_kernels(kernels))
        return checks

    def _index(self) -> HealthCheck:
        """A stale index is no fault (the indexer catches up); a missing embedder is."""
        embedder = self.embedding.embedder
        if embedder is None:
            missing = self.embedding.missing  # the workspace's embedder is not installed here
            if missing:  # core's own message, which the window translates as an error's
                return HealthCheck("index", False, render(missing), message=missing)
            return _check("index.keyword_only", False)
        if not self.session.unlocked:
            return _check("index.locked", True, model=embedder.model_id)
        st = self.search.index_status()
        return _check(
            "index.counts",
            True,
            st.to_json(),
            current=st.current,
            total=st.total,
            model=st.model_id,
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
        _check("database.version", True, {"version": version}, version=version),
        _check("pgvector.version", True, {"version": vec}, version=vec)
        if vec
        else _check("pgvector.missing", False, {"version": vec}),
    ]


def _policy() -> HealthCheck:
    """The settings clinic IT fixed: the user sees why changing them has no effect."""
    try:
        keys = sorted(locked_keys())
    except ChartsideError as exc:
        return HealthCheck("policy", False, exc.message, message=exc.msg)
    if not keys:
        return _check("policy.none", True)
    return _check("policy.locked", True, {"locked": keys}, path=str(policy_file()), keys=keys)


def _runtime_role(db: Database) -> HealthCheck:
    with db.runtime.connect() as conn:
        row = conn.execute(
            text(
                "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
            )
        ).one()
    ok = not row.rolsuper and not row.rolbypassrls
    flags = {"role": row.rolname, "superuser": row.rolsuper, "bypassrls": row.rolbypassrls}
    return _check("runtime_role.flags", ok, dict(flags), **flags)


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
    if not missing:
        return _check("row_level_security.forced", True, {"missing": missing})
    return _check("row_level_security.missing", False, {"missing": missing}, tables=missing)


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
    extra: dict[str, object] = {
        "algorithm": "AES-256-GCM",
        "format_version": FORMAT_VERSION,
        "values": values,
        "bad_columns": bad,
        "unlocked": unlocked,
    }
    if bad:
        return _check("encryption.bad", False, extra, columns=bad)
    return _check("encryption.ok", True, extra, count=values)


def _permissions(store: Store) -> HealthCheck:
    server = store.server
    assert server is not None
    paths = [server.pg_dir]
    if server.running:
        paths.append(server.socket_dir)
    loose = [str(p) for p in paths if p.exists() and p.stat().st_mode & 0o077]
    if loose:
        return _check("permissions.loose", False, {"loose": loose}, paths=loose)
    return _check("permissions.private", True, {"loose": loose})


def _kernels(k: CpuKernels) -> HealthCheck:
    """Which kernels answer: never a fault, but a portable build on a CPU that has better
    kernels is worth a clinic's IT knowing (docs/benchmarks.md measures the difference)."""
    if k.builds:
        return _check("kernels.chosen", True, level=k.level, count=k.builds)
    if k.cpu is not None and k.cpu != k.level:
        return _check("kernels.portable_cpu", True, level=k.level, cpu=k.cpu)
    return _check("kernels.portable", True, level=k.level)
