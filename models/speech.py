"""The speech recogniser (implements `core.dictation.ports.Transcriber`): Whisper weights in
CTranslate2's format, driven through CTranslate2 itself.

Not through faster-whisper: it imports PyAV at import time, and PyAV's wheels carry FFmpeg
built with GPL libx264/libx265. Chartside hands the model decoded PCM, so all
faster-whisper would add is its decoding loop, which is short: features
(`models/speech_signal.py`), one beam search per piece of speech, and word times from
CTranslate2's alignment (`models/speech_words.py`). CTranslate2 downloads nothing; it is
given the packaged model's directory, checked by hash before it loads.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.dictation.current_drugs import write_current_drugs
from core.dictation.frequency import write_frequencies
from core.dictation.prompt import prompt_medications, with_medications
from core.dictation.readings import (
    NUMERALS_PROMPT,
    readings,
    take_readings,
    take_values,
    unsure_values,
)
from core.dictation.recall import mark_recalled, recall
from core.dictation.recall_sound import join_client_names
from core.dictation.repair import drug_names, repair
from core.dictation.types import PcmAudio, Transcript, Word
from core.errors import Cancelled
from core.messages import Message
from core.ports import CancelToken, Progress
from models.errors import ModelError, ModelLoadError, ModelRuntimeMissing
from models.metrics import ModelMetrics
from models.runtime import ManagedRuntime, enforce_offline, scaled
from models.speech_signal import HOP, Floats, log_mel, speech_pieces, to_float16k
from models.speech_words import timed_words
from models.worker import LoadPolicy

# Whisper's decoder holds 448 positions; a prompt may use at most half of them less one.
_MAX_POSITIONS = 448
_MAX_PROMPT_TOKENS = 223
# The share of the prompt kept for the client's vocabulary when the previous piece's text
# is also given (the rest): drug names must survive a long dictation.
_VOCABULARY_TOKENS = 150
# Whisper's own quality gates (openai/whisper `transcribe`): text that compresses this
# well is a loop; a piece the model thinks is silence and is unsure of is dropped.
_MAX_COMPRESSION = 2.4
_NO_SPEECH = 0.6
_LOW_LOGPROB = -1.0


@dataclass(frozen=True)
class SpeechSettings:
    # Dictation is foreground work the clinician waits on: both cores of the laptop.
    threads: int = 2
    # 8-bit weights: faster than float32 on a laptop CPU, and on tests/data/dictation no
    # less accurate (measured 11.7% word errors with the prompt, float32 24.5%).
    compute_type: str = "int8"
    beam_size: int = 5
    # Drug names the model bent ("Continuousertraline") written as the name, marked for
    # review (core/dictation/repair.py), the client's drugs after a verb that acts on one
    # (current_drugs.py) and a dose's frequency (frequency.py) too; off only to measure
    # the model alone.
    repair_names: bool = True
    # A piece whose words sound like a drug the prompt does not name is heard again with
    # the lexicon's nearest names added (core/dictation/recall.py); off only to measure.
    recall_names: bool = True
    # A piece with a blood pressure reading, or a vital sign whose value was not heard as
    # one number, is heard again told to write numbers as a note does, and those numbers
    # are taken from it (core/dictation/readings.py).
    hear_readings: bool = True


@dataclass
class _Loaded:
    model: Any  # ctranslate2.models.Whisper
    tokenizer: Any  # tokenizers.Tokenizer
    sot: int
    eot: int
    sot_prev: int
    no_timestamps: int
    sot_sequence: list[int]


class WhisperTranscriber(ManagedRuntime):
    """A CTranslate2 Whisper model directory (model.bin, config.json, tokenizer.json,
    vocabulary.txt). Every call into CTranslate2 runs on the runtime's owning thread, one
    piece of speech per job, so a cancel is seen between pieces."""

    kind = "speech"

    def __init__(
        self,
        model_dir: Path | str,
        *,
        name: str | None = None,
        expected_sha256: str | None = None,
        settings: SpeechSettings | None = None,
        metrics: ModelMetrics | None = None,
        load_policy: LoadPolicy | None = None,
    ) -> None:
        model_dir = Path(model_dir)
        super().__init__(
            model_dir,
            name=name or model_dir.name,
            expected_sha256=expected_sha256,
            metrics=metrics,
            load_policy=load_policy,
        )
        self.settings = settings or SpeechSettings()

    @property
    def languages(self) -> tuple[str, ...]:
        # English only, whatever the weights: multilingual Whisper base failed on Hebrew,
        # and no Hebrew-capable weights are packaged.
        return ("en",)

    def transcribe(
        self,
        audio: PcmAudio,
        *,
        prompt: str = "",
        language: str = "en",
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Transcript:
        if language not in self.languages:
            raise ModelError(
                Message("runtime.speech_language_unsupported", name=self.name, value=language),
                remediation=Message("runtime.dictation_english_only"),
            )
        samples = to_float16k(audio)
        pieces = speech_pieces(samples)
        words: list[Word] = []
        previous: list[int] = []
        for i, piece in enumerate(pieces):
            if cancel is not None:
                cancel.raise_if_cancelled()
            if self._closing.is_set():
                raise Cancelled()  # the speech model is shutting down
            chunk = samples[piece.start : piece.end]
            text, tokens, piece_words = self._worker.call(
                self._piece, chunk, piece.start_s, prompt, previous
            )
            recalled = self._worker.call(self._recall, piece_words, prompt)
            heard_with = with_medications(prompt, recalled)
            if recalled:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                text, tokens, piece_words = self._worker.call(
                    self._piece, chunk, piece.start_s, heard_with, previous
                )
                piece_words = mark_recalled(piece_words, recalled)
            unsure = readings(piece_words) or unsure_values(piece_words)
            if self.settings.hear_readings and unsure:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                _, _, again = self._worker.call(
                    self._piece, chunk, piece.start_s, f"{NUMERALS_PROMPT} {heard_with}", previous
                )
                piece_words = take_values(take_readings(piece_words, again), again)
            if text:
                words.extend(piece_words)
                previous = tokens
            if progress is not None:
                progress((i + 1) / len(pieces), f"Transcribed {i + 1} of {len(pieces)} pieces")
        if self.settings.repair_names and words:
            words = self._worker.call(self._repair, words, prompt)
        return Transcript(
            # The words' own spelling, so that `text` and `words` never disagree.
            text=" ".join(w.text for w in words),
            words=tuple(words),
            duration_s=round(audio.duration_s, 3),
            language=language,
            model_id=self.model_id,
        )

    # -- owning thread -------------------------------------------------------------------
    def _repair(self, words: list[Word], prompt: str) -> list[Word]:
        loaded: _Loaded = self._ensure_loaded()
        client = frozenset(n.casefold() for m in prompt_medications(prompt) for n in m.split())
        repaired = repair(words, drug_names(client), lambda w: _one_token(loaded, w), client)
        joined = join_client_names(repaired, client)
        return write_frequencies(write_current_drugs(joined, client))

    def _recall(self, words: list[Word], prompt: str) -> list[str]:
        if not (self.settings.recall_names and words):
            return []
        loaded: _Loaded = self._ensure_loaded()
        known = frozenset(n.casefold() for m in prompt_medications(prompt) for n in m.split())
        return recall(words, known, lambda w: _one_token(loaded, w))

    def _piece(
        self, samples: Floats, offset_s: float, prompt: str, previous: list[int]
    ) -> tuple[str, list[int], list[Word]]:
        loaded: _Loaded = self._ensure_loaded()
        try:
            return self._recognise(loaded, samples, offset_s, prompt, previous)
        except Exception:
            self.metrics.errors.labels(self.name, "transcribe").inc()
            raise

    def _recognise(
        self, m: _Loaded, samples: Floats, offset_s: float, prompt: str, previous: list[int]
    ) -> tuple[str, list[int], list[Word]]:
        import ctranslate2

        features = ctranslate2.StorageView.from_array(log_mel(samples)[None])
        encoded = m.model.encode(features, to_cpu=False)
        prefix = self._prompt_tokens(m, prompt, previous) + m.sot_sequence + [m.no_timestamps]
        tokens, avg_logprob, no_speech = self._decode(m, encoded, prefix, no_repeat=0)
        text = m.tokenizer.decode(tokens).strip()
        if _compression_ratio(text) > _MAX_COMPRESSION:
            # A loop ("the the the"): decode again, forbidding repeated 3-grams.
            tokens, avg_logprob, no_speech = self._decode(m, encoded, prefix, no_repeat=3)
            text = m.tokenizer.decode(tokens).strip()
        if not tokens or (no_speech > _NO_SPEECH and avg_logprob < _LOW_LOGPROB):
            return "", [], []
        aligned = m.model.align(
            encoded, m.sot_sequence, [tokens], [samples.size // HOP], median_filter_width=7
        )[0]
        words = timed_words(
            tokens,
            lambda ids: str(m.tokenizer.decode(ids)),
            [tuple(pair) for pair in aligned.alignments],
            list(aligned.text_token_probs),
            offset_s,
        )
        return text, tokens, words

    def _decode(
        self, m: _Loaded, encoded: Any, prefix: list[int], *, no_repeat: int
    ) -> tuple[list[int], float, float]:
        result = m.model.generate(
            encoded,
            [prefix],
            beam_size=self.settings.beam_size,
            max_length=_MAX_POSITIONS - len(prefix),
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=[-1],  # the model's own list (config.json's suppress_ids)
            no_repeat_ngram_size=no_repeat,
        )[0]
        tokens = [t for t in result.sequences_ids[0] if t < m.eot]
        # scores are length-normalised log-probabilities; Whisper's gate wants the sum
        # over the tokens and the end-of-text token.
        n = len(result.sequences_ids[0])
        avg_logprob = float(result.scores[0]) * n / (n + 1) if result.scores else 0.0
        return tokens, avg_logprob, float(result.no_speech_prob)

    def _prompt_tokens(self, m: _Loaded, prompt: str, previous: list[int]) -> list[int]:
        """[startofprev] + the client's vocabulary + what was said just before, trimmed so
        the vocabulary keeps its share."""
        vocabulary: list[int] = []
        if prompt.strip():
            vocabulary = list(
                m.tokenizer.encode(" " + prompt.strip(), add_special_tokens=False).ids
            )[:_VOCABULARY_TOKENS]
        context = previous[-(_MAX_PROMPT_TOKENS - len(vocabulary)) :] if previous else []
        body = (vocabulary + context)[-_MAX_PROMPT_TOKENS:]
        return [m.sot_prev, *body] if body else []

    def _load_model(self, progress: Progress) -> _Loaded:
        self._verify(scaled(progress, 0.0, 0.5))
        progress(0.5, f"Loading {self.name}")
        enforce_offline()
        try:
            import ctranslate2
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelRuntimeMissing(
                Message("runtime.speech_runtime_missing", detail=str(exc))
            ) from exc
        try:
            model = ctranslate2.models.Whisper(
                str(self.path),
                device="cpu",
                compute_type=self.settings.compute_type,
                inter_threads=1,
                intra_threads=self.settings.threads,
            )
            tokenizer = Tokenizer.from_file(str(self.path / "tokenizer.json"))
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelLoadError(
                Message("runtime.not_a_whisper_model", name=self.name, detail=str(exc))
            ) from exc

        def special(token: str) -> int:
            found = tokenizer.token_to_id(token)
            if found is None:
                raise ModelLoadError(
                    Message("runtime.whisper_token_missing", name=self.name, value=token)
                )
            return int(found)

        sot = special("<|startoftranscript|>")
        sequence = [sot]
        if model.is_multilingual:
            sequence += [special("<|en|>"), special("<|transcribe|>")]
        return _Loaded(
            model=model,
            tokenizer=tokenizer,
            sot=sot,
            eot=special("<|endoftext|>"),
            sot_prev=special("<|startofprev|>"),
            no_timestamps=special("<|notimestamps|>"),
            sot_sequence=sequence,
        )

    def _unload_model(self, model: Any) -> None:
        model.model.unload_model()  # the weights' memory now, not when the object goes


def _one_token(m: _Loaded, word: str) -> bool:
    """Whether the tokenizer spells `word` (lower case) as one token, plain or capitalised:
    a common English word. No word list ships with Chartside; this is the model's own."""
    return any(
        len(m.tokenizer.encode(" " + w, add_special_tokens=False).ids) == 1
        for w in (word, word.capitalize())
    )


def _compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0
