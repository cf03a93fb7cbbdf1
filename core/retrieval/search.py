"""Hybrid search: vector and BM25 candidates fused by reciprocal rank (docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, text

from core.db.engine import Database
from core.ports import Embedder
from core.retrieval import vector
from core.retrieval.chunks import decrypt_content
from core.retrieval.indexer import index_status
from core.retrieval.lexical import LexicalCache, tokenize
from core.retrieval.terms import terms
from core.retrieval.types import DocumentRef, IndexStatus, SearchHit, SearchQuery, SearchResult
from core.security.crypto import CellCipher

# Cormack et al. use 60. On `make eval` (clinosim notes) 60 lost to a plain BM25 search of
# whole sessions, while 5-20 beat it: templated notes need the top ranks to count more.
RRF_K = 10
SNIPPET_CHARS = 240


def rrf(rankings: Sequence[Sequence[UUID]], k: int = RRF_K) -> list[tuple[UUID, float]]:
    scores: dict[UUID, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def fuse(
    vec: Sequence[vector.VectorHit], lex: Sequence[tuple[UUID, float]]
) -> list[tuple[UUID, float]]:
    return rrf([[h.chunk_id for h in vec], [cid for cid, _ in lex]])


def snippet(body: str, query: str, width: int = SNIPPET_CHARS) -> str:
    """A window of the chunk around the first query word it contains."""
    if len(body) <= width:
        return body
    low = body.casefold()
    hits = [low.find(t) for t in tokenize(query) if t in low]
    start = max(0, min(hits) - width // 4) if hits else 0
    end = min(len(body), start + width)
    start = max(0, end - width)
    # Whole words at the edges read better than cut ones, and a number cut short ("6.|65")
    # or a unit cut from it ("70.7 /…") says something the note does not.
    if start > 0:
        m = re.search(r"\s", body[start:end])
        start = start + m.end() if m else start
    if end < len(body) and not body[end].isspace():
        m = re.search(r"\s\S*$", body[start:end])
        end = start + m.start() if m and start + m.start() > min(hits, default=start) else end
    return ("…" if start > 0 else "") + body[start:end].strip() + ("…" if end < len(body) else "")


class Searcher:
    def __init__(
        self,
        db: Database,
        cipher: Callable[[], CellCipher],
        embedder: Embedder | None,
        lexical: LexicalCache,
    ) -> None:
        self.db = db
        self.cipher = cipher
        self.embedder = embedder
        self.lexical = lexical

    def search(self, q: SearchQuery, query_vector: Sequence[float] | None = None) -> SearchResult:
        """`query_vector` lets a caller that already embedded the query (the assistant's
        cache check) skip a second embedding."""
        t0 = time.perf_counter()
        cipher = self.cipher()
        model_id = self.embedder.model_id if self.embedder else None
        if query_vector is None and q.mode != "lexical" and self.embedder is not None:
            query_vector = self.embedder.embed_query(q.text)
        t1 = time.perf_counter()
        pool = max(50, q.k * 5)
        with self.db.tx(cipher.workspace_id) as conn:
            status = index_status(conn, model_id) if model_id else IndexStatus(0, 0, None)
            vec = (
                vector.candidates(conn, query_vector, model_id, q, pool)
                if query_vector is not None and model_id and q.mode != "lexical"
                else []
            )
            # "First" looks further back: the earliest visit that names it may rank low.
            lex_pool = pool * 4 if q.order == "first" else pool
            lex = (
                self.lexical.get(conn, cipher, q.client_id).top(q, lex_pool)
                if q.mode != "vector"
                else []
            )
            fused = fuse(vec, lex)
            sims = {h.chunk_id: h.similarity for h in vec}
            best = max((score for _, score in lex), default=0.0)
            shares = {cid: score / best for cid, score in lex if best > 0}
            asked = self.lexical.thesaurus.matcher(q.text)
            if q.order is None:
                hits = _hits(conn, cipher, q, fused[: q.k], sims, shares, asked)
            else:
                hits = in_date_order(_hits(conn, cipher, q, fused, sims, shares, asked), q)
        t2 = time.perf_counter()
        timings = {"embed": (t1 - t0) * 1000, "retrieve": (t2 - t1) * 1000}
        names = tuple(self.lexical.thesaurus.names(q.text)) if q.mode != "vector" else ()
        return SearchResult(hits, status, timings, names)


# A chunk "matches" an ordered question when it names every term of the question, or
# every thing the question names in any of its names (in the other language too), or when
# its BM25 score is at least this share of the best one: the rare words (a drug, a lab)
# carry the score, common ones ("started") do not.
STRONG_MATCH = 0.5


def in_date_order(hits: list[SearchHit], q: SearchQuery) -> list[SearchHit]:
    """For "first", "onset" and "latest" questions: the session of the earliest (latest)
    chunk that strongly matches the question's words leads, then the other strong matches
    by date, then the rest in fused order, each session one place however many of its
    passages match: five chunks of one loosely related visit no longer push out the visits
    that record it. For "latest", the lead brings all its passages found (its reading may
    sit in another field than the words: "BP 136/85" beside "blood pressure management").
    For "first" and "onset" the visits keep the five places, and the client's own record
    that names it (each of its fields once) is listed apart: before them for "onset", since
    the record is where an onset is written, after them for "first", which asks of the
    visits; the lead's other passages are listed after them too."""
    matched = [h for h in hits if strong_match(h)]
    dated = sorted(
        (h for h in matched if h.session_date is not None),
        key=lambda h: h.session_date or dt.datetime.min,
        reverse=q.order == "latest",
    )
    lead = dated[0].session_id if dated else None
    chosen: dict[UUID, SearchHit] = {}
    if q.order == "latest":
        for h in hits:
            if lead is not None and h.session_id == lead:
                chosen.setdefault(h.chunk_id, h)
    placed: set[UUID | None] = {lead} if chosen else set()
    for h in [*dated, *hits]:
        record = h.session_id is None
        if (record and q.order == "latest") or (not record and h.session_id not in placed):
            chosen.setdefault(h.chunk_id, h)
            placed.add(h.session_id)
    visits = list(chosen.values())[: q.k]
    if q.order not in ("first", "onset"):
        return [replace(h, rank=i + 1) for i, h in enumerate(visits)]
    fields: dict[str, SearchHit] = {}
    for h in matched:
        if h.session_id is None:
            fields.setdefault(h.field, h)
    ids = {h.chunk_id for h in visits}
    # What was started sits in the plan, the complaint in the subjective: the lead's other
    # passages.
    passages = [
        h for h in hits if lead is not None and h.session_id == lead and h.chunk_id not in ids
    ]
    record = list(fields.values())
    before, after = (record, passages) if q.order == "onset" else ([], [*passages, *record])
    return [replace(h, rank=i + 1) for i, h in enumerate([*before, *visits, *after])]


def strong_match(hit: SearchHit) -> bool:
    return hit.names_all or hit.names_asked or (hit.lexical_share or 0.0) >= STRONG_MATCH


_DETAIL_SQL = text(
    "SELECT c.id, c.client_id, c.session_id, c.field, c.content, "
    "cl.external_id AS client_xid, s.external_id AS session_xid, s.session_date, "
    "c.document_id, c.page, d.title AS document_title, d.document_date, "
    "dp.source AS page_source "
    "FROM chunks c JOIN clients cl ON cl.id = c.client_id "
    "LEFT JOIN sessions s ON s.id = c.session_id "
    "LEFT JOIN documents d ON d.id = c.document_id "
    "LEFT JOIN document_pages dp ON dp.document_id = c.document_id AND dp.page = c.page "
    "WHERE c.id = ANY(:ids)"
)


def _document(cipher: CellCipher, r: Any) -> DocumentRef | None:
    """A page of an attached document, or None for a note's chunk."""
    if r.document_id is None:
        return None
    title = cipher.decrypt("documents", "title", r.document_id, bytes(r.document_title))
    return DocumentRef(r.document_id, title, r.document_date, r.page, r.page_source == "ocr")


def _hits(
    conn: Connection,
    cipher: CellCipher,
    q: SearchQuery,
    fused: list[tuple[UUID, float]],
    sims: dict[UUID, float],
    shares: dict[UUID, float],
    asked: Callable[[str], bool] | None = None,
) -> list[SearchHit]:
    if not fused:
        return []
    rows = {r.id: r for r in conn.execute(_DETAIL_SQL, {"ids": [cid for cid, _ in fused]})}
    wanted = terms(q.text)
    out: list[SearchHit] = []
    for cid, score in fused:
        r: Any = rows.get(cid)
        if r is None:  # deleted between the candidate query and now
            continue
        body = decrypt_content(cipher, r.id, r.content)
        out.append(
            SearchHit(
                rank=len(out) + 1,
                score=score,
                type="document" if r.document_id else "session" if r.session_id else "client",
                chunk_id=r.id,
                client_id=r.client_id,
                client_external_id=_xid(cipher, "clients", r.client_id, r.client_xid),
                session_id=r.session_id,
                session_external_id=_xid(cipher, "sessions", r.session_id, r.session_xid),
                session_date=r.session_date,
                field=r.field,
                snippet=snippet(body, q.text),
                text=body,
                vector_score=sims.get(cid),
                lexical_share=shares.get(cid),
                names_all=bool(wanted) and wanted <= terms(body),
                names_asked=asked is not None and asked(body),
                document=_document(cipher, r),
            )
        )
    return out


def _xid(cipher: CellCipher, table: str, row_id: UUID | None, blob: bytes | None) -> str | None:
    if row_id is None:
        return None
    # A record made in the app has no external id: its own id names it, as in exports.
    return cipher.decrypt(table, "external_id", row_id, bytes(blob)) if blob else str(row_id)
