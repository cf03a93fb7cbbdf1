"""The port the GUI (and any other front end) drives. `app` builds the concrete service."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol
from uuid import UUID

from core.assistant.types import (
    AskProgress,
    AskRequest,
    AskResult,
    ConversationSummary,
    StoredMessage,
)
from core.backup.schedule import BackupStatus
from core.dictation.recorder import Recording
from core.dictation.types import KeptRecording, PcmAudio
from core.documents.types import AttachRequest, DocumentInfo, PageView, ReadProgress
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
from core.model_info import ModelInfo
from core.progress import CancelToken, IndexProgress, Progress
from core.records.drafts import Draft
from core.retrieval.types import EmbedderAdvice, IndexStatus, SearchQuery, SearchResult
from core.settings import Settings
from core.timeline.brief import SummaryWords
from core.timeline.types import Brief, BriefLine, Kind, TimelineFact


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    size: int  # bytes on disk
    created_at: str  # ISO 8601, UTC, as in the manifest
    pruned: tuple[Path, ...] = ()  # scheduled backups that retention removed


@dataclass(frozen=True)
class RestoreSummary:
    data_dir: Path  # where the restored, checked copy now lives (closed)
    created_at: str  # when the backup was made
    tables: dict[str, int]


class TimelineApi(Protocol):
    """The clinical timeline of one client (docs/timeline.md): facts read from every note. Each
    call is audited as a read of that client's notes."""

    def facts(
        self, client_id: UUID, kind: Kind | None = None, name: str | None = None
    ) -> list[TimelineFact]:
        """The client's facts, oldest visit first; `name` matches a measure key or a drug
        or condition name, case-insensitively."""
        ...

    def brief(self, client_id: UUID) -> Brief:
        """Since the last visit: changed values, new and stopped medications, new
        diagnoses and the last plan's items, each cited. No model; well under a second."""
        ...

    def referral_summary(
        self,
        client_id: UUID,
        render: Callable[[BriefLine], str] = ...,
        words: SummaryWords = ...,
    ) -> str:
        """The brief as plain text with its citations as footnotes (visit dates), worded by
        `render` and `words`; refused where the policy forbids exports, and audited."""
        ...


class DocumentsApi(Protocol):
    """Documents attached to a client's chart (issue 30): PDFs and images, stored encrypted
    and read page by page (the text layer, or OCR for a scan) in the background. Blocking:
    call off the GUI thread. Raises `core.errors.Locked` while locked."""

    def attach(self, req: AttachRequest) -> DocumentInfo:
        """Check the whole file, then store it unread; `DocumentRejected` (nothing stored)
        says why a file cannot be attached. A running reader is woken to read it."""
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


class DictationApi(Protocol):
    """Speech to text into a note (docs/dictation.md): live takes from the microphone, heard
    on this computer. The sound and the words are held in memory only, unless the clinician
    keeps a take's sound with the note: then it is stored encrypted with the session."""

    @property
    def languages(self) -> tuple[str, ...]:
        """What the speech model transcribes (ISO 639-1; ("en",) today); () when there is no
        speech model. Reads the model registry, loads nothing: off the GUI thread."""
        ...

    def record(self, client_id: UUID | None = None, language: str = "en") -> Recording:
        """Begin a take from the microphone. With `client_id`, that client's medications and
        problems steer the spelling (an audited read of their notes). Raises
        `DictationUnavailable` without a model or a microphone, `Locked` while locked. The
        take's `update` and `finish` run the model: off the GUI thread too."""
        ...

    def keep(self, session_id: UUID, audio: PcmAudio) -> KeptRecording:
        """Store a take's sound with the (saved) session, encrypted like a note; audited.
        `NotFound` when the session is gone."""
        ...

    def recordings(self, session_id: UUID) -> list[KeptRecording]:
        """The session's kept recordings, oldest first: their lengths, never their sound."""
        ...

    def recording_file(self, recording_id: UUID, purpose: Literal["play", "export"]) -> bytes:
        """A kept recording decrypted, as a WAV file's bytes in memory; audited as a play
        or an export. Where the bytes go is the caller's: never a temporary file."""
        ...

    def delete_recording(self, recording_id: UUID) -> None:
        """Remove a kept recording (the note stays); audited."""
        ...


class NotesPart(Protocol):
    """Clients, their visits and the editors' drafts (`ChartsideApi.notes`)."""

    def list_clients(self, filter_text: str = "") -> list[ClientSummary]: ...

    def get_client(self, client_id: UUID) -> Client: ...

    def create_client(self, data: ClientData) -> Client: ...

    def update_client(self, client_id: UUID, data: ClientData) -> Client: ...

    def delete_client(self, client_id: UUID) -> None: ...

    def list_sessions(self, client_id: UUID) -> list[SessionSummary]: ...

    def get_session(self, session_id: UUID) -> Session: ...

    def create_session(self, client_id: UUID, data: SessionData) -> Session: ...

    def update_session(self, session_id: UUID, data: SessionData) -> Session: ...

    def delete_session(self, session_id: UUID) -> None: ...

    # -- drafts: unsaved edits survive auto-lock, a crash and a logout (core.records.drafts) -------
    def save_draft(self, draft: Draft) -> None:
        """Keep an editor's unsaved form, encrypted. Not user activity (it never keeps the
        workspace unlocked), and still accepted while the keys are in memory but idle past
        the auto-lock time, so the GUI can save it just before locking."""
        ...

    def drafts(self) -> list[Draft]:
        """The practitioner's drafts, to offer back after unlock."""
        ...

    def discard_draft(self, kind: str) -> None:
        """Forget the draft of editor `kind` ("client" or "session")."""
        ...


class SearchPart(Protocol):
    """The index of the notes and the search over it (`ChartsideApi.search`,
    docs/architecture.md)."""

    def query(self, query: SearchQuery) -> SearchResult:
        """Hybrid (vector + BM25, fused by reciprocal rank) search in the unlocked
        workspace, or one client, audited. `result.index` says how current the vector side
        is."""
        ...

    def index_status(self) -> IndexStatus:
        """How many chunks carry a vector from the current embedder, of how many."""
        ...

    def index_now(
        self, progress: IndexProgress | None = None, cancel: CancelToken | None = None
    ) -> IndexStatus:
        """Embed every stale chunk now and return when none is left (or on `cancel`,
        raising `Cancelled`). Safe beside the background indexer: they share the queue."""
        ...

    def watch_index(self, listener: IndexProgress | None) -> None:
        """Report the background indexer's progress to `listener` (from its thread); None
        stops reporting. The background indexer runs while unlocked and an embedder exists."""
        ...

    def embedder_advice(self) -> EmbedderAdvice | None:
        """When the workspace's notes are mostly Hebrew and it uses another embedder than
        the multilingual one installed here: the advice to switch, with its reason. None
        otherwise, or once declined on this computer. Reads a sample of the notes."""
        ...

    def take_advice(self) -> str:
        """Take the embedder advice: the workspace (every desktop) switches to the advised
        embedder and its notes are re-embedded in the background. Its model id."""
        ...

    def decline_advice(self) -> None:
        """Not now: this computer stops offering it (the models screen still can)."""
        ...


class AssistantPart(Protocol):
    """Questions answered from the notes (`ChartsideApi.assistant`, docs/architecture.md)."""

    def ask(
        self,
        request: AskRequest,
        on_text: Callable[[str], None] | None = None,
        cancel: CancelToken | None = None,
        on_progress: Callable[[AskProgress], None] | None = None,
    ) -> AskResult:
        """Answer from the notes with numbered citations. `on_text` receives the answer's
        text as it streams (from the calling thread); `cancel` stops generation within
        200 ms and raises `Cancelled`. `on_progress` hears the notes being read as soon as
        they are found, then the model's pace (`AskProgress`), for a window to show.
        Raises `QueryRejected` (bad or injected question), `RateLimited`,
        `GenerationTimeout`. A refusal is a result, not an error."""
        ...

    def conversations(self, client_id: UUID | None) -> list[ConversationSummary]:
        """Stored conversations about a client (or the whole workspace), newest first."""
        ...

    def conversation(self, conversation_id: UUID) -> list[StoredMessage]:
        """The turns of one conversation, oldest first, with their sources."""
        ...

    def status(self) -> AssistantStatus:
        """Whether the local models can answer questions; the reason when they cannot."""
        ...

    def metrics(self) -> dict[str, dict[str, float]]:
        """Latency histograms (embed, retrieve, generate, total: count, sum, p50, p95 in
        ms), token counts and cache hits, for the diagnostics view."""
        ...


class KeysPart(Protocol):
    """The workspace's practitioners and keys, changed while unlocked (`ChartsideApi.keys`,
    core.services.key_ops). Unlocking itself is the service's own."""

    def practitioners(self) -> list[str]:
        """The usernames of the workspace's practitioners, sorted."""
        ...

    def add_practitioner(self, username: str, display_name: str, passphrase: str) -> UUID:
        """Another practitioner in this workspace, with their own passphrase (derived with
        Argon2id: seconds). Raises `ValidationError` for a taken name or a weak passphrase."""
        ...

    def remove_practitioner(self, username: str) -> None:
        """Their login and passphrase go; the audit trail keeps their name. Refuses the
        signed-in practitioner (`ValidationError`) and an unknown name (`NotFound`)."""
        ...

    def change_passphrase(
        self,
        new: str,
        *,
        current: str | None = None,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        """Proves `current` (or the recovery key) again, then re-wraps the master key under
        `new`. Raises `WrongPassphrase` and changes nothing when the proof is wrong."""
        ...

    def new_recovery_key(self) -> str:
        """A fresh recovery key for the workspace, shown once; the old one stops working."""
        ...

    def enable_keyring(self) -> str:
        """Keep a key in the OS keyring so that it can unlock (first run offers it); returns
        the keyring backend's name. `PolicyForbids` where the policy turns it off,
        `KeyringUnavailable` when no secure keyring is there."""
        ...


class BackupsPart(Protocol):
    """Encrypted backups of the workspace, and restoring one (`ChartsideApi.backups`)."""

    def status(self) -> BackupStatus:
        """Where a backup would go now, and whether a scheduled one is due."""
        ...

    def now(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupSummary:
        """Write an encrypted, checked backup to `out`; the file is encrypted under the
        passphrase. Raises `WrongPassphrase` and writes nothing when it is wrong; `cancel`
        raises `Cancelled` and writes nothing either."""
        ...

    def scheduled(
        self,
        passphrase: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupSummary:
        """Write a backup into the configured folder, then keep only the newest `keep`.
        Without a passphrase it is sealed under the unlocked workspace key (unattended).
        Cancelled, it writes nothing and removes no older backup."""
        ...

    def restore_copy(
        self,
        source: Path,
        target_dir: Path,
        passphrase: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> RestoreSummary:
        """Restore a backup into `target_dir` (new or empty) as a separate data dir, check
        it, and close it again. This service's own data is not touched. On any failure, or
        on `cancel` (raising `Cancelled`), nothing is left in `target_dir`."""
        ...


class HealthPart(Protocol):
    """The installation's health checks (`ChartsideApi.health`, `chartside doctor`)."""

    def doctor(self) -> list[HealthCheck]: ...


class ChartsideApi(Protocol):
    """What a front end drives: the session's lifecycle here, everything else in the parts
    it hands out (`api.notes.create_client(...)`, `api.backups.now(...)`), the way Anki's
    collection hands out `decks` and `sched`. All methods block; call them off the GUI
    thread. Every PHI method raises `core.errors.Locked` while locked."""

    @property
    def notes(self) -> NotesPart:
        """Clients, visits and drafts."""
        ...

    @property
    def search(self) -> SearchPart:
        """The search and its index."""
        ...

    @property
    def assistant(self) -> AssistantPart:
        """Questions answered from the notes."""
        ...

    @property
    def keys(self) -> KeysPart:
        """Practitioners, passphrases, the recovery key and the OS keyring."""
        ...

    @property
    def backups(self) -> BackupsPart:
        """Backups and restores."""
        ...

    @property
    def health(self) -> HealthPart:
        """The health checks."""
        ...

    @property
    def timeline(self) -> TimelineApi:
        """The timeline part: facts, the flowsheet's data and the brief."""
        ...

    @property
    def documents(self) -> DocumentsApi:
        """The documents part: attach, read in the background, list, view, delete."""
        ...

    @property
    def dictation(self) -> DictationApi:
        """The dictation part: takes from the microphone, heard by the local speech model."""
        ...

    # -- the session: first run, unlock and lock (core.services.access) ----------------
    def is_initialised(self) -> bool: ...

    def initialise(self, passphrase: str) -> str:
        """First run: create the database, keys, first workspace and practitioner, and
        unlock. Returns the recovery key, which the front end shows exactly once."""
        ...

    def unlock(
        self,
        passphrase: str | None = None,
        *,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        """Raises `WrongPassphrase` and changes nothing when the passphrase is wrong.
        `username` is needed only when several practitioners share the computer account."""
        ...

    def keyring_ready(self) -> bool:
        """Whether the OS keyring is set up to unlock (no unlock needed to ask)."""
        ...

    def unlock_with_keyring(self, *, username: str | None = None) -> None:
        """Unlock from the OS keyring. Raises `KeyringUnavailable` (a `ChartsideError`
        whose remediation names the passphrase and the recovery key) when it cannot."""
        ...

    @property
    def settings(self) -> Settings:
        """The settings this service runs with: its data dir, what the policy allows."""
        ...

    def delete_local_data(self) -> Path:
        """Stop the database, remove the data dir and the OS keyring entries; returns the
        dir removed. The service is closed afterwards."""
        ...

    def lock(self) -> None: ...

    def touch(self) -> None:
        """Record user activity (keeps the idle auto-lock away)."""
        ...

    def check_idle(self) -> bool:
        """Lock if idle past the auto-lock time; True when locked."""
        ...

    @property
    def unlocked(self) -> bool: ...

    @property
    def actor(self) -> str:
        """The signed-in practitioner's username (while unlocked)."""
        ...

    def watch_connection(self, listener: Callable[[str], None]) -> None:
        """Tell `listener` "connected", "reconnecting" or "unreachable" whenever the
        database server's state changes (a clinic's server restarting), from the thread
        that noticed. Call once, after the first unlock: the store outlives a lock."""
        ...

    def close(self) -> None:
        """Lock, release connections and stop an embedded server this process started."""
        ...


class ModelsApi(Protocol):
    """The local models (docs/usage.md): which are installed, which are in use and why, and
    changing that. Blocking: call off the GUI thread. Touches no notes and needs no unlock;
    `app` builds it beside the `ChartsideApi`, which it tells when the embedder changes so
    the background indexer re-embeds the notes (`SearchPart.index_status` shows how far)."""

    @property
    def generator_locked(self) -> bool:
        """Whether the system policy fixes the generator (`use_model` of another refuses).
        A policy that cannot be read stopped the app's start already; should it break since,
        `use_model` reports it, so it locks nothing here."""
        ...

    def list_models(self, progress: Progress | None = None) -> list[ModelInfo]:
        """Every registered model; on first use the packaged ones are registered first."""
        ...

    def verify_models(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        """Re-hash every model file (SHA-256); `checksum_ok` is False where one changed.
        `cancel` stops it, raising `Cancelled`."""
        ...

    def use_model(
        self,
        kind: str,
        path: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ModelInfo:
        """Make the registered model at `path` the active `kind`, after checking its file
        still has the registered SHA-256 (a changed file is refused)."""
        ...

    def add_model(
        self,
        kind: str,
        path: Path,
        sha256: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ModelInfo:
        """Register a model file, only when its SHA-256 is `sha256` (else `ModelError` and
        nothing is registered). It stays inactive until `use_model`."""
        ...
