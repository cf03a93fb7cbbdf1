"""`chartside keys …` through the entry point."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import cli, ok
from tests.conftest import PASSPHRASE


def test_keys_commands(tmp_path: Path, monkeypatch) -> None:
    d = tmp_path / "data"
    recovery = ok(cli(d, "init"))["recovery_key"]
    status = ok(cli(d, "keys", "status"))
    assert status["sources"] == ["passphrase", "recovery"]
    assert status["data_key_version"] == 1 and status["reencrypt_pending"] == 0
    assert status["keyring"]["usable"] is False  # CI has no secure keyring: said, not hidden

    assert ok(cli(d, "keys", "rotate"))["data_key_version"] == 2
    assert ok(cli(d, "keys", "status"))["reencrypt_pending"] == 0

    monkeypatch.setenv("CHARTSIDE_NEW_PASSPHRASE", "second passphrase here")
    ok(cli(d, "keys", "change-passphrase"))
    assert cli(d, "keys", "status").returncode == 1  # the old passphrase no longer opens it
    ok(cli(d, "keys", "status", passphrase="second passphrase here"))

    monkeypatch.setenv("CHARTSIDE_RECOVERY_KEY", recovery)
    monkeypatch.setenv("CHARTSIDE_NEW_PASSPHRASE", PASSPHRASE)
    ok(cli(d, "keys", "reset-passphrase", passphrase=None))
    ok(cli(d, "keys", "status"))

    refused = cli(d, "keys", "keyring-enable")
    assert refused.returncode == 1 and "keyring cannot be used" in refused.stderr
