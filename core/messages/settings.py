"""Message ids: Settings and the system policy."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "settings.turned_off_false": QT_TRANSLATE_NOOP(
        "Core", "{action} is turned off: {setting} = false {source}"
    ),
    "settings.locked_policy_file": QT_TRANSLATE_NOOP(
        "Core", "{setting} is locked by the policy file {path}"
    ),
    "settings.policy_file_not_valid_toml": QT_TRANSLATE_NOOP(
        "Core", "policy file {path} is not valid TOML: {detail}"
    ),
    "settings.setting_invalid": QT_TRANSLATE_NOOP(
        "Core", "setting {setting}={value} {source} is invalid: {detail}"
    ),
    "settings.not_valid_toml": QT_TRANSLATE_NOOP("Core", "{source} is not valid TOML: {detail}"),
    "settings.in_policy_file": QT_TRANSLATE_NOOP("Core", "in the policy file {path}, line {n}"),
    "settings.in_config_file": QT_TRANSLATE_NOOP("Core", "in config.toml {path}, line {n}"),
    "settings.from_variable": QT_TRANSLATE_NOOP("Core", "from CHARTSIDE_{variable}"),
    "settings.by_default": QT_TRANSLATE_NOOP("Core", "by default"),
    "settings.the_policy_file": QT_TRANSLATE_NOOP("Core", "the policy file {path}"),
    "settings.config_file": QT_TRANSLATE_NOOP("Core", "config.toml {path}"),
    "settings.a_settings_file": QT_TRANSLATE_NOOP("Core", "a settings file"),
    "settings.ask_admin": QT_TRANSLATE_NOOP(
        "Core", "Ask the administrator to correct the policy file."
    ),
    "settings.set_in_config": QT_TRANSLATE_NOOP(
        "Core", "Set {setting} in config.toml or CHARTSIDE_{variable}."
    ),
    "settings.exporting_notes": QT_TRANSLATE_NOOP("Core", "Exporting notes"),
    "settings.the_os_keyring": QT_TRANSLATE_NOOP("Core", "The OS keyring"),
    "settings.choosing_the_generator": QT_TRANSLATE_NOOP("Core", "Choosing the generator"),
    "settings.turned_off_value": QT_TRANSLATE_NOOP(
        "Core", '{action} is turned off: {setting} = "{value}" {source}'
    ),
    "settings.locked_by": QT_TRANSLATE_NOOP("Core", "locked by {setting} {source}"),
}
