"""The questions-over-time set's scorer (bench/timeline/sets/questions/scoring.py) on counts."""

from __future__ import annotations

import pytest

from bench.timeline.sets.questions.scoring import count_present


@pytest.mark.parametrize(
    ("answer", "count", "present"),
    [
        ("3 visits between 2024-01-01 and 2024-06-30: …", 3, True),
        ("She was seen once, on 2024-04-14 [1].", 1, True),
        ("מפגש אחד בין 2024-04-01 ל-2024-06-30: 2024-04-14 [1].", 1, True),
        ("מדידה אחת של PHQ-9 בין 2024-05-01 ל-2025-01-31: 12 ב-2024-06-18 [1].", 1, True),
        ("שני מפגשים: 2024-04-14 [1]; 2024-05-01 [2].", 1, False),
        ("4 readings of weight since 2024-03-01: …", 3, False),
    ],
)
def test_a_count_is_found_in_either_language(answer: str, count: int, present: bool) -> None:
    assert count_present(answer, count) is present
