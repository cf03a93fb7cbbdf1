"""The concrete `NotesApi`: a thin facade over one `WorkspaceSession` and the services
composed on it. Each method forwards to the one service that does the work."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Connection

from core.api import BackupSummary, RestoreSummary
from core.assistant.metrics import AssistantMetrics
from core.assistant.ratelimit import RateLimiter
from core.assistant.types import AskRequest, AskResult, ConversationSummary, StoredMessage
from core.backup import archive as backup
from core.backup import schedule
from core.db.engine import Database
from core.db.store import Store
from core.dictation.ports import AudioSource, Transcriber
from core.documents.types import OcrEngine
from core.domain import (
    AssistantStatus,
    Client,
    ClientData,
    ClientSummary,
    HealthCheck,
    Session,
    SessionData,
    SessionSummary,
)
from core.ports import Embedder, Generator
from core.progress import CancelToken, IndexProgress, Progress
from core.records import transfer
from core.records.drafts import Draft
from core.retrieval.chunks import Chunker
from core.retrieval.indexer import BackgroundIndexer
from core.retrieval.lexical import LexicalCache
from core.retrieval.types import EmbedderAdvice, IndexStatus, SearchQuery, SearchResult
from core.security import audit
from core.security.autolock import Clock, IdleTimer
from core.security.crypto import CellCipher
from core.security.keyring_source import KeyringSource
from core.security.keys import KeyManager
from core.services.ask_ops import AskService, OnProgress, OnText
from core.services.backup_ops import BackupService
from core.services.dictation_ops import DictationService
from core.services.doctor import HealthService
from core.services.documents_ops import DocumentService
from core.services.key_ops import KeyService
from core.services.notes import NotesService
from core.services.search_ops import (
    EmbedderFor,
    Embedding,
    MultilingualId,
    SearchService,
    clinical_thesaurus,
)
from core.services.session import WorkspaceSession
from core.services.timeline_ops import TimelineService
from core.settings import Settings

T = TypeVar("T")


class ChartsideService:
    """Blocking. The GUI calls it from its task runner, the CLI directly."""

    def __init__(
        self,
        settings: Settings,
        migrations_dir: Path,
        keys: KeyManager | None = None,
        clock: Clock = time.monotonic,
        assistant_status: Callable[[], AssistantStatus] | None = None,
        embedder: Embedder | None = None,
        generator: Callable[[], Generator | None] | None = None,
        embedder_for: EmbedderFor | None = None,
        multilingual: MultilingualId | None = None,
        ocr: OcrEngine | None = None,
        transcriber: Callable[[], Transcriber] | None = None,
        audio_source: Callable[[], AudioSource] | None = None,
        live_transcriber: Callable[[], Transcriber] | None = None,
    ) -> None:
        """`generator` opens the text generator on first use (None: extractive answers);
        `embedder_for(model_id)` opens the workspace's embedder when it is not `embedder`
        (None: not installed here); `multilingual()` names the embedder for Hebrew notes
        when it is installed here; `ocr` reads scanned documents (None: they wait)."""
        self.settings = settings
        self.session = WorkspaceSession.open(settings, migrations_dir, keys, clock)
        self.embedding = Embedding(embedder)
        lexical = LexicalCache(clinical_thesaurus())
        self.notes_service = NotesService(self.session, self.embedding)
        self.key_service = KeyService(self.session)
        self.search_service = SearchService(
            self.session, self.embedding, lexical, embedder_for, multilingual,
            language=lambda: settings.ui.language,
        )  # fmt: skip
        # A part handed out whole (NotesApi.timeline), not forwarded method by method.
        self.timeline = TimelineService(self.session)
        # Attached documents (issue 30), a part handed out whole like the timeline.
        self.documents = DocumentService(self.session, self.embedding, ocr)
        # Dictation (issue 29), a part handed out whole like the timeline.
        self.dictation = DictationService(
            self.session, self.timeline, transcriber, audio_source, live_transcriber
        )
        self.ask_service = AskService(
            self.session, self.embedding, self.search_service, generator, assistant_status,
            timeline=self.timeline,
        )  # fmt: skip
        self.backup_service = BackupService(self.session, self.key_service)
        self.health_service = HealthService(self.session, self.embedding, self.search_service)

    # -- the session's state, for the CLI, the benchmarks and the tests ---------------------
    @property
    def store(self) -> Store:
        return self.session.store

    @property
    def keys(self) -> KeyManager:
        return self.session.keys

    @property
    def anchors(self) -> audit.AnchorStore:
        return self.session.anchors

    @property
    def idle(self) -> IdleTimer:
        return self.session.idle

    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def workspace_id(self) -> UUID | None:
        return self.session.workspace_id

    @workspace_id.setter
    def workspace_id(self, value: UUID | None) -> None:
        self.session.workspace_id = value

    @property
    def actor(self) -> str:
        return self.session.actor

    @property
    def practitioner_id(self) -> UUID | None:
        return self.session.practitioner_id

    @practitioner_id.setter
    def practitioner_id(self, value: UUID | None) -> None:
        self.session.practitioner_id = value

    @property
    def embedder(self) -> Embedder | None:
        return self.embedding.embedder

    @property
    def chunker(self) -> Chunker:
        return self.embedding.chunker

    @chunker.setter
    def chunker(self, value: Chunker) -> None:
        self.embedding.chunker = value

    @property
    def lexical(self) -> LexicalCache:
        return self.search_service.lexical

    @property
    def _background(self) -> BackgroundIndexer | None:
        return self.search_service.background

    @property
    def ask_metrics(self) -> AssistantMetrics:
        return self.ask_service.ask_metrics

    @property
    def rate_limiter(self) -> RateLimiter:
        return self.ask_service.rate_limiter

    def cipher(self) -> CellCipher:
        return self.session.cipher()

    def require_workspace(self) -> UUID:
        return self.session.require_workspace()

    def require_active(self) -> None:
        self.session.require_active()

    def run(
        self,
        fn: Callable[[Connection, CellCipher], T],
        action: str | None = None,
        target: Callable[[T], Any] | UUID | None = None,
        details: Callable[[T], dict[str, Any]] | None = None,
    ) -> T:
        return self.session.run(fn, action, target, details)

    # -- lifecycle and keys (KeyService, WorkspaceSession) ---------------------------------
    def is_initialised(self) -> bool:
        return self.key_service.is_initialised()

    def initialise(self, passphrase: str) -> str:
        return self.key_service.initialise(passphrase)

    def unlock(
        self,
        passphrase: str | None = None,
        *,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        self.key_service.unlock(passphrase, recovery_key=recovery_key, username=username)

    def keyring_ready(self) -> bool:
        return self.key_service.keyring_ready()

    def unlock_with_keyring(
        self, source: KeyringSource | None = None, *, username: str | None = None
    ) -> None:
        self.key_service.unlock_with_keyring(source, username=username)

    def lock(self) -> None:
        self.dictation.cancel_all()  # a microphone left open would hear the next visit
        self.session.lock(reason="user")

    @property
    def unlocked(self) -> bool:
        return self.session.unlocked

    def touch(self) -> None:
        """User activity that reaches no service call (typing) still keeps it unlocked."""
        self.session.touch()

    def check_idle(self) -> bool:
        """Lock if idle too long; True when locked now. The GUI polls this on a timer."""
        locked = self.session.check_idle()
        if locked:
            self.dictation.cancel_all()
        return locked

    def close(self) -> None:
        self.dictation.close()
        self.session.close()

    def delete_local_data(self, source: KeyringSource | None = None) -> Path:
        return self.key_service.delete_local_data(source)

    def change_passphrase(
        self,
        new: str,
        *,
        current: str | None = None,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        self.key_service.change_passphrase(
            new, current=current, recovery_key=recovery_key, username=username
        )

    def add_practitioner(self, username: str, display_name: str, passphrase: str) -> UUID:
        return self.key_service.add_practitioner(username, display_name, passphrase)

    def remove_practitioner(self, username: str) -> None:
        self.key_service.remove_practitioner(username)

    def practitioners(self) -> list[str]:
        return self.key_service.practitioners()

    def new_recovery_key(self) -> str:
        return self.key_service.new_recovery_key()

    def enable_keyring(self, source: KeyringSource | None = None) -> str:
        return self.key_service.enable_keyring(source)

    def disable_keyring(self, source: KeyringSource | None = None) -> None:
        self.key_service.disable_keyring(source)

    def disable_passphrase(self) -> None:
        self.key_service.disable_passphrase()

    def key_sources(self) -> list[str]:
        return self.key_service.key_sources()

    def rotate_data_key(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> int:
        return self.key_service.rotate_data_key(progress, cancel)

    def reencrypt(self, progress: Progress | None = None, cancel: CancelToken | None = None) -> int:
        return self.key_service.reencrypt(progress, cancel)

    def reencrypt_pending(self) -> int:
        return self.key_service.reencrypt_pending()

    # -- notes (NotesService) ----------------------------------------------------------------
    def list_clients(self, filter_text: str = "") -> list[ClientSummary]:
        return self.notes_service.list_clients(filter_text)

    def get_client(self, client_id: UUID) -> Client:
        return self.notes_service.get_client(client_id)

    def create_client(self, data: ClientData) -> Client:
        return self.notes_service.create_client(data)

    def update_client(self, client_id: UUID, data: ClientData) -> Client:
        return self.notes_service.update_client(client_id, data)

    def delete_client(self, client_id: UUID) -> None:
        self.notes_service.delete_client(client_id)

    def list_sessions(self, client_id: UUID) -> list[SessionSummary]:
        return self.notes_service.list_sessions(client_id)

    def get_session(self, session_id: UUID) -> Session:
        return self.notes_service.get_session(session_id)

    def create_session(self, client_id: UUID, data: SessionData) -> Session:
        return self.notes_service.create_session(client_id, data)

    def update_session(self, session_id: UUID, data: SessionData) -> Session:
        return self.notes_service.update_session(session_id, data)

    def delete_session(self, session_id: UUID) -> None:
        self.notes_service.delete_session(session_id)

    def save_draft(self, draft: Draft) -> None:
        self.notes_service.save_draft(draft)

    def drafts(self) -> list[Draft]:
        return self.notes_service.drafts()

    def discard_draft(self, kind: str) -> None:
        self.notes_service.discard_draft(kind)

    def import_file(
        self, path: Path, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> transfer.ImportSummary:
        summary = self.notes_service.import_file(path, progress, cancel)
        if summary.documents_created:
            self.documents.background.wake()  # the imported files' pages wait to be read
        return summary

    def export_doc(
        self,
        client: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> dict[str, Any]:
        return self.notes_service.export_doc(client, progress, cancel)

    def resolve_client(self, ref: str) -> UUID:
        return self.notes_service.resolve_client(ref)

    # -- search (SearchService) --------------------------------------------------------------
    def index_status(self) -> IndexStatus:
        return self.search_service.index_status()

    def index_now(
        self, progress: IndexProgress | None = None, cancel: CancelToken | None = None
    ) -> IndexStatus:
        return self.search_service.index_now(progress, cancel)

    def watch_index(self, listener: IndexProgress | None) -> None:
        self.search_service.watch_index(listener)

    def watch_connection(self, listener: Callable[[str], None]) -> None:
        self.session.db.state.subscribe(lambda status: listener(status.value))

    def use_embedder(self, embedder: Embedder) -> None:
        self.search_service.use_embedder(embedder)

    def embedder_advice(self) -> EmbedderAdvice | None:
        return self.search_service.embedder_advice()

    def use_advised_embedder(self) -> str:
        return self.search_service.take_advice()

    def decline_embedder_advice(self) -> None:
        self.search_service.decline_advice()

    def search(self, query: SearchQuery) -> SearchResult:
        return self.search_service.search(query)

    # -- the assistant (AskService) ----------------------------------------------------------
    def generator(self) -> Generator | None:
        return self.ask_service.generator()

    def reopen_generator(self) -> None:
        self.ask_service.reopen_generator()

    def assistant_status(self) -> AssistantStatus:
        return self.ask_service.assistant_status()

    def assistant_metrics(self) -> dict[str, dict[str, float]]:
        return self.ask_service.assistant_metrics()

    def conversations(self, client_id: UUID | None) -> list[ConversationSummary]:
        return self.ask_service.conversations(client_id)

    def conversation(self, conversation_id: UUID) -> list[StoredMessage]:
        return self.ask_service.conversation(conversation_id)

    def ask(
        self,
        request: AskRequest,
        on_text: OnText | None = None,
        cancel: CancelToken | None = None,
        on_progress: OnProgress | None = None,
    ) -> AskResult:
        return self.ask_service.ask(request, on_text, cancel, on_progress)

    def record_ai_query(
        self, query: str, retrieved: list[str], cited: list[str], timings_ms: dict[str, int]
    ) -> None:
        self.ask_service.record_ai_query(query, retrieved, cited, timings_ms)

    # -- backup (BackupService) --------------------------------------------------------------
    def backup(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> backup.BackupResult:
        return self.backup_service.backup(
            out, passphrase, overwrite=overwrite, progress=progress, cancel=cancel
        )

    def restore(
        self,
        source: Path,
        passphrase: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> backup.Manifest:
        return self.backup_service.restore(source, passphrase, progress, cancel)

    def backup_status(self, now: dt.datetime | None = None) -> schedule.BackupStatus:
        return self.backup_service.backup_status(now)

    def backup_now(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupSummary:
        return self.backup_service.backup_now(
            out, passphrase, overwrite=overwrite, progress=progress, cancel=cancel
        )

    def run_scheduled_backup(
        self,
        passphrase: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        now: dt.datetime | None = None,
    ) -> BackupSummary:
        return self.backup_service.run_scheduled_backup(passphrase, progress, cancel, now)

    def restore_copy(
        self,
        source: Path,
        target_dir: Path,
        passphrase: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> RestoreSummary:
        return self.backup_service.restore_copy(source, target_dir, passphrase, progress, cancel)

    # -- health and audit (HealthService) ----------------------------------------------------
    def doctor(self) -> list[HealthCheck]:
        return self.health_service.doctor()

    def audit_verify(self) -> audit.VerifyReport:
        return self.health_service.audit_verify()

    def audit_export(self) -> list[dict[str, Any]]:
        return self.health_service.audit_export()
