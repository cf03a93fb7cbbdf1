"""Issue 14: `keys passphrase-disable` promises that the OS keyring unlocks, and the CLI
now does unlock with it, end to end through the entry point with a keyring backend made
for tests (tests/keyring_backend.py, shared by the separate CLI processes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import cli, ok

ROOT = Path(__file__).resolve().parents[2]


def test_after_passphrase_disable_the_keyring_unlocks_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "keyring.json"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.TestKeyring")
    monkeypatch.setenv("CHARTSIDE_TEST_KEYRING", str(store))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    d = tmp_path / "data"
    ok(cli(d, "init"))
    assert ok(cli(d, "keys", "keyring-enable"))["keyring"] == "tests.keyring_backend.TestKeyring"
    ok(cli(d, "keys", "passphrase-disable"))

    status = ok(cli(d, "keys", "status", passphrase=None))  # nothing typed: the keyring
    assert "keyring" in status["sources"] and "passphrase" not in status["sources"]
    assert cli(d, "keys", "status").returncode == 1  # the passphrase really is off

    store.unlink()  # the keyring was reset
    lost = cli(d, "keys", "status", passphrase=None)
    assert lost.returncode == 1
    assert "no longer in the OS keyring" in lost.stderr
    assert "recovery key" in json.loads(lost.stdout.strip().splitlines()[-1])["remediation"]
