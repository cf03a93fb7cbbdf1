"""The dictation part of the service: live takes from the microphone, heard by
the local speech model with the client's own drug and problem names as its prompt. Handed
out whole as the facade's `dictation` part. The sound and the words stay in memory, unless
the clinician chooses to keep a take's sound with the note: then it is stored encrypted
with the session (`core/dictation/kept.py`), each keep, read and delete audited."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Literal
from uuid import UUID

from sqlalchemy import Connection

from core.dictation import kept
from core.dictation.ports import AudioSource, Transcriber
from core.dictation.prompt import initial_prompt, vocabulary_from_facts
from core.dictation.recorder import Recording
from core.dictation.soap import SoapDraft, draft_soap
from core.dictation.soap_model import model_sorter
from core.dictation.types import DictationUnavailable, KeptRecording, PcmAudio, Transcript
from core.errors import ChartsideError
from core.messages import Message
from core.ports import Generator
from core.security.crypto import CellCipher
from core.services.session import WorkspaceSession
from core.services.timeline_ops import TimelineService

# Each opens its thing on first use: the speech model's registry entry, the microphone.
TranscriberFactory = Callable[[], Transcriber]
SourceFactory = Callable[[], AudioSource]
# The assistant's generator, opened on first use; None where there is no model.
GeneratorFactory = Callable[[], Generator | None]
# The local model's answer for one visit's sections; past it the rules sort alone.
SORT_TIMEOUT_S = 120.0
# Why a kept recording's sound is read: each is its own audit action.
Purpose = Literal["play", "export"]


class DictationService:
    def __init__(
        self,
        session: WorkspaceSession,
        timeline: TimelineService,
        transcriber: TranscriberFactory | None = None,
        source: SourceFactory | None = None,
        live: TranscriberFactory | None = None,
        generator: GeneratorFactory | None = None,
    ) -> None:
        """`transcriber` None: no speech model here; `source` None: no microphone; `live`:
        a lighter model for the words shown while speaking, the speech model then hearing
        the whole take when it stops (None: the speech model does both); `generator`: the
        local model that places what the SOAP rules cannot (None, the default setting: the
        rules alone)."""
        self.session, self._timeline = session, timeline
        self._open_transcriber, self._open_source = transcriber, source
        self._open_live = live
        self._generator = generator
        self._transcriber: Transcriber | None = None
        self._live: Transcriber | None = None
        self._lock = threading.Lock()
        self._takes: weakref.WeakSet[Recording] = weakref.WeakSet()
        self._retired: list[Transcriber] = []

    @property
    def languages(self) -> tuple[str, ...]:
        """What the speech model transcribes (ISO 639-1); () without one. Loads nothing."""
        try:
            return self._model().languages
        except ChartsideError:  # not installed, or its registry entry is damaged
            return ()

    def record(self, client_id: UUID | None = None, language: str = "en") -> Recording:
        """A take from the microphone, begun; with `client_id`, that client's medications
        and problems (a read of their notes, audited) steer the spelling."""
        self.session.require_active()
        if self._open_source is None:
            raise DictationUnavailable(Message("dictation.no_sound_input"))
        transcriber = self._model()
        prompt = ""
        if client_id is not None:
            prompt = initial_prompt(vocabulary_from_facts(self._timeline.facts(client_id)))
        live = self._live_model()
        if live is None or live.model_id == transcriber.model_id:
            take = Recording(self._open_source(), transcriber, prompt=prompt, language=language)
        else:
            take = Recording(
                self._open_source(), live, prompt=prompt, language=language, final=transcriber
            )
        with self._lock:
            self._takes.add(take)
        return take

    def draft(self, transcript: Transcript) -> SoapDraft:
        """The dictated visit as a SOAP draft: the rules place each clause a cue of theirs
        places; with a generator (`models.soap_model_sort`), the local model the rest (the
        rules again where there is no model or its answer is unusable), else each goes with
        the clause before it. Every sentence is the transcript's own words."""
        generator = self._generator() if self._generator is not None else None
        if generator is None:
            return draft_soap(transcript)
        sort = model_sorter(generator, timeout_s=SORT_TIMEOUT_S)
        return draft_soap(transcript, sort=sort, unplaced_only=True)

    # -- recordings kept with a note -------------------------------------------------------
    def keep(self, session_id: UUID, audio: PcmAudio) -> KeptRecording:
        """Store `audio` with the session, encrypted (the clinician chose to keep it)."""

        def work(c: Connection, k: CellCipher) -> KeptRecording:
            return kept.get_recording(c, kept.insert_recording(c, k, session_id, audio))

        return self.session.run(
            work,
            "recording.keep",
            lambda rec: rec.id,
            lambda rec: {
                "session": str(rec.session_id),
                "seconds": rec.duration_s,
                "bytes": rec.size_bytes,
            },
        )

    def recordings(self, session_id: UUID) -> list[KeptRecording]:
        return self.session.run(
            lambda c, k: kept.recordings_of(c, session_id),
            "recording.list",
            session_id,
            lambda found: {"count": len(found)},
        )

    def recording_file(self, recording_id: UUID, purpose: Purpose) -> bytes:
        """The kept recording as a WAV file's bytes, in memory; audited as a play or an
        export."""
        return self.session.run(
            lambda c, k: kept.content(c, k, recording_id), f"recording.{purpose}", recording_id
        )

    def delete_recording(self, recording_id: UUID) -> None:
        self.session.run(
            lambda c, k: kept.delete_recording(c, recording_id),
            "recording.delete",
            recording_id,
            lambda session_id: {"session": str(session_id)},
        )

    def reopen(self) -> None:
        """Another speech model was chosen: the next take opens it. The one in use closes
        once no take needs it (here, or when the service closes)."""
        with self._lock:
            old, self._transcriber = self._transcriber, None
            busy = any(t.state == "recording" for t in self._takes)
            if old is not None:
                self._retired.append(old)
            retired = [] if busy else self._retired
            self._retired = self._retired if busy else []
        for transcriber in retired:
            transcriber.close()

    def cancel_all(self) -> None:
        """Stop every take and forget its sound (the workspace is locking)."""
        with self._lock:
            takes = list(self._takes)
        for take in takes:
            take.cancel()

    def close(self) -> None:
        self.cancel_all()
        with self._lock:
            transcriber, self._transcriber = self._transcriber, None
            live, self._live = self._live, None
            closing, self._retired = [*self._retired, transcriber, live], []
        for runtime in closing:
            if runtime is not None:
                runtime.close()

    def _model(self) -> Transcriber:
        with self._lock:
            if self._transcriber is None:
                if self._open_transcriber is None:
                    raise DictationUnavailable(Message("dictation.no_speech_model_installed"))
                self._transcriber = self._open_transcriber()
            return self._transcriber

    def _live_model(self) -> Transcriber | None:
        """The light model, or None where there is none (or it cannot be opened: the
        speech model then shows the words as they come too)."""
        with self._lock:
            if self._live is None and self._open_live is not None:
                try:
                    self._live = self._open_live()
                except ChartsideError:
                    self._open_live = None
            return self._live
