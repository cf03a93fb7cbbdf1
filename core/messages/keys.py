# ruff: noqa: E501 (each English template on one line, to be found by grep)
"""Message ids: Keys, passphrases, practitioners and the OS keyring."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "keys.data_keys_mismatch": QT_TRANSLATE_NOOP(
        "Core", "the data keys of workspace {id} do not match its master key"
    ),
    "keys.passphrase_not_correct": QT_TRANSLATE_NOOP("Core", "The passphrase is not correct."),
    "keys.passphrase_too_short": QT_TRANSLATE_NOOP(
        "Core", "The passphrase must have at least {n} characters."
    ),
    "keys.choose_longer_passphrase": QT_TRANSLATE_NOOP("Core", "Choose a longer passphrase."),
    "keys.already_taken": QT_TRANSLATE_NOOP("Core", "is already taken"),
    "keys.give_username": QT_TRANSLATE_NOOP(
        "Core", "Give your username (chartside --user NAME, or the unlock screen's username field)."
    ),
    "keys.workspace_no_data_key": QT_TRANSLATE_NOOP("Core", "workspace {id} has no data key"),
    "keys.secret_does_not_open": QT_TRANSLATE_NOOP(
        "Core", "the {kind} secret does not open workspace {id}"
    ),
    "keys.unlock_with_passphrase_or_key": QT_TRANSLATE_NOOP(
        "Core", "Unlock with the passphrase or the recovery key."
    ),
    "keys.recovery_key_not_correct": QT_TRANSLATE_NOOP("Core", "The recovery key is not correct."),
    "keys.check_recovery_key": QT_TRANSLATE_NOOP("Core", "Check the key you wrote down at set-up."),
    "keys.workspace_no_key": QT_TRANSLATE_NOOP("Core", "workspace {id} has no {kind} key"),
    "keys.workspace_no_recovery_key": QT_TRANSLATE_NOOP(
        "Core", "workspace {id} has no recovery key"
    ),
    "keys.data_key_wrong_length": QT_TRANSLATE_NOOP("Core", "data key has the wrong length"),
    "keys.decrypt_truncated": QT_TRANSLATE_NOOP(
        "Core", "cannot decrypt {id}: the stored value is truncated"
    ),
    "keys.decrypt_unknown_key_version": QT_TRANSLATE_NOOP(
        "Core",
        "cannot decrypt {id}: written with key version {n}, which this workspace does not have",
    ),
    "keys.decrypt_integrity_failed": QT_TRANSLATE_NOOP(
        "Core",
        "cannot decrypt {id}: integrity check failed (the value was altered or belongs to another record)",
    ),
    "keys.keyring_unusable": QT_TRANSLATE_NOOP(
        "Core", "The OS keyring cannot be used: {reason} ({name})."
    ),
    "keys.keep_passphrase_until_keyring": QT_TRANSLATE_NOOP(
        "Core",
        "Keep using the passphrase; install and unlock a secure keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Locker) first.",
    ),
    "keys.keyring_changed": QT_TRANSLATE_NOOP(
        "Core",
        "The OS keyring changed (was {name}, now {other}), so Chartside's key is not where it was stored.",
    ),
    "keys.key_gone_from_keyring": QT_TRANSLATE_NOOP(
        "Core",
        "Chartside's key is no longer in the OS keyring (it was removed, or the keyring was reset).",
    ),
    "keys.keyring_refused_key": QT_TRANSLATE_NOOP(
        "Core", "The OS keyring refused to store the key: {detail}."
    ),
    "keys.keyring_unreadable": QT_TRANSLATE_NOOP(
        "Core", "The OS keyring could not be read: {detail}."
    ),
    "keys.not_a_recovery_key": QT_TRANSLATE_NOOP("Core", "That is not a Chartside recovery key."),
    "keys.type_recovery_key_exactly": QT_TRANSLATE_NOOP(
        "Core",
        "Type the 52 characters exactly as shown when Chartside was set up; dashes and case do not matter.",
    ),
    "keys.kdf_below_floor": QT_TRANSLATE_NOOP(
        "Core",
        "stored key-derivation parameters are below the Argon2id floor (m={n} KiB, t={count}, p={total})",
    ),
    "keys.re_encryption_paused": QT_TRANSLATE_NOOP(
        "Core", "Re-encryption paused; it resumes where it stopped."
    ),
    "keys.no_such_practitioner_here": QT_TRANSLATE_NOOP(
        "Core", "No practitioner by that name in this workspace."
    ),
    "keys.cannot_remove_signed_in": QT_TRANSLATE_NOOP(
        "Core", "cannot remove the practitioner who is signed in"
    ),
    "keys.keyring_needed_first": QT_TRANSLATE_NOOP(
        "Core", "cannot be turned off before the OS keyring is set up"
    ),
    "keys.keyring_not_set_up": QT_TRANSLATE_NOOP(
        "Core", "The OS keyring is not set up for Chartside."
    ),
    "keys.data_already_exists": QT_TRANSLATE_NOOP(
        "Core", "Chartside data already exists in {path}"
    ),
    "keys.no_such_practitioner": QT_TRANSLATE_NOOP("Core", "No practitioner by that name."),
    "keys.several_practitioners": QT_TRANSLATE_NOOP(
        "Core", "Several practitioners share this workspace."
    ),
    "keys.kind_keyring": QT_TRANSLATE_NOOP("Core", "keyring"),
    "keys.kind_recovery": QT_TRANSLATE_NOOP("Core", "recovery"),
    "keys.kind_passphrase": QT_TRANSLATE_NOOP("Core", "passphrase"),
    "keys.decrypt_unknown_format": QT_TRANSLATE_NOOP(
        "Core", "cannot decrypt {id}: unknown format {name}"
    ),
    "keys.no_secure_keyring": QT_TRANSLATE_NOOP(
        "Core", "no secure keyring is available on this system"
    ),
    "keys.keyring_plain_file": QT_TRANSLATE_NOOP(
        "Core", "the keyring stores secrets in a plain file"
    ),
    "keys.keyring_unprotected": QT_TRANSLATE_NOOP(
        "Core", "the keyring backend does not protect secrets"
    ),
}
