"""What the second hearing of a blood pressure reading may change
(core/dictation/readings.py): only a reading's first number; and of a vital sign whose value
was not heard as one number: only the words where that number belongs. Made-up phrases."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.dictation.readings import readings, take_readings, take_values, unsure_values
from core.dictation.types import Word


def _words(text: str) -> list[Word]:
    return [Word(t, 0.5 * i, 0.5 * i + 0.4, 0.9) for i, t in enumerate(text.split())]


def test_readings_are_a_number_over_a_number() -> None:
    heard = _words("BP 150 over 90, pulse 70 over the last week, 3 over 4.5")
    assert readings(heard) == [(1, "150", "90")]


def test_only_the_first_number_of_a_reading_is_taken_and_marked() -> None:
    first = _words("Pressure 170 over 95. Start 1 daily, recheck 150 over 85 later.")
    again = _words("Pressure 117 over 95. Start once daily, recheck 150 over 85 later.")
    taken = take_readings(first, again)
    assert [w.text for w in taken] == [w.text for w in first[:1]] + ["117"] + [
        w.text for w in first[2:]
    ]
    assert [i for i, w in enumerate(taken) if w.repaired] == [1]
    assert taken[1].start == first[1].start and taken[1].confidence == first[1].confidence


def test_a_reading_heard_differently_below_the_line_is_left_alone() -> None:
    first = _words("BP 160 over 80.")
    assert take_readings(first, _words("BP 116 over 86.")) == first
    assert take_readings(first, _words("BP 116 and 80.")) == first
    kept = take_readings(_words("BP 160 over 80."), _words("BP 116 over 80."))
    assert kept[1].text == "116" and kept[3].text == "80."


def test_a_vital_signs_value_heard_as_words_is_unsure() -> None:
    heard = _words(
        "Pulse baby oxygen saturation 97 percent. Heart rate of 100 14 and regular, weight "
        "loss noted, BP 118/76, temperature 37.2 today. Pulse."
    )
    assert unsure_values(heard) == [(0, 1), (7, 9), (13, 14)]


@pytest.mark.parametrize(
    ("first", "again", "marked"),
    [
        (
            "Orthopnoea, pulse baby oxygen saturation 95. Heart rate int. Assessment",
            "Orthopnoea, pulse 80, oxygen saturation 95. Heart rate 90. Assessment",
            [2, 8],
        ),
        (  # a number heard in pieces becomes one word
            "Blood pressure today 100 8 percent over 90, pulse 100 14 and regular.",
            "Blood pressure today 108 over 90, pulse 114 and regular.",
            [3, 7],
        ),
    ],
)
def test_the_number_heard_again_replaces_the_words_between(
    first: str, again: str, marked: list[int]
) -> None:
    taken = take_values(_words(first), _words(again))
    expected = again.replace("80,", "80")  # the first hearing's punctuation is kept
    assert " ".join(w.text for w in taken) == expected
    assert [i for i, w in enumerate(taken) if w.repaired] == marked


def test_a_number_from_pieces_spans_their_time_at_their_least_confidence() -> None:
    heard = zip(_words("Pulse 100 14 and regular."), (0.9, 0.6, 0.3, 0.9, 0.9), strict=True)
    first = [replace(w, confidence=c) for w, c in heard]
    taken = take_values(first, _words("Pulse 114 and regular."))
    assert (taken[1].start, taken[1].end) == (first[1].start, first[2].end)
    assert taken[1].confidence == 0.3


def test_values_are_left_alone_where_the_second_hearing_does_not_agree() -> None:
    first = _words("Pulse baby oxygen saturation 95. Weight loss of 3 kg.")
    assert (
        take_values(first, _words("Pulse baby oxygen saturation 95. Weight loss of 3 kg.")) == first
    )
    # The number is followed by words the first hearing does not have nearby.
    assert take_values(first, _words("Pulse 80 and regular, saturation 95.")) == first
    # Two numbers in a row again: still unsure, nothing taken.
    assert take_values(first, _words("Pulse 100 14 oxygen saturation 95.")) == first
    # The first hearing has the number, after a stray word: it is left as heard.
    stray = _words("Blood pressure to day 176 over 90.")
    assert take_values(stray, _words("Blood pressure today 176 over 90.")) == stray
