"""Documents in the chart: attach, read, list, open, delete; each one
transaction with its audit event, like a note.

Attaching checks the whole file first (`core/documents/files.py`), then stores it and one
unread row per page in one transaction: a bad file leaves nothing behind. Reading is a
separate job, like indexing: each page is read and committed with its chunks in a
transaction of its own, so a cancel, a crash or kill -9 loses at most the page in hand,
and the next run (`read_pending`) goes on from the first unread page."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Sequence
from itertools import groupby
from uuid import UUID

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from core.assistant import cache as answer_cache
from core.documents import store, view
from core.documents.files import inspect
from core.documents.identity import someone_else
from core.documents.pages import DocumentFile
from core.documents.reader import PageRead, read_page
from core.documents.types import (
    KINDS,
    MAX_TITLE_CHARS,
    AttachRequest,
    DocumentInfo,
    DocumentPage,
    DocumentRejected,
    OcrEngine,
    PageView,
    ReadProgress,
    ReadReport,
    Stranger,
)
from core.errors import Cancelled, ChartsideError, NotFound
from core.messages import Message
from core.progress import CancelToken, Progress
from core.records.repos import ClientRepo
from core.security.crypto import CellCipher
from core.services.search_ops import Embedding
from core.services.session import WorkspaceSession
from core.timeline.documents import pages
from core.timeline.types import TimelineFact

log = logging.getLogger(__name__)
_REVIEWED = {"confirmed": "document.facts.confirm", "rejected": "document.facts.reject"}
IDENTITY_PAGES = 2  # where a document names its patient: its header, its first pages


class DocumentService:
    """`ocr` reads scanned pages (None: not installed; those pages wait, text PDFs still
    read)."""

    def __init__(
        self, session: WorkspaceSession, embedding: Embedding, ocr: OcrEngine | None = None
    ) -> None:
        self.session = session
        self.embedding = embedding
        self.ocr = ocr
        self.background = BackgroundReader(self)
        session.on_lock(self.background.stop)

    # -- attach ---------------------------------------------------------------------------
    def attach(self, req: AttachRequest) -> DocumentInfo:
        """Checks and stores the file, unread. `read_pending` (or the background reader,
        when it runs) reads it."""
        self.session.require_active()
        if req.kind not in KINDS:
            raise DocumentRejected(
                Message("documents.kind_must_be_one_of", names=", ".join(KINDS)),
                remediation=Message("documents.choose_listed_kind"),
            )
        title = " ".join(req.title.split())
        if len(title) > MAX_TITLE_CHARS:
            raise DocumentRejected(
                Message("documents.title_too_long", n=MAX_TITLE_CHARS),
                remediation=Message("documents.shorten_title"),
            )
        found = inspect(req.data)  # the whole file, before anything is written

        def work(c: Connection, k: CellCipher) -> DocumentInfo:
            if not store.client_exists(c, req.client_id):
                raise NotFound(Message("documents.no_client_id"))
            named = title or store.default_title(req, dt.date.today())
            return store.get_document(c, k, store.insert_document(c, k, req, found, named))

        info = self.session.run(
            work,
            "document.attach",
            lambda i: i.id,
            lambda i: {
                "client": str(i.client_id),
                "kind": i.kind,
                "pages": i.page_count,
                "bytes": i.size_bytes,
                "media_type": i.media_type,
            },
        )
        self.background.wake()
        return info

    # -- whose document ---------------------------------------------------------------
    def stranger_in(self, req: AttachRequest, cancel: CancelToken | None = None) -> Stranger | None:
        """Whom the file names as its patient, where that is not `req`'s client: read before
        anything is stored (its first pages; a scan through OCR, slips and all), so the
        clinician can confirm or cancel. Nothing is written."""
        self.session.require_active()
        found = inspect(req.data)
        texts: list[str] = []
        with DocumentFile(req.data, found.media_type) as file:
            for index in range(min(found.page_count, IDENTITY_PAGES)):
                read = read_page(file, index, self.ocr, cancel)
                texts.append(read.text if read is not None else "")
        text = "\n".join(texts)
        return self.session.run(lambda c, k: _stranger(c, k, req.client_id, text))

    def stranger(self, document_id: UUID) -> Stranger | None:
        """The same for a document already filed, from its pages read so far."""

        def work(c: Connection, k: CellCipher) -> Stranger | None:
            info = store.get_document(c, k, document_id)
            numbers = range(1, min(info.page_count, IDENTITY_PAGES) + 1)
            text = "\n".join(store.get_page(c, k, document_id, n).text for n in numbers)
            return _stranger(c, k, info.client_id, text)

        return self.session.run(work, "document.read", document_id)

    # -- read -----------------------------------------------------------------------------
    def ocr_missing(self) -> str | None:
        """None when scans can be read here; else the one line that installs the OCR."""
        if self.ocr is None:
            return "sudo apt-get install -y tesseract-ocr tesseract-ocr-eng tesseract-ocr-heb"
        return self.ocr.missing()

    def read_pending(
        self,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        document_id: UUID | None = None,
        pages: ReadProgress | None = None,
    ) -> ReadReport:
        """Reads every unread page (of one document, or all), a page a transaction.
        Raises `Cancelled` (with the pages done) when `cancel` trips; what was read is
        kept. Pages that need OCR wait when it is missing here (`ReadReport.waiting`).
        `pages` hears (pages read, pages to read) before each page and at the end."""
        report = self.session.busy(progress) if progress is not None else None
        pending = self.session.run(lambda c, k: store.unread(c, document_id))
        missing = self.ocr_missing()
        run = _Run(len(pending), report, cancel, None if missing else self.ocr, pages)
        for doc_id, numbers in groupby(pending, key=lambda x: x[0]):
            self._read_document(doc_id, [n for _, n in numbers], run)
        if report is not None:
            report(1.0, "documents read")
        if pages is not None:
            pages(run.total, run.total)
        return ReadReport(
            pages_read=run.counts["text"] + run.counts["ocr"],
            from_text=run.counts["text"],
            from_scan=run.counts["ocr"],
            waiting=run.counts["waiting"],
            ocr_missing=missing if run.counts["waiting"] else None,
        )

    def _read_document(self, doc_id: UUID, numbers: list[int], run: _Run) -> None:
        try:
            data, media_type = self.session.run(lambda c, k: store.content(c, k, doc_id))
        except NotFound:
            return  # deleted since the list was made
        with DocumentFile(data, media_type) as file:
            for n in numbers:
                run.step()
                read = read_page(file, n - 1, run.ocr, run.cancel)
                if read is None:
                    run.counts["waiting"] += 1
                elif self._save(doc_id, n, read):
                    run.counts[read.source] += 1
                run.done += 1
        with contextlib.suppress(NotFound):  # deleted while it was read
            self.session.run(
                lambda c, k: store.get_document(c, k, doc_id),
                "document.text",
                doc_id,
                lambda i: {"pages_read": i.pages_read, "from_scan": i.pages_from_scan},
            )

    def _save(self, doc_id: UUID, page: int, read: PageRead) -> bool:
        """Commits one page with its chunks; False when another reader got there first."""
        chunker = self.embedding.chunker

        def work(c: Connection, k: CellCipher) -> bool:
            claimed = store.claim(c, doc_id, page)
            if claimed is None:
                return False
            page_row, client_id = claimed
            store.save_page(
                c, k, chunker,
                page_row=page_row, client_id=client_id, doc_id=doc_id, page=page,
                source=read.source, body=read.text, words=read.words,
                confidence=read.confidence,
            )  # fmt: skip
            # Its facts, in the same transaction: a scan's wait for the clinician's check.
            pages.write_page(
                c, k, client_id=client_id, document_id=doc_id, page=page,
                source=read.source, body=read.text,
            )  # fmt: skip
            answer_cache.invalidate(c, [client_id])  # answers may now cite this page
            return True

        return self.session.run(work)

    # -- look ---------------------------------------------------------------------------
    def documents(self, client_id: UUID) -> list[DocumentInfo]:
        return self.session.run(
            lambda c, k: store.documents_of(c, k, client_id),
            "document.list",
            client_id,
            lambda r: {"count": len(r)},
        )

    def document(self, document_id: UUID) -> DocumentInfo:
        return self.session.run(
            lambda c, k: store.get_document(c, k, document_id), "document.read", document_id
        )

    def page(self, document_id: UUID, page: int) -> DocumentPage:
        return self.session.run(
            lambda c, k: store.get_page(c, k, document_id, page),
            "document.page",
            document_id,
            lambda _: {"page": page},
        )

    def file(self, document_id: UUID) -> tuple[bytes, str]:
        """The original file and its media type, to show or save it."""
        return self.session.run(
            lambda c, k: store.content(c, k, document_id),
            "document.file",
            document_id,
        )

    def page_view(self, document_id: UUID, page: int, passage: str = "") -> PageView:
        """Page `page` rendered, with `passage` (a cited snippet) found and boxed on it.
        One audited read; the rendering runs after the transaction."""

        def work(c: Connection, k: CellCipher) -> tuple[DocumentInfo, DocumentPage, bytes, str]:
            data, media_type = store.content(c, k, document_id)
            return (
                store.get_document(c, k, document_id),
                store.get_page(c, k, document_id, page),
                data,
                media_type,
            )

        info, found, data, media_type = self.session.run(
            work, "document.page", document_id, lambda _: {"page": page, "view": True}
        )
        return view.page_view(info, found, data, media_type, passage)

    # -- the background reader, for a window ------------------------------------------------
    def start_reading(self, listener: ReadProgress | None = None) -> None:
        """Read what is unread on the reader's thread, now and after each attach, until
        `stop_reading` or a lock; `listener` hears its progress (from that thread)."""
        self.session.require_active()
        self.background.start(listener)

    def stop_reading(self) -> None:
        """Stop within a page; what was read is kept, the rest waits for the next start."""
        self.background.stop()

    @property
    def reading(self) -> bool:
        return self.background.running

    # -- facts read by OCR, checked by the clinician ------------------------------------------
    def pending_facts(self, document_id: UUID) -> list[TimelineFact]:
        """The document's facts read from a scan that wait for the clinician's check."""
        return self.session.run(
            lambda c, k: pages.pending(c, k, document_id),
            "document.facts",
            document_id,
            lambda r: {"pending": len(r)},
        )

    def confirm_facts(self, document_id: UUID, page: int, fact_ids: Sequence[UUID]) -> int:
        """Those pending facts of the page join the timeline; returns how many did."""
        return self._review(document_id, page, fact_ids, "confirmed")

    def reject_facts(self, document_id: UUID, page: int, fact_ids: Sequence[UUID]) -> int:
        """Those pending facts of the page are misreadings: kept out of the timeline."""
        return self._review(document_id, page, fact_ids, "rejected")

    def _review(
        self, document_id: UUID, page: int, fact_ids: Sequence[UUID], verdict: pages.Verdict
    ) -> int:
        def work(c: Connection, k: CellCipher) -> int:
            client_id, count = pages.review(c, document_id, page, fact_ids, verdict)
            if client_id is not None:
                answer_cache.invalidate(c, [client_id])  # an answer may now cite them
            return count

        return self.session.run(
            work, _REVIEWED[verdict], document_id,
            lambda n: {"page": page, "facts": n},
        )  # fmt: skip

    def delete(self, document_id: UUID) -> None:
        def work(c: Connection, k: CellCipher) -> None:
            answer_cache.invalidate(c, [store.delete_document(c, document_id)])

        self.session.run(work, "document.delete", document_id)


class _Run:
    """One `read_pending` call's state: its counts, progress and cancel."""

    def __init__(
        self,
        total: int,
        report: Progress | None,
        cancel: CancelToken | None,
        ocr: OcrEngine | None,
        pages: ReadProgress | None = None,
    ) -> None:
        self.total = total
        self.report = report
        self.pages = pages
        self.cancel = cancel
        self.ocr = ocr
        self.done = 0
        self.counts = {"text": 0, "ocr": 0, "waiting": 0}

    def step(self) -> None:
        if self.cancel is not None and self.cancel.cancelled:
            raise Cancelled(Message("documents.reading_paused"), done=self.done)
        if self.report is not None:
            self.report(self.done / self.total, f"reading page {self.done + 1} of {self.total}")
        if self.pages is not None:
            self.pages(self.done, self.total)


class BackgroundReader:
    """Reads unread pages on a thread of its own (`chartside-reader`), woken by each
    attach once started, stopped on lock; the window's way to read without waiting."""

    def __init__(self, service: DocumentService) -> None:
        self.service = service
        self._wake = threading.Event()
        self._cancel = CancelToken()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.listener: ReadProgress | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, listener: ReadProgress | None = None) -> None:
        with self._lock:
            self.listener = listener
            if self.running:
                self._wake.set()
                return
            self._cancel = CancelToken()
            self._wake.set()
            self._thread = threading.Thread(
                target=self._loop, args=(self._cancel,), name="chartside-reader", daemon=True
            )
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        """Trips the reader's cancel; not waited for (a lock calls this holding the
        session's mutex, which the reader may be waiting on). It stops within a page."""
        with self._lock:
            self._thread = None
            self._cancel.cancel()
            self._wake.set()

    def _loop(self, cancel: CancelToken) -> None:
        while not cancel.cancelled:
            self._wake.wait()
            self._wake.clear()
            if cancel.cancelled:
                return
            try:
                self.service.read_pending(None, cancel, pages=self.listener)
            except Cancelled:
                return
            except (ChartsideError, SQLAlchemyError) as exc:
                # Logged by type: a message could name a record, never its content.
                log.warning("reading documents stopped: %s", type(exc).__name__)
                cancel.wait(5.0)


def _stranger(c: Connection, k: CellCipher, client_id: UUID, text: str) -> Stranger | None:
    """Whom `text` names that is not the client, held against the client's own record."""
    client = ClientRepo(k).get(c, client_id).data
    return someone_else(text, client.full_name, client.date_of_birth)
