"""The config part's Protocol (`ChartsideApi.config`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from core.messages import Message
from core.settings import Settings


class ConfigPart(Protocol):
    """config.toml and the system policy, as the settings screen shows them: what Chartside
    would start with now, which keys the policy fixes and where each value comes from. The
    window learns the policy here and never reads its file. Reads and writes those two
    small files only: touches no notes and needs no unlock."""

    @property
    def config_file(self) -> Path:
        """The user's config.toml, where `write` saves."""
        ...

    @property
    def policy_file(self) -> Path:
        """The system policy file, named where it locks a key."""
        ...

    def current(self) -> Settings:
        """The settings Chartside would start with now (the files may have changed since
        this process started). Raises `ConfigError` where start-up would refuse them."""
        ...

    def locked(self) -> set[str]:
        """The dotted keys the policy fixes, e.g. {"security.auto_lock_minutes"}; a policy
        file that cannot be read raises `ConfigError`."""
        ...

    def source(self, key: str) -> Message:
        """Where `key` gets its value: the policy file or config.toml and its line, an
        environment variable, or the default."""
        ...

    def write(self, changes: Mapping[str, Any]) -> Path:
        """Set each dotted key of `changes` (None removes it) in config.toml, checked as
        start-up checks it (`ConfigError`, nothing written); a key the policy locks is
        refused (`PolicyForbids`). Returns the file written."""
        ...
