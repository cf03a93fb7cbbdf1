"""Indexing and search for the service (DESIGN §4, §5)."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from core import audit
from core.errors import ChartsideError, ModelError, ValidationError
from core.ports import Embedder
from core.progress import CancelToken, IndexProgress, touching
from core.retrieval.backfill import backfill
from core.retrieval.chunks import Chunker, word_spans
from core.retrieval.indexer import BackgroundIndexer, Indexer, index_status, listen_url
from core.retrieval.lexical import LexicalCache
from core.retrieval.reading import read_query
from core.retrieval.search import Searcher
from core.retrieval.types import FIELDS, IndexStatus, SearchQuery, SearchResult
from core.service_base import ServiceBase

log = logging.getLogger(__name__)
MAX_K = 100
CHUNK_TOKENS = 128
CHUNK_OVERLAP = 16


def make_chunker(embedder: Embedder | None) -> Chunker:
    """Chunks counted in the embedder's tokens; plain words when there is no embedder."""
    if embedder is None:
        return Chunker(word_spans, CHUNK_TOKENS, CHUNK_OVERLAP)

    def spans(value: str) -> list[tuple[int, int]]:
        try:
            return embedder.token_spans(value)
        except ChartsideError as exc:
            # A missing tokenizer must not stop a clinician saving a note.
            log.warning("chunking by words: the embedder's tokenizer failed (%s)", exc.message)
            return word_spans(value)

    return Chunker(spans, CHUNK_TOKENS, CHUNK_OVERLAP)


class SearchOps(ServiceBase):
    """Mixed into the service, which provides `db`, `cipher()`, `run` and `embedder`."""

    _background: BackgroundIndexer | None
    _bg_lock: threading.Lock

    def _init_search(self, embedder: Embedder | None) -> None:
        self.embedder = embedder
        self.chunker = make_chunker(embedder)
        self.lexical = LexicalCache()
        self._background = None
        self._bg_lock = threading.Lock()

    def _indexer(self) -> Indexer:
        if self.embedder is None:
            raise ModelError(
                "No embedding model is available, so notes cannot be indexed.",
                remediation="Run `chartside models list` and `chartside doctor`.",
            )
        return Indexer(self.db, self.cipher, self.embedder)

    def index_status(self) -> IndexStatus:
        model = self.embedder.model_id if self.embedder else None
        return self.run(lambda c, k: index_status(c, model))

    def index_now(
        self, progress: IndexProgress | None = None, cancel: CancelToken | None = None
    ) -> IndexStatus:
        indexer = self._indexer()
        self.run(lambda c, k: backfill(c, k, self.chunker))
        done = indexer.run_until_done(self._busy_index(progress), cancel)
        self.run(lambda c, k: None, "index", details=lambda _: done.to_json())
        return done

    def _busy_index(self, progress: IndexProgress | None) -> IndexProgress:
        return touching(self.idle.touch, progress)

    def watch_index(self, listener: IndexProgress | None) -> None:
        with self._bg_lock:
            if listener is None:
                if self._background is not None:
                    self._background.listener = None
                return
            if self._background is None:
                indexer = self._indexer()
                self.run(lambda c, k: backfill(c, k, self.chunker))
                self._background = BackgroundIndexer(indexer, listen_url(self.db))
                self._background.listener = listener
                self._background.start()
            else:
                self._background.listener = listener

    def _stop_search(self) -> None:
        """On lock: stop embedding and forget every decrypted word."""
        with self._bg_lock:
            if self._background is not None:
                self._background.stop()
                self._background = None
        self.lexical.clear()

    def search(self, query: SearchQuery) -> SearchResult:
        q = read_query(_checked(query))
        self.require_active()
        result = Searcher(self.db, self.cipher, self.embedder, self.lexical).search(q)
        self.run(
            lambda c, k: None,
            "search",
            details=lambda _: {
                "query_hmac": audit.query_hmac(self.cipher(), q.text),
                "scope": "client" if q.client_id else "workspace",
                "mode": q.mode,
                "results": [str(h.chunk_id) for h in result.hits],
            },
        )
        return result


def _checked(q: SearchQuery) -> SearchQuery:
    body = " ".join(q.text.split())
    if not body:
        raise ValidationError("is empty", field="query")
    if not 1 <= q.k <= MAX_K:
        raise ValidationError(f"must be between 1 and {MAX_K}", field="k")
    unknown = set(q.fields) - set(FIELDS)
    if unknown:
        raise ValidationError(f"has an unknown field: {sorted(unknown)[0]}", field="fields")
    if q.date_from and q.date_to and q.date_from > q.date_to:
        raise ValidationError("starts after it ends", field="date range")
    return replace(q, text=body)
