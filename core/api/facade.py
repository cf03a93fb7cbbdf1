"""`ChartsideApi`: the session's lifecycle, and the parts it hands out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from core.api.assistant import AssistantPart
from core.api.backups import BackupsPart
from core.api.config import ConfigPart
from core.api.dictation import DictationPart
from core.api.documents import DocumentsPart
from core.api.health import HealthPart
from core.api.keys import KeysPart
from core.api.models import ModelsPart
from core.api.notes import NotesPart
from core.api.search import SearchPart
from core.api.timeline import TimelinePart
from core.settings import Settings


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
    def models(self) -> ModelsPart | None:
        """The local models: installed, in use, and whether the policy fixes the generator.
        None where the service was built without a model registry (core's own tests, the
        benchmarks): a window then has no models screen."""
        ...

    @property
    def config(self) -> ConfigPart:
        """config.toml and what the policy locks, for the settings screen."""
        ...

    @property
    def timeline(self) -> TimelinePart:
        """The timeline part: facts, the flowsheet's data and the brief."""
        ...

    @property
    def documents(self) -> DocumentsPart:
        """The documents part: attach, read in the background, list, view, delete."""
        ...

    @property
    def dictation(self) -> DictationPart:
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
