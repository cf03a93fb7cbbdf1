"""Recordings kept with a note: a take's sound, when the clinician chooses to
keep it, stored with the session it was dictated into as a WAV file, encrypted like an
attached document's file, inside a caller's transaction (so a keep and its audit event
commit together, or neither).

WAV, built in memory by the standard library: core carries no codec, and a WAV file is
what any player on any system opens after an export. Nothing here writes a file."""

from __future__ import annotations

import io
import uuid
import wave
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, delete, insert, select

from core.db import schema as s
from core.dictation.types import SAMPLE_WIDTH, AudioUnreadable, KeptRecording, PcmAudio
from core.errors import NotFound
from core.messages import Message
from core.security.crypto import CellCipher

r = s.session_recordings
MEDIA_TYPE = "audio/wav"


def wav_bytes(audio: PcmAudio) -> bytes:
    """The sound as a mono 16-bit WAV file's bytes, in memory."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(SAMPLE_WIDTH)
        w.setframerate(audio.sample_rate)
        w.writeframes(audio.samples)
    return out.getvalue()


def pcm_of(data: bytes) -> PcmAudio:
    """A kept WAV file's sound again (the inverse of `wav_bytes`)."""
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            if w.getnchannels() != 1 or w.getsampwidth() != SAMPLE_WIDTH:
                raise AudioUnreadable(Message("dictation.recording_not_mono"))
            return PcmAudio(w.readframes(w.getnframes()), w.getframerate())
    except (wave.Error, EOFError):
        raise AudioUnreadable(Message("dictation.recording_damaged")) from None


def session_exists(conn: Connection, session_id: UUID) -> bool:
    found = conn.execute(select(s.sessions.c.id).where(s.sessions.c.id == session_id)).first()
    return found is not None


def insert_recording(
    conn: Connection, cipher: CellCipher, session_id: UUID, audio: PcmAudio
) -> UUID:
    if not session_exists(conn, session_id):
        raise NotFound(Message("dictation.no_session_id"))
    data = wav_bytes(audio)
    rec_id = uuid.uuid4()
    conn.execute(
        insert(r).values(
            id=rec_id,
            workspace_id=cipher.workspace_id,
            session_id=session_id,
            media_type=MEDIA_TYPE,
            sample_rate=audio.sample_rate,
            duration_ms=round(audio.duration_s * 1000),
            size_bytes=len(data),
            content=cipher.encrypt_bytes("session_recordings", "content", rec_id, data),
        )
    )
    return rec_id


_INFO = (r.c.id, r.c.session_id, r.c.duration_ms, r.c.sample_rate, r.c.size_bytes,
         r.c.media_type, r.c.created_at)  # fmt: skip


def _info(row: Any) -> KeptRecording:
    return KeptRecording(
        id=row.id,
        session_id=row.session_id,
        duration_s=int(row.duration_ms) / 1000,
        sample_rate=int(row.sample_rate),
        size_bytes=int(row.size_bytes),
        media_type=row.media_type,
        created_at=row.created_at,
    )


def recordings_of(conn: Connection, session_id: UUID) -> list[KeptRecording]:
    """The session's kept recordings, oldest first (the order they were dictated)."""
    rows = conn.execute(
        select(*_INFO).where(r.c.session_id == session_id).order_by(r.c.created_at, r.c.id)
    )
    return [_info(row) for row in rows]


def get_recording(conn: Connection, rec_id: UUID) -> KeptRecording:
    row = conn.execute(select(*_INFO).where(r.c.id == rec_id)).first()
    if row is None:
        raise NotFound(Message("dictation.no_recording_id"))
    return _info(row)


def content(conn: Connection, cipher: CellCipher, rec_id: UUID) -> bytes:
    """The WAV file's bytes, decrypted, in memory."""
    row = conn.execute(select(r.c.content).where(r.c.id == rec_id)).first()
    if row is None:
        raise NotFound(Message("dictation.no_recording_id"))
    return cipher.decrypt_bytes("session_recordings", "content", rec_id, bytes(row.content))


def delete_recording(conn: Connection, rec_id: UUID) -> UUID:
    """Removes it; returns its session's id."""
    row = conn.execute(delete(r).where(r.c.id == rec_id).returning(r.c.session_id)).first()
    if row is None:
        raise NotFound(Message("dictation.no_recording_id"))
    return row.session_id
