"""The word alignment behind the word error rate and the SOAP score (core/dictation/wer.py):
rapidfuzz's Levenshtein edit operations, read back as which heard word each said word
became."""

from __future__ import annotations

from core.dictation.wer import aligned, count_errors, words


def test_each_said_word_is_paired_with_what_it_became() -> None:
    said = words("blood pressure 116 over 80 today")
    heard = words("blood pressure 160 over 80")
    assert aligned(said, heard) == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, None)]


def test_an_inserted_word_has_no_said_side() -> None:
    said = words("start citalopram")
    heard = words("start a citalopram")
    assert aligned(said, heard) == [(0, 0), (None, 1), (1, 2)]


def test_empty_either_side() -> None:
    assert aligned([], words("one two")) == [(None, 0), (None, 1)]
    assert aligned(words("one two"), []) == [(0, None), (1, None)]
    nothing = count_errors("continue warfarin", "")
    assert (nothing.deletions, nothing.errors, nothing.key_errors) == (2, 2, 0)
    lost = count_errors("continue warfarin", "", key_terms=["warfarin"])
    assert (lost.key_words, lost.key_errors) == (1, 1)


def test_a_drug_heard_as_three_words_is_one_substitution_and_two_insertions() -> None:
    counted = count_errors(
        "Start citalopram 20 milligrams.", "Start sit a low pram 20 milligrams.", ["citalopram"]
    )
    assert (counted.substitutions, counted.deletions, counted.insertions) == (1, 0, 3)
    assert (counted.key_words, counted.key_errors) == (2, 1)
