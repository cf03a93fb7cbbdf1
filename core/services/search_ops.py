"""Indexing and search (docs/architecture.md)."""

from __future__ import annotations

import functools
import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace

from core.errors import ChartsideError, ModelError, ValidationError
from core.files import atomic_file
from core.messages import Message
from core.ports import Embedder
from core.progress import CancelToken, IndexProgress, touching
from core.records.backfill import backfill
from core.retrieval.chunks import Chunker, word_spans
from core.retrieval.indexer import BackgroundIndexer, Indexer, index_status, listen_url
from core.retrieval.lexical import LexicalCache
from core.retrieval.model_choice import (
    EmbedderAdvice,
    advise,
    chosen_embedder,
    first_embedder,
    has_notes,
    notes_hebrew_share,
    record_embedder,
)
from core.retrieval.reading import read_query
from core.retrieval.search import Searcher
from core.retrieval.thesaurus import GROUPS, Thesaurus
from core.retrieval.types import FIELDS, IndexStatus, SearchQuery, SearchResult
from core.security import audit
from core.services.session import WorkspaceSession
from core.timeline import extract
from core.timeline import store as timeline_store
from core.timeline.vocab.lexicon import CONDITIONS, DRUGS, PROCEDURES

log = logging.getLogger(__name__)
MAX_K = 100
CHUNK_TOKENS = 128
CHUNK_OVERLAP = 16
# Opens the embedder with this model id, as installed on this computer (None: it is not).
EmbedderFor = Callable[[str], Embedder | None]
# The multilingual embedder's model id, when it is installed on this computer.
MultilingualId = Callable[[], str | None]
# Where a desktop keeps the embedder advice it was given and declined (`decline_advice`).
DECLINED_FILE = "embedder_advice.json"


@functools.cache
def clinical_thesaurus() -> Thesaurus:
    """The lexical side's names for one thing (`core.retrieval.thesaurus`): its own groups,
    and the timeline's conditions, drugs and procedures, each with its English, Hebrew and
    brand names."""
    lexicon = (CONDITIONS, DRUGS, PROCEDURES)
    return Thesaurus([*GROUPS, *((name, *other) for d in lexicon for name, other in d.items())])


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


class Embedding:
    """The embedding model in use and the chunker counted in its tokens. Notes, search, ask
    and health share one, so a model change (`use`) reaches all of them at once."""

    def __init__(self, embedder: Embedder | None) -> None:
        self.embedder = embedder
        self.chunker = make_chunker(embedder)
        self.missing: Message | None = None  # why there is none, when the workspace's is absent

    def use(
        self, embedder: Embedder | None, missing: Message | None = None, *, rechunk: bool = False
    ) -> None:
        # The old model is dropped, not closed: a search or an answer in flight may hold it.
        # Chunks keep their boundaries (the chunker stays); only vectors change. A workspace
        # with no notes yet (`rechunk`) takes the new model's chunker too.
        self.embedder = embedder
        self.missing = missing
        if rechunk:
            self.chunker = make_chunker(embedder)

    def require(self) -> Embedder:
        if self.embedder is None:
            raise ModelError(self.missing or Message("search.no_embedder_to_search"))
        return self.embedder


class SearchService:
    """Embeds the notes' chunks (now, or in the background) and searches them. On lock it
    stops the background indexer and forgets every word the lexical index decrypted."""

    def __init__(
        self,
        session: WorkspaceSession,
        embedding: Embedding,
        lexical: LexicalCache,
        embedder_for: EmbedderFor | None = None,
        multilingual: MultilingualId | None = None,
        language: Callable[[], str] = lambda: "en",
    ) -> None:
        """`multilingual` names the embedder for Hebrew notes as installed here; `language`
        is the window's (a workspace created in Hebrew starts with that embedder)."""
        self.session = session
        self.embedding = embedding
        self.lexical = lexical
        self.embedder_for = embedder_for
        self.multilingual = multilingual
        self.language = language
        self.background: BackgroundIndexer | None = None
        self._bg_lock = threading.Lock()
        session.on_lock(self.stop)
        session.on_enter(self.follow_workspace)

    def _indexer(self) -> Indexer:
        embedder = self.embedding.embedder
        if embedder is None:
            raise ModelError(
                self.embedding.missing or Message("search.no_embedder_to_index"),
                remediation=Message("search.run_models_list_and_doctor"),
            )
        return Indexer(self.session.db, self.session.cipher, embedder)

    def index_status(self) -> IndexStatus:
        embedder = self.embedding.embedder
        model = embedder.model_id if embedder else None
        return self.session.run(lambda c, k: index_status(c, model))

    def index_now(
        self, progress: IndexProgress | None = None, cancel: CancelToken | None = None
    ) -> IndexStatus:
        indexer = self._indexer()
        self.session.run(lambda c, k: backfill(c, k, self.embedding.chunker))
        self._read_timeline(cancel)
        done = indexer.run_until_done(self._busy_index(progress), cancel)
        self.session.run(lambda c, k: None, "index", details=lambda _: done.to_json())
        return done

    def _read_timeline(self, cancel: CancelToken | None = None) -> int:
        """Notes an import (or an older extractor) left without facts get them with the
        index: the timeline is as fresh as the search. The first cycle also reads the
        drug vocabulary, off the save path."""
        extract.warm()
        return timeline_store.backfill(self.session.db, self.session.cipher, cancel=cancel)

    def _busy_index(self, progress: IndexProgress | None) -> IndexProgress:
        return touching(self.session.touch, progress)

    def watch_index(self, listener: IndexProgress | None) -> None:
        with self._bg_lock:
            if listener is None:
                if self.background is not None:
                    self.background.listener = None
                return
            if self.background is None:
                indexer = self._indexer()
                self.session.run(lambda c, k: backfill(c, k, self.embedding.chunker))
                self.background = BackgroundIndexer(
                    indexer, listen_url(self.session.db), on_model_change=self._changed_elsewhere,
                    each_cycle=self._read_timeline,
                )  # fmt: skip
                self.background.listener = listener
                self.background.start()
            else:
                self.background.listener = listener

    def use_embedder(self, embedder: Embedder) -> None:
        """Another embedding model from now on, for the whole workspace (`chartside models
        use-embedder`, the models screen): recorded in the database when unlocked, so every
        desktop of the workspace follows. Chunks it did not embed count as stale, so a
        watched background indexer is restarted with it and re-embeds them; `index_status`
        shows how far it got."""
        if self.session.unlocked:
            self.session.run(
                lambda c, k: record_embedder(c, k.workspace_id, embedder.model_id),
                "embedder.use",
                details=lambda _: {"model": embedder.model_id},
            )
        self._switch(embedder)

    def follow_workspace(self) -> None:
        """On unlock: take the workspace's embedder, or, when none is recorded yet (a new
        workspace, or one from before the choice was kept), record ours. A workspace
        without notes created while the window is in Hebrew records the multilingual
        embedder instead (`model_choice.first_embedder`)."""
        current = self.embedding.embedder
        if current is None and self.embedder_for is None:
            return  # no embedding runtime here at all: nothing to follow
        chosen = self.session.run(lambda c, k: chosen_embedder(c, k.workspace_id))
        if chosen is None:
            first = self._first_choice(current)
            if first is not None:
                model_id = first.model_id
                # Audited when it is not this computer's own: the window's language chose it.
                self.session.run(
                    lambda c, k: record_embedder(c, k.workspace_id, model_id),
                    "embedder.use" if first is not current else None,
                    details=lambda _: {"model": model_id, "why": "window language"},
                )
        elif current is None or chosen != current.model_id:
            self._open_chosen(chosen)

    def _first_choice(self, current: Embedder | None) -> Embedder | None:
        """The embedder a workspace with none recorded starts with: ours, unless it has no
        notes yet and `first_embedder` prefers another that opens here."""
        if self.multilingual is None or self.embedder_for is None:
            return current
        if self.session.run(lambda c, k: has_notes(c, k.workspace_id)):
            return current  # its notes are embedded with ours: `embedder_advice` may offer
        ours = current.model_id if current is not None else None
        wanted = first_embedder(self.language(), ours, self.multilingual())
        if wanted is None or wanted == ours:
            return current
        try:
            embedder = self.embedder_for(wanted)
        except ChartsideError as exc:
            log.warning("the multilingual embedder cannot be opened: %s", exc.message)
            embedder = None
        if embedder is None:
            return current
        self._switch(embedder, rechunk=True)
        return embedder

    def embedder_advice(self) -> EmbedderAdvice | None:
        """Advice to switch the workspace to the multilingual embedder, when its notes are
        mostly Hebrew and it uses another (`model_choice.advise`); None otherwise, and once
        declined on this computer (`decline_advice`). Reads a sample of the notes."""
        self.session.require_active()
        multilingual = self.multilingual() if self.multilingual is not None else None
        current = self.session.run(lambda c, k: chosen_embedder(c, k.workspace_id))
        if current is None and self.embedding.embedder is not None:
            current = self.embedding.embedder.model_id
        if multilingual is None or multilingual == current or self._declined() == multilingual:
            return None
        share, notes = self.session.run(lambda c, k: notes_hebrew_share(c, k))
        return advise(current, multilingual, share, notes)

    def take_advice(self) -> str:
        """Switch the workspace to the advised (multilingual) embedder, for all its desktops;
        its model id."""
        advice = self.embedder_advice()
        if advice is None:
            raise ModelError(Message("search.no_other_embedder_advised"))
        embedder = self.embedder_for(advice.suggested) if self.embedder_for is not None else None
        if embedder is None:
            raise ModelError(Message("search.model_not_installed", name=advice.suggested))
        self.use_embedder(embedder)
        return embedder.model_id

    def decline_advice(self) -> None:
        """Not now: this computer offers that embedder no more (the models screen and
        `chartside models use-embedder` still choose it)."""
        advice = self.embedder_advice()
        if advice is None:
            return
        path = self.session.settings.data_dir / DECLINED_FILE
        with atomic_file(path) as f:
            f.write(json.dumps({"declined": advice.suggested}).encode())

    def _declined(self) -> str | None:
        path = self.session.settings.data_dir / DECLINED_FILE
        try:
            value = json.loads(path.read_text(encoding="utf-8")).get("declined")
        except (OSError, ValueError, AttributeError):
            return None
        return value if isinstance(value, str) else None

    def _open_chosen(self, model_id: str) -> None:
        try:
            embedder = self.embedder_for(model_id) if self.embedder_for is not None else None
        except ChartsideError as exc:  # say, its files changed since registration
            log.warning("the workspace's embedder cannot be opened: %s", type(exc).__name__)
            embedder = None
        if embedder is None:
            # Embedding with ours would re-embed the other desktops' chunks: rather none.
            log.warning("the workspace's embedder %s is not installed here", model_id)
            self._switch(
                None,
                Message("search.workspace_embedder_missing", name=model_id),
            )
        else:
            self._switch(embedder)

    def _changed_elsewhere(self, model_id: str) -> None:
        # Called on the background indexer's thread as it ends; the switch joins that
        # thread, so it runs on one of its own.
        def follow() -> None:
            try:
                if self.session.unlocked:
                    self._open_chosen(model_id)
            except ChartsideError as exc:
                log.warning("could not follow the workspace's embedder: %s", exc.message)

        threading.Thread(target=follow, name="chartside-embedder-switch", daemon=True).start()

    def _switch(
        self, embedder: Embedder | None, missing: Message | None = None, *, rechunk: bool = False
    ) -> None:
        with self._bg_lock:
            background, self.background = self.background, None
        listener = background.listener if background is not None else None
        if background is not None:
            background.stop()
        self.embedding.use(embedder, missing, rechunk=rechunk)
        if listener is not None and embedder is not None and self.session.unlocked:
            self.watch_index(listener)

    def stop(self) -> None:
        """On lock: stop embedding and forget every decrypted word."""
        with self._bg_lock:
            if self.background is not None:
                self.background.stop()
                self.background = None
        self.lexical.clear()

    def find(self, query: SearchQuery, query_vector: Sequence[float] | None = None) -> SearchResult:
        """The passages for `query`, with no audit event: for a caller that records its
        own (the assistant's `ai.query`). `query_vector`: the query already embedded."""
        self.session.require_active()
        searcher = Searcher(
            self.session.db, self.session.cipher, self.embedding.embedder, self.lexical
        )
        return searcher.search(query, query_vector=query_vector)

    def query(self, query: SearchQuery) -> SearchResult:
        q = read_query(_checked(query))
        result = self.find(q)
        self.session.run(
            lambda c, k: None,
            "search",
            details=lambda _: {
                "query_hmac": audit.query_hmac(self.session.cipher(), q.text),
                "scope": "client" if q.client_id else "workspace",
                "mode": q.mode,
                "results": [str(h.chunk_id) for h in result.hits],
            },
        )
        return result


def _checked(q: SearchQuery) -> SearchQuery:
    body = " ".join(q.text.split())
    if not body:
        raise ValidationError(Message("search.is_empty"), field="query")
    if not 1 <= q.k <= MAX_K:
        raise ValidationError(Message("search.must_be_between_1_and", n=MAX_K), field="k")
    unknown = set(q.fields) - set(FIELDS)
    if unknown:
        raise ValidationError(
            Message("search.unknown_field", field=sorted(unknown)[0]), field="fields"
        )
    if q.date_from and q.date_to and q.date_from > q.date_to:
        raise ValidationError(Message("search.starts_after_ends"), field="date range")
    return replace(q, text=body)
