"""Message ids: Dictation."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "dictation.no_sound_input_computer": QT_TRANSLATE_NOOP(
        "Core", "There is no sound input on this computer."
    ),
    "dictation.no_speech_model_installed": QT_TRANSLATE_NOOP(
        "Core", "No speech model is installed."
    ),
}
