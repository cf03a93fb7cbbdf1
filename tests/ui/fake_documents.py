"""The documents part of the fake service (issue 30): attached files kept in memory, checked
by core's own `inspect` (Qt-free, pure) so a bad file is refused with the real message;
pages "read" by `read_all`, which the test calls (or the fake reader when started with
`auto_read`). A page of a text PDF given to `add` is rendered and boxed by core's own
`page_view` (PDFium, pure); any other page is a blank picture with a box per word."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import threading
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING
from uuid import UUID

from PIL import Image

from core.documents.files import inspect
from core.documents.identity import someone_else
from core.documents.pages import DocumentFile
from core.documents.types import (
    AttachRequest,
    Box,
    DocumentInfo,
    DocumentPage,
    PageView,
    ReadProgress,
    Stranger,
)
from core.documents.view import find_passage
from core.documents.view import page_view as core_page_view
from core.errors import NotFound
from core.progress import CancelToken
from core.timeline.types import TimelineFact

if TYPE_CHECKING:
    from tests.ui.fake_api import FakeChartsideApi

PAGE_SIZE = (400, 560)


class FakeDocuments:
    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner
        self.infos: dict[UUID, DocumentInfo] = {}
        self.texts: dict[UUID, list[str]] = {}  # the pages' text once "read"
        self.files: dict[UUID, bytes] = {}  # text PDFs, rendered for real
        self.from_scan = False  # pages are "read" as OCR
        self.listener: ReadProgress | None = None
        self.auto_read = False  # start_reading/attach read at once (on the calling thread)
        self.stopped = 0
        # A scan's facts waiting for confirmation, and each verdict given, in order.
        self.pending: dict[UUID, list[TimelineFact]] = {}
        self.reviewed: list[tuple[str, TimelineFact]] = []

    def add(
        self,
        client_id: UUID,
        title: str,
        pages: list[str],
        *,
        read: bool = True,
        pdf: bytes | None = None,
    ) -> UUID:
        doc_id = uuid.uuid4()
        if pdf is not None:
            self.files[doc_id] = pdf
        self.infos[doc_id] = DocumentInfo(
            doc_id, client_id, "referral", title, dt.date(2024, 3, 2), "application/pdf",
            1000, len(pages), len(pages) if read else 0,
            len(pages) if read and self.from_scan else 0, dt.datetime(2024, 3, 2, tzinfo=dt.UTC),
        )  # fmt: skip
        self.texts[doc_id] = pages
        return doc_id

    def read_all(self) -> None:
        todo = [i for i in self.infos.values() if not i.read]
        total = sum(i.page_count for i in todo)
        done = 0
        for info in todo:
            if self.listener is not None:
                self.listener(done, total)
            done += info.page_count
            scanned = info.page_count if self.from_scan else 0
            self.infos[info.id] = dataclasses.replace(
                info, pages_read=info.page_count, pages_from_scan=scanned
            )
        if self.listener is not None:
            self.listener(total, total)

    def attach(self, req: AttachRequest) -> DocumentInfo:
        self._owner._enter("documents.attach")
        found = inspect(req.data)
        with DocumentFile(req.data, found.media_type) as file:  # a text PDF's layer, as read
            texts = [file.text(i) for i in range(found.page_count)]
        doc_id = self.add(req.client_id, req.title or req.filename, texts, read=False)
        info = dataclasses.replace(
            self.infos[doc_id], kind=req.kind, date=req.date, media_type=found.media_type,
            size_bytes=len(req.data),
        )  # fmt: skip
        self.infos[doc_id] = info
        if self.auto_read:
            self.read_all()
        return info

    def stranger_in(self, req: AttachRequest, cancel: CancelToken | None = None) -> Stranger | None:
        """The real check (core.documents.identity) over the file's text layer."""
        self._owner._enter("documents.stranger_in")
        found = inspect(req.data)
        with DocumentFile(req.data, found.media_type) as file:
            text = "\n".join(file.text(i) for i in range(min(2, found.page_count)))
        return self._stranger(req.client_id, text)

    def stranger(self, document_id: UUID) -> Stranger | None:
        self._owner._enter("documents.stranger")
        info = self.infos[document_id]
        return self._stranger(info.client_id, "\n".join(self.texts[document_id][:2]))

    def _stranger(self, client_id: UUID, text: str) -> Stranger | None:
        client = self._owner.clients[client_id].data
        return someone_else(text, client.full_name, client.date_of_birth)

    def documents(self, client_id: UUID) -> list[DocumentInfo]:
        self._owner._enter("documents.documents")
        return [i for i in self.infos.values() if i.client_id == client_id]

    def page_view(self, document_id: UUID, page: int, passage: str = "") -> PageView:
        self._owner._enter("documents.page_view")
        info = self.infos.get(document_id)
        if info is None:
            raise NotFound("no document has that id")
        text = self.texts[document_id][page - 1]
        source = "ocr" if info.pages_from_scan else "text"
        found = DocumentPage(document_id, page, source, text)
        if document_id in self.files:
            return core_page_view(info, found, self.files[document_id], info.media_type, passage)
        span = find_passage(text, passage) if passage else None
        words = tuple(text[span[0] : span[1]].split()) if span else ()
        boxes = tuple(Box(40 + 60 * n, 100, 50, 14) for n in range(len(words)))
        out = io.BytesIO()
        Image.new("RGB", PAGE_SIZE, "white").save(out, format="PNG")
        return PageView(info, found, out.getvalue(), *PAGE_SIZE, span, boxes, words)

    def delete(self, document_id: UUID) -> None:
        self._owner._enter("documents.delete")
        if self.infos.pop(document_id, None) is None:
            raise NotFound("no document has that id")

    def pending_facts(self, document_id: UUID) -> list[TimelineFact]:
        self._owner._enter("documents.pending_facts")
        return list(self.pending.get(document_id, []))

    def confirm_facts(self, document_id: UUID, page: int, fact_ids: Sequence[UUID]) -> int:
        self._owner._enter("documents.confirm_facts")
        return self._review(document_id, page, fact_ids, "confirmed")

    def reject_facts(self, document_id: UUID, page: int, fact_ids: Sequence[UUID]) -> int:
        self._owner._enter("documents.reject_facts")
        return self._review(document_id, page, fact_ids, "rejected")

    def _review(self, document_id: UUID, page: int, fact_ids: Sequence[UUID], verdict: str) -> int:
        wanted = set(fact_ids)
        facts = self.pending.get(document_id, [])
        done = [t for t in facts if t.id in wanted and t.document and t.document.page == page]
        self.pending[document_id] = [t for t in facts if t not in done]
        self.reviewed += [(verdict, t) for t in done]
        return len(done)

    def start_reading(self, listener: ReadProgress | None = None) -> None:
        self._owner._enter("documents.start_reading")
        self.listener = listener
        if self.auto_read:
            threading.Thread(target=self.read_all, daemon=True).start()

    def stop_reading(self) -> None:
        self._owner._enter("documents.stop_reading", needs_unlock=False)
        self.stopped += 1
