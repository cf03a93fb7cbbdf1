"""What the second hearing of a blood pressure reading may change
(core/dictation/readings.py): only a reading's first number. Made-up phrases."""

from __future__ import annotations

from core.dictation.readings import readings, take_readings
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
