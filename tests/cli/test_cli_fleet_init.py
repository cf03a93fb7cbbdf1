"""Silent set-up for fleets (issue 15, point 4): `init --non-interactive` takes the
passphrase from the environment, never prompts, and writes the recovery key to a new file
of mode 0600 instead of printing it; that key then opens the data. Real entry point."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.cli.test_cli import cli, ok


def test_non_interactive_init_writes_the_recovery_key_to_a_private_file(tmp_path: Path) -> None:
    d, key_file = tmp_path / "d", tmp_path / "recovery.txt"
    res = cli(d, "init", "--non-interactive", "--recovery-key-file", str(key_file))
    out = ok(res)
    key = key_file.read_text().strip()
    assert out["recovery_key_file"] == str(key_file) and "recovery_key" not in out
    assert key and key not in res.stdout and key not in res.stderr
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    # The written key is the real one: it sets a new passphrase without the old one.
    reset = cli(d, "--passphrase-stdin", "keys", "reset-passphrase", passphrase=None,
                stdin=f"{key}\nanother passphrase 123\nanother passphrase 123\n")  # fmt: skip
    assert reset.returncode == 0, reset.stderr


def test_non_interactive_init_without_a_passphrase_fails_before_creating_anything(
    tmp_path: Path,
) -> None:
    d, key_file = tmp_path / "d", tmp_path / "recovery.txt"
    res = cli(d, "init", "--non-interactive", "--recovery-key-file", str(key_file),
              passphrase=None)  # fmt: skip
    assert res.returncode != 0 and len(res.stderr.strip().splitlines()) == 1
    assert "CHARTSIDE_PASSPHRASE" in res.stderr
    assert not key_file.exists() and not (d / "pg").exists()


def test_an_existing_key_file_is_never_overwritten(tmp_path: Path) -> None:
    d, key_file = tmp_path / "d", tmp_path / "recovery.txt"
    key_file.write_text("someone else's file\n")
    res = cli(d, "init", "--non-interactive", "--recovery-key-file", str(key_file))
    assert res.returncode != 0 and len(res.stderr.strip().splitlines()) == 1
    assert str(key_file) in res.stderr
    assert key_file.read_text() == "someone else's file\n"
    assert not (d / "pg").exists()  # nothing initialised whose key would be lost


def test_non_interactive_needs_a_key_file(tmp_path: Path) -> None:
    res = cli(tmp_path / "d", "init", "--non-interactive")
    assert res.returncode != 0 and "--recovery-key-file" in res.stderr
    assert not (tmp_path / "d" / "pg").exists()
