"""pgvector side of retrieval: one HNSW index per embedding dimension, filtered queries
with iterative index scans (pgvector ≥ 0.8) so a filter never starves the result."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from core.db.engine import Database
from core.errors import ModelError
from core.messages import Message
from core.retrieval.types import SearchQuery

log = logging.getLogger(__name__)
MAX_HNSW_DIM = 4000  # halfvec's HNSW limit; vector's own is 2000
# Distance-based recall@10 against exact search, 100,000 note embeddings with templated
# (identical) notes, ef_search 100 / 200 / 300: m=32, ef_construction=128 0.91 / 0.93 /
# -; m=48, ef_construction=200 0.94 / 0.96 / 0.97; m=64 no better than 48. pgvector's
# defaults (16, 64, 40) gave 0.81-0.90. ef_search 300 cost ~5 ms a query over 200.
HNSW_M = 48
HNSW_EF_CONSTRUCTION = 200
EF_SEARCH = 300
_PREFIX = "ix_chunks_hnsw_"


def _type(dim: int) -> str:
    """The SQL type vectors of `dim` are indexed and compared as."""
    if not 0 < dim <= MAX_HNSW_DIM:
        raise ModelError(Message("search.dimension_too_large", n=dim))
    return f"{'vector' if dim <= 2000 else 'halfvec'}({int(dim)})"


def index_name(dim: int) -> str:
    """Names carry the build settings, so a change of them builds a new index."""
    return f"{_PREFIX}{int(dim)}_m{HNSW_M}_c{HNSW_EF_CONSTRUCTION}"


def ensure_index(db: Database, dim: int) -> None:
    """HNSW (cosine) over the chunks of one dimension: a partial expression index, so
    vectors of a previous model can stay in the table while the new ones are written.

    Built CONCURRENTLY: on an install upgraded to new settings it is rebuilt over every
    chunk, and saves must not wait minutes for that. The index it replaces serves
    searches until then, and is dropped after. A build cut short leaves an invalid index
    that IF NOT EXISTS would keep forever; one that no server process is building is
    dropped and built again."""
    opclass = "vector_cosine_ops" if dim <= 2000 else "halfvec_cosine_ops"
    name = index_name(dim)
    with db.owner.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if not _owns_chunks(conn):
            # A clinic desktop given only the app role (docs/clinic.md): the owner
            # builds indexes. Until it has, searches scan every vector: slower, not wrong.
            if not _valid(conn, name):
                log.warning("no vector index for dimension %d yet: searches scan exactly", dim)
            return
        if _abandoned(conn, name):
            conn.execute(text(f"DROP INDEX CONCURRENTLY IF EXISTS {name}"))
        try:
            conn.execute(
                text(
                    f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON chunks "
                    f"USING hnsw ((embedding::{_type(dim)}) {opclass}) "
                    f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION}) "
                    f"WHERE dim = {int(dim)}"
                )
            )
        except IntegrityError:
            # Desktops sharing a clinic server start their indexers together: another one
            # created the index between IF NOT EXISTS's check and ours. It builds it.
            return
        if not _valid(conn, name):
            return  # another process is still building it; it drops the old one after
        for old in conn.execute(
            text(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'chunks' AND indexname LIKE :p"
            ),
            {"p": f"{_PREFIX}{int(dim)}\\_%"},
        ).scalars():
            if old != name:
                conn.execute(text(f'DROP INDEX CONCURRENTLY IF EXISTS "{old}"'))


def _owns_chunks(conn: Connection) -> bool:
    return bool(
        conn.execute(
            text(
                "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class "
                "WHERE oid = 'chunks'::regclass"
            )
        ).scalar()
    )


def _valid(conn: Connection, name: str) -> bool:
    return bool(
        conn.execute(
            text("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(:n)"),
            {"n": name},
        ).scalar()
    )


def _abandoned(conn: Connection, name: str) -> bool:
    """An invalid index with no build in progress: what a cut-short build leaves."""
    return bool(
        conn.execute(
            text(
                "SELECT NOT i.indisvalid AND NOT EXISTS (SELECT 1 FROM "
                "pg_stat_progress_create_index p WHERE p.index_relid = i.indexrelid) "
                "FROM pg_index i WHERE i.indexrelid = to_regclass(:n)"
            ),
            {"n": name},
        ).scalar()
    )


def literal(vec: Sequence[float]) -> str:
    return "[" + ",".join(f"{x:.7g}" for x in vec) + "]"


@dataclass(frozen=True)
class VectorHit:
    chunk_id: UUID
    similarity: float  # cosine


def candidates(
    conn: Connection,
    query_vector: Sequence[float],
    model_id: str,
    q: SearchQuery,
    limit: int,
    *,
    exact: bool = False,
) -> list[VectorHit]:
    """The `limit` nearest chunks of the current model within the query's filters.
    `exact` bypasses the index (benchmarks measure the index's recall against it)."""
    dim = len(query_vector)
    vtype = _type(dim)
    distance = f"embedding::{vtype} <=> CAST(:q AS {vtype})"
    settings = {
        "hnsw.ef_search": str(max(EF_SEARCH, limit)),
        "hnsw.iterative_scan": "relaxed_order",
    }
    if exact:
        settings = {"enable_indexscan": "off", "enable_bitmapscan": "off"}
    for name, value in settings.items():
        conn.execute(text("SELECT set_config(:n, :v, true)"), {"n": name, "v": value})
    where, params = filters(q)
    rows = conn.execute(
        text(
            f"SELECT id, {distance} AS dist FROM chunks "
            f"WHERE dim = {int(dim)} AND model_id = :m {where} ORDER BY {distance} LIMIT :n"
        ),
        {"q": literal(query_vector), "m": model_id, "n": limit, **params},
    ).all()
    # relaxed_order may return neighbours slightly out of order: sort them here.
    return sorted((VectorHit(r.id, 1.0 - float(r.dist)) for r in rows), key=lambda h: -h.similarity)


def filters(q: SearchQuery) -> tuple[str, dict[str, object]]:
    """SQL conditions on `chunks` for the query's scope, fields and dates."""
    where: list[str] = []
    params: dict[str, object] = {}
    if q.client_id is not None:
        where.append("client_id = :client")
        params["client"] = q.client_id
    if q.fields:
        where.append("field = ANY(:fields)")
        params["fields"] = list(q.fields)
    if q.date_from or q.date_to:
        cond = ["TRUE"]
        if q.date_from:
            cond.append("session_date >= :dfrom")
            params["dfrom"] = q.date_from
        if q.date_to:
            cond.append("session_date < CAST(:dto AS date) + 1")
            params["dto"] = q.date_to
        where.append(f"session_id IN (SELECT id FROM sessions WHERE {' AND '.join(cond)})")
    return "".join(f" AND {w}" for w in where), params
