"""The HNSW index follows its build settings (issue 13): an install made with older
settings gets the new index and loses the old one, and a build cut short is redone, on
the real database."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from core.retrieval import vector
from core.services.service import ChartsideService
from tests.retrieval.test_retrieval import add_client, add_session

OLD = "ix_chunks_hnsw_384_m32"  # the name the m=32, ef_construction=128 index had


def _indexes(svc: ChartsideService) -> dict[str, tuple[bool, str]]:
    with svc.db.owner.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.relname, i.indisvalid, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE i.indrelid = 'chunks'::regclass AND c.relname LIKE 'ix_chunks_hnsw%'"
            )
        ).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def _owner(svc: ChartsideService, sql: str) -> None:
    with svc.db.owner.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(sql))


def test_an_index_built_with_older_settings_is_replaced(indexed_service: ChartsideService) -> None:
    svc = indexed_service
    add_session(svc, add_client(svc), subjective="Knee pain after running.")
    svc.search.index_now()
    _owner(svc, f"DROP INDEX {vector.index_name(384)}")
    _owner(
        svc,
        f"CREATE INDEX {OLD} ON chunks USING hnsw ((embedding::vector(384)) "
        "vector_cosine_ops) WITH (m = 32, ef_construction = 128) WHERE dim = 384",
    )

    vector.ensure_index(svc.db, 384)

    found = _indexes(svc)
    assert set(found) == {vector.index_name(384)}
    valid, definition = found[vector.index_name(384)]
    assert valid
    assert f"m='{vector.HNSW_M}'" in definition
    assert f"ef_construction='{vector.HNSW_EF_CONSTRUCTION}'" in definition


def test_a_build_cut_short_is_built_again(indexed_service: ChartsideService) -> None:
    """A failed CONCURRENTLY build leaves an invalid index under the name; IF NOT EXISTS
    alone would keep it, and searches would scan every chunk from then on."""
    svc = indexed_service
    cid = add_client(svc)
    for day in (3, 4):
        add_session(svc, cid, subjective="Same templated line.", plan=f"Plan {day}.")
    svc.search.index_now()
    name = vector.index_name(384)
    _owner(svc, f"DROP INDEX {name}")
    # The same chunk text twice: a unique build fails and leaves its index invalid.
    with pytest.raises(IntegrityError, match="could not create unique index"):
        _owner(svc, f"CREATE UNIQUE INDEX CONCURRENTLY {name} ON chunks (content_hash)")
    assert _indexes(svc)[name][0] is False

    vector.ensure_index(svc.db, 384)

    valid, definition = _indexes(svc)[name]
    assert valid
    assert "hnsw" in definition
