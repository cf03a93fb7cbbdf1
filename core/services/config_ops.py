"""The config part: config.toml and the system policy, read through core.settings, so that
the window shows what the policy locks without reading the policy file itself."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core import settings
from core.messages import Message


class ConfigService:
    """Stateless: each call reads the files as they are now (core.settings finds them)."""

    @property
    def config_file(self) -> Path:
        return settings.user_config_file()

    @property
    def policy_file(self) -> Path:
        return settings.policy_file()

    def current(self) -> settings.Settings:
        return settings.load_settings()

    def locked(self) -> set[str]:
        return settings.locked_keys()

    def source(self, key: str) -> Message:
        return settings.source_of(key)

    def write(self, changes: Mapping[str, Any]) -> Path:
        return settings.write_user_config(changes)
