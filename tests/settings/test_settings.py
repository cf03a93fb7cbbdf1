"""Layered settings: defaults < config.toml < CHARTSIDE_* < policy (locked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ConfigError
from core.settings import default_data_dir, load_settings, locked_keys


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    config, policy = tmp_path / "config.toml", tmp_path / "policy.toml"
    monkeypatch.setenv("CHARTSIDE_CONFIG_FILE", str(config))
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(policy))
    return config, policy


def test_defaults(files: tuple[Path, Path]) -> None:
    s = load_settings()
    assert s.data_dir == default_data_dir()
    assert s.data_dir.name == "Chartside"
    assert s.embedded and s.database.url is None
    assert (s.crypto.argon2_memory_kib, s.crypto.argon2_iterations) == (65536, 3)
    assert locked_keys() == set()


def test_each_layer_overrides_the_one_below(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config, policy = files
    config.write_text(
        'log_level = "DEBUG"\n[ui]\nlanguage = "he"\n[crypto]\nargon2_iterations = 4\n'
    )
    s = load_settings()
    assert (s.log_level, s.ui.language, s.crypto.argon2_iterations) == ("DEBUG", "he", 4)

    monkeypatch.setenv("CHARTSIDE_LOG_LEVEL", "ERROR")
    monkeypatch.setenv("CHARTSIDE_CRYPTO__ARGON2_ITERATIONS", "5")
    s = load_settings()
    assert (s.log_level, s.ui.language, s.crypto.argon2_iterations) == ("ERROR", "he", 5)

    policy.write_text("[crypto]\nargon2_iterations = 6\n")
    s = load_settings(crypto={"argon2_iterations": 9})  # even an explicit flag loses to policy
    assert s.crypto.argon2_iterations == 6
    assert s.log_level == "ERROR"
    assert locked_keys() == {"crypto.argon2_iterations"}

    monkeypatch.setenv("CHARTSIDE_DATA_DIR", str(tmp_path / "env-dir"))
    assert load_settings().data_dir == tmp_path / "env-dir"
    assert load_settings(data_dir=tmp_path / "flag").data_dir == tmp_path / "flag"


def test_invalid_value_names_key_value_and_fix(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHARTSIDE_CRYPTO__ARGON2_MEMORY_KIB", "1024")
    with pytest.raises(ConfigError) as err:
        load_settings()
    msg = str(err.value)
    assert "crypto.argon2_memory_kib='1024'" in msg
    assert "at least 19456" in msg
    assert "CHARTSIDE_CRYPTO__ARGON2_MEMORY_KIB" in msg


def test_unknown_key_and_bad_toml_are_clear(files: tuple[Path, Path]) -> None:
    config, policy = files
    config.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="colour"):
        load_settings()
    config.write_text("")
    policy.write_text("this is [not toml\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings()


def test_database_url_is_never_echoed(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHARTSIDE_DATABASE__CONNECT_TIMEOUT_S", "0")
    monkeypatch.setenv("CHARTSIDE_DATABASE__URL", "postgresql://u:s3cret@db/chartside")
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "s3cret" not in str(err.value)
    assert "database.connect_timeout_s" in str(err.value)


def test_shipped_policy_template_is_valid(files: tuple[Path, Path]) -> None:
    _, policy = files
    template = Path(__file__).resolve().parents[2] / "packaging" / "policy.example.toml"
    policy.write_text(template.read_text())
    s = load_settings(crypto={"argon2_memory_kib": 10**6})
    assert s.crypto.argon2_memory_kib == 65536  # the policy wins over an explicit value
    assert s.security.auto_lock_minutes == 10
    assert locked_keys() >= {
        "crypto.argon2_memory_kib",
        "crypto.argon2_iterations",
        "crypto.argon2_lanes",
        "security.auto_lock_minutes",
        "security.export_allowed",
        "security.keyring_allowed",
        "models.default_generator",
        "backup.every_hours",
        "backup.folder",
    }
