"""The assistant's per-key sliding-window rate limit."""

from __future__ import annotations

import threading

import pytest

from core.assistant.ratelimit import RateLimiter
from core.errors import ChartsideError, RateLimited


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_per_key_with_a_sliding_window() -> None:
    clock = FakeClock()
    limiter = RateLimiter(3, clock=clock)
    for step in (0.0, 10.0, 20.0):
        clock.now += step
        limiter.check("alice")
    with pytest.raises(RateLimited) as err:
        limiter.check("alice")
    assert isinstance(err.value, ChartsideError)
    assert "3 a minute" in err.value.message
    # The oldest call (t=1000) leaves the window at t=1060: 30 s from now (t=1030).
    assert err.value.retry_after_s == pytest.approx(30.0)
    assert err.value.remediation == "Wait 30 seconds and try again."
    limiter.check("bob")  # another key has its own window
    clock.now = 1059.9
    with pytest.raises(RateLimited):
        limiter.check("alice")
    clock.now = 1060.0
    limiter.check("alice")  # one slot freed, not the whole window
    with pytest.raises(RateLimited):
        limiter.check("alice")


def test_rejected_calls_do_not_extend_the_wait() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1, clock=clock)
    limiter.check("k")
    for _ in range(5):
        clock.now += 10
        with pytest.raises(RateLimited):
            limiter.check("k")
    clock.now = 1060.0
    limiter.check("k")


@pytest.mark.parametrize("limit", [0, -1])
def test_zero_or_less_disables(limit: int) -> None:
    limiter = RateLimiter(limit, clock=FakeClock())
    assert not limiter.enabled
    for _ in range(1000):
        limiter.check("k")


def test_thread_safe_exact_count() -> None:
    limiter = RateLimiter(50, clock=FakeClock())
    accepted: list[int] = []
    rejected: list[int] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        for _ in range(20):
            try:
                limiter.check("shared")
                accepted.append(1)
            except RateLimited:
                rejected.append(1)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(accepted) == 50 and len(rejected) == 8 * 20 - 50


def test_idle_keys_are_forgotten() -> None:
    clock = FakeClock()
    limiter = RateLimiter(1, clock=clock)
    for i in range(100):
        limiter.check(f"key{i}")
    clock.now += 61
    limiter.check("fresh")
    assert len(limiter._seen) <= 2
    limiter.check("key0")  # its window passed long ago
