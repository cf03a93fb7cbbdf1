"""The concrete `ChartsideApi`: one `WorkspaceSession` and the parts composed on it, handed
out whole (`service.backups.now(...)`) rather than forwarded method by method."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from uuid import UUID

from core.api.models import ModelsPart
from core.db.engine import Database
from core.db.store import Store
from core.dictation.ports import AudioSource, Transcriber
from core.documents.types import OcrEngine
from core.domain import AssistantStatus
from core.model_info import CpuKernels
from core.ports import Embedder, Generator
from core.retrieval.chunks import Chunker
from core.retrieval.lexical import LexicalCache
from core.security import audit
from core.security.autolock import Clock, IdleTimer
from core.security.crypto import CellCipher
from core.security.keys import KeyManager
from core.services.access import Access
from core.services.ask_ops import AskService
from core.services.backup_ops import BackupService
from core.services.config_ops import ConfigService
from core.services.dictation_ops import DictationService
from core.services.doctor import HealthService
from core.services.documents_ops import DocumentService
from core.services.key_ops import KeyService
from core.services.notes import NotesService
from core.services.question_reader import question_reader
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


class ChartsideService(Access):
    """Blocking. The GUI calls it from its task runner, the CLI directly. The session's
    lifecycle is its own (`Access`, and lock/idle/close here); everything else is in the
    parts it hands out: `notes`, `search`, `assistant`, `keys`, `backups`, `health`,
    `models`, `config`, `timeline`, `documents`, `dictation`."""

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
        reader_embedder: Callable[[], Embedder | None] | None = None,
        ocr: OcrEngine | None = None,
        transcriber: Callable[[], Transcriber] | None = None,
        audio_source: Callable[[], AudioSource] | None = None,
        live_transcriber: Callable[[], Transcriber] | None = None,
        models: Callable[[ChartsideService], ModelsPart] | None = None,
        kernels: Callable[[], CpuKernels | None] | None = None,
    ) -> None:
        """`generator` opens the text generator on first use (None: extractive answers);
        `embedder_for(model_id)` opens the workspace's embedder when it is not `embedder`
        (None: not installed here); `multilingual()` names the embedder for Hebrew notes
        when it is installed here; `reader_embedder()` opens it for the questions' reader
        by meaning, when the workspace's embedder is another (None: questions are read by
        the patterns alone); `ocr` reads scanned documents (None: they wait);
        `models(service)` builds the models part over `app`'s model registry (None: no
        models part, as in core's tests); `kernels()` says which CPU kernels the answering
        model runs with, for the health checks (None: not said)."""
        Access.__init__(self, WorkspaceSession.open(settings, migrations_dir, keys, clock))
        self.embedding = Embedding(embedder)
        # The parts, handed out whole (`service.notes.create_client(...)`): each is the one
        # service that does that work, and the facade repeats none of their methods. Built in
        # the order they were before: each registers its lock hooks as it is.
        self.notes = NotesService(
            self.session, self.embedding, wake_reader=lambda: self.documents.background.wake()
        )
        self.keys = KeyService(self.session, self)
        self.search = SearchService(
            self.session, self.embedding, LexicalCache(clinical_thesaurus()), embedder_for,
            multilingual, language=lambda: settings.ui.language,
        )  # fmt: skip
        reader, self._reader_embedder = question_reader(
            self.embedding, multilingual, reader_embedder
        )
        self.timeline = TimelineService(self.session, reader)
        self.documents = DocumentService(self.session, self.embedding, ocr)
        self.dictation = DictationService(
            self.session, self.timeline, transcriber, audio_source, live_transcriber,
            generator=(lambda: self.assistant.generator())
            if settings.models.soap_model_sort else None,
        )  # fmt: skip
        self.assistant = AskService(
            self.session, self.embedding, self.search, generator, assistant_status,
            timeline=self.timeline,
        )  # fmt: skip
        self.backups = BackupService(self.session, self)
        self.health = HealthService(self.session, self.embedding, self.search, kernels)
        self.config = ConfigService()
        # Last: it tells the parts above when a model is switched.
        self.models = models(self) if models is not None else None

    # -- the session's state, for the CLI, the benchmarks and the tests ---------------------
    @property
    def store(self) -> Store:
        return self.session.store

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

    def cipher(self) -> CellCipher:
        return self.session.cipher()

    def require_workspace(self) -> UUID:
        return self.session.require_workspace()

    # -- the lifecycle (first run, unlock, delete: Access; lock and idle here) -----------------
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
        if self._reader_embedder is not None:
            self._reader_embedder.close()
        self.session.close()

    def watch_connection(self, listener: Callable[[str], None]) -> None:
        self.session.db.state.subscribe(lambda status: listener(status.value))
