"""The indexing loop (docs/architecture.md): stale chunks → vectors, in batches, resumable
by design.

A chunk is stale when it has no vector or a vector from another model. Each batch is one
transaction that takes its rows with `FOR UPDATE SKIP LOCKED`, so a crash loses at most the
batch in flight, and two indexers (two app windows, a CLI beside the GUI) never embed the
same chunk twice. Backfill and re-embedding after a model change are the same loop.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import psycopg
from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from core.db import schema as s
from core.db.connection import is_disconnect, lost_to_another
from core.db.engine import Database
from core.errors import ChartsideError, ConnectionLost, EmbedderChanged
from core.ports import Embedder
from core.progress import CancelToken
from core.retrieval.chunks import NOTIFY_CHANNEL, decrypt_content
from core.retrieval.model_choice import check_embedder
from core.retrieval.types import IndexStatus
from core.retrieval.vector import ensure_index
from core.security.crypto import CellCipher

log = logging.getLogger(__name__)
Listener = Callable[[IndexStatus], None]
PIPELINE = 2  # batches in flight
# The smallest batch a run tapers down to (`_Plan`): the embedder's own sub-batch is 32.
TAIL_BATCH = 16
RECONNECT_MIN_S, RECONNECT_MAX_S = 0.5, 5.0
c = s.chunks


def index_status(conn: Connection, model_id: str | None) -> IndexStatus:
    # Two index scans instead of one pass over every vector (83 ms at 100,000 chunks):
    # writers keep `embedding IS NULL` ⇔ `model_id IS NULL`, so stale is `_stale` below.
    total = conn.execute(select(func.count()).select_from(c)).scalar_one()
    stale = conn.execute(select(func.count()).where(_stale(model_id))).scalar_one()
    return IndexStatus(int(total) - int(stale), int(total), model_id)


def _stale(model_id: str | None) -> Any:
    """No vector, or another model's. `<` and `>` rather than `<>` or IS DISTINCT FROM:
    only ranges can use the btree on model_id."""
    if model_id is None:
        return c.c.id.is_not(None)
    return c.c.model_id.is_(None) | (c.c.model_id < model_id) | (c.c.model_id > model_id)


class Indexer:
    """Embeds stale chunks of the workspace whose cipher `cipher()` returns."""

    def __init__(
        self,
        db: Database,
        cipher: Callable[[], CellCipher],
        embedder: Embedder,
        # 256: the embedder sorts each batch by length, so bigger batches pad less; 64 ran
        # at 0.82-0.85x a raw encode of the same texts, 256 at ~0.93x (bench/retrieval/speed.py).
        batch_size: int = 256,
    ) -> None:
        self.db = db
        self.cipher = cipher
        self.embedder = embedder
        self.batch_size = batch_size
        self._indexed_dims: set[int] = set()
        self._index_lock = threading.Lock()

    def status(self) -> IndexStatus:
        with self.db.tx(self.cipher().workspace_id) as conn:
            return index_status(conn, self.embedder.model_id)

    def run_batch(
        self,
        cancel: CancelToken | None = None,
        limit: int | None = None,
        shared: _InFlight | None = None,
    ) -> int:
        """Embed one batch of at most `limit` chunks (default: `batch_size`); returns how
        many it embedded (0: nothing stale). Batches of one run share `shared`."""
        cipher = self.cipher()
        model_id, dim = self.embedder.model_id, self.embedder.dimension
        with self._index_lock:  # two workers must not both issue CREATE INDEX
            if dim not in self._indexed_dims:
                ensure_index(self.db, dim)
                self._indexed_dims.add(dim)
        with self.db.tx(cipher.workspace_id) as conn:
            # Another desktop may have switched the workspace's model: embedding on with
            # ours would turn its fresh vectors stale again (model_choice).
            check_embedder(conn, cipher.workspace_id, model_id)
            rows = conn.execute(
                select(c.c.id, c.c.content, c.c.content_hash)
                .where(_stale(model_id))
                # Texts of like length in one batch: the model pads each sub-batch to its
                # longest text, so mixed lengths waste work on padding (and the tapering
                # batches below would each pay for it).
                .order_by(func.octet_length(c.c.content))
                .limit(limit or self.batch_size)
                .with_for_update(skip_locked=True)
            ).all()
            if not rows:
                return 0
            vectors = self._vectors(conn, cipher, rows, cancel, shared or _InFlight())
            conn.execute(
                update(c)
                .where(c.c.id == bindparam("_id"))
                .values(embedding=bindparam("_vec"), model_id=model_id, dim=dim),
                [{"_id": r.id, "_vec": vectors[bytes(r.content_hash)]} for r in rows],
            )
        return len(rows)

    def _vectors(
        self,
        conn: Connection,
        cipher: CellCipher,
        rows: Sequence[Any],
        cancel: CancelToken | None,
        shared: _InFlight,
    ) -> dict[bytes, Any]:
        """One vector per distinct text of `rows`, by content hash. Templated notes repeat
        themselves ("No change.", the same vital-signs line): a text the workspace already
        has a vector for with this model takes that one, a text another batch of this run
        is embedding waits for its vector, and each new text is embedded once. The keyed
        hash (`ChunkWriter`) is equal exactly when the texts are."""
        wanted = {bytes(r.content_hash): r for r in rows}
        known = conn.execute(
            select(c.c.content_hash, c.c.embedding)
            .where(c.c.content_hash.in_(list(wanted)), c.c.model_id == self.embedder.model_id)
            .ext(distinct_on(c.c.content_hash))
        ).all()
        out: dict[bytes, Any] = {bytes(h): vec for h, vec in known}
        theirs, mine = shared.claim([d for d in wanted if d not in out])
        try:
            if mine:
                new = [wanted[d] for d in mine]
                texts = [decrypt_content(cipher, r.id, r.content) for r in new]
                embedded = self.embedder.embed_documents(texts, cancel=cancel)
                for digest, vector in zip(mine, embedded, strict=True):
                    mine[digest].set_result(vector)
                    out[digest] = vector
        except BaseException as exc:
            for future in mine.values():  # the batches waiting on these fail with this one
                if not future.done():
                    future.set_exception(exc)
            raise
        out.update({digest: future.result() for digest, future in theirs.items()})
        return out

    def run_until_done(
        self, progress: Listener | None = None, cancel: CancelToken | None = None
    ) -> IndexStatus:
        """Two batches in flight: while one transaction writes its vectors (PostgreSQL
        inserting into the HNSW graph, ~22% of the time, on the other core), the next batch
        is being embedded. SKIP LOCKED hands them disjoint rows."""
        report_lock = threading.Lock()

        def report(status: IndexStatus | None = None) -> None:
            if progress is not None:
                status = status or self.status()
                with report_lock:
                    progress(status)

        first = self.status()
        plan, shared = _Plan(first.total - first.current, self.batch_size), _InFlight()

        def worker() -> None:
            while True:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if self.run_batch(cancel, plan.next(), shared) == 0:
                    return
                report()

        report(first)
        with ThreadPoolExecutor(max_workers=PIPELINE, thread_name_prefix="chartside-index") as pool:
            for done in [pool.submit(worker) for _ in range(PIPELINE)]:
                done.result()  # re-raises Cancelled or a failure
        return self.status()


class _Plan:
    """Batch sizes for one run: full batches while plenty is left, then halving. The last
    batch's write (PostgreSQL inserting its vectors into the HNSW graph, ~0.3x its embedding
    time) has no next batch's embedding to hide behind, so it is kept small; each earlier
    write hides behind a next batch at least half its size."""

    def __init__(self, stale: int, full: int) -> None:
        self.left = stale
        self.full = full
        self._lock = threading.Lock()

    def next(self) -> int:
        with self._lock:
            if self.left <= 0:  # planned work done: whatever became stale since, in full
                return self.full
            size = min(self.full, max(TAIL_BATCH, self.left // 2), self.left)
            self.left -= size
            return size


class _InFlight:
    """The vectors of one run's batches by content hash, embedded or being embedded: two
    batches in flight at once would otherwise both embed a templated text new to both."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._vectors: dict[bytes, Future[Any]] = {}

    def claim(
        self, digests: Sequence[bytes]
    ) -> tuple[dict[bytes, Future[Any]], dict[bytes, Future[Any]]]:
        """(futures of the texts earlier batches took on, futures this batch must fulfil).
        A batch only ever waits on batches that claimed before it, so none waits in a ring."""
        with self._lock:
            theirs = {d: self._vectors[d] for d in digests if d in self._vectors}
            mine = {d: Future[Any]() for d in digests if d not in theirs}
            self._vectors.update(mine)
        return theirs, mine


OTHERS_RECHECK_S = 2.0


class BackgroundIndexer:
    """Runs the loop on a daemon thread while the workspace is unlocked; sleeps until a
    save's NOTIFY (or a poll interval, in case a notification was missed) wakes it."""

    def __init__(
        self,
        indexer: Indexer,
        listen_url: str,
        poll_s: float = 30.0,
        on_model_change: Callable[[str], None] | None = None,
        each_cycle: Callable[[CancelToken], object] | None = None,
    ) -> None:
        """`on_model_change(model_id)` is called, on this thread as it ends, when the
        workspace has switched to another embedder; `each_cycle(stop)` before every run of
        the loop (the timeline's backfill: notes saved without facts get them within one
        cycle)."""
        self.indexer = indexer
        self.listen_url = listen_url
        self.poll_s = poll_s
        self.on_model_change = on_model_change
        self.each_cycle = each_cycle
        self.listener: Listener | None = None
        self._stop = CancelToken()
        self._thread = threading.Thread(target=self._main, name="chartside-indexer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.cancel()
        self._thread.join(timeout)

    def _report(self, status: IndexStatus) -> None:
        if self.listener is not None:
            self.listener(status)

    def _main(self) -> None:
        # A clinic's server may restart under a running indexer: the LISTEN connection and
        # the batch in flight die with it. Wait and start over (the batch was rolled back,
        # so its chunks are still stale), until the workspace locks.
        delay = RECONNECT_MIN_S
        while not self._stop.cancelled:
            try:
                self._listen_and_index()
                return
            except (ConnectionLost, psycopg.OperationalError, DBAPIError) as exc:
                if lost_to_another(exc):
                    # Two desktops' indexers on one clinic server can deadlock over the same
                    # rows; the server rolled this batch back, so starting over redoes it.
                    log.warning("background indexing lost to another desktop; starting over")
                    self._stop.wait(delay)
                    delay = min(delay * 2, RECONNECT_MAX_S)
                    continue
                if isinstance(exc, DBAPIError) and not is_disconnect(exc):
                    log.error("background indexing failed: %s", type(exc).__name__)
                    return
                if self._stop.cancelled:
                    return
                log.warning(
                    "background indexing lost the database (%s); reconnecting", type(exc).__name__
                )
                self.indexer.db.state.lost()
                self._stop.wait(delay)
                delay = min(delay * 2, RECONNECT_MAX_S)
            except EmbedderChanged as exc:
                if self.on_model_change is not None and not self._stop.cancelled:
                    self.on_model_change(exc.model_id)
                return
            except ChartsideError as exc:
                if not self._stop.cancelled:  # the lock's cancel is the normal way out
                    log.warning("background indexing stopped: %s", exc.message)
                return
            except Exception as exc:  # a dying thread must say why, without PHI
                log.error("background indexing failed: %s", type(exc).__name__)
                return

    def _listen_and_index(self) -> None:
        with psycopg.connect(self.listen_url, autocommit=True) as listen:
            listen.execute(f"LISTEN {NOTIFY_CHANNEL}")
            due, idle, wait_s = True, 0.0, self.poll_s
            while not self._stop.cancelled:
                if due or idle >= wait_s:
                    if self.each_cycle is not None:
                        self.each_cycle(self._stop)
                    status = self.indexer.run_until_done(self._report, self._stop)
                    self._report(status)
                    idle = 0.0
                    # Stale chunks this indexer could not take are another desktop's batch
                    # in flight: look again soon, so this desktop's bar follows its commit.
                    wait_s = self.poll_s if status.complete else OTHERS_RECHECK_S
                # Short waits: a lock must stop this thread promptly.
                due = any(True for _ in listen.notifies(timeout=0.5, stop_after=1))
                idle += 0.5


def listen_url(db: Database) -> str:
    """A libpq URL for the runtime role, for the LISTEN connection."""
    url = make_url(db.runtime.url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)
