"""How far along an answer being written is, and about how long the rest will take."""

from __future__ import annotations

import time
from collections.abc import Callable

from core.assistant.types import AskProgress

# Pieces before the pace is trusted: the first comes after the whole prompt is read.
_WARM = 3
# Weight of the newest answer in the typical length: a few answers settle it.
_NEWEST = 0.3


class WritingPace:
    """Counts the pieces a model streams (one token each) and estimates what is left from
    their pace and from the length of the answers written before."""

    def __init__(
        self, limit: int, typical: float, clock: Callable[[], float] = time.perf_counter
    ) -> None:
        self.limit = limit
        self.typical = typical
        self.written = 0
        self._clock = clock
        self._first: float | None = None

    def piece(self) -> AskProgress:
        """One more piece written: the progress to show now."""
        now = self._clock()
        self.written += 1
        if self._first is None:
            self._first = now
        left = None
        if self.written >= _WARM and now > self._first:
            rate = (self.written - 1) / (now - self._first)
            # An answer already longer than usual is taken to go on a little further.
            expected = min(self.limit, max(self.typical, self.written * 1.25))
            left = max(0.0, expected - self.written) / rate
        return AskProgress("writing", written=self.written, limit=self.limit, seconds_left=left)

    def typical_after(self) -> float:
        """The typical answer length, this answer counted in."""
        if not self.written:
            return self.typical
        return (1 - _NEWEST) * self.typical + _NEWEST * self.written
