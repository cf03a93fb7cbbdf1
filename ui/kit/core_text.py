"""Core's words on screen, translated. Core speaks in message ids (core/messages): an
error's message and remediation are a `Message`, rendered here by id (`core_message`), its
template translated from the catalogue (lupdate reads the templates from core/messages)
and its values put in: a value that is a message is rendered in turn, a date is spelt in
the UI's language, a path reads left to right, a name is isolated.

What still comes as English text is looked up by that text (`core_text`): `TEXTS` exactly,
`TEMPLATES` by matching their English (an extractive answer's lines, the assistant's
warnings, a model's reason for being in use, errors raised outside core). Issue 31 moves
those to ids in turn; an id's template kept here too is harmless (one catalogue entry).
A text matching nothing stays as core wrote it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from core.assistant.dates import find_dates
from core.messages import ENGLISH, Message, Param
from ui.kit.bidi import isolate, ltr, ltr_runs
from ui.kit.fields import field_label

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
    # The assistant's fixed words: refusals, headings, warnings, the injection check's reasons.
    QT_TRANSLATE_NOOP("Core", "The notes do not say."),
    QT_TRANSLATE_NOOP("Core", "The closest passages in the notes:"),
    QT_TRANSLATE_NOOP("Core", "Nothing in the notes is close enough."),
    QT_TRANSLATE_NOOP("Core", "No language model answers in Hebrew: these are the notes' words."),
    QT_TRANSLATE_NOOP("Core", "No language model is available: these are the notes' words."),
    QT_TRANSLATE_NOOP("Core", "The model began repeating itself; the repeats were cut."),
    QT_TRANSLATE_NOOP("Core", "The model found no answer in the notes."),
    QT_TRANSLATE_NOOP(
        "Core", "Nothing in the notes supports the answer written, so it is not shown."
    ),
    QT_TRANSLATE_NOOP("Core", "The answer did not match the notes it cited, so it is not shown."),
    QT_TRANSLATE_NOOP("Core", "in that period"),
    QT_TRANSLATE_NOOP("Core", "it asks the assistant to ignore its instructions"),
    QT_TRANSLATE_NOOP("Core", "it mentions the system prompt"),
    QT_TRANSLATE_NOOP("Core", "it asks the assistant to reveal its instructions"),
    QT_TRANSLATE_NOOP("Core", "it tries to give the assistant a new role"),
    QT_TRANSLATE_NOOP("Core", "it tries to give the assistant new instructions"),
    QT_TRANSLATE_NOOP("Core", "it asks the assistant to break its rules"),
    QT_TRANSLATE_NOOP("Core", "it asks for a developer mode"),
    QT_TRANSLATE_NOOP("Core", "it is a jailbreak attempt"),
    QT_TRANSLATE_NOOP("Core", "it contains chat control tokens"),
    QT_TRANSLATE_NOOP("Core", "it contains a fake prompt section"),
    QT_TRANSLATE_NOOP("Core", "it asks to send data off the machine"),
    QT_TRANSLATE_NOOP("Core", "it contains a remote image link"),
    # Errors' messages and remediations: the assistant's, keys and passphrases, records and
    # their fields, backups, the database, settings (tests/ui/test_core_errors_he.py reads
    # core for every one of them).
    QT_TRANSLATE_NOOP("Core", "The question is empty."),
    QT_TRANSLATE_NOOP("Core", "Type a question first."),
    QT_TRANSLATE_NOOP("Core", "Shorten the question and try again."),
    QT_TRANSLATE_NOOP("Core", "Wait 1 second and try again."),
    QT_TRANSLATE_NOOP("Core", "seconds"),
    QT_TRANSLATE_NOOP("Core", "The workspace switched to another embedding model."),
    QT_TRANSLATE_NOOP("Core", "The app switches to the workspace's embedder by itself."),
    QT_TRANSLATE_NOOP("Core", "No embedding model is available, so notes cannot be indexed."),
    QT_TRANSLATE_NOOP("Core", "Run `chartside models list` and `chartside doctor`."),
    QT_TRANSLATE_NOOP("Core", "The recovery key is not correct."),
    QT_TRANSLATE_NOOP("Core", "Check the key you wrote down at set-up."),
    QT_TRANSLATE_NOOP("Core", "That is not a Chartside recovery key."),
    QT_TRANSLATE_NOOP(
        "Core",
        "Type the 52 characters exactly as shown when Chartside was set up; "
        "dashes and case do not matter.",
    ),
    QT_TRANSLATE_NOOP("Core", "Choose a longer passphrase."),
    QT_TRANSLATE_NOOP("Core", "Unlock with the passphrase or the recovery key."),
    QT_TRANSLATE_NOOP("Core", "Re-encryption paused; it resumes where it stopped."),
    QT_TRANSLATE_NOOP("Core", "No practitioner by that name."),
    QT_TRANSLATE_NOOP("Core", "Several practitioners share this workspace."),
    QT_TRANSLATE_NOOP(
        "Core",
        "Give your username (chartside --user NAME, or the unlock screen's username field).",
    ),
    QT_TRANSLATE_NOOP("Core", "cannot remove the practitioner who is signed in"),
    QT_TRANSLATE_NOOP("Core", "cannot be turned off before the OS keyring is set up"),
    QT_TRANSLATE_NOOP(
        "Core",
        "Chartside's key is no longer in the OS keyring "
        "(it was removed, or the keyring was reset).",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Keep using the passphrase; install and unlock a secure keyring "
        "(GNOME Keyring, KWallet, macOS Keychain, Windows Credential Locker) first.",
    ),
    QT_TRANSLATE_NOOP("Core", "no secure keyring is available on this system"),
    QT_TRANSLATE_NOOP("Core", "the keyring stores secrets in a plain file"),
    QT_TRANSLATE_NOOP("Core", "the keyring backend does not protect secrets"),
    QT_TRANSLATE_NOOP("Core", "keyring"),
    QT_TRANSLATE_NOOP("Core", "data key has the wrong length"),
    QT_TRANSLATE_NOOP("Core", "no client has that id"),
    QT_TRANSLATE_NOOP("Core", "no conversation has that id"),
    QT_TRANSLATE_NOOP("Core", "client"),
    QT_TRANSLATE_NOOP("Core", "session"),
    QT_TRANSLATE_NOOP("Core", "practitioner"),
    QT_TRANSLATE_NOOP("Core", "contains an unpaired surrogate (invalid Unicode)"),
    QT_TRANSLATE_NOOP("Core", "is not a real date in YYYY-MM-DD form"),
    QT_TRANSLATE_NOOP("Core", "is not a real date-time in YYYY-MM-DDTHH:MM:SS form"),
    QT_TRANSLATE_NOOP("Core", "is outside the plausible range (1900 to today)"),
    QT_TRANSLATE_NOOP("Core", "must be a local time without a time-zone offset"),
    QT_TRANSLATE_NOOP(
        "Core",
        "may hold only letters, digits and . _ : / - and must start with a letter or digit",
    ),
    QT_TRANSLATE_NOOP("Core", "must map field names to text"),
    QT_TRANSLATE_NOOP("Core", "must be a list"),
    QT_TRANSLATE_NOOP("Core", "must be an object"),
    QT_TRANSLATE_NOOP("Core", "is not a known field"),
    QT_TRANSLATE_NOOP("Core", "appears twice in the file"),
    QT_TRANSLATE_NOOP("Core", "nesting too deep"),
    QT_TRANSLATE_NOOP("Core", "encoding"),
    QT_TRANSLATE_NOOP("Core", "a number too long"),
    QT_TRANSLATE_NOOP("Core", "Chartside has no data yet"),
    QT_TRANSLATE_NOOP("Core", "Chartside has no workspace yet"),
    QT_TRANSLATE_NOOP("Core", "Chartside has no workspace to back up yet"),
    QT_TRANSLATE_NOOP(
        "Core", "Neither a passphrase nor the recovery key of this workspace opens this backup."
    ),
    QT_TRANSLATE_NOOP(
        "Core", "Use the passphrase you had when the backup was made, or the recovery key."
    ),
    QT_TRANSLATE_NOOP("Core", "The passphrase does not open this backup."),
    QT_TRANSLATE_NOOP("Core", "Use the passphrase Chartside had when the backup was made."),
    QT_TRANSLATE_NOOP("Core", "Choose another file name."),
    QT_TRANSLATE_NOOP("Core", "Create it."),
    QT_TRANSLATE_NOOP("Core", "keep must be at least 1"),
    QT_TRANSLATE_NOOP("Core", "Keep one backup or more."),
    QT_TRANSLATE_NOOP("Core", "no backup folder is set"),
    QT_TRANSLATE_NOOP("Core", "Set backup.folder in the settings, preferably on another disk."),
    QT_TRANSLATE_NOOP("Core", "Connect the backup disk, or create the folder."),
    QT_TRANSLATE_NOOP("Core", "Check the path and the file's permissions."),
    QT_TRANSLATE_NOOP("Core", "unattended backups cover a store with one workspace"),
    QT_TRANSLATE_NOOP("Core", "Back up by hand with the passphrase (`chartside backup`)."),
    QT_TRANSLATE_NOOP("Core", "backups of a clinic server are made with PostgreSQL's own tools"),
    QT_TRANSLATE_NOOP("Core", "this is not a Chartside backup file, or its start is damaged"),
    QT_TRANSLATE_NOOP("Core", "the backup file header cannot be read"),
    QT_TRANSLATE_NOOP("Core", "the backup file header is damaged (impossible length)"),
    QT_TRANSLATE_NOOP("Core", "the backup file header is damaged (checksum mismatch)"),
    QT_TRANSLATE_NOOP("Core", "the backup file header holds values this format does not allow"),
    QT_TRANSLATE_NOOP("Core", "the header"),
    QT_TRANSLATE_NOOP("Core", "the backup file ends early: its last part is missing"),
    QT_TRANSLATE_NOOP("Core", "the backup file has unexpected data after its end"),
    QT_TRANSLATE_NOOP("Core", "the backup file changed while it was being read"),
    QT_TRANSLATE_NOOP("Core", "the backup file changed while it was being restored"),
    QT_TRANSLATE_NOOP("Core", "the backup manifest is larger than one chunk"),
    QT_TRANSLATE_NOOP("Core", "the manifest inside the backup cannot be read"),
    QT_TRANSLATE_NOOP("Core", "the database dump inside the backup does not match its manifest"),
    QT_TRANSLATE_NOOP("Core", "the restored workspaces differ from the backup"),
    QT_TRANSLATE_NOOP("Core", "the database is not open"),
    QT_TRANSLATE_NOOP(
        "Core",
        "the connection to the database server was lost before this was confirmed; "
        "it may not have been saved",
    ),
    QT_TRANSLATE_NOOP("Core", "the embedded PostgreSQL package is not installed"),
    QT_TRANSLATE_NOOP("Core", "Run `make run` to install dependencies, or set database.url."),
    QT_TRANSLATE_NOOP("Core", "the embedded database is not running"),
    QT_TRANSLATE_NOOP("Core", "the database server did not become ready in time"),
    QT_TRANSLATE_NOOP("Core", "processes of a crashed database server are still running"),
    QT_TRANSLATE_NOOP("Core", "Close the other Chartside window, or wait for it to exit."),
    QT_TRANSLATE_NOOP("Core", "Set database.runtime_url to a NOSUPERUSER NOBYPASSRLS role."),
    QT_TRANSLATE_NOOP("Core", "Run the migrations as the table owner, then `chartside doctor`."),
    QT_TRANSLATE_NOOP("Core", "Ask the administrator to correct the policy file."),
    QT_TRANSLATE_NOOP("Core", "The OS keyring"),
    QT_TRANSLATE_NOOP("Core", "Exporting notes"),
    QT_TRANSLATE_NOOP("Core", "Choosing the generator"),
    QT_TRANSLATE_NOOP("Core", "by default"),
    QT_TRANSLATE_NOOP("Core", "a settings file"),
    # Why the assistant can or cannot run, and why a model is in use (the status bar, the
    # Models screen): app/models_setup.py, core/services/ask_ops.py, models/registry.py.
    QT_TRANSLATE_NOOP("Core", "No local AI models are set up in this installation."),
    QT_TRANSLATE_NOOP("Core", "The assistant's local models are ready to load."),
    QT_TRANSLATE_NOOP("Core", "the embedding runtime"),
    QT_TRANSLATE_NOOP("Core", "the LLM runtime"),
    QT_TRANSLATE_NOOP("Core", "embedder"),
    QT_TRANSLATE_NOOP("Core", "generator"),
    QT_TRANSLATE_NOOP("Core", "the workspace's embedder, chosen for all its desktops"),
    QT_TRANSLATE_NOOP("Core", "chosen by the models.default_generator setting"),
    QT_TRANSLATE_NOOP("Core", "the Qwen model packages are not installed"),
    QT_TRANSLATE_NOOP("Core", "the most capable packaged model that fits this computer's RAM"),
    # Documents (issue 30), dictation (issue 29) and the embedder's advice (issue 28).
    QT_TRANSLATE_NOOP(
        "Core", "Attach a PDF without a password, or a PNG, JPEG or TIFF image, under 50 MB."
    ),
    QT_TRANSLATE_NOOP("Core", "Choose one of the listed kinds."),
    QT_TRANSLATE_NOOP(
        "Core", "Give a WAV or FLAC recording (16-bit PCM or float); MP3 and video are not read."
    ),
    # Dictation in the window (core.dictation.types, app/microphone.py).
    QT_TRANSLATE_NOOP(
        "Core",
        "Dictation needs the packaged speech model (chartside models list) and a microphone "
        "that the system sees.",
    ),
    QT_TRANSLATE_NOOP("Core", "No speech model is installed."),
    QT_TRANSLATE_NOOP("Core", "There is no sound input on this computer."),
    QT_TRANSLATE_NOOP("Core", "No microphone could be opened."),
    QT_TRANSLATE_NOOP("Core", "Connect a microphone, or allow Chartside to use it."),
    QT_TRANSLATE_NOOP("Core", "The sound library (PortAudio) is not installed."),
    QT_TRANSLATE_NOOP("Core", "Install the libportaudio2 package."),
    QT_TRANSLATE_NOOP("Core", "No other embedder is advised for this workspace's notes."),
    QT_TRANSLATE_NOOP("Core", "Reading stopped; it resumes where it stopped."),
    QT_TRANSLATE_NOOP("Core", "Save a copy without the password and attach that."),
    QT_TRANSLATE_NOOP("Core", "Shorten the title."),
    QT_TRANSLATE_NOOP("Core", "Split the document or scan it at a lower resolution."),
    QT_TRANSLATE_NOOP("Core", "The PDF is damaged and cannot be read."),
    QT_TRANSLATE_NOOP("Core", "The PDF is protected by a password."),
    QT_TRANSLATE_NOOP("Core", "The document has no pages."),
    QT_TRANSLATE_NOOP("Core", "The file is empty."),
    QT_TRANSLATE_NOOP("Core", "The file is not a PDF or an image (PNG, JPEG, TIFF)."),
    QT_TRANSLATE_NOOP("Core", "The image is damaged and cannot be read."),
    QT_TRANSLATE_NOOP("Core", "The image is too large to read (over 89 megapixels)."),
    QT_TRANSLATE_NOOP("Core", "no document has that id"),
    QT_TRANSLATE_NOOP("Core", "that document has no such page"),
)

# Core's texts with values: {date} and {date_to} are dates as core spells them ("3 June
# 2008"), {field} a field's name, {quote}, {words} and {markers} the notes' or the
# answer's own words (kept, isolated), {n}, {current}, {total}, {limit} and {count}
# numbers; {path}, {id}, {setting}, {variable} and {command} are shown left to right,
# {name}, {other}, {value} and {detail} (a model, a table, a tool's own message) isolated;
# any other value ({reason}, {record}, {source}…) is itself translated.
TEMPLATES = (
    QT_TRANSLATE_NOOP("Core", "- {place}: “{quote}” [{n}]"),
    QT_TRANSLATE_NOOP("Core", "Session of {date}, {field}"),
    QT_TRANSLATE_NOOP("Core", "Session, {field}"),
    QT_TRANSLATE_NOOP("Core", "Client record, {field}"),
    QT_TRANSLATE_NOOP("Core", "No session {range} is in the notes."),
    QT_TRANSLATE_NOOP("Core", "on {date}"),
    QT_TRANSLATE_NOOP("Core", "between {date} and {date_to}"),
    QT_TRANSLATE_NOOP("Core", "from {date} on"),
    QT_TRANSLATE_NOOP("Core", "up to {date}"),
    QT_TRANSLATE_NOOP(
        "Core",
        "Only {current} of {total} note passages are indexed yet; "
        "the answer may miss recent notes.",
    ),
    QT_TRANSLATE_NOOP("Core", "One sentence is weakly supported by its source: “{quote}”"),
    QT_TRANSLATE_NOOP("Core", "One sentence is not found in the notes: “{quote}”"),
    QT_TRANSLATE_NOOP("Core", "A sentence cited {markers}; what it says is in [{n}], cited now."),
    QT_TRANSLATE_NOOP("Core", "The answer gives {words}, which note [{n}] does not hold."),
    QT_TRANSLATE_NOOP("Core", "The answer is about {words}, which note [{n}] does not name."),
    QT_TRANSLATE_NOOP("Core", "A sentence citing [{n}] repeats the instructions' example instead."),
    QT_TRANSLATE_NOOP(
        "Core", "The answer cited [{n}], which is not one of the sources; the marker was removed."
    ),
    QT_TRANSLATE_NOOP("Core", "The question was not run because {reason}."),
    QT_TRANSLATE_NOOP("Core", "{n} of {total} earlier turns were left out to fit."),
    QT_TRANSLATE_NOOP("Core", "{n} of {total} sources were left out to fit the model's context."),
    # The assistant's status and a model's reason for being in use (TEXTS, above).
    QT_TRANSLATE_NOOP(
        "Core", "The assistant is unavailable: {part} is not installed. Notes work as usual."
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "The assistant is unavailable: no {kind} is chosen. "
        "Run `chartside models use-{command} PATH`.",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "The assistant is unavailable: the {kind} {name} is missing from {path}. "
        "Notes work as usual.",
    ),
    QT_TRANSLATE_NOOP("Core", "The assistant answers with {name} ({reason})."),
    QT_TRANSLATE_NOOP("Core", "{name} needs about {n} GiB of RAM and {count} GiB is free"),
    # Errors with values. A more particular template comes before a more general one.
    QT_TRANSLATE_NOOP("Core", "The question is {n} characters long; the limit is {limit}."),
    QT_TRANSLATE_NOOP(
        "Core",
        "The question needs {n} tokens with the instructions; "
        "the model's context holds {total}, {count} of them kept for the answer.",
    ),
    QT_TRANSLATE_NOOP("Core", "Too many questions: the limit is {n} a minute."),
    QT_TRANSLATE_NOOP("Core", "Wait {n} {unit} and try again."),
    QT_TRANSLATE_NOOP(
        "Core",
        "This workspace's notes are embedded with {name}, which is not installed on this "
        "computer, so they are searched by their words only.",
    ),
    QT_TRANSLATE_NOOP("Core", "an embedding dimension of {n} cannot be indexed (limit 4000)"),
    QT_TRANSLATE_NOOP("Core", "The passphrase must have at least {n} characters."),
    QT_TRANSLATE_NOOP("Core", "The OS keyring cannot be used: {reason} ({name})."),
    QT_TRANSLATE_NOOP(
        "Core",
        "The OS keyring changed (was {name}, now {other}), "
        "so Chartside's key is not where it was stored.",
    ),
    QT_TRANSLATE_NOOP("Core", "The OS keyring refused to store the key: {detail}."),
    QT_TRANSLATE_NOOP("Core", "The OS keyring could not be read: {detail}."),
    QT_TRANSLATE_NOOP("Core", "workspace {id} has no data key"),
    QT_TRANSLATE_NOOP("Core", "workspace {id} has no recovery key"),
    QT_TRANSLATE_NOOP("Core", "workspace {id} has no {kind} key"),
    QT_TRANSLATE_NOOP("Core", "the {kind} secret does not open workspace {id}"),
    QT_TRANSLATE_NOOP("Core", "the data keys of workspace {id} do not match its master key"),
    QT_TRANSLATE_NOOP("Core", "cannot decrypt {id}: the stored value is truncated"),
    QT_TRANSLATE_NOOP("Core", "cannot decrypt {id}: unknown format {name}"),
    QT_TRANSLATE_NOOP(
        "Core",
        "cannot decrypt {id}: written with key version {n}, which this workspace does not have",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "cannot decrypt {id}: integrity check failed "
        "(the value was altered or belongs to another record)",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "stored key-derivation parameters are below the Argon2id floor "
        "(m={n} KiB, t={count}, p={total})",
    ),
    QT_TRANSLATE_NOOP("Core", "is already used by another {record}"),
    QT_TRANSLATE_NOOP("Core", "is too long ({n} characters; the limit is {limit})"),
    QT_TRANSLATE_NOOP("Core", "must be text, not {name}"),
    QT_TRANSLATE_NOOP("Core", "must be one of {name}"),
    QT_TRANSLATE_NOOP("Core", "must be between 1 and {n}"),
    # core/documents/transfer.py: a document in an import file
    QT_TRANSLATE_NOOP("Core", "must be text of at most {n} characters"),
    QT_TRANSLATE_NOOP("Core", "must be a date, YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("Core", "must be the file in base64"),
    QT_TRANSLATE_NOOP("Core", "does not match the file (damaged in transit?)"),
    QT_TRANSLATE_NOOP("Core", "has an unknown field: {field}"),
    QT_TRANSLATE_NOOP("Core", "is not valid UTF-8 JSON ({where})"),
    QT_TRANSLATE_NOOP("Core", "line {n} column {count}"),
    QT_TRANSLATE_NOOP("Core", 'must be an object with "format": "{name}"'),
    QT_TRANSLATE_NOOP("Core", "the folder {path} does not exist"),
    QT_TRANSLATE_NOOP("Core", "the backup folder {path} does not exist"),
    QT_TRANSLATE_NOOP("Core", "{path} already exists"),
    QT_TRANSLATE_NOOP("Core", "The file is {n} MB; documents are limited to 50 MB."),
    QT_TRANSLATE_NOOP("Core", "The title is longer than {n} characters."),
    QT_TRANSLATE_NOOP("Core", "{name} is not installed on this computer."),
    QT_TRANSLATE_NOOP("Core", "{record} {id} does not exist"),
    QT_TRANSLATE_NOOP("Core", "cannot read the backup file {path}: {detail}"),
    QT_TRANSLATE_NOOP(
        "Core", "the backup file has format version {n}; this Chartside reads {total}"
    ),
    QT_TRANSLATE_NOOP("Core", "the backup was made by a newer Chartside (database schema {id})"),
    QT_TRANSLATE_NOOP("Core", "the backup file ends early, inside {part} (truncated)"),
    QT_TRANSLATE_NOOP("Core", "part {n} of the backup file is damaged (bad length)"),
    QT_TRANSLATE_NOOP("Core", "part {n} of the backup file has an unknown kind"),
    QT_TRANSLATE_NOOP(
        "Core", "part {n} of the backup file failed its integrity check (damaged or altered)"
    ),
    QT_TRANSLATE_NOOP("Core", "part {n}"),
    QT_TRANSLATE_NOOP("Core", "cannot restore into {path}: it is not an empty folder"),
    QT_TRANSLATE_NOOP("Core", "cannot restore into {path}: it is inside the data folder in use"),
    QT_TRANSLATE_NOOP(
        "Core", "the restored table {name} has {n} rows; the backup recorded {total}"
    ),
    QT_TRANSLATE_NOOP("Core", "the restored notes of workspace {id} differ from the backup"),
    QT_TRANSLATE_NOOP(
        "Core", "database migration ({command} to {id}) failed: {detail}; no change was made"
    ),
    QT_TRANSLATE_NOOP("Core", "{name} failed: {detail}"),
    QT_TRANSLATE_NOOP("Core", "See {path}."),
    QT_TRANSLATE_NOOP("Core", "the database server did not answer for {n} s"),
    QT_TRANSLATE_NOOP("Core", "the database server exited during start-up (code {n})"),
    QT_TRANSLATE_NOOP("Core", "another database server (pid {id}) is already using {path}"),
    QT_TRANSLATE_NOOP("Core", "a database server left behind (pid {id}) did not stop"),
    QT_TRANSLATE_NOOP("Core", "cannot read database credentials in {path}: {detail}"),
    QT_TRANSLATE_NOOP("Core", "a database already exists in {path}"),
    QT_TRANSLATE_NOOP("Core", "no database in {path}"),
    QT_TRANSLATE_NOOP("Core", "no Chartside database in {path}"),
    QT_TRANSLATE_NOOP("Core", "Chartside data already exists in {path}"),
    QT_TRANSLATE_NOOP(
        "Core",
        "the database role {name} is SUPERUSER or BYPASSRLS, so workspaces would not be isolated",
    ),
    QT_TRANSLATE_NOOP("Core", "row-level security is not forced on {name}"),
    QT_TRANSLATE_NOOP("Core", "{action} is turned off: {setting} = false {source}"),
    # app/policy_models.py: the generator the policy fixes, refused and shown in use.
    QT_TRANSLATE_NOOP("Core", '{action} is turned off: {setting} = "{value}" {source}'),
    QT_TRANSLATE_NOOP("Core", "locked by {setting} {source}"),
    QT_TRANSLATE_NOOP("Core", "{setting} is locked by the policy file {path}"),
    QT_TRANSLATE_NOOP("Core", "setting {setting}={value} {source} is invalid: {detail}"),
    QT_TRANSLATE_NOOP("Core", "Set {setting} in config.toml or CHARTSIDE_{variable}."),
    QT_TRANSLATE_NOOP("Core", "policy file {path} is not valid TOML: {detail}"),
    QT_TRANSLATE_NOOP("Core", "{source} is not valid TOML: {detail}"),
    QT_TRANSLATE_NOOP("Core", "in the policy file {path}, line {n}"),
    QT_TRANSLATE_NOOP("Core", "in config.toml {path}, line {n}"),
    QT_TRANSLATE_NOOP("Core", "from CHARTSIDE_{variable}"),
    QT_TRANSLATE_NOOP("Core", "the policy file {path}"),
    QT_TRANSLATE_NOOP("Core", "config.toml {path}"),
)

# The only templates a whole line of an answer is matched against: a model's line must never
# meet an error's broad template ("See {path}.", "{name} failed: {detail}") and be rewritten.
ANSWER_LINES = ("- {place}: “{quote}” [{n}]", "No session {range} is in the notes.")

_KEPT = {"quote", "words", "markers", "n", "current", "total", "limit", "count"}
# Values shown left to right whatever the sentence's direction (a path, an id, a setting,
# a command) and values shown in their own direction (a name, a tool's own words).
_LTR = {"path", "id", "setting", "variable", "command"}
_ISOLATED = {"name", "other", "value", "detail", "names"}
_locale = QLocale(QLocale.Language.English)


def set_language(locale: QLocale) -> None:
    """The locale dates in core's texts are spelt in (the UI's language)."""
    global _locale
    _locale = locale


def core_message(message: Message) -> str:
    """A message of core in the UI's language: its id's template, translated, with its
    values put in (a value that is a message in turn is rendered the same way)."""
    template = ENGLISH[message.id]
    translated = QCoreApplication.translate(CONTEXT, template)
    return translated.format(**{k: _param(k, v) for k, v in message.params.items()})


def core_words(message: Message | str | None) -> str:
    """Core's words whichever way they came: a message by its id; text from outside core
    (models/, app/) that has no id yet, by the catalogue's English, or as it is."""
    if message is None:
        return ""
    return core_message(message) if isinstance(message, Message) else core_text(message)


def _param(name: str, value: Param) -> str:
    if isinstance(value, Message):
        return core_message(value)
    if isinstance(value, dt.date):
        return _locale.toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")
    if isinstance(value, (int, float)):
        return str(value)
    if name in {"quote", "words"}:
        return isolate(ltr_runs(value))
    if name in _LTR:
        return ltr(value)
    if name in _ISOLATED:
        return isolate(value)
    if name == "field":
        return field_label(value)
    return value


def core_text(text: str, templates: tuple[str, ...] = TEMPLATES) -> str:
    """`text` from core in the UI's language, where the catalogue has it."""
    if not text:
        return text
    exact = QCoreApplication.translate(CONTEXT, text)
    if exact != text:
        return exact
    for pattern, template in _patterns(templates):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        translated = QCoreApplication.translate(CONTEXT, template)
        if translated == template:
            return text  # no catalogue for this language: core's English as it is
        return translated.format(**{k: _value(k, v) for k, v in match.groupdict().items()})
    return text


def core_lines(text: str) -> str:
    """An answer from core with each of its own lines translated (an extractive answer's
    heading and places); a model's answer matches none and stays as written."""
    return "\n".join(core_text(line, ANSWER_LINES) for line in text.split("\n"))


@functools.cache
def _patterns(templates: tuple[str, ...]) -> list[tuple[re.Pattern[str], str]]:
    def pattern(template: str) -> re.Pattern[str]:
        pieces = re.split(r"\{(\w+)\}", template)
        return re.compile(
            "".join(f"(?P<{p}>.+?)" if i % 2 else re.escape(p) for i, p in enumerate(pieces)),
            re.S,
        )

    return [(pattern(t), t) for t in templates]


def _value(name: str, value: str) -> str:
    if name in _KEPT:
        return isolate(ltr_runs(value)) if name in {"quote", "words"} else value
    if name in _LTR:
        return ltr(value)
    if name in _ISOLATED:
        return isolate(value)
    if name in {"date", "date_to"} and (day := _spoken_date(value)) is not None:
        return _locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")
    if name == "field":
        # Core names a field by its key, spaced and capitalised ("Medical history").
        key = value.lower().replace(" ", "_")
        label = field_label(key)
        return value if label == key else label
    return core_text(value)


def _spoken_date(text: str) -> dt.date | None:
    found = find_dates(text)
    whole = len(found) == 1 and (found[0].start, found[0].end) == (0, len(text))
    return found[0].date if whole else None


def ui_language() -> str:
    """The window's language as an ISO 639-1 code ("en", "he")."""
    return _locale.name().split("_")[0]
