"""The mark that lets pyside6-lupdate find core's English templates.

lupdate reads source text, not imports: a call spelt `QT_TRANSLATE_NOOP("Core", "…")` puts
its text in ui/i18n/chartside_he.ts, keyed by the English template, which the window then
translates by id. Core never imports Qt, so the mark is this function, which does nothing.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    return text
