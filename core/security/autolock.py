"""Idle auto-lock. The clock is injected, so tests drive time instead of sleeping."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

Clock = Callable[[], float]


class IdleTimer:
    """Tracks the last activity; `expired` once `timeout_s` pass without any."""

    def __init__(self, timeout_s: float, clock: Clock = time.monotonic) -> None:
        self.timeout_s = timeout_s
        self._clock = clock
        self._last = clock()
        self._mutex = threading.Lock()

    def touch(self) -> None:
        with self._mutex:
            self._last = self._clock()

    @property
    def idle_s(self) -> float:
        with self._mutex:
            return self._clock() - self._last

    @property
    def expired(self) -> bool:
        return self.idle_s >= self.timeout_s
