"""A live take (core/dictation/recorder.py, issue 29) with the real packaged speech model,
fed a real recording (espeak-ng, tests/data/dictation) as a microphone would feed it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.compose import migrations_dir
from core.dictation.recorder import Recording
from core.dictation.wer import words
from core.domain import ClientData
from core.errors import Locked
from core.services.service import ChartsideService
from models import packaged, packaged_speech
from models.speech import WhisperTranscriber
from tests.conftest import PASSPHRASE, make_settings
from tests.dictation_source import DATA, WavSource


@pytest.fixture(scope="module")
def speech() -> Iterator[WhisperTranscriber]:
    pm = packaged.speech()
    runtime = WhisperTranscriber(pm.path, name=pm.name, expected_sha256=pm.sha256)
    yield runtime
    runtime.close()


def test_words_come_while_the_take_grows_and_the_finished_take_has_them_all(
    speech: WhisperTranscriber,
) -> None:
    source = WavSource(DATA / "chest_pain.wav", speed=2.0)
    take = Recording(source, speech, prompt="Medications: metformin, lisinopril.")
    passes: list[list[str]] = []
    while not source.played.is_set():
        passes.append(words(take.update().text))
    assert take.elapsed_s > 0 and 0.0 <= take.level <= 1.0
    final = take.finish()
    assert source.stopped.is_set() and take.state == "stopped"
    heard = words(final.text)
    # Words were there before the end, and the last passes' words begin the final ones.
    assert any(p for p in passes[:-1]), passes
    assert {"chest", "pain", "metformin", "lisinopril"} <= set(heard), heard
    assert [w.start for w in final.words] == sorted(w.start for w in final.words)
    assert all(0 <= w.start <= w.end <= final.duration_s for w in final.words)
    assert final.text == " ".join(w.text for w in final.words)


def test_a_cancelled_take_forgets_its_sound_and_words(speech: WhisperTranscriber) -> None:
    source = WavSource(DATA / "knee.wav", speed=4.0)
    take = Recording(source, speech)
    while take.elapsed_s < 3.0:
        take.update()
    take.cancel()
    assert source.stopped.is_set() and take.state == "cancelled"
    assert take.elapsed_s == 0.0 and take.level == 0.0
    assert take.update().words == ()


def test_the_service_stops_every_take_when_it_locks_and_refuses_one_while_locked(
    tmp_path: Path,
) -> None:
    pm = packaged.speech()
    sources: list[WavSource] = []

    def microphone() -> WavSource:
        sources.append(WavSource(DATA / "knee.wav", speed=4.0))
        return sources[-1]

    svc = ChartsideService(
        make_settings(tmp_path / "data"),
        migrations_dir(),
        transcriber=lambda: WhisperTranscriber(pm.path, name=pm.name, expected_sha256=pm.sha256),
        audio_source=microphone,
    )
    try:
        svc.initialise(PASSPHRASE)
        assert svc.dictation.languages == ("en",)
        client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
        take = svc.dictation.record(client.id)
        while take.elapsed_s < 1.0:
            take.update()
        svc.lock()
        assert sources[0].stopped.is_set() and take.state == "cancelled"
        assert take.elapsed_s == 0.0
        with pytest.raises(Locked):
            svc.dictation.record(client.id)
        assert len(sources) == 1  # no microphone was opened while locked
    finally:
        svc.close()


def test_the_light_model_shows_the_words_and_the_chosen_one_writes_the_transcript(
    tmp_path: Path, speech: WhisperTranscriber
) -> None:
    base = packaged_speech.whisper_base(tmp_path / "cache")
    svc = ChartsideService(
        make_settings(tmp_path / "data"),
        migrations_dir(),
        transcriber=lambda: WhisperTranscriber(
            base.path, name=base.name, expected_sha256=base.sha256
        ),
        audio_source=lambda: WavSource(DATA / "chest_pain.wav", speed=2.0),
        live_transcriber=lambda: speech,
    )
    try:
        svc.initialise(PASSPHRASE)
        take = svc.dictation.record()
        live = take.update()
        while take.elapsed_s < 3.0:
            live = take.update()
        assert live.model_id == speech.model_id  # the words as they come: tiny.en's
        final = take.finish()
        assert final.model_id.startswith("whisper-base@")  # the whole take, heard by base
        assert {"chest", "pain"} <= set(words(final.text)), final.text
        assert all(0 <= w.start <= w.end <= final.duration_s for w in final.words)
        assert take.update().model_id.startswith("whisper-base@")  # no pass undoes it
    finally:
        svc.close()
