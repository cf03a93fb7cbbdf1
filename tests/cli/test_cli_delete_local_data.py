"""`chartside delete-local-data` (issue 15, point 2): with the data dir's path typed back,
it stops the embedded database and removes the data dir and the OS keyring entry; anything
else typed deletes nothing. Real entry point, a keyring backend made for tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import cli, ok
from tests.crash_worker import stop_orphan_postgres


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.TestKeyring")
    monkeypatch.setenv("CHARTSIDE_TEST_KEYRING", str(path))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[2]))  # the backend
    return path


def _server_running(data_dir: Path) -> bool:
    """A postgres process serving `data_dir/pg`, found by its command line (the pid file
    goes with the folder)."""
    target = str(data_dir / "pg")
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(a.decode(errors="replace") == target for a in argv) and b"postgres" in argv[0]:
            return True
    return False


def test_typed_path_deletes_the_data_dir_and_the_keyring_entry(
    tmp_path: Path, keyring_file: Path
) -> None:
    d = tmp_path / "d"
    ok(cli(d, "init"))
    ok(cli(d, "keys", "keyring-enable"))
    assert json.loads(keyring_file.read_text())  # an entry exists

    wrong = cli(d, "delete-local-data", "--confirm", str(tmp_path / "other"), passphrase=None)
    assert wrong.returncode != 0 and len(wrong.stderr.strip().splitlines()) == 1
    assert d.exists() and json.loads(keyring_file.read_text())

    try:
        out = ok(cli(d, "delete-local-data", "--confirm", str(d), passphrase=None))
        assert out == {"deleted": str(d)}
        assert not d.exists()
        assert json.loads(keyring_file.read_text()) == {}
        assert not _server_running(d)
    finally:
        if d.exists():
            stop_orphan_postgres(d / "pg")


def test_nothing_is_deleted_without_a_typed_confirmation(tmp_path: Path) -> None:
    d = tmp_path / "d"
    ok(cli(d, "init"))
    res = cli(d, "delete-local-data", passphrase=None)  # no terminal, no --confirm
    assert res.returncode != 0 and "not deleted" in res.stderr
    assert (d / "pg").is_dir() and not _server_running(d)
