"""The dictation part's Protocol (`ChartsideApi.dictation`)."""

from __future__ import annotations

from typing import Literal, Protocol
from uuid import UUID

from core.dictation.recorder import Recording
from core.dictation.soap import SoapDraft
from core.dictation.types import KeptRecording, PcmAudio, Transcript


class DictationPart(Protocol):
    """Speech to text into a note (docs/dictation.md): live takes from the microphone, heard
    on this computer. The sound and the words are held in memory only, unless the clinician
    keeps a take's sound with the note: then it is stored encrypted with the session."""

    @property
    def languages(self) -> tuple[str, ...]:
        """What the speech model transcribes (ISO 639-1; ("en",) today); () when there is no
        speech model. Reads the model registry, loads nothing: off the GUI thread."""
        ...

    def record(self, client_id: UUID | None = None, language: str = "en") -> Recording:
        """Begin a take from the microphone. With `client_id`, that client's medications and
        problems steer the spelling (an audited read of their notes). Raises
        `DictationUnavailable` without a model or a microphone, `Locked` while locked. The
        take's `update` and `finish` run the model: off the GUI thread too."""
        ...

    def draft(self, transcript: Transcript) -> SoapDraft:
        """A dictated visit's transcript sorted into a SOAP draft: the rules place what a
        cue of theirs places, the local model the rest (the rules alone without a model).
        Never adds a word. May load and run the model: off the GUI thread."""
        ...

    def keep(self, session_id: UUID, audio: PcmAudio) -> KeptRecording:
        """Store a take's sound with the (saved) session, encrypted like a note; audited.
        `NotFound` when the session is gone."""
        ...

    def recordings(self, session_id: UUID) -> list[KeptRecording]:
        """The session's kept recordings, oldest first: their lengths, never their sound."""
        ...

    def recording_file(self, recording_id: UUID, purpose: Literal["play", "export"]) -> bytes:
        """A kept recording decrypted, as a WAV file's bytes in memory; audited as a play
        or an export. Where the bytes go is the caller's: never a temporary file."""
        ...

    def delete_recording(self, recording_id: UUID) -> None:
        """Remove a kept recording (the note stays); audited."""
        ...
