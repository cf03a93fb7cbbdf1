"""A `keyring` backend made for tests: it keeps its secrets in the JSON file named by
CHARTSIDE_TEST_KEYRING, so separate CLI processes share one keyring. Selected with
PYTHON_KEYRING_BACKEND=tests.keyring_backend.TestKeyring. Never for real secrets."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class TestKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["CHARTSIDE_TEST_KEYRING"])

    def _read(self) -> dict[str, str]:
        try:
            return json.loads(self._path.read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}/{username}"] = password
        self._path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        data.pop(f"{service}/{username}", None)
        self._path.write_text(json.dumps(data))
