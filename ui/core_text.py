"""Core's words on screen, translated: error messages and remediations come from `core` in
English (core never imports Qt), so the ones a user meets are listed here for lupdate and
looked up by their English text. A message not listed (one with details in it) stays as
core wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Core"

# Every class-level remediation of core.errors (a test checks the list is complete), then
# the messages a user of the window meets most.
TEXTS = (
    QT_TRANSLATE_NOOP(
        "Core", "Use the existing data directory, or choose another with --data-dir."
    ),
    QT_TRANSLATE_NOOP("Core", "Use another copy of this backup; this file cannot be restored."),
    QT_TRANSLATE_NOOP(
        "Core", "Chartside is reconnecting to the database server; try again in a moment."
    ),
    QT_TRANSLATE_NOOP("Core", "See the message; the data directory was left unchanged."),
    QT_TRANSLATE_NOOP(
        "Core", "Use pg_dump or the clinic's own backup system on the database server."
    ),
    QT_TRANSLATE_NOOP(
        "Core", "Restore it with the Chartside version that made it, or a newer one."
    ),
    QT_TRANSLATE_NOOP(
        "Core", "Fix the setting in config.toml, the environment or the policy file."
    ),
    QT_TRANSLATE_NOOP(
        "Core", "Ask the administrator who manages this computer's Chartside policy."
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "The stored value was altered or belongs to another record; restore from backup.",
    ),
    QT_TRANSLATE_NOOP("Core", "Run `chartside doctor` for details."),
    QT_TRANSLATE_NOOP(
        "Core", "Try a shorter question, or raise the generation timeout in the settings."
    ),
    QT_TRANSLATE_NOOP("Core", "Fix the named record in the import file; nothing was imported."),
    QT_TRANSLATE_NOOP(
        "Core", "Unlock with your passphrase or your recovery key; no data was deleted."
    ),
    QT_TRANSLATE_NOOP("Core", "Unlock Chartside with your passphrase."),
    QT_TRANSLATE_NOOP(
        "Core",
        "The database was left unchanged. Run `chartside doctor` and report the error.",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "Run `chartside models verify`, or choose another model in the settings."
    ),
    QT_TRANSLATE_NOOP("Core", "Refresh the list; the record may have been deleted."),
    QT_TRANSLATE_NOOP(
        "Core", "Run `chartside init` (or start the app) to create the data directory."
    ),
    QT_TRANSLATE_NOOP("Core", "Ask a narrower question or choose fewer sources."),
    QT_TRANSLATE_NOOP("Core", "Rephrase the question and try again."),
    QT_TRANSLATE_NOOP("Core", "Wait a moment and try again."),
    QT_TRANSLATE_NOOP("Core", "Choose a new or empty folder (--data-dir); nothing was changed."),
    QT_TRANSLATE_NOOP(
        "Core",
        "The restored copy was removed. Try another copy of the backup, and run "
        "`chartside doctor` on the machine that made it.",
    ),
    QT_TRANSLATE_NOOP("Core", "Correct the named field and try again."),
    QT_TRANSLATE_NOOP("Core", "The stored key-derivation parameters are below the security floor."),
    QT_TRANSLATE_NOOP("Core", "Check the passphrase (and keyboard layout) and try again."),
    QT_TRANSLATE_NOOP("Core", "The passphrase is not correct."),
    QT_TRANSLATE_NOOP("Core", "Chartside is locked."),
    QT_TRANSLATE_NOOP("Core", "The operation was cancelled."),
    QT_TRANSLATE_NOOP("Core", "The OS keyring is not set up for Chartside."),
    QT_TRANSLATE_NOOP("Core", "No practitioner by that name in this workspace."),
    QT_TRANSLATE_NOOP("Core", "No embedding model is available, so the notes cannot be searched."),
    QT_TRANSLATE_NOOP("Core", "is required"),
    QT_TRANSLATE_NOOP("Core", "is empty"),
    QT_TRANSLATE_NOOP("Core", "contains a NUL character"),
    QT_TRANSLATE_NOOP("Core", "must be a date"),
    QT_TRANSLATE_NOOP("Core", "must be a date-time"),
    QT_TRANSLATE_NOOP("Core", "is outside the plausible range"),
    QT_TRANSLATE_NOOP("Core", "is too long to keep as a draft"),
    QT_TRANSLATE_NOOP("Core", "is already taken"),
    QT_TRANSLATE_NOOP("Core", "starts after it ends"),
)


def core_text(text: str) -> str:
    """`text` from core in the UI's language, where the catalogue has it."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
