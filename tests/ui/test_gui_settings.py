"""Issue 14, point 6, settings: every setting config.toml holds, checked as start-up checks
it; keys a real policy file locks are disabled, with the file named. Opened from the menu of
the window on the real service; the files are real, and `load_settings` reads them back."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_driver import GuiDriver
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox

from core.api import ChartsideApi
from core.errors import ConfigError
from core.services.service import ChartsideService
from core.settings import edit_user_config, load_settings
from tests.conftest import PASSPHRASE
from ui.tools.settings_dialog import SettingsDialog, settings_fields

MakeGui = Callable[[ChartsideApi], GuiDriver]

POLICY = "[security]\nauto_lock_minutes = 5\nexport_allowed = false\n"
CONFIG = "# my own note, kept\n[assistant]\nsources = 4 # fewer passages\n"


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    policy, config = tmp_path / "policy.toml", tmp_path / "config.toml"
    policy.write_text(POLICY)
    config.write_text(CONFIG)
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(policy))
    monkeypatch.setenv("CHARTSIDE_CONFIG_FILE", str(config))
    return policy, config


def _open(driver: GuiDriver) -> SettingsDialog:
    action = driver.controller.settings_screen.action
    tools = next(m for m in driver.controller.menus.menus() if m.objectName() == "toolsMenu")
    assert action in tools.actions()
    action.trigger()
    dialog = driver.controller.settings_screen.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_settings_screen_locks_policy_keys_refuses_bad_values_and_writes_good_ones(
    make_gui: MakeGui,
    notes_api: ChartsideService,
    files: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    policy, config = files
    monkeypatch.setenv("CHARTSIDE_MODELS__GENERATOR_THREADS", "2")
    driver = make_gui(notes_api)
    driver.unlock(PASSPHRASE)
    dialog = _open(driver)

    # Every setting has its field.
    assert set(dialog.fields) == {key for _, key, _ in settings_fields()}
    assert {"security.auto_lock_minutes", "backup.folder", "ui.language"} <= set(dialog.fields)

    # Locked by the policy: disabled, with the file that locks them.
    for key in ("security.auto_lock_minutes", "security.export_allowed"):
        assert not dialog.editor(key).isEnabled(), key
        assert str(policy) in dialog.reason(key)
    auto_lock = dialog.editor("security.auto_lock_minutes")
    assert isinstance(auto_lock, QSpinBox) and auto_lock.value() == 5
    assert dialog.editor("security.keyring_allowed").isEnabled()
    assert dialog.reason("security.keyring_allowed") == ""
    assert "CHARTSIDE_MODELS__GENERATOR_THREADS" in dialog.reason("models.generator_threads")
    sources = dialog.editor("assistant.sources")
    assert isinstance(sources, QSpinBox) and sources.value() == 4  # from config.toml

    # A value start-up would refuse is refused with start-up's message; nothing is written.
    memory = dialog.editor("crypto.argon2_memory_kib")
    assert isinstance(memory, QSpinBox)
    memory.setValue(1024)
    driver.click(dialog.save_button)
    assert dialog.isVisible()
    assert config.read_text() == CONFIG
    assert list(config.parent.glob(".config-*")) == []  # no half-written file left either
    config.write_text(edit_user_config(CONFIG, {"crypto.argon2_memory_kib": 1024}))
    with pytest.raises(ConfigError) as refused:
        load_settings()
    config.write_text(CONFIG)
    # The message as core renders it; the window isolates its values (paths, keys, numbers)
    # so they read in order in either direction.
    shown = re.sub("[\u2066-\u2069]", "", dialog.error_text)
    assert refused.value.message in shown
    assert "crypto.argon2_memory_kib=1024 in config.toml" in shown
    memory.setValue(64 * 1024)

    # Valid changes are written, comments kept, and read back by start-up's loader.
    sources.setValue(8)
    keyring_allowed = dialog.editor("security.keyring_allowed")
    assert isinstance(keyring_allowed, QCheckBox)
    keyring_allowed.setChecked(False)
    language = dialog.editor("ui.language")
    assert isinstance(language, QComboBox)
    language.setCurrentIndex(language.findData("he"))
    driver.click(dialog.save_button)
    assert not dialog.isVisible()
    written = config.read_text()
    assert "# my own note, kept" in written and "# fewer passages" in written
    assert "auto_lock_minutes" not in written and "argon2" not in written
    loaded = load_settings()
    assert loaded.assistant.sources == 8
    assert loaded.security.keyring_allowed is False
    assert loaded.ui.language == "he"
    assert loaded.security.auto_lock_minutes == 5  # still the policy's
    assert "Restart" in driver.window.statusBar().currentMessage()

    # Opened again, it shows what is now in the file.
    again = _open(driver)
    reopened = again.editor("assistant.sources")
    assert isinstance(reopened, QSpinBox) and reopened.value() == 8
    again.reject()


def test_each_choice_shows_a_label_and_config_toml_keeps_its_value(
    make_gui: MakeGui, notes_api: ChartsideService, files: tuple[Path, Path]
) -> None:
    """Issue 28: a combo box shows words ("Text with [n] markers", "Automatic: …"), not
    the stored value ("text", "auto"); what is saved is still the value start-up reads."""
    _, config = files
    driver = make_gui(notes_api)
    driver.unlock(PASSPHRASE)
    dialog = _open(driver)

    combos = {k: w for k in dialog.fields if isinstance(w := dialog.editor(k), QComboBox)}
    assert {"assistant.answer_format", "models.default_generator", "log_level"} <= set(combos)
    for key, combo in combos.items():
        for i in range(combo.count()):
            value, label = combo.itemData(i), combo.itemText(i)
            assert label and label != value, (key, value)
    answer_format = combos["assistant.answer_format"]
    assert answer_format.currentData() == "text"
    assert answer_format.currentText() == "Text with [n] markers"
    generator = combos["models.default_generator"]
    assert generator.currentText() == "Automatic (by free memory)"

    answer_format.setCurrentIndex(answer_format.findData("json"))
    driver.click(dialog.save_button)
    assert not dialog.isVisible()
    assert 'answer_format = "json"' in config.read_text()
    assert load_settings().assistant.answer_format == "json"
