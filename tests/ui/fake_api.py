"""An in-memory ChartsideApi for unit tests of UI logic only: the session's lifecycle on
`FakeChartsideApi`, the parts (`FakeNotes`, `FakeSearch`, ...) over its state.

It validates input with the same domain gate as the real service (`ClientData.validated()`)
and raises the same error types, but it stores nothing and encrypts nothing. The end-to-end
test runs against the real service instead (tests/ui/test_gui_e2e.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Literal
from uuid import UUID

from core.api import BackupStatus, BackupSummary, IndexProgress, ModelsPart, RestoreSummary
from core.assistant.prompt import REFUSAL, REFUSAL_MESSAGE
from core.assistant.types import (
    AskProgress,
    AskRequest,
    AskResult,
    AskSource,
    ConversationSummary,
    StoredMessage,
)
from core.backup.format import BackupError
from core.backup.schedule import scheduled_path
from core.dictation.ports import AudioSource, Transcriber
from core.dictation.recorder import Recording
from core.dictation.soap import SoapDraft, draft_soap
from core.dictation.types import DictationUnavailable, KeptRecording, PcmAudio, Transcript
from core.domain import (
    AssistantStatus,
    Client,
    ClientData,
    ClientSummary,
    HealthCheck,
    Session,
    SessionData,
    SessionSummary,
    headline,
)
from core.errors import (
    AlreadyInitialised,
    Cancelled,
    Locked,
    ModelError,
    NotFound,
    ValidationError,
    WrongPassphrase,
)
from core.messages import Message
from core.model_info import ModelInfo
from core.ports import CancelToken, Progress
from core.records.drafts import Draft
from core.retrieval.types import (
    CLIENT_FIELDS,
    SESSION_FIELDS,
    EmbedderAdvice,
    IndexStatus,
    SearchHit,
    SearchQuery,
    SearchResult,
)
from core.security.keyring_source import KeyringUnavailable
from core.services.config_ops import ConfigService
from core.settings import Settings
from core.timeline.answers.brief import ENGLISH, SummaryWords, referral_summary, render_en
from core.timeline.types import Brief, BriefLine, Kind, TimelineFact
from tests.ui.fake_documents import FakeDocuments

GATE_TIMEOUT_S = 10
FAKE_PASSPHRASE = "correct horse battery"


FAKE_RECOVERY_KEY = "ABCD-EFGH-IJKL-MNOP"
FAKE_MODEL_ID = "fake-embedder"
FAKE_ACTOR = "dr.fake"
SNIPPET_CONTEXT = 30  # characters kept either side of a match
# The chunk ids are stable across calls, like the real index's rows.
_CHUNK_NS = uuid.UUID("6f0d3a52-3c1e-4a51-9d0e-6b1f7c3e2a10")

FAKE_GENERATOR_ID = "fake-generator"
# What the fake assistant says: two citations, and every kind of markup a model (or a note
# injected into its prompt) might produce, none of which may act on screen.
UNSAFE_PAYLOAD = (
    "![chart](http://127.0.0.1:1/a.png) <img src=http://x/a.png> "
    "[click](http://example.invalid) <script>alert(1)</script> "
    "[run](javascript:alert(1)) <http://autolink.invalid> www.evil.invalid"
)
CANNED_ANSWER = (
    "**Plan:** continue the home exercise programme [1]. "
    "Earlier she was wheezy at night [2].\n\n" + UNSAFE_PAYLOAD
)
ASK_PIECE = 12  # characters per streamed piece
ASK_SOURCES = 5  # sources retrieved per question, like the real k
_MARKER = re.compile(r"\[(\d{1,3})\]")


class FakeChartsideApi:
    def __init__(self, passphrase: str = FAKE_PASSPHRASE, *, initialised: bool = True):
        self._mutex = threading.Lock()
        self._passphrase: str | None = passphrase if initialised else None
        self._unlocked = False
        self.clients: dict[UUID, Client] = {}
        self.sessions: dict[UUID, Session] = {}
        # (call name, thread ident) of every call, to prove work left the GUI thread. A part's
        # call keeps the name it had on the flat API ("backup_now" for backups.now).
        self.calls: list[tuple[str, int]] = []
        # When set to an Event, initialise/unlock wait for it: lets a test see the busy state.
        self.gate: threading.Event | None = None
        # method name -> exception raised by its next call.
        self.fail_next: dict[str, BaseException] = {}
        self.closed = False
        self.touches = 0
        self.last_username: str | None = None
        self.idle_expired = False  # what the real service decides with its idle timer
        # What the settings screen and "delete local data" read; never a real data dir.
        self.settings = Settings(data_dir=Path("/nonexistent/chartside-fake-data"))
        self.deleted = False
        # The OS keyring: None when not set up; unlocks while it equals the passphrase.
        self.keyring_secret: str | None = None
        # Backups: what backup_status reports, and a gate the backup/restore calls wait on
        # halfway through (after reporting progress 0.5), to catch the dialog mid-work.
        self.backup_status_value = BackupStatus(
            0, 7, None, Path("/nonexistent/chartside-fake.chartside-backup"), None, None, False
        )
        self.backup_gate: threading.Event | None = None
        # Index and search. `index_ready` is how many chunks are embedded; None: all of them.
        self.index_ready: int | None = None
        self.index_listener: IndexProgress | None = None
        self.connection_listener: Callable[[str], None] | None = None
        # When set, search waits for it: a test sees the GUI stay live meanwhile.
        self.search_gate: threading.Event | None = None
        self.last_query: SearchQuery | None = None
        # The assistant. What the model writes streams in ASK_PIECE pieces, `ask_delay_s`
        # apart: `ask_stream`, or when None the answer itself. The answer is `ask_answer`,
        # or with `ask_refuse` the service's refusal (as its grounding check gives, after
        # the model has written `ask_stream`). `ask_gate`, when set, holds the stream after
        # its first piece until it opens; `ask_checking` holds the result after the last
        # piece (the check, storing) until it opens. Cancel ends either wait.
        self.ask_answer = CANNED_ANSWER
        self.ask_stream: str | None = None
        self.ask_refuse = False
        self.ask_warnings: list[Message] = []
        self.ask_delay_s = 0.02
        self.ask_gate: threading.Event | None = None
        self.ask_checking: threading.Event | None = None
        # How far the model reads the prompt before it writes (shares, 0 to 1), each
        # reported in turn; `ask_reading_gate`, when set, holds the reading before the last
        # report until it opens.
        self.ask_reading: tuple[float, ...] = ()
        self.ask_reading_gate: threading.Event | None = None
        # The warm-up at unlock: the shares it reports in turn, `warm_gate` holding it
        # before the last until it opens; `warmed` counts the warm-ups finished.
        self.warm_shares: tuple[float, ...] = ()
        self.warm_gate: threading.Event | None = None
        self.warmed = 0
        # Set while no warm-up is in flight: an answer the model writes waits for it, as
        # the real generator's own thread finishes loading before it answers.
        self.warm_done = threading.Event()
        self.warm_done.set()
        self.last_ask: AskRequest | None = None
        self.stored: dict[UUID, tuple[ConversationSummary, list[StoredMessage]]] = {}
        # Drafts by editor kind, as the real service keeps them (there: encrypted).
        self.draft_store: dict[str, Draft] = {}
        # Practitioners by username -> their passphrase (the first is the one signed in).
        self.actor = FAKE_ACTOR
        self.practitioner_logins: dict[str, str] = {FAKE_ACTOR: passphrase}
        self.recovery_key = FAKE_RECOVERY_KEY
        self._timeline = FakeTimeline(self)
        self._documents = FakeDocuments(self)
        self._dictation = FakeDictation(self)
        # The parts (core.api.ChartsideApi): each works on the state above.
        self.notes = FakeNotes(self)
        self.search = FakeSearch(self)
        self.assistant = FakeAssistant(self)
        self.keys = FakeKeys(self)
        self.backups = FakeBackups(self)
        self.health = FakeHealth(self)
        # The real config part: it reads the files the test points CHARTSIDE_*_FILE at.
        self.config = ConfigService()
        # None: no models screen; a test of it sets a FakeModelsPart.
        self.models: ModelsPart | None = None
        self.metrics_value: dict[str, dict[str, float]] = {
            "latency_embed_ms": {"count": 3.0, "p50": 11.5, "p95": 19.5},
            "latency_retrieve_ms": {"count": 3.0, "p50": 23.0, "p95": 41.0},
            "latency_generate_ms": {"count": 3.0, "p50": 2150.0, "p95": 4870.5},
            "latency_total_ms": {"count": 3.0, "p50": 2210.0, "p95": 4950.0},
            "tokens": {"prompt": 1834.0, "answer": 212.0},
            "cache": {"hit": 1.0, "miss": 2.0},
            "outcomes": {
                "answered": 2.0, "refused": 1.0, "extractive": 0.0, "cancelled": 0.0, "failed": 0.0
            },
        }  # fmt: skip

    # -- helpers ----------------------------------------------------------------------------

    def _enter(self, name: str, *, needs_unlock: bool = True) -> None:
        with self._mutex:
            self.calls.append((name, threading.get_ident()))
            exc = self.fail_next.pop(name, None)
        if exc is not None:
            raise exc
        if needs_unlock and not self._unlocked:
            raise Locked()

    def called(self, name: str) -> int:
        return sum(1 for call, _ in self.calls if call == name)

    def _wait_gate(self) -> None:
        if self.gate is not None and not self.gate.wait(GATE_TIMEOUT_S):
            raise TimeoutError("test gate never opened")

    # -- ChartsideApi: the lifecycle, and the parts --------------------------------------------

    @property
    def timeline(self) -> FakeTimeline:
        return self._timeline

    @property
    def documents(self) -> FakeDocuments:
        return self._documents

    @property
    def dictation(self) -> FakeDictation:
        return self._dictation

    def is_initialised(self) -> bool:
        self._enter("is_initialised", needs_unlock=False)
        return self._passphrase is not None

    def initialise(self, passphrase: str) -> str:
        self._enter("initialise", needs_unlock=False)
        self._wait_gate()
        if self._passphrase is not None:
            raise AlreadyInitialised("Chartside is already initialised.")
        self._passphrase = passphrase
        self._unlocked = True
        return FAKE_RECOVERY_KEY

    def unlock(
        self,
        passphrase: str | None = None,
        *,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        self._enter("unlock", needs_unlock=False)
        self.last_username = username
        self._wait_gate()
        if passphrase != self._passphrase:
            raise WrongPassphrase("The passphrase is wrong.")
        self._unlocked = True

    def keyring_ready(self) -> bool:
        self._enter("keyring_ready", needs_unlock=False)
        return self.keyring_secret is not None

    def unlock_with_keyring(self, *, username: str | None = None) -> None:
        self._enter("unlock_with_keyring", needs_unlock=False)
        self.last_username = username
        if self.keyring_secret != self._passphrase:
            raise KeyringUnavailable("Chartside's key is no longer in the OS keyring.")
        self._unlocked = True

    def delete_local_data(self) -> Path:
        self._enter("delete_local_data", needs_unlock=False)
        self.deleted = self.closed = True
        self._unlocked = False
        return self.settings.data_dir

    def lock(self) -> None:
        self._enter("lock", needs_unlock=False)
        self._unlocked = False

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    def touch(self) -> None:
        self.touches += 1

    def check_idle(self) -> bool:
        if self.idle_expired:
            self._unlocked = False
        return not self._unlocked

    # -- the index's state, which the search and the watcher share: a chunk is a field ------

    def _chunk_count(self) -> int:
        sessions = sum(
            1 for s in self.sessions.values() for f in SESSION_FIELDS if getattr(s.data, f)
        )
        clients = sum(1 for c in self.clients.values() for f in CLIENT_FIELDS if getattr(c.data, f))
        return sessions + clients

    def _index(self) -> IndexStatus:
        total = self._chunk_count()
        ready = total if self.index_ready is None else min(self.index_ready, total)
        return IndexStatus(ready, total, FAKE_MODEL_ID)

    def watch_connection(self, listener: Callable[[str], None]) -> None:
        self._enter("watch_connection")
        self.connection_listener = listener

    # The embedder offer (issue 28): None unless a test sets `advice`.
    advice: EmbedderAdvice | None = None
    advice_taken: tuple[str, ...] = ()

    def push_connection(self, state: str) -> None:
        """Report a connection state from a fresh thread, as the store does."""
        listener = self.connection_listener
        assert listener is not None, "nobody is watching the connection"
        worker = threading.Thread(target=listener, args=(state,))
        worker.start()
        worker.join()

    def push_index(self, current: int, total: int) -> int:
        """Report progress to the watcher from a fresh thread, as the background indexer
        does; returns that thread's ident. The fake's own status follows (all when done)."""
        listener = self.index_listener
        assert listener is not None, "nobody is watching the index"
        self.index_ready = None if current >= total else current
        status = IndexStatus(current, total, FAKE_MODEL_ID)
        idents: list[int] = []

        def report() -> None:
            idents.append(threading.get_ident())
            listener(status)

        thread = threading.Thread(target=report, name="fake-indexer")
        thread.start()
        thread.join(GATE_TIMEOUT_S)
        return idents[0]

    def close(self) -> None:
        self._enter("close", needs_unlock=False)
        self._unlocked = False
        self.closed = True


class FakeNotes:
    """The notes part: clients, visits and drafts, held in the owner's dicts."""

    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner

    def list_clients(self, filter_text: str = "") -> list[ClientSummary]:
        self._owner._enter("list_clients")
        needle = filter_text.casefold()
        return [
            ClientSummary(c.id, c.data.full_name, c.data.date_of_birth)
            for c in self._owner.clients.values()
            if needle in c.data.full_name.casefold()
        ]

    def get_client(self, client_id: UUID) -> Client:
        self._owner._enter("get_client")
        try:
            return self._owner.clients[client_id]
        except KeyError:
            raise NotFound("client not found") from None

    def create_client(self, data: ClientData) -> Client:
        self._owner._enter("create_client")
        client = Client(uuid.uuid4(), data.validated(), dt.datetime.now())
        self._owner.clients[client.id] = client
        return client

    def update_client(self, client_id: UUID, data: ClientData) -> Client:
        self._owner._enter("update_client")
        if client_id not in self._owner.clients:
            raise NotFound("client not found")
        client = Client(client_id, data.validated(), dt.datetime.now())
        self._owner.clients[client_id] = client
        return client

    def delete_client(self, client_id: UUID) -> None:
        self._owner._enter("delete_client")
        self._owner.clients.pop(client_id, None)

    def list_sessions(self, client_id: UUID) -> list[SessionSummary]:
        self._owner._enter("list_sessions")
        return [
            SessionSummary(s.id, s.client_id, s.data.date, headline(s.data.assessment))
            for s in self._owner.sessions.values()
            if s.client_id == client_id
        ]

    def get_session(self, session_id: UUID) -> Session:
        self._owner._enter("get_session")
        try:
            return self._owner.sessions[session_id]
        except KeyError:
            raise NotFound("session not found") from None

    def create_session(self, client_id: UUID, data: SessionData) -> Session:
        self._owner._enter("create_session")
        if client_id not in self._owner.clients:
            raise NotFound("client not found")
        session = Session(uuid.uuid4(), client_id, data.validated(), dt.datetime.now())
        self._owner.sessions[session.id] = session
        return session

    def update_session(self, session_id: UUID, data: SessionData) -> Session:
        self._owner._enter("update_session")
        old = self._owner.sessions.get(session_id)
        if old is None:
            raise NotFound("session not found")
        session = Session(session_id, old.client_id, data.validated(), dt.datetime.now())
        self._owner.sessions[session_id] = session
        return session

    def delete_session(self, session_id: UUID) -> None:
        self._owner._enter("delete_session")
        self._owner.sessions.pop(session_id, None)

    def save_draft(self, draft: Draft) -> None:
        # Like the real service: not activity, and refused only once the keys are gone.
        self._owner._enter("save_draft")
        draft.checked()
        self._owner.draft_store[draft.kind] = dataclasses.replace(draft, saved_at=dt.datetime.now())

    def drafts(self) -> list[Draft]:
        self._owner._enter("drafts")
        return [self._owner.draft_store[k] for k in sorted(self._owner.draft_store)]

    def discard_draft(self, kind: str) -> None:
        self._owner._enter("discard_draft")
        self._owner.draft_store.pop(kind, None)


class FakeSearch:
    """The search part: a chunk is one non-empty field; matching is by substring."""

    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner

    def index_status(self) -> IndexStatus:
        self._owner._enter("index_status")
        return self._owner._index()

    def index_now(
        self, progress: IndexProgress | None = None, cancel: CancelToken | None = None
    ) -> IndexStatus:
        self._owner._enter("index_now")
        status = self._owner._index()
        for current in range(status.current + 1, status.total + 1):
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            self._owner.index_ready = current
            if progress is not None:
                progress(IndexStatus(current, status.total, FAKE_MODEL_ID))
        self._owner.index_ready = None
        return self._owner._index()

    def watch_index(self, listener: IndexProgress | None) -> None:
        self._owner._enter("watch_index", needs_unlock=listener is not None)
        self._owner.index_listener = listener

    def embedder_advice(self) -> EmbedderAdvice | None:
        self._owner._enter("embedder_advice")
        return self._owner.advice

    def take_advice(self) -> str:
        self._owner._enter("use_advised_embedder")
        if self._owner.advice is None:
            raise ModelError("No other embedder is advised for this workspace's notes.")
        self._owner.advice_taken = (*self._owner.advice_taken, self._owner.advice.suggested)
        self._owner.advice = None
        return self._owner.advice_taken[-1]

    def decline_advice(self) -> None:
        self._owner._enter("decline_embedder_advice")
        self._owner.advice = None

    def query(self, query: SearchQuery) -> SearchResult:
        self._owner._enter("search")
        self._owner.last_query = query
        if self._owner.search_gate is not None and not self._owner.search_gate.wait(GATE_TIMEOUT_S):
            raise TimeoutError("search gate never opened")
        needle = query.text.strip().casefold()
        found: list[tuple[int, float, SearchHit]] = []  # (occurrences, timestamp, hit)
        for session in self._owner.sessions.values():
            day = session.data.date.date()
            if query.client_id not in (None, session.client_id):
                continue
            if (query.date_from and day < query.date_from) or (
                query.date_to and day > query.date_to
            ):
                continue
            client = self._owner.clients.get(session.client_id)
            for name in SESSION_FIELDS:
                text = getattr(session.data, name)
                hit = _match(query, needle, text, name, session.client_id, client, session)
                if hit is not None:
                    found.append((hit[0], session.data.date.timestamp(), hit[1]))
        # Client fields have no date, so a date filter leaves them out.
        if query.date_from is None and query.date_to is None:
            for client in self._owner.clients.values():
                if query.client_id not in (None, client.id):
                    continue
                for name in CLIENT_FIELDS:
                    text = getattr(client.data, name)
                    hit = _match(query, needle, text, name, client.id, client, None)
                    if hit is not None:
                        found.append((hit[0], float("-inf"), hit[1]))
        # Most occurrences first, then the newest session; client fields after sessions.
        found.sort(key=lambda f: (-f[0], -f[1]))
        hits = [
            dataclasses.replace(hit, rank=rank)
            for rank, (_, _, hit) in enumerate(found[: query.k], start=1)
        ]
        return SearchResult(hits, self._owner._index())


class FakeAssistant:
    """The assistant part: sources are the client's notes, newest first; cited ones are used."""

    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner

    def status(self) -> AssistantStatus:
        return AssistantStatus(False, Message("assistant.no_models_set_up"))

    def warm(self, on_progress: Callable[[float], None] | None = None) -> None:
        o = self._owner
        o.warm_done.clear()
        try:
            for i, share in enumerate(o.warm_shares):
                if i == len(o.warm_shares) - 1 and o.warm_gate is not None:
                    o.warm_gate.wait(10)
                if on_progress is not None:
                    on_progress(share)
            o.warmed += 1
        finally:
            o.warm_done.set()

    def ask(
        self,
        request: AskRequest,
        on_text: Callable[[str], None] | None = None,
        cancel: CancelToken | None = None,
        on_progress: Callable[[AskProgress], None] | None = None,
    ) -> AskResult:
        self._owner._enter("ask")
        self._owner.last_ask = request
        started = time.monotonic()
        sources = self._ask_sources(request.client_id)
        refused = self._owner.ask_refuse or not sources
        answer = REFUSAL if refused else self._owner.ask_answer
        written = answer if self._owner.ask_stream is None else self._owner.ask_stream
        if sources and on_progress is not None:
            on_progress(AskProgress("reading", tuple(sources)))
        if not refused and not request.extractive and not self._owner.warm_done.is_set():
            self._ask_pause(cancel, self._owner.warm_done)  # the model is still loading
        reading = self._owner.ask_reading if on_progress is not None else ()
        for i, share in enumerate(reading):
            last = i == len(reading) - 1
            self._ask_pause(cancel, self._owner.ask_reading_gate if last else None)
            assert on_progress is not None
            on_progress(AskProgress("reading", read=share))
        pieces = range(0, len(written), ASK_PIECE)
        for i, at in enumerate(pieces):
            self._ask_pause(cancel, self._owner.ask_gate if i == 1 else None)
            if on_text is not None:
                on_text(written[at : at + ASK_PIECE])
            if on_progress is not None:
                left = (len(pieces) - i - 1) * 0.5
                on_progress(AskProgress("writing", written=i + 1, limit=256, seconds_left=left))
        self._ask_pause(cancel, self._owner.ask_checking)
        cited = set() if refused else {int(n) for n in _MARKER.findall(answer)}
        sources = [
            dataclasses.replace(s, used=True, reason=_citing_sentence(answer, s.n), support=0.8)
            if s.n in cited
            else s
            for s in sources
        ]
        conversation_id, message_id = self._store(request, answer, sources, refused)
        total = (time.monotonic() - started) * 1000
        return AskResult(
            answer=answer,
            refused=refused,
            cache_hit=False,
            sources=sources,
            warnings=list(self._owner.ask_warnings),
            timings_ms={"embed": 1.0, "retrieve": 2.0, "generate": total - 3.0, "total": total},
            models={"embedder": FAKE_MODEL_ID, "generator": FAKE_GENERATOR_ID},
            conversation_id=conversation_id,
            message_id=message_id,
            answer_lines=(REFUSAL_MESSAGE,) if refused else (),
        )

    def _ask_pause(self, cancel: CancelToken | None, gate: threading.Event | None) -> None:
        """Sleep between pieces, waking at once on cancel and raising `Cancelled` as the
        real generator does (within 200 ms); then hold at `gate`, if any, until it opens."""
        token = cancel if cancel is not None else CancelToken()
        cancelled = token.wait(self._owner.ask_delay_s)
        if not cancelled and gate is not None:
            deadline = time.monotonic() + GATE_TIMEOUT_S
            while not gate.is_set() and not cancelled:
                if time.monotonic() > deadline:
                    raise TimeoutError("ask gate never opened")
                cancelled = token.wait(0.01)
        if cancelled:
            raise Cancelled()

    def _ask_sources(self, client_id: UUID | None) -> list[AskSource]:
        hits: list[SearchHit] = []
        sessions = sorted(
            (s for s in self._owner.sessions.values() if client_id in (None, s.client_id)),
            key=lambda s: s.data.date,
            reverse=True,
        )
        for session in sessions:
            client = self._owner.clients.get(session.client_id)
            for name in SESSION_FIELDS:
                text = getattr(session.data, name)
                if text:
                    hits.append(_hit(text, name, session.client_id, client, session))
        for client in self._owner.clients.values():
            if client_id in (None, client.id):
                for name in CLIENT_FIELDS:
                    text = getattr(client.data, name)
                    if text:
                        hits.append(_hit(text, name, client.id, client, None))
        return [AskSource.from_hit(n, hit) for n, hit in enumerate(hits[:ASK_SOURCES], 1)]

    def _store(
        self, request: AskRequest, answer: str, sources: list[AskSource], refused: bool
    ) -> tuple[UUID, UUID]:
        now = dt.datetime.now()
        with self._owner._mutex:
            found = (
                self._owner.stored.get(request.conversation_id) if request.conversation_id else None
            )
            if found is None:
                summary = ConversationSummary(
                    uuid.uuid4(), request.client_id, request.question[:80], now
                )
                found = self._owner.stored[summary.id] = (summary, [])
            messages = found[1]
            messages.append(StoredMessage(uuid.uuid4(), "user", request.question, now))
            lines = (REFUSAL_MESSAGE,) if refused else ()
            warnings: list[Message | str] = [*self._owner.ask_warnings]
            reply = StoredMessage(
                uuid.uuid4(), "assistant", answer, now, list(sources), warnings, refused, lines
            )
            messages.append(reply)
            return found[0].id, reply.id

    def conversations(self, client_id: UUID | None) -> list[ConversationSummary]:
        self._owner._enter("conversations")
        found = [c for c, _ in self._owner.stored.values() if client_id in (None, c.client_id)]
        return sorted(found, key=lambda c: c.created_at, reverse=True)

    def conversation(self, conversation_id: UUID) -> list[StoredMessage]:
        self._owner._enter("conversation")
        try:
            return list(self._owner.stored[conversation_id][1])
        except KeyError:
            raise NotFound("conversation not found") from None

    def metrics(self) -> dict[str, dict[str, float]]:
        self._owner._enter("assistant_metrics", needs_unlock=False)
        return {group: dict(values) for group, values in self._owner.metrics_value.items()}


class FakeKeys:
    """The keys part: practitioners and their passphrases in the owner's dict."""

    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner

    def enable_keyring(self) -> str:
        self._owner._enter("enable_keyring")
        self._owner._wait_gate()
        self._owner.keyring_secret = self._owner._passphrase
        return "fake keyring"

    def practitioners(self) -> list[str]:
        self._owner._enter("practitioners")
        return sorted(self._owner.practitioner_logins)

    def add_practitioner(self, username: str, display_name: str, passphrase: str) -> UUID:
        self._owner._enter("add_practitioner")
        self._owner._wait_gate()
        if username in self._owner.practitioner_logins:
            raise ValidationError("is already taken", field="username")
        if len(passphrase) < 8:
            raise ValidationError("must be at least 8 characters", field="passphrase")
        self._owner.practitioner_logins[username] = passphrase
        return uuid.uuid5(_CHUNK_NS, username)

    def remove_practitioner(self, username: str) -> None:
        self._owner._enter("remove_practitioner")
        if username not in self._owner.practitioner_logins:
            raise NotFound("No practitioner by that name in this workspace.")
        if username == self._owner.actor:
            raise ValidationError(
                "cannot remove the practitioner who is signed in", field="username"
            )
        del self._owner.practitioner_logins[username]

    def change_passphrase(
        self,
        new: str,
        *,
        current: str | None = None,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        self._owner._enter("change_passphrase")
        self._owner._wait_gate()
        who = username or self._owner.actor
        if recovery_key is not None:
            if recovery_key != self._owner.recovery_key:
                raise WrongPassphrase("The recovery key is not correct.")
        elif current != self._owner.practitioner_logins.get(who):
            raise WrongPassphrase("The passphrase is wrong.")
        self._owner.practitioner_logins[who] = new
        if who == self._owner.actor:
            self._owner._passphrase = new

    def new_recovery_key(self) -> str:
        self._owner._enter("new_recovery_key")
        self._owner.recovery_key = f"{self._owner.recovery_key}-X"
        return self._owner.recovery_key


class FakeBackups:
    """The backups part: writes a stand-in file, held at the owner's `backup_gate`."""

    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner

    def status(self) -> BackupStatus:
        self._owner._enter("backup_status", needs_unlock=False)
        return self._owner.backup_status_value

    def _halfway(self, progress: Progress | None, message: str, cancel: CancelToken | None) -> None:
        """Half done, then held at the gate; a cancel meanwhile stops the work there."""
        if progress is not None:
            progress(0.5, message)
        if self._owner.backup_gate is not None and not self._owner.backup_gate.wait(GATE_TIMEOUT_S):
            raise TimeoutError("backup gate never opened")
        if cancel is not None:
            cancel.raise_if_cancelled()

    def now(
        self,
        out: Path,
        passphrase: str,
        *,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupSummary:
        self._owner._enter("backup_now")
        if passphrase != self._owner._passphrase:
            raise WrongPassphrase("The passphrase is wrong.")
        if out.exists() and not overwrite:
            raise BackupError(f"{out} already exists", remediation="Choose another file name.")
        self._halfway(progress, "writing the backup", cancel)
        out.write_bytes(b"fake backup " * 100)
        if progress is not None:
            progress(1.0, "backup written")
        return BackupSummary(out, out.stat().st_size, "2026-01-05T08:30:00+00:00")

    def scheduled(
        self,
        passphrase: str | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> BackupSummary:
        self._owner._enter("run_scheduled_backup")
        folder = self._owner.backup_status_value.folder
        assert folder is not None
        out = scheduled_path(folder, dt.datetime.now(dt.UTC))
        # Sealed under the unlocked key when no passphrase is given, as the service does.
        made = self.now(
            out, passphrase or self._owner._passphrase or "", progress=progress, cancel=cancel
        )
        return BackupSummary(made.path, made.size, made.created_at, (folder / "old",))

    def restore_copy(
        self,
        source: Path,
        target_dir: Path,
        passphrase: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> RestoreSummary:
        self._owner._enter("restore_copy", needs_unlock=False)
        if not source.is_file():
            raise BackupError(f"cannot read {source}", remediation="Choose another file.")
        if target_dir.exists() and any(target_dir.iterdir()):
            raise BackupError(f"cannot restore into {target_dir}: it is not an empty folder")
        if passphrase != self._owner._passphrase:
            raise WrongPassphrase("The passphrase is wrong.")
        self._halfway(progress, "restoring", cancel)
        target_dir.mkdir(parents=True, exist_ok=True)
        (target_dir / "restored").write_text("fake")
        return RestoreSummary(target_dir, "2026-01-05T08:30:00+00:00", {"clients": 0})


class FakeHealth:
    """The health part: one passing check."""

    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner

    def doctor(self) -> list[HealthCheck]:
        self._owner._enter("doctor", needs_unlock=False)
        return [HealthCheck("fake", True, "in-memory")]


class FakeDictation:
    """The dictation part: no speech model and no microphone unless the test gives them
    (`transcriber`, `source`); a take is then core's real `Recording` over them."""

    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner
        self.transcriber: Transcriber | None = None
        self.source: Callable[[], AudioSource] | None = None
        self.kept: dict[UUID, tuple[KeptRecording, PcmAudio]] = {}

    @property
    def languages(self) -> tuple[str, ...]:
        return () if self.transcriber is None else self.transcriber.languages

    def record(self, client_id: UUID | None = None, language: str = "en") -> Recording:
        self._owner._enter("dictation.record")
        if self.transcriber is None or self.source is None:
            raise DictationUnavailable("No speech model is installed.")
        return Recording(self.source(), self.transcriber, language=language)

    def draft(self, transcript: Transcript) -> SoapDraft:
        return draft_soap(transcript)  # the rules: the fake has no local model

    def keep(self, session_id: UUID, audio: PcmAudio) -> KeptRecording:
        self._owner._enter("dictation.keep")
        kept = KeptRecording(
            uuid.uuid4(), session_id, audio.duration_s, audio.sample_rate,
            len(audio.samples) + 44, "audio/wav", dt.datetime.now(dt.UTC),
        )  # fmt: skip
        self.kept[kept.id] = (kept, audio)
        return kept

    def recordings(self, session_id: UUID) -> list[KeptRecording]:
        self._owner._enter("dictation.recordings")
        return [k for k, _ in self.kept.values() if k.session_id == session_id]

    def recording_file(self, recording_id: UUID, purpose: Literal["play", "export"]) -> bytes:
        self._owner._enter(f"dictation.recording_file.{purpose}")
        return self.kept[recording_id][1].samples

    def delete_recording(self, recording_id: UUID) -> None:
        self._owner._enter("dictation.delete_recording")
        del self.kept[recording_id]


class FakeTimeline:
    """The timeline part: canned facts and briefs by client, which the test sets. Calls are
    recorded in the owner's `calls` ("timeline.facts", "timeline.brief") and fail through
    its `fail_next`, like every other call of the fake."""

    def __init__(self, owner: FakeChartsideApi) -> None:
        self._owner = owner
        self.facts_by_client: dict[UUID, list[TimelineFact]] = {}
        self.briefs: dict[UUID, Brief] = {}
        # When set, brief() waits for it: a test sees the box while it is being read.
        self.brief_gate: threading.Event | None = None

    def facts(
        self, client_id: UUID, kind: Kind | None = None, name: str | None = None
    ) -> list[TimelineFact]:
        self._owner._enter("timeline.facts")
        wanted = name.casefold() if name is not None else None
        found = [
            f
            for f in self.facts_by_client.get(client_id, [])
            if (kind is None or f.fact.kind == kind)
            and (wanted is None or f.fact.name.casefold() == wanted)
        ]
        # Oldest visit first, as the port promises; the client's record has no date.
        return sorted(found, key=lambda f: f.session_date or dt.datetime.min)

    def brief(self, client_id: UUID) -> Brief:
        self._owner._enter("timeline.brief")
        if self.brief_gate is not None and not self.brief_gate.wait(GATE_TIMEOUT_S):
            raise TimeoutError("test gate never opened")
        return self.briefs.get(client_id, Brief(client_id, None, None, []))

    def referral_summary(
        self,
        client_id: UUID,
        render: Callable[[BriefLine], str] = render_en,
        words: SummaryWords = ENGLISH,
    ) -> str:
        """The real core rendering over the canned brief (it is pure), as the service
        would return it."""
        self._owner._enter("timeline.referral_summary")
        brief = self.briefs.get(client_id, Brief(client_id, None, None, []))
        return referral_summary(brief, self._owner.notes.get_client(client_id).data.full_name,
                                render, words)  # fmt: skip


def _match(
    query: SearchQuery,
    needle: str,
    text: str,
    name: str,
    client_id: UUID,
    client: Client | None,
    session: Session | None,
) -> tuple[int, SearchHit] | None:
    """(occurrences, hit) when `needle` is in `text`; rank is filled in after sorting."""
    if not needle or (query.fields and name not in query.fields):
        return None
    folded = text.casefold()
    at = folded.find(needle)
    if at < 0:
        return None
    count = folded.count(needle)
    whole = _hit(text, name, client_id, client, session)
    snippet = _snippet(text, at, at + len(needle))
    return count, dataclasses.replace(whole, score=count / (count + 1), snippet=snippet)


def _hit(
    text: str, name: str, client_id: UUID, client: Client | None, session: Session | None
) -> SearchHit:
    """A whole field as a retrieved source (the fake's chunks are whole fields)."""
    record_id = session.id if session is not None else client_id
    return SearchHit(
        rank=0,
        score=0.5,
        type="session" if session is not None else "client",
        chunk_id=uuid.uuid5(_CHUNK_NS, f"{record_id}:{name}"),
        client_id=client_id,
        client_external_id=client.data.external_id if client is not None else None,
        session_id=session.id if session is not None else None,
        session_external_id=session.data.external_id if session is not None else None,
        session_date=session.data.date if session is not None else None,
        field=name,
        snippet=_snippet(text, 0, min(len(text), SNIPPET_CONTEXT)),
        text=text,
    )


def _citing_sentence(answer: str, n: int) -> str:
    for sentence in re.split(r"(?<=[.!?])\s+", answer):
        if f"[{n}]" in sentence:
            return _MARKER.sub("", sentence).strip()
    return ""


def _snippet(text: str, start: int, end: int) -> str:
    """The match with some context, cut at word boundaries and marked "…" where cut, as
    core/retrieval/search.py does; whitespace is folded too, which the real one does not,
    so the GUI's lenient locating of a snippet in its field is exercised."""
    if len(text) <= 2 * SNIPPET_CONTEXT + (end - start):
        return re.sub(r"\s+", " ", text).strip()  # short fields come whole, as in the service
    lo = max(0, start - SNIPPET_CONTEXT)
    hi = min(len(text), end + SNIPPET_CONTEXT)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    body = re.sub(r"\s+", " ", text[lo:hi]).strip()
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


class FakeModelsPart:
    """An in-memory ModelsPart for walking the models screen (accessibility, Hebrew): two
    embedders and two generators, one of each in use. The real registry is tested in
    tests/ui/test_gui_models.py."""

    def __init__(self) -> None:
        def info(kind: str, name: str, active: bool, why: str | None = None) -> ModelInfo:
            digest = hashlib.sha256(name.encode()).hexdigest()
            return ModelInfo(
                kind=kind, name=name, model_id=f"{name}@{digest[:12]}",
                path=f"/fake/models/{name}", size=100 * 2**20, sha256=digest,
                source="package:fake", ram_bytes=300 * 2**20, available_ram=8 * 2**30,
                fits_ram=True, active=active, present=True, why=why,
            )  # fmt: skip

        self.models = [
            info("embedder", "all-MiniLM-L6-v2", True, "the packaged default"),
            info("embedder", "multilingual-e5-small", False),
            info("generator", "Qwen2.5-Coder-1.5B-Instruct", True, "fits in RAM"),
            info("generator", "SmolLM2-135M-Instruct", False),
        ]
        self.generator_locked = False  # what the system policy says; a test may fix it

    def list_models(self, progress: Progress | None = None) -> list[ModelInfo]:
        return list(self.models)

    def verify_models(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        if progress is not None:
            progress(1.0, "checked")
        return [dataclasses.replace(m, checksum_ok=True) for m in self.models]

    def use_model(
        self,
        kind: str,
        path: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ModelInfo:
        self.models = [
            dataclasses.replace(m, active=m.path == path) if m.kind == kind else m
            for m in self.models
        ]
        return next(m for m in self.models if m.path == path)

    def add_model(
        self,
        kind: str,
        path: Path,
        sha256: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ModelInfo:
        raise ModelError("The fake registers nothing.")
