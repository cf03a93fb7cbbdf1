"""A note field to its facts (docs/timeline.md). Pure and fast: it runs in the transaction that
saves the note, and over every stored note when the timeline is backfilled."""

from __future__ import annotations

from core.timeline.clinical import read_clinical
from core.timeline.measures.reader import read_measurements
from core.timeline.medications.reader import read_medications
from core.timeline.types import Extraction
from core.timeline.vocab import drug_vocab

# Bumped whenever what the extractor reads changes: stored facts of an older version are
# re-derived by the backfill, as chunks of an older embedder are re-embedded.
VERSION = 26


def warm() -> None:
    """Read the drug vocabulary now (about 0.4 s, once per process), so that the first note
    saved after start-up does not pay for it inside its transaction."""
    drug_vocab.vocabulary()


def extract(text: str | None, field: str) -> Extraction:
    """The facts of one note field (`field`: subjective, objective, assessment, plan,
    medical_history or notes) and the values flagged as unbelievable."""
    if not text or not text.strip():
        return Extraction([], [])
    measurements, flags = read_measurements(text)
    facts = [*measurements, *read_medications(text, field), *read_clinical(text, field)]
    facts.sort(key=lambda f: (f.start, f.kind))
    return Extraction(facts, flags)


def read_fields(fields: list[tuple[str, str]]) -> list[Extraction]:
    """The extractor over (text, field) pairs: what a large backfill hands a process of its
    own (this module imports no more than the extractor, so that process starts quickly)."""
    return [extract(value, name) for value, name in fields]
