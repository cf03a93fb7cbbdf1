"""Core's words on screen, translated. Core speaks in message ids (core/messages): an
error's message and remediation, an answer's warnings and its own lines, why the assistant
can or cannot answer, why a model is in use — each a `Message`, rendered here by id
(`core_message`): its template translated from the catalogue (lupdate reads the templates
from core/messages) and its values put in: a value that is a message is rendered in turn,
a date is written as the rest of the window writes one (2024-03-02, left to right), a path
reads left to right, a name is isolated.

Text that still comes as English is looked up whole in the catalogue, or shown as it is:
no English sentence is taken apart. What still does: a warning of a conversation stored
before ids; a model's list warnings (ModelInfo.warnings); errors models/ raises while
opening a packaged model or running one (models/packaged.py, the runtimes' own failures,
OCR, speech) and the CLI's own (app/cli), which have no id yet.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale

from core.messages import ENGLISH, Message, Param
from core.messages.answer import section_words
from ui.kit.bidi import DATE, isolate, ltr, ltr_runs
from ui.kit.fields import field_label

CONTEXT = "Core"

# Values shown left to right whatever the sentence's direction (a path, an id, a setting,
# a command) and values shown in their own direction (a name, a title, a tool's own words).
_LTR = {"path", "id", "setting", "variable", "command"}
_ISOLATED = {"name", "other", "value", "detail", "names", "title"}
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
    """Core's words whichever way they came: a message by its id; English text with no
    id (raised outside core, or stored before ids) as the catalogue has it whole, or as
    it is."""
    if message is None:
        return ""
    return core_message(message) if isinstance(message, Message) else core_text(message)


def core_lines(lines: tuple[Message, ...]) -> str:
    """An answer in the assistant's own words (a refusal, the notes quoted), one message a
    line, in the UI's language; its [n] markers are kept."""
    return "\n".join(core_message(line) for line in lines)


def _param(name: str, value: Param) -> str:
    if isinstance(value, Message):
        return core_message(value)
    if isinstance(value, dt.date):
        return ltr(value.strftime(DATE))
    if isinstance(value, (int, float)):
        return str(value)
    if name in {"quote", "words"}:  # the notes' or the answer's own words
        return isolate(ltr_runs(value))
    if name in _LTR:
        return ltr(value)
    if name in _ISOLATED:
        return isolate(value)
    if name == "field":
        return field_label(value)
    if name == "section":  # a note's field key; one the window does not name, as core does
        label = field_label(value)
        return section_words(value) if label == value else label
    return value


def core_text(text: str) -> str:
    """English `text` with no id, as the catalogue has it whole, or as it is."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def ui_language() -> str:
    """The window's language as an ISO 639-1 code ("en", "he")."""
    return _locale.name().split("_")[0]
