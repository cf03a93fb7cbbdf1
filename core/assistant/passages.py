"""Which of the passages found a question is answered from: for "first" and "latest", the
one session it asks about; for "what was given for X", the lines that list what was given."""

from __future__ import annotations

from typing import Any

from core.retrieval.search import strong_match
from core.retrieval.synonyms import mentions_treatment


def first_or_latest(hits: list[Any], order: str) -> list[Any]:
    """A "latest" or "first" question answered from the one session it asks about: every
    passage found of the latest (earliest) session that matched the question's words, and
    for "first" the client's record, where onsets are kept. Offered every session, a small
    model took an older reading as the latest one. Unchanged when nothing matched."""
    strong = [h for h in hits if strong_match(h)]
    lead = next((h.session_id for h in strong if h.session_id is not None), None)
    kept = [
        h
        for h in hits
        if (lead is not None and h.session_id == lead)
        or (h.session_id is None and order in ("first", "onset") and strong_match(h))
    ]
    return kept or hits


def with_treatment_lines(found: list[Any], kept: list[Any]) -> list[Any]:
    """For "what was given for X": the kept sessions' passages that list what was given
    ("Medications: IV normal saline") come along, however unlike the question they read."""
    sessions = {h.session_id for h in kept if h.session_id is not None}
    ids = {h.chunk_id for h in kept}
    return [
        h
        for h in found
        if h.chunk_id in ids or (h.session_id in sessions and mentions_treatment(h.text))
    ]
