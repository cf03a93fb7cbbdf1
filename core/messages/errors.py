# ruff: noqa: E501 (each English template on one line, to be found by grep)
"""Message ids: what an error class says itself (core/errors.py and its subclasses
elsewhere in core): its remediation, its default message."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "remedy.config_error": QT_TRANSLATE_NOOP(
        "Core", "Fix the setting in config.toml, the environment or the policy file."
    ),
    "remedy.policy_forbids": QT_TRANSLATE_NOOP(
        "Core", "Ask the administrator who manages this computer's Chartside policy."
    ),
    "remedy.validation_error": QT_TRANSLATE_NOOP("Core", "Correct the named field and try again."),
    "remedy.crypto_error": QT_TRANSLATE_NOOP(
        "Core", "The stored value was altered or belongs to another record; restore from backup."
    ),
    "remedy.wrong_passphrase": QT_TRANSLATE_NOOP(
        "Core", "Check the passphrase (and keyboard layout) and try again."
    ),
    "remedy.weak_kdf_parameters": QT_TRANSLATE_NOOP(
        "Core", "The stored key-derivation parameters are below the security floor."
    ),
    "remedy.locked": QT_TRANSLATE_NOOP("Core", "Unlock Chartside with your passphrase."),
    "remedy.not_found": QT_TRANSLATE_NOOP(
        "Core", "Refresh the list; the record may have been deleted."
    ),
    "remedy.not_initialised": QT_TRANSLATE_NOOP(
        "Core", "Run `chartside init` (or start the app) to create the data directory."
    ),
    "remedy.already_initialised": QT_TRANSLATE_NOOP(
        "Core", "Use the existing data directory, or choose another with --data-dir."
    ),
    "remedy.database_error": QT_TRANSLATE_NOOP("Core", "Run `chartside doctor` for details."),
    "remedy.connection_lost": QT_TRANSLATE_NOOP(
        "Core", "Chartside is reconnecting to the database server; try again in a moment."
    ),
    "remedy.migration_error": QT_TRANSLATE_NOOP(
        "Core", "The database was left unchanged. Run `chartside doctor` and report the error."
    ),
    "remedy.import_format_error": QT_TRANSLATE_NOOP(
        "Core", "Fix the named record in the import file; nothing was imported."
    ),
    "remedy.model_error": QT_TRANSLATE_NOOP(
        "Core", "Run `chartside models verify`, or choose another model in the settings."
    ),
    "remedy.embedder_changed": QT_TRANSLATE_NOOP(
        "Core", "The app switches to the workspace's embedder by itself."
    ),
    "remedy.prompt_too_long": QT_TRANSLATE_NOOP(
        "Core", "Ask a narrower question or choose fewer sources."
    ),
    "remedy.generation_timeout": QT_TRANSLATE_NOOP(
        "Core", "Try a shorter question, or raise the generation timeout in the settings."
    ),
    "remedy.query_rejected": QT_TRANSLATE_NOOP("Core", "Rephrase the question and try again."),
    "remedy.rate_limited": QT_TRANSLATE_NOOP("Core", "Wait a moment and try again."),
    "remedy.keyring_unavailable": QT_TRANSLATE_NOOP(
        "Core", "Unlock with your passphrase or your recovery key; no data was deleted."
    ),
    "remedy.backup_error": QT_TRANSLATE_NOOP(
        "Core", "See the message; the data directory was left unchanged."
    ),
    "remedy.backup_damaged": QT_TRANSLATE_NOOP(
        "Core", "Use another copy of this backup; this file cannot be restored."
    ),
    "remedy.backup_version_unsupported": QT_TRANSLATE_NOOP(
        "Core", "Restore it with the Chartside version that made it, or a newer one."
    ),
    "remedy.backup_unsupported": QT_TRANSLATE_NOOP(
        "Core", "Use pg_dump or the clinic's own backup system on the database server."
    ),
    "remedy.restore_target_not_empty": QT_TRANSLATE_NOOP(
        "Core", "Choose a new or empty folder (--data-dir); nothing was changed."
    ),
    "remedy.restore_verification_failed": QT_TRANSLATE_NOOP(
        "Core",
        "The restored copy was removed. Try another copy of the backup, and run `chartside doctor` on the machine that made it.",
    ),
    "remedy.dictation_audio_unreadable": QT_TRANSLATE_NOOP(
        "Core", "Give a WAV or FLAC recording (16-bit PCM or float); MP3 and video are not read."
    ),
    "remedy.dictation_unavailable": QT_TRANSLATE_NOOP(
        "Core",
        "Dictation needs the packaged speech model (chartside models list) and a microphone that the system sees.",
    ),
    "remedy.document_rejected": QT_TRANSLATE_NOOP(
        "Core", "Attach a PDF without a password, or a PNG, JPEG or TIFF image, under 50 MB."
    ),
    "errors.locked": QT_TRANSLATE_NOOP("Core", "Chartside is locked."),
    "errors.cancelled": QT_TRANSLATE_NOOP("Core", "The operation was cancelled."),
    "errors.embedder_changed": QT_TRANSLATE_NOOP(
        "Core", "The workspace switched to another embedding model."
    ),
    "errors.wait_and_try_again": QT_TRANSLATE_NOOP("Core", "Wait {n} {unit} and try again."),
    "errors.wait_one_second": QT_TRANSLATE_NOOP("Core", "Wait 1 second and try again."),
    "errors.seconds": QT_TRANSLATE_NOOP("Core", "seconds"),
}
