"""Message ids: Dictation."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "dictation.no_sound_input": QT_TRANSLATE_NOOP(
        "Core", "There is no sound input on this computer."
    ),
    "dictation.no_speech_model_installed": QT_TRANSLATE_NOOP(
        "Core", "No speech model is installed."
    ),
    "dictation.recording_not_mono": QT_TRANSLATE_NOOP(
        "Core", "The recording is not mono 16-bit PCM."
    ),
    "dictation.recording_damaged": QT_TRANSLATE_NOOP("Core", "The recording is damaged."),
    "dictation.no_session_id": QT_TRANSLATE_NOOP("Core", "no session has that id"),
    "dictation.no_recording_id": QT_TRANSLATE_NOOP("Core", "no kept recording has that id"),
    # app/microphone.py
    "dictation.no_sound_library": QT_TRANSLATE_NOOP(
        "Core", "The sound library (PortAudio) is not installed."
    ),
    "dictation.install_portaudio": QT_TRANSLATE_NOOP("Core", "Install the libportaudio2 package."),
    "dictation.no_microphone_opened": QT_TRANSLATE_NOOP("Core", "No microphone could be opened."),
    "dictation.connect_or_allow_microphone": QT_TRANSLATE_NOOP(
        "Core", "Connect a microphone, or allow Chartside to use it."
    ),
}
