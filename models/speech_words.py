"""Tokens to words with times and confidences: the recogniser's text tokens, grouped into
words as Whisper's tokenizer spells them, timed by CTranslate2's cross-attention alignment.

The grouping and the timing follow faster-whisper's `Tokenizer.split_to_word_tokens` and
`WhisperModel.find_alignment` (MIT licence), rewritten here because faster-whisper cannot
be imported without PyAV, whose wheels carry GPL FFmpeg builds."""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence

import numpy as np

from core.dictation.types import Word

# 16 kHz / (160-sample hop * the encoder's stride of 2): one alignment step is 20 ms.
TOKENS_PER_SECOND = 50
_REPLACEMENT = "\ufffd"
_PUNCTUATION = set(string.punctuation) | {"…", "“", "”", "‘", "’"}

Decode = Callable[[list[int]], str]


def split_tokens(tokens: Sequence[int], decode: Decode) -> list[tuple[str, list[int]]]:
    """(text, tokens) of each word. A word starts at a token that begins with a space; a
    token of punctuation stands alone (it is joined to the word before it afterwards), and
    a character split over several byte-level tokens is kept whole."""
    pieces = _split_on_unicode(tokens, decode)
    words: list[tuple[str, list[int]]] = []
    for text, toks in pieces:
        stripped = text.strip()
        starts_word = text.startswith(" ") or stripped in _PUNCTUATION or not words
        if starts_word:
            words.append((text, list(toks)))
        else:
            prev_text, prev_toks = words[-1]
            words[-1] = (prev_text + text, prev_toks + list(toks))
    return words


def _split_on_unicode(tokens: Sequence[int], decode: Decode) -> list[tuple[str, list[int]]]:
    full = decode(list(tokens))
    out: list[tuple[str, list[int]]] = []
    current: list[int] = []
    offset = 0
    for token in tokens:
        current.append(token)
        text = decode(current)
        at = text.find(_REPLACEMENT)
        # A replacement character that is not in the full text is half a character: wait
        # for the rest of its bytes.
        if at < 0 or (offset + at < len(full) and full[offset + at] == _REPLACEMENT):
            out.append((text, current))
            offset += len(text)
            current = []
    return out


def timed_words(
    tokens: Sequence[int],
    decode: Decode,
    alignments: Sequence[tuple[int, int]],
    token_probs: Sequence[float],
    offset_s: float,
) -> list[Word]:
    """Words of `tokens` (text tokens only) with start and end times in the recording.

    `alignments` are CTranslate2's (text token index, 20 ms frame) pairs along the
    alignment path (the end-of-text token included), `token_probs` each text token's
    probability; a word's confidence is the mean of its tokens', and punctuation is
    joined to the word before it (a lone mark leaves that word's times and confidence
    as they were)."""
    if not tokens or not alignments:
        return []
    groups = split_tokens(tokens, decode)
    text_idx = np.array([a for a, _ in alignments])
    time_idx = np.array([b for _, b in alignments])
    jumps = np.pad(np.diff(text_idx), (1, 0), constant_values=1).astype(bool)
    jump_times = time_idx[jumps] / TOKENS_PER_SECOND
    bounds = np.concatenate(([0], np.cumsum([len(toks) for _, toks in groups])))
    probs = np.asarray(token_probs, dtype=np.float64)
    # (text, first token, end token, start s, end s) of each word, punctuation joined.
    merged: list[tuple[str, int, int, float, float]] = []
    for k, (text, _) in enumerate(groups):
        lo, hi = int(bounds[k]), int(bounds[k + 1])
        start = float(jump_times[min(lo, jump_times.size - 1)])
        end = float(jump_times[min(hi, jump_times.size - 1)])
        stripped = text.strip()
        if not stripped:
            continue
        if merged and not text.startswith(" ") and stripped[0] in _PUNCTUATION:
            prev_text, prev_lo, prev_hi, prev_start, prev_end = merged[-1]
            if stripped in _PUNCTUATION:  # "days." keeps the times of "days"
                merged[-1] = (prev_text + stripped, prev_lo, prev_hi, prev_start, prev_end)
            else:  # "4" ",500": one number, timed and scored whole
                merged[-1] = (prev_text + stripped, prev_lo, hi, prev_start, end)
            continue
        merged.append((stripped, lo, hi, start, end))
    return [
        Word(
            text,
            round(offset_s + start, 2),
            round(offset_s + end, 2),
            float(np.mean(probs[lo:hi])) if probs.size >= hi > lo else 0.0,
        )
        for text, lo, hi, start, end in merged
    ]
