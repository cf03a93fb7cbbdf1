"""A dose's frequency and the client's own drug heard again by their sound
(core/dictation/frequency.py, core/dictation/current_drugs.py). The phrases are made up
here; none is an eval script."""

from __future__ import annotations

from core.dictation.current_drugs import write_current_drugs
from core.dictation.frequency import write_frequencies
from core.dictation.types import Word

CLIENT = frozenset({"ramipril", "bisoprolol", "pantoprazole", "quetiapine", "mirtazapine"})


def _words(text: str) -> list[Word]:
    return [Word(t, 0.5 * i, 0.5 * i + 0.4, 0.8 + 0.01 * i) for i, t in enumerate(text.split())]


def _said(words: list[Word]) -> str:
    return " ".join(w.text + ("*" if w.repaired else "") for w in words)


def test_a_frequency_heard_as_words_that_sound_like_it_is_written_and_marked() -> None:
    heard = _words("Give bisoprolol 5 mg, twice day lee. Recheck pulse.")
    assert _said(write_frequencies(heard)) == "Give bisoprolol 5 mg, twice daily.* Recheck pulse."
    fixed = write_frequencies(heard)[4]
    # One word spanning the run it replaced, as unsure as the least sure of them.
    assert (fixed.start, fixed.end) == (heard[4].start, heard[6].end)
    assert fixed.confidence == min(w.confidence for w in heard[4:7])


def test_a_count_written_as_a_digit_is_read_as_said() -> None:
    assert _said(write_frequencies(_words("Ramipril 2.5 mg 1 stale."))) == (
        "Ramipril 2.5 mg once daily.*"
    )


def test_a_count_of_two_heard_as_to_after_a_dose_is_written_2_and_marked() -> None:
    heard = _words("Beclometasone 100 micrograms to puffs twice day lee.")
    assert _said(write_frequencies(heard)) == (
        "Beclometasone 100 micrograms 2* puffs twice daily.*"
    )
    for text in (
        "Switch to tablets.",  # no dose before it
        "Reduce prednisolone 10 mg to 5 mg.",  # "to" a dose, not a count
        "Fluticasone 50 micrograms to each nostril.",  # nothing counted after it
    ):
        assert _said(write_frequencies(_words(text))) == text


def test_only_the_place_after_a_dose_is_looked_at() -> None:
    for text in (
        "She is one still, calm person.",  # no dose before it
        "Quetiapine 25 mg one tablet.",  # a count, not a frequency
        "Quetiapine 25 mg once daily.",  # heard right
        "Mirtazapine 15 mg one stale and then more words than a sig holds here",  # no end
        "Quetiapine 25 one stale.",  # no unit: 25 of what
    ):
        assert _said(write_frequencies(_words(text))) == text


def test_the_clients_drug_fused_with_the_verb_is_written_as_verb_and_name() -> None:
    heard = _words("Continuum pinto prazole 40 mg in the morning.")
    assert _said(write_current_drugs(heard, CLIENT)) == (
        "Continue* pantoprazole* 40 mg in the morning."
    )
    # Joined by a hyphen, as Whisper writes a word it heard run together.
    heard = _words("Continuum-pinto prazole 40 mg.")
    assert _said(write_current_drugs(heard, CLIENT)) == "Continue* pantoprazole* 40 mg."
    assert _said(write_current_drugs(_words("Well-being 40 mg."), CLIENT)) == "Well-being 40 mg."
    heard = _words("Increase bisoprol all 5 mg.")
    assert _said(write_current_drugs(heard, CLIENT)) == "Increase bisoprolol* 5 mg."


def test_no_name_is_written_without_a_dose_after_it_or_a_clear_winner() -> None:
    for text in (
        "Continue pinto prazole as before.",  # no dose follows
        "Continue the same 40 mg.",  # near no name
        "Continue ramipril 5 mg.",  # heard right
        "Start pinto prazole 40 mg.",  # a new drug need not be the client's
    ):
        assert _said(write_current_drugs(_words(text), CLIENT)) == text
    # Two of the client's names as near as each other: neither is written.
    assert _said(write_current_drugs(_words("Continue pram 10 mg."), {"pramipexole", "pram"})) == (
        "Continue pram 10 mg."
    )
