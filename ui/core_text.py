"""Core's words on screen, translated: error messages, remediations and the assistant's
own words come from `core` in English (core never imports Qt), so the ones a user meets are
listed here for lupdate and looked up by their English text. Texts with values in them
(an extractive answer's lines, a warning naming a date) are matched against their English
template (`TEMPLATES`); their values are translated in turn, except the notes' own words.
Translating at display time also covers answers stored in English before.
A text matching nothing stays as core wrote it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from core.assistant.dates import find_dates
from ui.bidi import isolate, ltr_runs
from ui.fields import field_label

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
        "Core", "The answer cited no source and none supports it, so it is not shown."
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
)

# Core's texts with values: {date} and {date_to} are dates as core spells them ("3 June
# 2008"), {field} a field's name, {quote}, {words} and {markers} the notes' or the
# answer's own words (kept, isolated), {n}, {current} and {total} numbers; any other value
# is itself translated.
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
)

_KEPT = {"quote", "words", "markers", "n", "current", "total"}
_locale = QLocale(QLocale.Language.English)


def set_language(locale: QLocale) -> None:
    """The locale dates in core's texts are spelt in (the UI's language)."""
    global _locale
    _locale = locale


def core_text(text: str) -> str:
    """`text` from core in the UI's language, where the catalogue has it."""
    if not text:
        return text
    exact = QCoreApplication.translate(CONTEXT, text)
    if exact != text:
        return exact
    for pattern, template in _patterns():
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
    return "\n".join(core_text(line) for line in text.split("\n"))


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    def pattern(template: str) -> re.Pattern[str]:
        pieces = re.split(r"\{(\w+)\}", template)
        return re.compile(
            "".join(f"(?P<{p}>.+?)" if i % 2 else re.escape(p) for i, p in enumerate(pieces)),
            re.S,
        )

    return [(pattern(t), t) for t in TEMPLATES]


def _value(name: str, value: str) -> str:
    if name in _KEPT:
        return isolate(ltr_runs(value)) if name in {"quote", "words"} else value
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
