"""How well a SOAP draft sorted what was said: each sentence of the script carries the
section it belongs in; its words are followed through the word alignment to the draft
sentences they became, and it counts as right when most of them landed in its section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from core.dictation.soap import Section, SoapDraft
from core.dictation.types import Transcript
from core.dictation.wer import aligned, words


def sections_right(
    script: Sequence[tuple[str, Section]], draft: SoapDraft, transcript: Transcript
) -> tuple[int, int]:
    """(sentences in the right section, sentences) for one recording."""
    ref: list[str] = []
    owner: list[int] = []  # the script sentence of each reference word
    for k, (sentence, _) in enumerate(script):
        ws = words(sentence)
        ref += ws
        owner += [k] * len(ws)
    hyp: list[str] = []
    placed: list[Section] = []  # the draft section of each hypothesis word
    for s in draft.sentences:
        for w in transcript.words[s.first : s.last]:
            ws = words(w.text)
            hyp += ws
            placed += [s.section] * len(ws)
    votes: list[Counter[Section]] = [Counter() for _ in script]
    for i, j in aligned(ref, hyp):
        if i is not None and j is not None:
            votes[owner[i]][placed[j]] += 1
    right = sum(
        1
        for (_, section), vote in zip(script, votes, strict=True)
        if vote and vote.most_common(1)[0][0] == section
    )
    return right, len(script)
