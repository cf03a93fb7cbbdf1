"""A per-key sliding-window limit on questions (one key per practitioner or workspace)."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from core.errors import RateLimited
from core.messages import Message

WINDOW_S = 60.0


class RateLimiter:
    """At most `max_per_minute` accepted calls to `check(key)` in any 60 s window.

    A sliding window rather than a fixed one: a burst straddling a minute boundary cannot
    double the rate. Rejected calls are not counted, so waiting always helps.
    """

    def __init__(self, max_per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_per_minute = max_per_minute
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: dict[str, deque[float]] = {}

    @property
    def enabled(self) -> bool:
        return self.max_per_minute > 0

    def check(self, key: str) -> None:
        """Count one call for `key`, or raise `RateLimited` when the window is full."""
        if not self.enabled:
            return
        with self._lock:
            now = self._clock()
            seen = self._seen.setdefault(key, deque())
            while seen and seen[0] <= now - WINDOW_S:
                seen.popleft()
            if len(seen) >= self.max_per_minute:
                retry_after = seen[0] + WINDOW_S - now
                raise RateLimited(
                    Message("ask.rate_limit_per_minute", n=self.max_per_minute),
                    retry_after_s=retry_after,
                )
            seen.append(now)
            self._forget_idle(now)

    def _forget_idle(self, now: float) -> None:
        # Keys come and go (workspaces, practitioners): drop the ones with nothing recent so
        # the table does not grow for the life of the process.
        if len(self._seen) > 64:
            for key in [k for k, q in self._seen.items() if not q or q[-1] <= now - WINDOW_S]:
                del self._seen[key]
