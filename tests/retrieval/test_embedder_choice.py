"""Which embedder a workspace should use (issue 28): core's rules alone, no database and no
model. tests/retrieval/test_workspace_embedder.py runs them through the real service."""

from __future__ import annotations

import pytest

from core.retrieval.model_choice import (
    MIN_NOTES,
    advise,
    first_embedder,
    hebrew_note,
    hebrew_share,
)

MINILM = "all-MiniLM-L6-v2@c4a57a7f2011"
E5 = "multilingual-e5-small@1571fc982750"


@pytest.mark.parametrize(
    ("text", "hebrew"),
    [
        ("המטופלת מדווחת על מצב רוח ירוד ונדודי שינה מזה חודש.", True),
        # Israeli notes keep drug and lab names in Latin letters: still a Hebrew note.
        ('בבדיקות המעבדה: HbA1c 6.5 %, creatinine 0.9 mg/dL. לחץ דם 130/80 ממ"כ.', True),
        ("Sertraline 50 mg daily; follow-up in four weeks.", False),
        ("Pt seen re HTN, BP 150/95. Started Amlodipine 5 mg. ראה מכתב.", False),
        ("120/80", False),
    ],
)
def test_a_note_is_hebrew_by_its_letters(text: str, hebrew: bool) -> None:
    assert hebrew_note(text) is hebrew


def test_the_share_counts_notes_with_letters_only() -> None:
    share, counted = hebrew_share(["כאבים בברך ימין.", "Knee pain.", "120/80", "סחרחורת."])
    assert (round(share, 3), counted) == (0.667, 3)
    assert hebrew_share([]) == (0.0, 0)


def test_a_workspace_created_in_hebrew_starts_with_the_multilingual_embedder() -> None:
    assert first_embedder("he", MINILM, E5) == E5
    assert first_embedder("en", MINILM, E5) == MINILM
    # Not installed on this computer: the one it has.
    assert first_embedder("he", MINILM, None) == MINILM


def test_mostly_hebrew_notes_on_another_embedder_are_advised_to_switch() -> None:
    advice = advise(MINILM, E5, 0.8, 40)
    assert advice is not None and (advice.current, advice.suggested) == (MINILM, E5)
    assert advice.suggested_name == "multilingual-e5-small"
    assert advice.reason.startswith("80% of this workspace's notes are in Hebrew.")
    assert "all-MiniLM-L6-v2" in advice.reason and "re-embeds" in advice.reason


@pytest.mark.parametrize(
    ("current", "multilingual", "share", "notes"),
    [
        (E5, E5, 0.9, 40),  # already on it
        (MINILM, None, 0.9, 40),  # not installed here
        (MINILM, E5, 0.3, 40),  # mostly English
        (MINILM, E5, 1.0, MIN_NOTES - 1),  # too few notes to tell
    ],
)
def test_no_advice(current: str, multilingual: str | None, share: float, notes: int) -> None:
    assert advise(current, multilingual, share, notes) is None
