"""What the service's parts (`NotesOps`, `KeyOps`, `SearchOps`, `AskOps`) use of one
another and of `ChartsideService`, declared once so each part is type-checked against it.
`ChartsideService` provides every member; these bodies never run (it comes first in the
method order)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Connection

from core.autolock import IdleTimer
from core.crypto import CellCipher
from core.db.engine import Database
from core.keys import KeyManager, WorkspaceKeys
from core.ports import Embedder
from core.retrieval.chunks import Chunker
from core.retrieval.lexical import LexicalCache
from core.settings import Settings
from core.store import Store

T = TypeVar("T")


class ServiceBase:
    settings: Settings
    store: Store
    keys: KeyManager
    idle: IdleTimer
    actor: str
    practitioner_id: UUID | None
    embedder: Embedder | None
    chunker: Chunker
    lexical: LexicalCache
    _lock: threading.RLock

    @property
    def db(self) -> Database:
        raise NotImplementedError

    def cipher(self) -> CellCipher:
        raise NotImplementedError

    def require_active(self) -> None:
        raise NotImplementedError

    def require_workspace(self) -> UUID:
        raise NotImplementedError

    def run(
        self,
        fn: Callable[[Connection, CellCipher], T],
        action: str | None = None,
        target: Callable[[T], Any] | UUID | None = None,
        details: Callable[[T], dict[str, Any]] | None = None,
    ) -> T:
        raise NotImplementedError

    def _run_unchecked(
        self,
        fn: Callable[[Connection, CellCipher], T],
        action: str | None,
        target: Callable[[T], Any] | UUID | None,
        details: Callable[[T], dict[str, Any]] | None,
    ) -> T:
        raise NotImplementedError

    def unlock(
        self,
        passphrase: str | None = None,
        *,
        recovery_key: str | None = None,
        username: str | None = None,
    ) -> None:
        raise NotImplementedError

    def _first_workspace(self) -> UUID:
        raise NotImplementedError

    def _unlocked(self, ws: UUID, keys: WorkspaceKeys, action: str) -> None:
        raise NotImplementedError

    def record_ai_query(
        self, query: str, retrieved: list[str], cited: list[str], timings_ms: dict[str, int]
    ) -> None:
        raise NotImplementedError
