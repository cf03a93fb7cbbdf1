"""The time left of an answer being written (core.assistant.pace)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from core.assistant.pace import WritingPace


def clock(times: list[float]) -> Callable[[], float]:
    it = iter(times)
    return lambda: next(it)


def test_no_estimate_until_the_pace_is_known_then_the_rest_at_that_pace() -> None:
    pace = WritingPace(256, typical=100, clock=clock([10.0, 10.1, 10.2, 10.3]))
    assert pace.piece().seconds_left is None  # after the whole prompt: no pace yet
    assert pace.piece().seconds_left is None
    third = pace.piece()  # 2 pieces in 0.2 s: 10 a second, 97 to go
    assert third.written == 3 and third.limit == 256
    assert third.seconds_left is not None and abs(third.seconds_left - 9.7) < 1e-9


def test_a_longer_answer_than_usual_is_not_shown_as_done() -> None:
    times = [float(i) for i in range(200)]
    pace = WritingPace(256, typical=20, clock=clock(times))
    last = [pace.piece() for _ in range(100)][-1]
    assert last.seconds_left is not None and last.seconds_left > 0


@given(
    st.integers(1, 400),
    st.floats(1, 300),
    st.lists(st.floats(0.001, 2.0), min_size=1, max_size=60),
)
def test_the_estimate_is_never_negative_nor_past_the_limit(
    limit: int, typical: float, gaps: list[float]
) -> None:
    times = [sum(gaps[: i + 1]) for i in range(len(gaps))]
    pace = WritingPace(limit, typical, clock=clock(times))
    for _ in gaps:
        p = pace.piece()
        if p.seconds_left is not None:
            assert p.seconds_left >= 0
            rate = (p.written - 1) / (times[p.written - 1] - times[0])
            assert p.seconds_left <= max(0, limit - p.written) / rate + 1e-6


def test_the_typical_length_follows_the_answers_written() -> None:
    pace = WritingPace(256, typical=100, clock=clock([float(i) for i in range(40)]))
    for _ in range(40):
        pace.piece()
    assert 40 < pace.typical_after() < 100
    assert WritingPace(256, typical=100).typical_after() == 100
