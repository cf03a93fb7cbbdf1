"""The speech model itself (issue 29): Whisper tiny.en from its PyPI package, checked by
hash, transcribing the synthetic dictations in tests/data/dictation/ (espeak-ng; see
manifest.json) on this machine's CPU, under the offline guard every test runs with."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.dictation.score import sections_right
from core.dictation.ports import Transcriber
from core.dictation.prompt import Vocabulary, initial_prompt
from core.dictation.soap import draft_soap, traces_to
from core.dictation.types import PcmAudio, Transcript
from core.dictation.wer import ErrorCount, count_errors
from core.errors import Cancelled, ModelError
from core.progress import CancelToken
from models import packaged
from models.errors import ModelChecksumMismatch
from models.speech import WhisperTranscriber
from models.speech_audio import read_audio

DATA = Path(__file__).parents[1] / "data" / "dictation"


def _intel() -> bool:
    cpuinfo = Path("/proc/cpuinfo")
    return cpuinfo.exists() and "GenuineIntel" in cpuinfo.read_text(encoding="utf-8")


# CTranslate2 runs its int8 layers on Intel's MKL only on Intel CPUs; elsewhere (an AMD EPYC
# host, 2026-11-27) its own kernels hear these espeak-ng voices worse: pooled word errors
# 0.19 and 3 key errors, where MKL gives 0.117 and at most 2 (CT2_USE_MKL=1 there matches
# Intel, about four times slower). Each host keeps the bound measured on it, so a regression
# shows on either; docs/dictation.md states the difference.
WER_BOUND, KEY_ERROR_BOUND = (0.15, 2) if _intel() else (0.20, 3)
RECORDINGS: list[dict[str, Any]] = json.loads((DATA / "manifest.json").read_text("utf-8"))[
    "recordings"
]


@pytest.fixture(scope="module")
def speech() -> Iterator[WhisperTranscriber]:
    pm = packaged.speech()
    runtime = WhisperTranscriber(pm.path, name=pm.name, expected_sha256=pm.sha256)
    yield runtime
    runtime.close()


@pytest.fixture(scope="module")
def heard(speech: WhisperTranscriber) -> dict[str, tuple[Transcript, Transcript]]:
    """Each recording transcribed without, then with, the client's lists as the prompt."""
    out = {}
    for item in RECORDINGS:
        audio = read_audio(DATA / item["file"])
        prompt = initial_prompt(Vocabulary(tuple(item["medications"]), tuple(item["problems"])))
        out[item["file"]] = (speech.transcribe(audio), speech.transcribe(audio, prompt=prompt))
    return out


def _pooled(heard: dict[str, tuple[Transcript, Transcript]], which: int) -> ErrorCount:
    total = ErrorCount(0, 0, 0, 0)
    for item in RECORDINGS:
        said = heard[item["file"]][which].text
        total = total + count_errors(item["text"], said, item["medications"])
    return total


def test_the_packaged_weights_are_the_pinned_ones(speech: WhisperTranscriber) -> None:
    assert isinstance(speech, Transcriber)
    assert packaged.speech().sha256 == speech.digest
    assert speech.model_id.startswith("whisper-tiny.en@")
    assert speech.languages == ("en",)


def test_dictations_are_transcribed_close_to_what_was_said(
    heard: dict[str, tuple[Transcript, Transcript]],
) -> None:
    # Measured 11.7% pooled with the prompt (19% without): what is left is mostly
    # espeak-ng's own pronunciation ("physiotherapy" heard as "fizzin' off in a bit").
    with_prompt = _pooled(heard, 1)
    assert with_prompt.reference_words > 90
    assert with_prompt.wer <= WER_BOUND, with_prompt


def test_the_clients_lists_as_prompt_get_the_drug_names_right(
    heard: dict[str, tuple[Transcript, Transcript]],
) -> None:
    without, with_prompt = _pooled(heard, 0), _pooled(heard, 1)
    assert with_prompt.key_errors < without.key_errors, (without, with_prompt)
    assert with_prompt.key_errors <= KEY_ERROR_BOUND, with_prompt
    chest = heard["chest_pain.wav"][1]
    assert "lisinopril" in [w.text.strip(".,").lower() for w in chest.words]


def test_a_spoken_visit_is_sorted_into_soap_each_sentence_traced_to_its_time(
    heard: dict[str, tuple[Transcript, Transcript]],
) -> None:
    right = total = 0
    for item in RECORDINGS:
        transcript = heard[item["file"]][1]
        draft = draft_soap(transcript)
        assert traces_to(draft, transcript)  # the words said, at their times, nothing added
        sentences = re.split(r"(?<=[.!?])\s+", item["text"])
        script = list(zip(sentences, item["sections"], strict=True))
        r, n = sections_right(script, draft, transcript)
        right, total = right + r, total + n
    assert total == 13 and right / total >= 0.9, (right, total)


def test_each_word_has_its_time_in_the_recording_and_a_confidence(
    heard: dict[str, tuple[Transcript, Transcript]],
) -> None:
    for transcript in (t for pair in heard.values() for t in pair):
        ws = transcript.words
        assert ws and " ".join(w.text for w in ws) == transcript.text
        assert all(0.0 <= w.start <= w.end <= transcript.duration_s + 0.05 for w in ws)
        assert all(a.start <= b.start for a, b in itertools.pairwise(ws))
        assert all(0.0 <= w.confidence <= 1.0 for w in ws)
        # the recordings open with 0.5 s of silence and speak to within 0.5 s of the end
        assert 0.2 <= ws[0].start <= 1.0
        assert ws[-1].end >= transcript.duration_s - 1.5


def test_word_times_follow_the_speech_when_it_starts_later(speech: WhisperTranscriber) -> None:
    audio = read_audio(DATA / "knee.wav")
    pause = bytes(2 * 3 * audio.sample_rate)  # 3 s of silence before the clinician speaks
    early = speech.transcribe(audio)
    late = speech.transcribe(PcmAudio(pause + audio.samples, audio.sample_rate))
    assert [w.text for w in late.words] == [w.text for w in early.words]
    shifts = [b.start - a.start for a, b in zip(early.words, late.words, strict=True)]
    assert all(2.8 <= s <= 3.2 for s in shifts), shifts


def test_silence_and_a_quiet_room_are_not_heard_as_words(speech: WhisperTranscriber) -> None:
    rng = np.random.default_rng(7)
    room = (rng.standard_normal(16000 * 8) * 30).astype("<i2")  # about -60 dBFS
    for pcm in (bytes(2 * 16000 * 8), room.tobytes()):
        transcript = speech.transcribe(PcmAudio(pcm, 16000))
        assert transcript.text == "" and transcript.words == ()


def test_a_cancelled_dictation_stops(speech: WhisperTranscriber) -> None:
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        speech.transcribe(read_audio(DATA / "knee.wav"), cancel=cancel)


def test_other_languages_are_refused_plainly(speech: WhisperTranscriber) -> None:
    with pytest.raises(ModelError, match="English"):
        speech.transcribe(read_audio(DATA / "knee.wav"), language="he")


def test_changed_weights_are_refused_before_they_load(tmp_path: Path) -> None:
    pm = packaged.speech()
    copy = tmp_path / "whisper"
    shutil.copytree(pm.path, copy)
    with (copy / "config.json").open("a", encoding="utf-8") as f:
        f.write("\n")
    runtime = WhisperTranscriber(copy, name=pm.name, expected_sha256=pm.sha256)
    try:
        with pytest.raises(ModelChecksumMismatch):
            runtime.load()
    finally:
        runtime.close()
