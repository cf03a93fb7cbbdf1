"""Which words of a transcript the clinician should look at before saving: the
numbers and drug names the recogniser was unsure of, where a mistake changes a dose or a
drug ("met 4,500" for "metformin 500"), any word it barely heard, and every word written
as a drug name rather than as heard (`core/dictation/repair.py`), however sure the
recogniser was of what it heard."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from core.dictation.prompt import Vocabulary
from core.dictation.types import Word
from core.timeline.extract import extract

Reason = Literal["number", "drug", "unsure"]

# Word confidences on tests/data/dictation: right words mostly 0.8-1.0; misheard numbers
# and drugs 0.2-0.65 ("140" at 0.22, "4,500" at 0.64); a word below 0.4 is a guess.
NUMBER_OR_DRUG_BELOW = 0.7
ANY_WORD_BELOW = 0.4


def to_review(words: Sequence[Word], vocabulary: Vocabulary | None = None) -> dict[int, Reason]:
    """Index of each word to highlight, and why."""
    drugs = _drug_words(words, vocabulary or Vocabulary())
    out: dict[int, Reason] = {}
    for i, word in enumerate(words):
        if word.repaired:
            out[i] = "drug" if i in drugs else "unsure"
        elif word.confidence < NUMBER_OR_DRUG_BELOW and any(c.isdigit() for c in word.text):
            out[i] = "number"
        elif word.confidence < NUMBER_OR_DRUG_BELOW and i in drugs:
            out[i] = "drug"
        elif word.confidence < ANY_WORD_BELOW:
            out[i] = "unsure"
    return out


def _drug_words(words: Sequence[Word], vocabulary: Vocabulary) -> set[int]:
    """Words that name a drug: the client's own, or any the timeline's reader knows."""
    known = {n.casefold() for name in vocabulary.medications for n in name.split()}
    text = " ".join(w.text for w in words)
    starts: list[int] = []
    offset = 0
    for w in words:
        starts.append(offset)
        offset += len(w.text) + 1
    found = {i for i, w in enumerate(words) if w.text.strip(".,;:!?").casefold() in known}
    for fact in extract(text, "plan").facts:
        if fact.kind == "medication":
            found |= {i for i, s in enumerate(starts) if fact.start <= s < fact.end}
    return found
