"""Writing config.toml (the settings screen): checked as start-up checks it, before a byte is
written; written whole or not at all; comments kept; policy keys refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.errors import ConfigError, PolicyForbids
from core.settings import check_user_config, edit_user_config, load_settings, write_user_config

CONFIG = '# chosen by me\nlog_level = "DEBUG"  # while testing\n\n[assistant]\nsources = 4\n'


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    config, policy = tmp_path / "conf" / "config.toml", tmp_path / "policy.toml"
    monkeypatch.setenv("CHARTSIDE_CONFIG_FILE", str(config))
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(policy))
    return config, policy


def test_a_new_file_is_private_and_read_back(files: tuple[Path, Path], tmp_path: Path) -> None:
    config, _ = files
    folder = tmp_path / "backups"
    assert write_user_config({"backup.folder": folder, "security.auto_lock_minutes": 7}) == config
    assert config.stat().st_mode & 0o777 == 0o600  # may come to hold a database password
    s = load_settings()
    assert (s.backup.folder, s.security.auto_lock_minutes) == (folder, 7)


def test_edits_keep_comments_and_none_removes_a_key(files: tuple[Path, Path]) -> None:
    config, _ = files
    config.parent.mkdir()
    config.write_text(CONFIG)
    write_user_config({"assistant.sources": 9, "log_level": None, "ui.language": "he"})
    text = config.read_text()
    assert "# chosen by me" in text and "log_level" not in text
    assert text.index("[assistant]") < text.index("[ui]")
    s = load_settings()
    assert (s.log_level, s.assistant.sources, s.ui.language) == ("INFO", 9, "he")


def test_a_value_start_up_refuses_is_refused_with_its_message_and_nothing_written(
    files: tuple[Path, Path],
) -> None:
    config, _ = files
    config.parent.mkdir()
    config.write_text(CONFIG)
    with pytest.raises(ConfigError) as refused:
        write_user_config({"assistant.sources": 0})
    assert config.read_text() == CONFIG
    assert sorted(os.listdir(config.parent)) == ["config.toml"]

    # The message is start-up's own for the same file, line number included.
    config.write_text(edit_user_config(CONFIG, {"assistant.sources": 0}))
    with pytest.raises(ConfigError) as at_start:
        load_settings()
    assert refused.value.message == at_start.value.message
    assert f"in config.toml {config}, line 5" in refused.value.message


def test_policy_keys_are_refused(files: tuple[Path, Path]) -> None:
    config, policy = files
    policy.write_text("[security]\nexport_allowed = false\n")
    with pytest.raises(PolicyForbids, match=str(policy)):
        write_user_config({"security.export_allowed": True, "ui.language": "he"})
    assert not config.exists()


def test_checking_reads_nothing_from_disk_for_config(files: tuple[Path, Path]) -> None:
    config, _ = files
    config.parent.mkdir()
    config.write_text("[ui]\nlanguage = 'xx'\n")  # the file on disk is broken...
    assert check_user_config("[ui]\nlanguage = 'he'\n").ui.language == "he"  # ...not the text
    with pytest.raises(ConfigError, match="is not valid TOML"):
        check_user_config("[ui\n")
