"""The microphone, through PortAudio (`sounddevice`, MIT; Debian's libportaudio2): the
`AudioSource` a live take hears (core/dictation/ports.py). QtMultimedia would do it too,
but it is in PySide6-Addons, hundreds of MB, not in PySide6-Essentials (docs/dictation.md).

PortAudio hands each block over from its own thread as 16-bit mono PCM, converted by
PortAudio itself; the blocks go straight to the take, in memory, and nowhere else."""

from __future__ import annotations

import threading
from typing import Any

from core.dictation.ports import BlockListener
from core.dictation.types import DictationUnavailable
from core.messages import Message

# 0.1 s blocks: the level meter moves ten times a second; the model hears far larger
# stretches, so a block's size costs nothing in accuracy.
BLOCK_S = 0.1
# Whisper hears 16 kHz; a device that cannot record at it records at its own rate, which
# the model's side resamples (models/speech_signal.py).
PREFERRED_RATE = 16_000


class Microphone:
    """The system's default input device."""

    def __init__(self, device: int | str | None = None) -> None:
        self._device = device
        self._stream: Any = None
        self._lock = threading.Lock()
        self._rate = PREFERRED_RATE

    @property
    def sample_rate(self) -> int:
        return self._rate

    def start(self, on_block: BlockListener) -> None:
        try:
            import sounddevice  # pyright: ignore[reportMissingTypeStubs]
        except OSError as exc:  # the Python side is there, libportaudio2 is not
            raise DictationUnavailable(
                Message("dictation.no_sound_library"),
                remediation=Message("dictation.install_portaudio"),
            ) from exc

        def callback(data: Any, _frames: int, _time: Any, _status: Any) -> None:
            on_block(bytes(data))

        with self._lock:
            if self._stream is not None:
                return
            try:
                self._rate = self._supported_rate(sounddevice)
                stream = sounddevice.RawInputStream(
                    samplerate=self._rate,
                    blocksize=int(self._rate * BLOCK_S),
                    device=self._device,
                    channels=1,
                    dtype="int16",
                    callback=callback,
                )
                stream.start()
            except (sounddevice.PortAudioError, ValueError) as exc:
                # PortAudio's text names the device, never what it heard.
                raise DictationUnavailable(
                    Message("dictation.no_microphone_opened"),
                    remediation=Message("dictation.connect_or_allow_microphone"),
                ) from exc
            self._stream = stream

    def stop(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()

    def _supported_rate(self, sounddevice: Any) -> int:
        try:
            sounddevice.check_input_settings(
                device=self._device, channels=1, dtype="int16", samplerate=PREFERRED_RATE
            )
            return PREFERRED_RATE
        except (sounddevice.PortAudioError, ValueError):
            info = sounddevice.query_devices(self._device, "input")
            return int(info["default_samplerate"])
