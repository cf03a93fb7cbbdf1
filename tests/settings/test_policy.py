"""A clinic's /etc/chartside/policy.toml (issue 15, point 3): it locks any setting, beats
config.toml and the environment, turns export and the keyring off, `policy show` says what
is locked and where, and a malformed policy stops start-up naming file, key and line.
Through the real entry point, as an installed app runs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import default_policy_file
from tests.cli.test_cli import cli, ok

POLICY = (Path(__file__).parents[2] / "packaging/testdata/policy-locked.toml").read_text()


@pytest.fixture
def policy() -> Iterator[Path]:
    path = Path(os.environ["CHARTSIDE_POLICY_FILE"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(POLICY)
    yield path
    path.unlink()


def _shown(data_dir: Path) -> dict[str, dict[str, object]]:
    return {row["key"]: row for row in ok(cli(data_dir, "policy", "show"))["settings"]}


def test_policy_show_names_every_locked_key_its_file_and_line(
    policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Path(os.environ["CHARTSIDE_CONFIG_FILE"])
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[security]\nauto_lock_minutes = 25\n\n[backup]\nkeep = 3\n")
    monkeypatch.setenv("CHARTSIDE_MODELS__DEFAULT_GENERATOR", "qwen")  # the policy wins
    try:
        shown = _shown(tmp_path / "d")
    finally:
        config.unlink()
    lines = {"security.auto_lock_minutes": 3, "security.export_allowed": 4,
             "security.keyring_allowed": 5, "models.default_generator": 8,
             "backup.every_hours": 11, "backup.folder": 12}  # fmt: skip
    for key, line in lines.items():
        assert shown[key]["locked"] is True, key
        assert shown[key]["source"] == f"in the policy file {policy}, line {line}", key
    assert shown["security.auto_lock_minutes"]["value"] == 5
    assert shown["models.default_generator"]["value"] == "instruct"
    assert shown["security.export_allowed"]["value"] is False
    assert shown["backup.keep"] == {
        "key": "backup.keep", "value": 3, "locked": False,
        "source": f"in config.toml {config}, line 5",
    }  # fmt: skip
    assert shown["data_dir"]["source"] == "from --data-dir"
    assert shown["assistant.sources"]["source"] == "by default"


def test_a_policy_without_export_refuses_it_and_writes_nothing(
    policy: Path, tmp_path: Path
) -> None:
    d, out = tmp_path / "d", tmp_path / "notes.json"
    ok(cli(d, "init"))
    res = cli(d, "export", "--out", str(out))
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "Exporting notes is turned off" in lines[0]
    assert f"{policy}, line 4" in lines[0]
    assert json.loads(res.stdout)["error"] == "PolicyForbids"
    assert not out.exists()


def test_a_policy_without_the_keyring_refuses_to_set_it_up(
    policy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.TestKeyring")
    monkeypatch.setenv("CHARTSIDE_TEST_KEYRING", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[2]))  # the backend
    d = tmp_path / "d"
    ok(cli(d, "init"))
    res = cli(d, "keys", "keyring-enable")
    assert res.returncode != 0
    assert "The OS keyring is turned off" in res.stderr
    assert not (tmp_path / "keyring.json").exists()  # nothing was stored in it


def test_a_locked_generator_is_the_one_in_use_even_where_another_was_chosen(
    tmp_path: Path,
) -> None:
    """The desktop chose Qwen (the app's own choice) before the policy came; under a
    policy locking "instruct", SmolLM2 is in use and saying why, and choosing another is
    refused, from the CLI and from the models screen's API."""
    from app.models_api import RegistryModelsPart
    from app.policy_models import enforce_locked_generator
    from core.errors import PolicyForbids
    from core.settings import load_settings

    d = tmp_path / "d"
    rows = ok(cli(d, "models", "list", passphrase=None))["models"]
    qwen = next(r for r in rows if r["kind"] == "generator" and r["active"])
    assert qwen["name"] == "Qwen2.5-Coder-1.5B-Instruct"
    path = Path(os.environ["CHARTSIDE_POLICY_FILE"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(POLICY)
    try:
        rows = ok(cli(d, "models", "list", passphrase=None))["models"]
        (active,) = [r for r in rows if r["kind"] == "generator" and r["active"]]
        assert active["name"] == "SmolLM2-135M-Instruct"
        assert (
            active["why"] == f"locked by models.default_generator in the policy file {path}, line 8"
        )
        res = cli(d, "models", "use-generator", qwen["path"], passphrase=None)
        assert res.returncode != 0 and json.loads(res.stdout)["error"] == "PolicyForbids"
        (line,) = res.stderr.strip().splitlines()
        assert 'Choosing the generator is turned off: models.default_generator = "instruct"' in line
        assert f"{path}, line 8" in line
        settings = load_settings(data_dir=d)
        with pytest.raises(PolicyForbids):
            RegistryModelsPart(settings).use_model("generator", qwen["path"])
        enforce_locked_generator(settings)  # again: nothing left to change
        rows = ok(cli(d, "models", "list", passphrase=None))["models"]
        assert [r["name"] for r in rows if r["kind"] == "generator" and r["active"]] == [
            "SmolLM2-135M-Instruct"
        ]
    finally:
        path.unlink()
    # Without the policy the lock is gone, and the clinician may choose again.
    assert ok(cli(d, "models", "use-generator", qwen["path"], passphrase=None))["active"]


def test_the_models_part_says_whether_the_policy_fixes_the_generator(
    policy: Path, tmp_path: Path
) -> None:
    """`ModelsPart.generator_locked`, which the models screen reads instead of the policy
    file: True under a policy that locks it, False once that policy is gone or where it
    cannot be read (start-up reports that)."""
    from app.models_api import RegistryModelsPart
    from core.settings import load_settings

    models = RegistryModelsPart(load_settings(data_dir=tmp_path / "d"))
    assert models.generator_locked is True
    policy.write_text("[security]\nauto_lock_minutes = 5\n")
    assert models.generator_locked is False
    policy.write_text("[security\n")
    assert models.generator_locked is False


@pytest.mark.parametrize(
    ("text", "named", "line"),
    [
        ("[security\nauto_lock_minutes = 5\n", "not valid TOML", "line 1"),
        ("[security]\nauto_lock_minutes = 90\n", "security.auto_lock_minutes=90", "line 2"),
        ("[security]\n\nauto_lok_minutes = 5\n", "security.auto_lok_minutes=5", "line 3"),
        ("[backup]\nevery_hours = 'daily'\n", "backup.every_hours='daily'", "line 2"),
    ],
    ids=["syntax", "out-of-range", "misspelt-key", "wrong-type"],
)
def test_a_malformed_policy_stops_start_up_naming_file_key_and_line(
    policy: Path, tmp_path: Path, text: str, named: str, line: str
) -> None:
    policy.write_text(text)
    res = cli(tmp_path / "d", "init")
    assert res.returncode != 0
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr  # one line, no traceback
    assert str(policy) in lines[0] and named in lines[0] and line in lines[0]
    # The clinician cannot edit the policy; a remedy must not tell them to.
    assert "Ask the administrator" in lines[0] and "config.toml" not in lines[0]
    assert not (tmp_path / "d" / "pg").exists()  # nothing started on defaults


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", Path("/etc/chartside/policy.toml")),
        ("win32", Path("D:/IT/ProgramData/Chartside/policy.toml")),
        ("darwin", Path("/Library/Application Support/Chartside/policy.toml")),
    ],
)
def test_each_system_reads_the_policy_where_its_installer_puts_it(
    monkeypatch: pytest.MonkeyPatch, platform: str, expected: Path
) -> None:
    # The MSI installs %ProgramData%\Chartside\policy.toml (packaging/windows/chartside.wxs).
    monkeypatch.setenv("PROGRAMDATA", "D:/IT/ProgramData")
    assert default_policy_file(platform) == expected
