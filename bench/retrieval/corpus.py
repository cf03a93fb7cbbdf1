"""The 100,000-chunk workspace, filled honestly but cheaply.

The synthetic document is imported through the service, so every chunk row is encrypted by
our own writers. Chunks whose text part 1 embedded keep the real vector the model gave
them; every other chunk gets the real vector of a note of the same client and field plus a
little gaussian noise, renormalised, written in bulk as the owner with the embedder's model
id, so that it counts as current. The HNSW index is then built by `vector.ensure_index`,
with the app's own name and parameters.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from uuid import UUID

import numpy as np

from bench.retrieval import workspace
from bench.retrieval.workspace import Chunk

NOISE_SIGMA = 0.03  # per dimension: |noise| ~ 0.59, cosine to the real parent ~ 0.86


def big_workspace(
    root: Path, embedder: Any, doc: dict[str, Any], real: dict[str, np.ndarray]
) -> tuple[Any, list[Chunk], dict[str, Any]]:
    """A service (the caller closes it) over `doc` imported and given vectors, its chunks,
    and what it took to build."""
    src = root / "big.json"
    src.write_text(json.dumps(doc))
    svc = workspace.service(root / "big", embedder)
    try:
        t = time.perf_counter()
        svc.notes.import_file(src)
        import_s = time.perf_counter() - t
        src.unlink()
        chunks = workspace.chunks(svc)
        figures: dict[str, Any] = {
            "chunks": len(chunks),
            "clients": len(doc["clients"]),
            "import_s": round(import_s, 1),
        }
        figures.update(fill_vectors(svc, chunks, real))
    except BaseException:
        svc.close()
        raise
    return svc, chunks, figures


def _vectors(chunks: list[Chunk], real: dict[str, np.ndarray], dim: int) -> np.ndarray:
    """Real vectors where the chunk's text was embedded in part 1, else the real vector of
    a chunk of the same client and field plus noise."""
    rng = np.random.default_rng(5)
    parents: dict[tuple[UUID, str], list[np.ndarray]] = defaultdict(list)
    for c in chunks:
        if c.text in real:
            parents[(c.client_id, c.field)].append(real[c.text])
    pool = list(real.values())
    out = np.empty((len(chunks), dim), dtype=np.float32)
    for i, c in enumerate(chunks):
        if c.text in real:
            out[i] = real[c.text]
            continue
        cands = parents.get((c.client_id, c.field)) or pool
        v = cands[int(rng.integers(len(cands)))] + rng.normal(0, NOISE_SIGMA, dim)
        out[i] = v / np.linalg.norm(v)
    return out


def fill_vectors(svc: Any, chunks: list[Chunk], real: dict[str, np.ndarray]) -> dict[str, Any]:
    """Writes `_vectors` in bulk as the owner, then builds the HNSW index."""
    from core.retrieval import vector
    from core.retrieval.vector import ensure_index, index_name

    model_id, dim = svc.embedder.model_id, svc.embedder.dimension
    vectors = _vectors(chunks, real, dim)
    t = time.perf_counter()
    with workspace.owner_conn(svc) as conn:
        # Bulk-loading into a built HNSW graph is far slower than building it afterwards.
        conn.execute(f"DROP INDEX IF EXISTS {index_name(dim)}")
        with conn.transaction():
            conn.execute(
                "SELECT set_config('app.workspace_id', %s, true)", (str(svc.workspace_id),)
            )
            conn.execute("CREATE TEMP TABLE fill (id uuid, v vector) ON COMMIT DROP")
            with conn.cursor().copy("COPY fill (id, v) FROM STDIN WITH (FORMAT BINARY)") as cp:
                cp.set_types(["uuid", "vector"])
                for c, v in zip(chunks, vectors, strict=True):
                    cp.write_row((c.id, v))
            conn.execute(
                "UPDATE chunks SET embedding = fill.v, model_id = %s, dim = %s "
                "FROM fill WHERE chunks.id = fill.id",
                (model_id, dim),
            )
        conn.execute("VACUUM ANALYZE chunks")
        written = time.perf_counter() - t
        # A bulk build needs the graph in memory; the app's indexer inserts row by row.
        conn.execute("ALTER SYSTEM SET maintenance_work_mem = '1GB'")
        conn.execute("SELECT pg_reload_conf()")
        t = time.perf_counter()
        ensure_index(svc.db, dim)
        built = time.perf_counter() - t
        conn.execute("ALTER SYSTEM RESET maintenance_work_mem")
        conn.execute("SELECT pg_reload_conf()")
        conn.execute("ANALYZE chunks")
        size = conn.execute("SELECT pg_relation_size(%s::regclass)", (index_name(dim),))
        row = size.fetchone()
    n_real = sum(c.text in real for c in chunks)
    return {
        "real_vectors": n_real,
        "noisy_copies": len(chunks) - n_real,
        "noise_sigma_per_dim": NOISE_SIGMA,
        "write_s": round(written, 1),
        "hnsw": {
            "index": index_name(dim),
            "m": vector.HNSW_M,
            "ef_construction": vector.HNSW_EF_CONSTRUCTION,
            "ef_search": vector.EF_SEARCH,
        },
        "hnsw_build_s": round(built, 1),
        "hnsw_mib": round((row[0] if row else 0) / 2**20, 1),
    }
