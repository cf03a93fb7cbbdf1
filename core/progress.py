"""Progress and cancel for long work, in one vocabulary (after Orange3's `TaskState`):
import, export, backup, restore, re-encryption, indexing and model loading all report
through a `Progress` callback and stop on a `CancelToken`; `Steps` checks the token and
maps each step's own 0..1 into its share of the whole, with `scaled` doing the mapping.

Indexing reports counts rather than a fraction (`IndexProgress`: the GUI shows "n of m"
chunks), the one other shape; `touching` wraps either so long work counts as activity."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import ParamSpec

from core.domain import IndexStatus
from core.errors import Cancelled

P = ParamSpec("P")

Progress = Callable[[float, str], None]
"""`progress(fraction, message)`, fraction in [0, 1]. Called from a worker thread."""

IndexProgress = Callable[[IndexStatus], None]
"""The indexer's progress: the whole status (chunks current of total), from its thread."""


class CancelToken:
    """A one-way switch shared between whoever asks for work and whoever does it.

    Cheap to poll (`cancelled`), and waitable so a worker can sleep until it trips.
    """

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until cancelled or `timeout` passes; True when cancelled."""
        return self._event.wait(timeout)

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def scaled(progress: Progress, start: float, end: float) -> Progress:
    """Map a sub-step's 0..1 onto start..end of the whole."""

    def report(fraction: float, message: str) -> None:
        progress(start + (end - start) * min(max(fraction, 0.0), 1.0), message)

    return report


class Steps:
    """Checks the cancel token and maps each step's own 0..1 into its share of the whole."""

    def __init__(self, progress: Progress | None, cancel: CancelToken | None) -> None:
        self._progress = progress
        self._cancel = cancel

    def at(self, fraction: float, message: str) -> None:
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()
        if self._progress is not None:
            self._progress(min(max(fraction, 0.0), 1.0), message)

    def done(self, message: str) -> None:
        """The work is complete and kept: too late to cancel."""
        if self._progress is not None:
            self._progress(1.0, message)

    def span(self, lo: float, hi: float, message: str) -> Callable[[float], None]:
        report = scaled(self.at, lo, hi)
        return lambda f: report(f, message)


def touching(touch: Callable[[], None], listener: Callable[P, None] | None) -> Callable[P, None]:
    """`listener` (or nothing) that first calls `touch`: long work is activity, so the
    auto-lock must not strike in the middle of it."""

    def report(*args: P.args, **kwargs: P.kwargs) -> None:
        touch()
        if listener is not None:
            listener(*args, **kwargs)

    return report
