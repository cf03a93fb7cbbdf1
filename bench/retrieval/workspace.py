"""A service over a throwaway data directory, its connections, and the decrypted chunks."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

PASSPHRASE = "benchmark passphrase"
FAST_KDF = {"argon2_memory_kib": 19 * 1024, "argon2_iterations": 2, "argon2_lanes": 1}

Scope = tuple[str, UUID | None]


@dataclass
class Chunk:
    id: UUID
    client_id: UUID
    field: str
    text: str


def service(root: Path, embedder: Any) -> Any:
    from app.compose import migrations_dir
    from core.services.service import ChartsideService
    from core.settings import load_settings

    svc = ChartsideService(
        load_settings(data_dir=root, crypto=FAST_KDF), migrations_dir(), embedder=embedder
    )
    svc.initialise(PASSPHRASE)
    return svc


def new_workspace(svc: Any) -> None:
    """Switch `svc` to a fresh, empty workspace (the same database)."""
    from core.records import workspaces as w

    ws, keys, _, _ = w.create_workspace(
        svc.db, "bench", PASSPHRASE, svc.settings.crypto, f"bench-{uuid.uuid4()}"
    )
    svc.session.keys.install(ws, keys)
    svc.workspace_id = ws


def owner_conn(svc: Any) -> psycopg.Connection[Any]:
    """Autocommit, as the table owner (bulk writes, DDL, server settings)."""
    from pgvector.psycopg import register_vector

    url = make_url(svc.db.owner.url).set(drivername="postgresql")
    conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
    register_vector(conn)
    return conn


def runtime_conn(svc: Any) -> psycopg.Connection[Any]:
    """As the app's runtime role, so row-level security applies as it does to the app."""
    from pgvector.psycopg import register_vector

    from core.retrieval.indexer import listen_url

    conn = psycopg.connect(listen_url(svc.db))
    register_vector(conn)
    return conn


def chunks(svc: Any) -> list[Chunk]:
    from core.retrieval.chunks import decrypt_content

    cipher = svc.cipher()
    with svc.db.tx(svc.workspace_id) as conn:
        rows = conn.execute(
            text("SELECT id, client_id, field, content FROM chunks ORDER BY id")
        ).all()
    return [
        Chunk(r.id, r.client_id, r.field, decrypt_content(cipher, r.id, r.content)) for r in rows
    ]


def scopes(client: UUID) -> list[Scope]:
    return [("client", client), ("workspace", None)]


def timed(fn: Callable[..., Any], *args: Any) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def raw_knn(
    conn: psycopg.Connection[Any],
    ws: UUID,
    vec: Any,
    model_id: str,
    limit: int,
    *,
    client: UUID | None = None,
    ef: int | None = None,
) -> list[UUID]:
    """The bare pgvector query `vector.candidates` wraps: same settings, same expression
    (so the same HNSW index), no SQLAlchemy. `ef` overrides its ef_search."""
    from core.retrieval import vector

    dim = len(vec)
    # The index's own expression type, or the planner could not use the index.
    vtype = vector._type(dim)
    cond, args = ("AND client_id = %s", [client]) if client else ("", [])
    ef = ef if ef is not None else max(vector.EF_SEARCH, limit)
    with conn.transaction():
        conn.execute(
            "SELECT set_config('app.workspace_id', %s, true), "
            "set_config('hnsw.ef_search', %s, true), "
            "set_config('hnsw.iterative_scan', 'relaxed_order', true)",
            (str(ws), str(ef)),
        )
        distance = f"embedding::{vtype} <=> CAST(%s AS {vtype})"
        rows = conn.execute(
            f"SELECT id, {distance} AS d FROM chunks WHERE dim = {dim} AND model_id = %s "
            f"{cond} ORDER BY {distance} LIMIT %s",
            [vec, model_id, *args, vec, limit],
        ).fetchall()
    return [r[0] for r in rows]
