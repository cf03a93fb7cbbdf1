"""The documents part's Protocol (`ChartsideApi.documents`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol
from uuid import UUID

from core.documents.types import AttachRequest, DocumentInfo, PageView, ReadProgress, Stranger
from core.progress import CancelToken
from core.timeline.types import TimelineFact


class DocumentsPart(Protocol):
    """Documents attached to a client's chart: PDFs and images, stored encrypted
    and read page by page (the text layer, or OCR for a scan) in the background. Blocking:
    call off the GUI thread. Raises `core.errors.Locked` while locked."""

    def attach(self, req: AttachRequest) -> DocumentInfo:
        """Check the whole file, then store it unread; `DocumentRejected` (nothing stored)
        says why a file cannot be attached. A running reader is woken to read it."""
        ...

    def stranger_in(self, req: AttachRequest, cancel: CancelToken | None = None) -> Stranger | None:
        """Whom the file names as its patient (a name, a date of birth) that is not
        `req`'s client, read from its first pages (a scan through OCR) before anything is
        stored; None when it names no one else. Slow for a scan: seconds a page."""
        ...

    def stranger(self, document_id: UUID) -> Stranger | None:
        """The same for a document already filed, from its pages read so far."""
        ...

    def documents(self, client_id: UUID) -> list[DocumentInfo]:
        """The client's documents, newest document date first."""
        ...

    def page_view(self, document_id: UUID, page: int, passage: str = "") -> PageView:
        """Page `page` (from 1) rendered as a PNG, its text, and `passage` (a cited
        snippet) found in the text and boxed on the picture."""
        ...

    def delete(self, document_id: UUID) -> None: ...

    def pending_facts(self, document_id: UUID) -> list[TimelineFact]:
        """The facts read by OCR from the document's scanned pages that wait for the
        clinician to check them against the page image; none is in the timeline yet."""
        ...

    def confirm_facts(self, document_id: UUID, page: int, fact_ids: Sequence[UUID]) -> int:
        """Those pending facts of page `page` join the timeline; returns how many did."""
        ...

    def reject_facts(self, document_id: UUID, page: int, fact_ids: Sequence[UUID]) -> int:
        """Those pending facts of page `page` were misread: they stay out of the timeline."""
        ...

    def start_reading(self, listener: ReadProgress | None = None) -> None:
        """Read every unread page on the reader's own thread, now and after each attach,
        until `stop_reading` or a lock; `listener` hears (read, to read) from that thread."""
        ...

    def stop_reading(self) -> None:
        """Stop within a page; the rest is read at the next `start_reading`."""
        ...
