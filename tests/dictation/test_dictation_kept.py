"""Recordings kept with a note (issue 29, "audio is never written to disk in the clear; it
is kept only if the clinician chooses, and then encrypted like a note"): on the real
embedded PostgreSQL, with a real recording's sound."""

from __future__ import annotations

import base64
import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import text

from core.dictation.kept import pcm_of, wav_bytes
from core.dictation.types import PcmAudio
from core.domain import ClientData, SessionData
from core.errors import NotFound
from core.records import workspaces as w
from core.services.service import ChartsideService
from models.speech_audio import read_audio
from tests.conftest import PASSPHRASE
from tests.dictation_source import DATA


@pytest.fixture(scope="module")
def knee() -> PcmAudio:
    return read_audio(DATA / "knee.wav")


def _session(svc: ChartsideService) -> tuple[UUID, UUID]:
    client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
    session = svc.notes.create_session(
        client.id, SessionData(date=dt.datetime(2024, 3, 2, 10), subjective="Knee pain.")
    )
    return client.id, session.id


def _stored(svc: ChartsideService) -> list[Any]:
    with svc.db.owner.connect() as conn:  # the superuser: what is really in the table
        return list(conn.execute(text("SELECT * FROM session_recordings")))


def _actions(svc: ChartsideService) -> list[str]:
    return [e["action"] for e in svc.health.audit_export()]


def _needles(audio: PcmAudio) -> list[bytes]:
    """Slices of the sound from where the speech is (not the silence at either end)."""
    middle = len(audio.samples) // 2
    return [audio.samples[i : i + 512] for i in (middle // 2, middle, middle + middle // 2)]


def test_a_kept_take_is_ciphertext_and_reads_back_equal(
    service: ChartsideService, knee: PcmAudio
) -> None:
    _, sid = _session(service)
    kept = service.dictation.keep(sid, knee)
    assert (kept.session_id, kept.sample_rate, kept.media_type) == (sid, 16_000, "audio/wav")
    assert kept.duration_s == pytest.approx(knee.duration_s, abs=0.001)
    assert [r.id for r in service.dictation.recordings(sid)] == [kept.id]

    [row] = _stored(service)
    blob = bytes(row.content)
    assert blob[:2] == b"\x01\x01"  # the ciphertext header (core/security/crypto.py)
    assert b"RIFF" not in blob and b"WAVE" not in blob
    for needle in _needles(knee):
        assert needle not in blob
    assert row.size_bytes == len(wav_bytes(knee))

    wav = service.dictation.recording_file(kept.id, "play")
    assert wav == wav_bytes(knee) and pcm_of(wav) == knee
    assert service.dictation.recording_file(kept.id, "export") == wav
    actions = _actions(service)
    for action in ("recording.keep", "recording.list", "recording.play", "recording.export"):
        assert action in actions
    keep_event = next(e for e in service.health.audit_export() if e["action"] == "recording.keep")
    assert keep_event["details"]["session"] == str(sid)


def test_nothing_is_kept_for_a_session_that_is_not_there(
    service: ChartsideService, knee: PcmAudio
) -> None:
    with pytest.raises(NotFound):
        service.dictation.keep(UUID(int=7), knee)
    assert _stored(service) == [] and "recording.keep" not in _actions(service)


def test_the_sound_is_not_on_disk_in_the_clear(service: ChartsideService, knee: PcmAudio) -> None:
    tmp = Path(tempfile.gettempdir())
    before = {p for p in tmp.iterdir()}
    _, sid = _session(service)
    service.dictation.keep(sid, knee)
    with service.db.owner.connect() as conn:
        conn.execute(text("CHECKPOINT"))  # from shared buffers to the data files
    needles = _needles(knee)
    assert all(max(n) > 0 for n in needles)  # sound, not the silence around it
    data_dir = service.settings.data_dir
    scanned = 0
    for path in data_dir.rglob("*"):
        if path.is_file() and not path.is_socket():
            blob = path.read_bytes()
            scanned += len(blob)
            assert b"WAVEfmt" not in blob, path.relative_to(data_dir)
            for needle in needles:
                assert needle not in blob, f"sound found in {path.relative_to(data_dir)}"
    assert scanned > 10_000_000  # the whole cluster, WAL included
    # Nothing new in the system's temporary directory holds it either.
    for path in {p for p in tmp.iterdir()} - before:
        for found in [path] if path.is_file() else path.rglob("*"):
            if found.is_file() and not found.is_socket():
                try:
                    blob = found.read_bytes()
                except OSError:  # gone meanwhile: the temporary directory is shared
                    continue
                assert not any(n in blob for n in needles), found


def test_deleted_with_its_session_with_its_client_and_on_its_own(
    service: ChartsideService, knee: PcmAudio
) -> None:
    _, sid = _session(service)
    service.dictation.keep(sid, knee)
    service.notes.delete_session(sid)
    assert _stored(service) == []

    cid, sid = _session(service)
    service.dictation.keep(sid, knee)
    service.notes.delete_client(cid)
    assert _stored(service) == []

    _, sid = _session(service)
    kept = service.dictation.keep(sid, knee)
    service.dictation.delete_recording(kept.id)
    assert _stored(service) == [] and service.dictation.recordings(sid) == []
    assert service.notes.get_session(sid).data.subjective == "Knee pain."  # the note stays
    assert "recording.delete" in _actions(service)
    with pytest.raises(NotFound):
        service.dictation.recording_file(kept.id, "play")


def test_another_workspace_cannot_see_or_read_it(service: ChartsideService, knee: PcmAudio) -> None:
    _, sid = _session(service)
    kept = service.dictation.keep(sid, knee)
    other, _key, *_ = w.create_workspace(
        service.db, "other", PASSPHRASE, service.settings.crypto, "someone"
    )
    with service.db.tx(other) as conn:  # the runtime role under the other workspace
        seen = conn.execute(text("SELECT count(*) FROM session_recordings")).scalar_one()
        changed = conn.execute(
            text("DELETE FROM session_recordings WHERE id = :i"), {"i": kept.id}
        ).rowcount
    assert (seen, changed) == (0, 0)
    with service.db.tx(None) as conn:  # no workspace at all
        assert conn.execute(text("SELECT count(*) FROM session_recordings")).scalar_one() == 0
    assert service.dictation.recording_file(kept.id, "play") == wav_bytes(knee)


def test_key_rotation_reencrypts_kept_recordings(service: ChartsideService, knee: PcmAudio) -> None:
    _, sid = _session(service)
    kept = service.dictation.keep(sid, knee)
    version = service.keys.rotate_data_key()
    assert service.keys.reencrypt_pending() == 0
    [row] = _stored(service)
    assert int.from_bytes(bytes(row.content)[2:6], "big") == version
    assert pcm_of(service.dictation.recording_file(kept.id, "play")) == knee
    encryption = next(c for c in service.health.doctor() if c.name == "encryption")
    assert encryption.ok


def test_the_export_leaves_kept_recordings_out(service: ChartsideService, knee: PcmAudio) -> None:
    _, sid = _session(service)
    service.dictation.keep(sid, knee)
    doc = service.notes.export_doc()
    raw = json.dumps(doc)
    assert doc["clients"][0]["sessions"][0]["subjective"] == "Knee pain."
    assert "recording" not in raw and "audio/wav" not in raw
    wav = base64.b64encode(wav_bytes(knee)[:3000]).decode("ascii")
    assert wav[:400] not in raw
