"""Dictation's logic without the model (issue 29): the recogniser's prompt from a client's
timeline, word error rate, tokens to timed words, the speech detector, Whisper's features
(held to transformers' reference implementation) and reading WAV and FLAC."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import uuid
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest
import soundfile

from core.dictation.prompt import Vocabulary, initial_prompt, vocabulary_from_facts
from core.dictation.soap import Section, SoapDraft, draft_soap, traces_to
from core.dictation.types import AudioUnreadable, PcmAudio, Transcript, Word
from core.dictation.wer import count_errors, words
from core.timeline.types import Fact, TimelineFact
from models.speech_audio import read_audio
from models.speech_signal import SAMPLE_RATE, log_mel, speech_pieces, to_float16k
from models.speech_words import split_tokens, timed_words


def _fact(kind: str, name: str, day: int) -> TimelineFact:
    fact = Fact(kind, name, 0, len(name), name)  # type: ignore[arg-type]
    return TimelineFact(
        uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), dt.datetime(2024, 1, day), "plan", fact, name
    )


# -- the prompt ------------------------------------------------------------------------
def test_the_prompt_lists_the_clients_drugs_and_problems_newest_first_each_once() -> None:
    facts = [  # oldest first, as the timeline hands them out
        _fact("medication", "lisinopril", 1),
        _fact("diagnosis", "hypertension", 1),
        _fact("measurement", "weight", 2),
        _fact("medication", "metformin", 3),
        _fact("medication", "Lisinopril", 4),
        _fact("diagnosis", "type 2 diabetes", 4),
    ]
    vocabulary = vocabulary_from_facts(facts)
    assert vocabulary == Vocabulary(
        ("Lisinopril", "metformin"), ("type 2 diabetes", "hypertension")
    )
    assert initial_prompt(vocabulary) == (
        "Medications: Lisinopril, metformin. Problems: type 2 diabetes, hypertension."
    )


def test_a_long_history_loses_its_oldest_names_to_fit_the_prompt() -> None:
    meds = tuple(f"drug{i:02d}" for i in range(60))  # newest first
    problems = ("asthma", "gout")
    text = initial_prompt(Vocabulary(meds, problems), max_chars=200)
    assert len(text) <= 200
    assert text.startswith("Medications: drug00, drug01,")
    assert "drug59" not in text
    assert text.endswith("Problems: asthma, gout.")


def test_no_lists_no_prompt() -> None:
    assert initial_prompt(Vocabulary()) == ""
    assert initial_prompt(Vocabulary(problems=("asthma",))) == "Problems: asthma."


# -- word error rate -------------------------------------------------------------------
def test_word_error_rate_counts_substitutions_deletions_and_insertions() -> None:
    counted = count_errors(
        "Start lisinopril 10 milligrams daily.",
        "start listing April 10 milligrams",
        key_terms=["lisinopril"],
    )
    # lisinopril -> listing (S), + April (I), daily deleted (D)
    assert (counted.substitutions, counted.insertions, counted.deletions) == (1, 1, 1)
    assert counted.reference_words == 5
    assert counted.wer == pytest.approx(3 / 5)
    # key words: lisinopril and 10; only the drug was lost
    assert (counted.key_words, counted.key_errors) == (2, 1)
    pooled = counted + count_errors("heart rate 72", "heart rate 72")
    assert pooled.wer == pytest.approx(3 / 8)
    assert pooled.key_error_rate == pytest.approx(1 / 3)


def test_the_same_words_written_another_way_are_not_errors() -> None:
    said = "Follow up: A1c 7.9 percent. Metformin 1000 milligrams; recheck in three months."
    heard = "Follow-up. A1c 7.9%, metformin 1,000 milligrams, recheck in 3 months"
    assert count_errors(said, heard).errors == 0
    assert words("140/90, don’t") == ["140", "90", "don't"]


def test_a_unit_written_as_its_symbol_is_the_same_word_and_a_different_unit_is_not() -> None:
    said = "Metformin 500 milligrams. Weight 72 kilograms. Fluids 250 millilitres, B12 1 microgram."
    heard = "Metformin 500 mg. Weight 72 kg. Fluids 250 mL, B12 1 µg."
    assert count_errors(said, heard).errors == 0
    assert words("1 milligram, 2 MG, 3 kilos, 4 mcg, 5 μg") == [
        "1", "mg", "2", "mg", "3", "kg", "4", "mcg", "5", "mcg",
    ]  # fmt: skip
    # A microgram is a thousandth of a milligram: that slip is an error, and so is a unit
    # heard as another word.
    wrong = count_errors("levothyroxine 50 micrograms daily", "levothyroxine 50 mg daily")
    assert (wrong.substitutions, wrong.errors) == (1, 1)
    assert count_errors("furosemide 40 milligrams", "furosemide 40 milli grams").errors == 2


# -- tokens to timed words -------------------------------------------------------------
PIECES = {1: " Start", 2: " met", 3: "formin", 4: " 4", 5: ",", 6: "500", 7: " daily", 8: "."}


def _decode(ids: list[int]) -> str:
    return "".join(PIECES[i] for i in ids)


def test_tokens_are_grouped_into_words_as_spelled() -> None:
    groups = split_tokens([1, 2, 3, 7, 8], _decode)
    # "formin" has no leading space: it ends the word " met" began; "." stands alone here
    assert groups == [(" Start", [1]), (" metformin", [2, 3]), (" daily", [7]), (".", [8])]


def test_words_get_times_from_the_alignment_and_confidence_from_their_tokens() -> None:
    tokens = [1, 2, 3, 4, 5, 6, 7, 8]
    # (text token, 20 ms frame): token k first aligned at frame 10 * k; index 8 is <|eot|>.
    path = [(k, 10 * k + j) for k in range(9) for j in range(3)]
    probs = [0.9, 0.4, 0.8, 0.5, 1.0, 0.7, 0.6, 1.0]
    out = timed_words(tokens, _decode, path, probs, offset_s=12.0)
    assert [w.text for w in out] == ["Start", "metformin", "4,500", "daily."]
    assert [(w.start, w.end) for w in out] == [
        (12.0, 12.2),  # token 0 at frame 0, the next word at frame 10
        (12.2, 12.6),
        (12.6, 13.2),  # "4" ",500": one number, timed whole
        (13.2, 13.4),  # "daily" ends where "." starts: the mark does not stretch it
    ]
    assert [round(w.confidence, 3) for w in out] == [0.9, 0.6, round((0.5 + 1 + 0.7) / 3, 3), 0.6]


def test_no_tokens_no_words() -> None:
    assert timed_words([], _decode, [], [], 0.0) == []


# -- finding speech ------------------------------------------------------------------
def _noise(seconds: float, level: float, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(int(seconds * SAMPLE_RATE)) * level).astype(np.float32)


def test_silence_holds_no_speech() -> None:
    assert speech_pieces(np.zeros(10 * SAMPLE_RATE, dtype=np.float32)) == []
    assert speech_pieces(_noise(10, 0.001)) == []  # a quiet room, nobody speaking


def test_speech_between_pauses_is_one_piece_without_the_silence_around_it() -> None:
    signal = np.concatenate(
        [_noise(3, 0.001), _noise(2, 0.2, 1), _noise(1, 0.001, 2), _noise(1.5, 0.2, 3),
         _noise(4, 0.001, 4)]
    )  # fmt: skip
    pieces = speech_pieces(signal)
    assert len(pieces) == 1
    start, end = pieces[0].start / SAMPLE_RATE, pieces[0].end / SAMPLE_RATE
    assert 2.6 <= start <= 3.0  # 0.2 s kept before the first word
    assert 7.5 <= end <= 7.9  # speech ends at 7.5 s


def test_a_long_talk_is_cut_at_pauses_into_pieces_the_model_can_hear() -> None:
    # 70 s of talk without a pause: loudness rises and falls with the syllables (4 a
    # second), so the quietest instants are between syllables, which is where to cut.
    t = np.arange(70 * SAMPLE_RATE) / SAMPLE_RATE
    syllables = np.sin(2 * np.pi * 2 * t) ** 2  # zero every 0.25 s
    signal = (_noise(70, 0.2) * (0.02 + syllables)).astype(np.float32)
    pieces = speech_pieces(signal, max_s=28.0)
    assert len(pieces) == 3
    assert all(p.end - p.start <= 28 * SAMPLE_RATE for p in pieces)
    assert pieces[0].start == 0 and pieces[-1].end == signal.size
    assert all(a.end == b.start for a, b in itertools.pairwise(pieces))
    for p in pieces[:-1]:  # each cut falls between syllables (within a 20 ms frame)
        between = (p.end / SAMPLE_RATE * 4) % 1
        assert min(between, 1 - between) < 0.1


# -- Whisper's features --------------------------------------------------------------
def test_log_mel_features_match_transformers_whisper_feature_extractor() -> None:
    from transformers import WhisperFeatureExtractor

    t = np.arange(7 * SAMPLE_RATE) / SAMPLE_RATE
    chirp = 0.3 * np.sin(2 * np.pi * (200 + 300 * t) * t) + _noise(7, 0.01).astype(np.float64)
    samples = chirp.astype(np.float32)
    ours = log_mel(samples)
    reference = WhisperFeatureExtractor()(
        samples, sampling_rate=SAMPLE_RATE, return_tensors="np"
    ).input_features[0]
    assert ours.shape == reference.shape == (80, 3000)
    assert np.max(np.abs(ours - reference)) < 2e-3


def test_another_sample_rate_is_resampled_to_16_khz_keeping_its_pitch() -> None:
    rate = 22_050
    tone = (0.5 * np.sin(2 * np.pi * 440 * np.arange(rate) / rate) * 32767).astype("<i2")
    out = to_float16k(PcmAudio(tone.tobytes(), rate))
    assert out.size == SAMPLE_RATE
    spectrum = np.abs(np.fft.rfft(out))
    assert np.argmax(spectrum) == 440  # 1 s at 16 kHz: one bin per hertz


# -- reading recordings -----------------------------------------------------------------
def _encoded(samples: np.ndarray, rate: int, fmt: str, subtype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


def test_wav_and_flac_are_read_to_mono_pcm_without_ffmpeg() -> None:
    left = np.full(800, 0.5, dtype=np.float32)
    right = np.full(800, -0.25, dtype=np.float32)
    stereo = np.stack([left, right], axis=1)
    for fmt, subtype in (("WAV", "PCM_16"), ("WAV", "FLOAT"), ("FLAC", "PCM_24")):
        audio = read_audio(_encoded(stereo, 8000, fmt, subtype))
        assert audio.sample_rate == 8000 and audio.frames == 800
        mono = np.frombuffer(audio.samples, dtype="<i2")
        assert abs(int(mono[0]) - round(0.125 * 32767)) <= 2


def test_a_file_that_is_not_wav_or_flac_is_refused_without_naming_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ogg = tmp_path / "Yael Cohen visit.ogg"
    soundfile.write(ogg, np.zeros(1600, dtype=np.float32), 16000, format="OGG")
    with pytest.raises(AudioUnreadable) as refused:
        read_audio(ogg)
    assert "OGG" in str(refused.value) and "Yael" not in str(refused.value)
    with pytest.raises(AudioUnreadable):
        read_audio(b"not a recording at all")


def test_recordings_and_transcripts_never_show_their_content_in_a_repr() -> None:
    audio = PcmAudio(b"\x01\x02" * 10, 16000)
    assert "x01" not in repr(audio) and audio.frames == 10
    word = Word("metformin", 1.0, 1.5, 0.9)
    transcript = Transcript("start metformin", (word,), 2.0, "en", "m@1")
    assert "metformin" not in repr(transcript) and "metformin" not in repr(word)
    with pytest.raises(ValueError):
        PcmAudio(b"\x01", 16000)


# -- SOAP sorting -----------------------------------------------------------------------
def _spoken(text: str) -> Transcript:
    """A transcript of `text`, one word every 0.5 s."""
    ws = tuple(Word(t, i * 0.5, i * 0.5 + 0.4, 0.9) for i, t in enumerate(text.split()))
    return Transcript(text, ws, len(ws) * 0.5, "en", "m@1")


def test_each_sentence_goes_to_its_section_with_its_time() -> None:
    spoken = _spoken(
        "Patient reports knee pain for two weeks. Blood pressure 128 over 82. "
        "Findings are consistent with osteoarthritis. Start naproxen 250 mg twice daily."
    )
    draft = draft_soap(spoken)
    assert [(s.section, s.text) for s in draft.sentences] == [
        ("subjective", "Patient reports knee pain for two weeks."),
        ("objective", "Blood pressure 128 over 82."),
        ("assessment", "Findings are consistent with osteoarthritis."),
        ("plan", "Start naproxen 250 mg twice daily."),
    ]
    plan = draft.section("plan")[0]
    assert (plan.first, plan.last, plan.start, plan.end) == (17, 23, 8.5, 11.4)
    assert traces_to(draft, spoken)


def test_a_run_on_sentence_is_cut_where_its_clauses_change_section() -> None:
    spoken = _spoken(
        "She denies shortness of breath, heart rate 72, the lungs are clear, "
        "start atorvastatin 20 milligrams at night."
    )
    draft = draft_soap(spoken)
    assert [(s.section, s.text) for s in draft.sentences] == [
        ("subjective", "She denies shortness of breath,"),
        ("objective", "heart rate 72, the lungs are clear,"),  # two clauses, one section
        ("plan", "start atorvastatin 20 milligrams at night."),
    ]


def test_a_spoken_heading_decides_and_a_sentence_without_cues_follows_the_one_before() -> None:
    spoken = _spoken("Plan: bloods today. Also a leaflet. Assessment: viral illness.")
    assert [(s.section, s.why) for s in draft_soap(spoken).sentences] == [
        ("plan", "a spoken heading"),
        ("plan", "follows the sentence before"),
        ("assessment", "a spoken heading"),
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Keep her on lisinopril 10 mg.",
        "We'll add amlodipine 5 mg at night.",
        "Otherwise carry on with the salbutamol inhaler.",
        "No change to his sertraline.",
        "He should stay on aspirin 75 mg.",
        "Withhold the furosemide for two days.",
        "I'm going to put him on a trial of naproxen.",
        "Come back if the rash spreads.",
    ],
)
def test_the_ways_a_plan_is_said_open_the_plan(said: str) -> None:
    spoken = _spoken(f"Patient reports a cough. {said}")
    assert [(s.section, s.why) for s in draft_soap(spoken).sentences] == [
        ("subjective", "what the patient says"),
        ("plan", "opens with what to do"),
    ]


def test_a_condition_named_before_its_judgement_is_assessed_with_it() -> None:
    spoken = _spoken(
        "Blood pressure 150 over 90. Asthma, stable. Chest is clear. Gout. Not well "
        "controlled. His eczema is better since the last review."
    )
    assert [(s.section, s.text, s.why) for s in draft_soap(spoken).sentences] == [
        ("objective", "Blood pressure 150 over 90.", "a measurement or finding"),
        ("assessment", "Asthma, stable.", "the rest of its sentence"),
        ("objective", "Chest is clear.", "a measurement or finding"),
        ("assessment", "Gout.", "judged in the sentence after it"),
        ("assessment", "Not well controlled.", "a condition judged"),
        ("assessment", "His eczema is better since the last review.", "a condition judged"),
    ]


def test_a_symptoms_circumstance_is_no_judgement_and_a_doses_course_goes_on() -> None:
    spoken = _spoken(
        "She says her knee gives way. Her knee pain is worse on stairs. Continue naproxen "
        "250 mg, twice a day for five days."
    )
    assert [(s.section, s.text) for s in draft_soap(spoken).sentences] == [
        ("subjective", "She says her knee gives way."),
        ("subjective", "Her knee pain is worse on stairs."),
        ("plan", "Continue naproxen 250 mg, twice a day for five days."),
    ]
    # A frequency's words opening a sentence are no dose's: the sentence places them.
    spoken = _spoken("Start naproxen 250 mg. Every night, she reports waking at three.")
    assert [(s.section, s.text) for s in draft_soap(spoken).sentences] == [
        ("plan", "Start naproxen 250 mg."),
        ("subjective", "Every night, she reports waking at three."),
    ]


def test_a_draft_that_adds_changes_or_drops_words_does_not_trace() -> None:
    spoken = _spoken("Patient reports cough. Start amoxicillin 500 mg.")
    draft = draft_soap(spoken)
    assert traces_to(draft, spoken)
    first, second = draft.sentences
    changed = SoapDraft((replace(first, text="Patient reports cough and fever."), second))
    moved = SoapDraft((replace(first, end=9.0), second))
    dropped = SoapDraft((second,))
    assert not any(traces_to(d, spoken) for d in (changed, moved, dropped))


def test_a_sorter_names_the_sections_and_the_words_stay_the_transcripts() -> None:
    spoken = _spoken("Patient reports cough. Chest is clear. Start amoxicillin 500 mg.")
    asked: list[list[str]] = []

    def sorter(clauses: Sequence[str]) -> list[Section] | None:
        asked.append(list(clauses))
        return ["subjective", "assessment", "plan"]

    draft = draft_soap(spoken, sort=sorter)
    assert asked == [["Patient reports cough.", "Chest is clear.", "Start amoxicillin 500 mg."]]
    assert [(s.section, s.why) for s in draft.sentences] == [
        ("subjective", "the local model"),
        ("assessment", "the local model"),
        ("plan", "the local model"),
    ]
    assert traces_to(draft, spoken)


def test_a_sorter_that_fails_or_miscounts_leaves_the_visit_to_the_rules() -> None:
    spoken = _spoken("Patient reports cough. Chest is clear. Start amoxicillin 500 mg.")
    by_rules = draft_soap(spoken)
    assert draft_soap(spoken, sort=lambda clauses: None) == by_rules
    assert draft_soap(spoken, sort=lambda clauses: ["plan"]) == by_rules


def test_the_sorter_places_only_what_no_rule_places_when_asked_to() -> None:
    spoken = _spoken("Patient reports cough. Chest is clear. Viral. Start fluids.")
    asked: list[list[str]] = []

    def sorter(clauses: Sequence[str]) -> list[Section] | None:
        asked.append(list(clauses))  # every clause, for context
        return ["plan", "plan", "assessment", "subjective"]

    draft = draft_soap(spoken, sort=sorter, unplaced_only=True)
    assert asked == [["Patient reports cough.", "Chest is clear.", "Viral.", "Start fluids."]]
    assert [(s.section, s.why) for s in draft.sentences] == [
        ("subjective", "what the patient says"),
        ("objective", "a measurement or finding"),
        ("assessment", "the local model"),
        ("plan", "opens with what to do"),
    ]
    assert traces_to(draft, spoken)
    # Where every clause has a rule, the model is not asked at all.
    asked.clear()
    placed = _spoken("Patient reports cough. Start fluids.")
    assert draft_soap(placed, sort=sorter, unplaced_only=True) == draft_soap(placed)
    assert asked == []
