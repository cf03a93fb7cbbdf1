"""Client and session operations, each one transaction with its audit event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import Connection

from core.assistant import cache as answer_cache
from core.documents import transfer as documents_transfer
from core.domain import (
    Client,
    ClientData,
    ClientSummary,
    Session,
    SessionData,
    SessionSummary,
)
from core.errors import Locked, NotFound
from core.messages import Message
from core.progress import CancelToken, Progress
from core.records import transfer
from core.records.draft_repo import DraftRepo
from core.records.drafts import Draft
from core.records.repos import ClientRepo, SessionRepo
from core.retrieval.chunks import ChunkWriter, client_owner, session_owner
from core.security.crypto import CellCipher
from core.services.search_ops import Embedding
from core.services.session import WorkspaceSession
from core.settings import require_allowed


def _id(obj: Any) -> Any:
    return obj.id


class NotesService:
    """Clients, sessions, drafts, import and export. Every write also rewrites the note's
    search chunks and drops the cached answers it may change, in the same transaction. Its
    timeline facts are read off the save path (core.timeline.store): the write marks them
    stale, the indexer's next cycle reads them, and any timeline read does first."""

    def __init__(
        self,
        session: WorkspaceSession,
        embedding: Embedding,
        wake_reader: Callable[[], None] = lambda: None,
    ) -> None:
        """`wake_reader` tells the documents' background reader that an import brought pages
        to read."""
        self.session = session
        self.embedding = embedding  # its chunker splits each note as it is saved
        self.wake_reader = wake_reader

    def _chunks(self, k: CellCipher) -> ChunkWriter:
        return ChunkWriter(k, self.embedding.chunker)

    def list_clients(self, filter_text: str = "") -> list[ClientSummary]:
        rows = self.session.run(
            lambda c, k: ClientRepo(k).summaries(c),
            "client.list",
            details=lambda r: {"count": len(r)},
        )
        needle = filter_text.casefold().strip()
        # Names are ciphertext, so filtering happens here, after decryption.
        hits = [r for r in rows if needle in r.full_name.casefold()] if needle else rows
        return sorted(hits, key=lambda r: (r.full_name.casefold(), str(r.id)))

    def get_client(self, client_id: UUID) -> Client:
        return self.session.run(
            lambda c, k: ClientRepo(k).get(c, client_id), "client.read", client_id
        )

    def create_client(self, data: ClientData) -> Client:
        d = data.validated()

        def work(c: Connection, k: CellCipher) -> Client:
            repo = ClientRepo(k)
            cid = repo.insert(c, d)
            self._chunks(k).sync(c, [client_owner(cid, d)])
            answer_cache.invalidate(c, [cid])
            return repo.get(c, cid)

        return self.session.run(work, "client.create", _id)

    def update_client(self, client_id: UUID, data: ClientData) -> Client:
        d = data.validated()

        def work(c: Connection, k: CellCipher) -> Client:
            repo = ClientRepo(k)
            repo.update(c, client_id, d)
            self._chunks(k).sync(c, [client_owner(client_id, d)])
            answer_cache.invalidate(c, [client_id])
            return repo.get(c, client_id)

        return self.session.run(work, "client.update", client_id)

    def delete_client(self, client_id: UUID) -> None:
        def work(c: Connection, k: CellCipher) -> None:
            ClientRepo(k).delete(c, client_id)
            answer_cache.invalidate(c, [client_id])

        self.session.run(work, "client.delete", client_id)

    def list_sessions(self, client_id: UUID) -> list[SessionSummary]:
        return self.session.run(
            lambda c, k: SessionRepo(k).summaries(c, client_id), "session.list", client_id
        )

    def get_session(self, session_id: UUID) -> Session:
        return self.session.run(
            lambda c, k: SessionRepo(k).get(c, session_id), "session.read", session_id
        )

    def create_session(self, client_id: UUID, data: SessionData) -> Session:
        d = data.validated()

        def work(c: Connection, k: CellCipher) -> Session:
            ClientRepo(k).get(c, client_id)  # a clear NotFound instead of an FK error
            repo = SessionRepo(k)
            sid = repo.insert(c, client_id, d)
            self._chunks(k).sync(c, [session_owner(client_id, sid, d)])
            answer_cache.invalidate(c, [client_id])
            return repo.get(c, sid)

        return self.session.run(work, "session.create", _id)

    def update_session(self, session_id: UUID, data: SessionData) -> Session:
        d = data.validated()

        def work(c: Connection, k: CellCipher) -> Session:
            repo = SessionRepo(k)
            repo.update(c, session_id, d)
            saved = repo.get(c, session_id)
            self._chunks(k).sync(c, [session_owner(saved.client_id, session_id, d)])
            answer_cache.invalidate(c, [saved.client_id])
            return saved

        return self.session.run(work, "session.update", session_id)

    def delete_session(self, session_id: UUID) -> None:
        def work(c: Connection, k: CellCipher) -> None:
            repo = SessionRepo(k)
            client_id = repo.get(c, session_id).client_id
            repo.delete(c, session_id)
            answer_cache.invalidate(c, [client_id])

        self.session.run(work, "session.delete", session_id)

    # -- drafts: unsaved edits, kept encrypted (core.records.drafts) ------------------------------
    def save_draft(self, draft: Draft) -> None:
        """Keep an editor's unsaved form, encrypted. Deliberately not user activity and not
        refused when idle past the auto-lock time: the GUI saves the draft just before the
        keys go, and an autosave must not keep the workspace unlocked by itself."""
        with self.session.mutex:
            pid = self._draft_owner()
            self.session.run_unchecked(
                lambda c, k: DraftRepo(k, pid).put(c, draft),
                "draft.save",
                draft.session_id or draft.client_id,
                lambda _: {"kind": draft.kind},
            )

    def drafts(self) -> list[Draft]:
        """This practitioner's drafts, to offer back after unlock."""
        pid = self._draft_owner()
        return self.session.run(
            lambda c, k: DraftRepo(k, pid).all(c),
            "draft.list",
            details=lambda r: {"count": len(r)},
        )

    def discard_draft(self, kind: str) -> None:
        """Forget the draft of one editor (saved, or discarded by the user)."""
        pid = self._draft_owner()
        self.session.run(
            lambda c, k: DraftRepo(k, pid).discard(c, kind),
            "draft.discard",
            None,
            lambda _: {"kind": kind},
        )

    def import_file(
        self, path: Path, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> transfer.ImportSummary:
        """Validate the whole file, then write it in one transaction: a bad record or a
        cancel leaves the notes as they were."""
        records = transfer.parse(path.read_bytes())  # validate everything before writing
        documents = {
            r.client.external_id or "": documents_transfer.parse_documents(r.documents, r.record)
            for r in records
            if r.documents
        }

        def work(c: Connection, k: CellCipher) -> transfer.ImportSummary:
            summary = transfer.write(c, k, records, progress, self._chunks(k), cancel)
            ids = ClientRepo(k).ids_by_external(c, list(documents))
            added = sum(
                documents_transfer.write_documents(c, k, ids[ext], docs)
                for ext, docs in documents.items()
            )
            answer_cache.invalidate_all(c)  # an import may touch any client
            return replace(summary, documents_created=added)

        summary = self.session.run(
            work,
            "import",
            details=lambda s: dict(s.__dict__),
        )
        if summary.documents_created:
            self.wake_reader()  # the imported files' pages wait to be read
        return summary

    def export_doc(
        self,
        client: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> dict[str, Any]:
        require_allowed(
            self.session.settings, "security.export_allowed", Message("settings.exporting_notes")
        )

        def work(c: Connection, k: CellCipher) -> dict[str, Any]:
            cid = None if client is None else _resolve_client(c, k, client)

            def documents_of(client_id: UUID) -> dict[str, Any]:
                docs = documents_transfer.export_documents(c, k, client_id)
                return {"documents": docs} if docs else {}

            return transfer.export_doc(c, k, cid, progress, cancel, extra=documents_of)

        return self.session.run(
            work,
            "export",
            details=lambda doc: {
                "clients": len(doc["clients"]),
                "sessions": sum(len(x["sessions"]) for x in doc["clients"]),
                "documents": sum(len(x.get("documents", ())) for x in doc["clients"]),
                "scope": "client" if client else "all",
            },
        )

    def resolve_client(self, ref: str) -> UUID:
        """A client's external id, or its internal id, to its internal id."""
        return self.session.run(lambda c, k: _resolve_client(c, k, ref))

    def _draft_owner(self) -> UUID:
        if self.session.practitioner_id is None:
            raise Locked()
        return self.session.practitioner_id


def _resolve_client(c: Connection, k: CellCipher, ref: str) -> UUID:
    cid = ClientRepo(k).ids_by_external(c, [ref]).get(ref)
    if cid is None and (as_id := _as_uuid(ref)) is not None:
        cid = as_id if ClientRepo(k).exists(c, as_id) else None
    if cid is None:
        raise NotFound(Message("documents.no_client_id"))
    return cid


def _as_uuid(value: str) -> UUID | None:
    try:
        return UUID(value)
    except ValueError:
        return None
