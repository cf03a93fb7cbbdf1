"""Vector search with iterative scans, BM25 in memory, and the fused hybrid result
(issue 5 §3, §4) on the real database and embedder."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

import pytest
from sqlalchemy import text

from core.db import schema as s
from core.db.bulk import INSERT, bulk
from core.errors import ValidationError
from core.retrieval import vector
from core.retrieval.types import SearchQuery
from core.services.service import ChartsideService
from tests.retrieval.test_retrieval import DAY, add_client, add_session


def _unit(rng: random.Random, dim: int = 384) -> list[float]:
    v = [rng.gauss(0, 1) for _ in range(dim)]
    n = sum(x * x for x in v) ** 0.5
    return [x / n for x in v]


def test_a_client_with_1_percent_of_the_chunks_still_gets_k_results(
    indexed_service: ChartsideService,
) -> None:
    """HNSW alone visits ef_search candidates and filters afterwards: for a client with 1%
    of the workspace's chunks that leaves almost nothing. Iterative scans keep going."""
    svc = indexed_service
    rng = random.Random(5)
    small, big = add_client(svc, "Small Client"), add_client(svc, "Big Client")
    model = svc.embedder.model_id  # type: ignore[union-attr]
    vector.ensure_index(svc.db, 384)

    def rows(c: Any, k: Any) -> None:
        out = []
        for i in range(5000):
            owner = small if i % 100 == 0 else big
            cid = uuid.uuid4()
            out.append(
                {
                    "id": cid, "workspace_id": k.workspace_id, "client_id": owner,
                    "session_id": None, "field": "notes", "ordinal": i,
                    "content_hash": b"x", "content": b"x", "model_id": model, "dim": 384,
                    "embedding": vector.literal(_unit(rng)),
                }
            )  # fmt: skip
        bulk(c, s.chunks, out, INSERT)

    svc.session.run(rows)
    q = SearchQuery("x", client_id=small, k=10)
    probe = _unit(rng)
    nearest = (
        "SELECT id FROM chunks WHERE dim = 384 AND model_id = :m AND client_id = :c "
        "ORDER BY embedding::vector(384) <=> CAST(:q AS vector(384)) LIMIT 10"
    )
    args = {"m": model, "c": small, "q": vector.literal(probe)}

    def big_workspace(c: Any) -> None:
        # At 5,000 rows, reading the client's rows and sorting them is cheaper; at 100,000
        # the planner takes the HNSW order instead. Forbidding the sort makes it do so here.
        for name in ("enable_sort",):
            c.execute(text("SELECT set_config(:n, 'off', true)"), {"n": name})

    def ours(c: Any, k: Any) -> tuple[str, list[Any]]:
        big_workspace(c)
        hits = vector.candidates(c, probe, model, q, 10)  # sets the scan settings in this tx
        plan = "\n".join(r[0] for r in c.execute(text("EXPLAIN " + nearest), args))
        return plan, hits

    plan, hits = svc.session.run(ours)
    assert vector.index_name(384) in plan
    assert len(hits) == 10
    exact = svc.session.run(lambda c, k: vector.candidates(c, probe, model, q, 10, exact=True))
    assert len({h.chunk_id for h in hits} & {h.chunk_id for h in exact}) >= 8

    def without_iterative(c: Any, k: Any) -> int:
        big_workspace(c)
        c.execute(text("SELECT set_config('hnsw.ef_search', '40', true)"))
        c.execute(text("SELECT set_config('hnsw.iterative_scan', 'off', true)"))
        return len(c.execute(text(nearest), args).all())

    assert svc.session.run(without_iterative) < 10  # the failure iterative scans exist to prevent


@pytest.fixture
def notes(indexed_service: ChartsideService) -> dict[str, Any]:
    svc = indexed_service
    dana = add_client(svc, "Dana Levi", history="Hypothyroidism, on levothyroxine 75 mcg.")
    omar = add_client(svc, "Omar Haddad", history="Asthma since childhood.")
    ids = {
        "dana_mar": add_session(
            svc, dana, DAY, subjective="Low mood, poor sleep.", plan="Start sertraline 50 mg."
        ),
        "dana_may": add_session(
            svc, dana, DAY + dt.timedelta(days=60), subjective="Mood better.",
            plan="Increase sertraline to 100 mg.",
        ),
        "omar_apr": add_session(
            svc, omar, DAY + dt.timedelta(days=30), subjective="Wheeze at night.",
            plan="Salbutamol inhaler as needed.",
        ),
    }  # fmt: skip
    svc.search.index_now()
    return {"svc": svc, "dana": dana, "omar": omar, **ids}


def test_hybrid_hits_carry_where_they_came_from(notes: dict[str, Any]) -> None:
    svc = notes["svc"]
    r = svc.search.query(SearchQuery("increase sertraline to 100 mg", client_id=notes["dana"], k=3))
    top = r.hits[0]
    assert (top.session_id, top.field, top.type) == (notes["dana_may"], "plan", "session")
    assert top.session_date == DAY + dt.timedelta(days=60)
    assert "100 mg" in top.snippet and top.rank == 1
    assert top.client_id == notes["dana"] and top.client_external_id == str(notes["dana"])
    assert top.vector_score is not None and 0 < top.vector_score <= 1
    assert [h.rank for h in r.hits] == list(range(1, len(r.hits) + 1))
    assert all(a.score >= b.score for a, b in zip(r.hits, r.hits[1:], strict=False))
    assert {h.client_id for h in r.hits} == {notes["dana"]}  # scoped to the client
    assert r.index.complete
    as_json = top.to_json()
    assert set(as_json) == {
        "rank", "score", "type", "client_external_id", "session_external_id",
        "session_date", "field", "snippet",
    }  # fmt: skip


def test_field_and_date_filters(notes: dict[str, Any]) -> None:
    svc = notes["svc"]
    hist = svc.search.query(SearchQuery("levothyroxine", k=5, fields=("medical_history",)))
    assert hist.hits and {(h.type, h.field) for h in hist.hits} == {("client", "medical_history")}
    april = svc.search.query(
        SearchQuery("plan", k=10, date_from=dt.date(2024, 3, 20), date_to=dt.date(2024, 4, 30))
    )
    assert {h.session_id for h in april.hits} == {notes["omar_apr"]}
    for mode in ("vector", "lexical"):
        only = svc.search.query(SearchQuery("sertraline", k=10, fields=("subjective",), mode=mode))
        assert all(h.field == "subjective" for h in only.hits)


def test_lexical_side_finds_exact_terms_the_vector_side_blurs(notes: dict[str, Any]) -> None:
    svc = notes["svc"]
    lex = svc.search.query(SearchQuery("salbutamol", k=1, mode="lexical"))
    assert lex.hits[0].session_id == notes["omar_apr"] and lex.hits[0].vector_score is None
    hybrid = svc.search.query(SearchQuery("salbutamol", k=1))
    assert hybrid.hits[0].session_id == notes["omar_apr"]


def test_bm25_is_lazy_follows_edits_and_is_wiped_on_lock(notes: dict[str, Any]) -> None:
    svc = notes["svc"]
    assert svc.search.lexical._entries == {}  # nothing decrypted into memory before a search
    assert svc.search.query(SearchQuery("zolpidem", k=3, mode="lexical")).hits == []
    assert svc.search.lexical._entries
    from core.domain import SessionData

    svc.notes.update_session(
        notes["omar_apr"], SessionData(date=DAY, plan="Zolpidem 5 mg at night for a week.")
    )
    hit = svc.search.query(SearchQuery("zolpidem", k=3, mode="lexical")).hits
    assert [h.session_id for h in hit] == [notes["omar_apr"]]
    stale = svc.search.query(SearchQuery("zolpidem", k=3))
    assert stale.index.current < stale.index.total  # the edit awaits its vector
    svc.lock()
    assert svc.search.lexical._entries == {}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (SearchQuery("   "), "query"),
        (SearchQuery("x", k=0), "k"),
        (SearchQuery("x", k=1000), "k"),
        (SearchQuery("x", fields=("password",)), "fields"),
        (
            SearchQuery("x", date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 1, 1)),
            "date range",
        ),
    ],
)
def test_bad_queries_name_the_field(
    indexed_service: ChartsideService, query: SearchQuery, field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        indexed_service.search.query(query)
    assert exc.value.field == field


def test_latest_reading_leads_though_a_stray_word_scores_higher(
    indexed_service: ChartsideService,
) -> None:
    """ "Heart rate" is "HR" in the notes; the family history's "heart disease" shares a
    word and outscores every vitals line in BM25. The vitals lines still name the whole
    question, so the newest of them leads a "latest" search."""
    svc = indexed_service
    ann = add_client(svc, "Ann Roe", history="Family history, father: ischaemic heart disease.")
    days = [DAY + dt.timedelta(days=30 * i) for i in range(4)]
    sessions = [
        add_session(svc, ann, d, objective=f"BP 12{i}/80 mmHg, HR 7{i} bpm")
        for i, d in enumerate(days)
    ]
    svc.search.index_now()
    q = SearchQuery("What was the heart rate?", client_id=ann, k=5, order="latest")
    hits = svc.search.query(q).hits
    assert hits[0].session_id == sessions[-1] and "HR 73" in hits[0].text
    vitals = [h for h in hits if h.session_id is not None]
    assert len(vitals) == 4 and all(h.names_all for h in vitals)
    (family,) = [h for h in hits if h.session_id is None]
    assert not family.names_all
    # Why it matters: the family line is found by its words alone, the vitals by meaning
    # ("HR" is not "heart rate"), and by relevance alone it outranks the newest reading.
    assert family.lexical_share == 1.0 and all((h.lexical_share or 0) < 0.5 for h in vitals)
    by_relevance = [
        h.session_id for h in svc.search.query(SearchQuery(q.text, client_id=ann, k=5)).hits
    ]
    assert by_relevance.index(None) < by_relevance.index(sessions[-1])
