"""The one task runner: every blocking service call leaves the GUI thread through here.

The threading rule: the service may be entered from several threads at once (this
runner's worker, the assistant's own runner, the background indexer); its unlocked state
changes only under its session lock, and each call is a transaction of its own
(tests/services/test_threading.py). What the GUI adds is order: one worker per runner, so a save
submitted before a reload is always committed before that reload runs. Results and
exceptions return to the GUI thread through a queued Qt signal, so callbacks may touch
widgets freely.

Screens tag their loads with a `Ticket` (`latest`, `current`, `invalidate`), so a slow
answer for a client, question or search the user already left never overwrites the screen.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from core.errors import Cancelled, ChartsideError

log = logging.getLogger(__name__)

SuccessCallback = Callable[[Any], object]
ErrorCallback = Callable[[BaseException], object]


class Ticket:
    """One generation of a key: work submitted with it counts only while it is current,
    that is while no newer `latest(key, …)` was taken and `invalidate(key)` was not called."""

    __slots__ = ("_generations", "_key", "_n")

    def __init__(self, generations: dict[str, int], key: str) -> None:
        self._generations, self._key = generations, key
        self._n = generations.get(key, 0)

    @property
    def current(self) -> bool:
        return self._generations.get(self._key, 0) == self._n


@dataclass(frozen=True)
class _Callbacks:
    on_success: SuccessCallback | None
    on_error: ErrorCallback | None
    ticket: Ticket | None = None


class TaskRunner(QObject):
    """Runs callables on one worker thread and reports back on the GUI thread.

    `submit(fn, *args, on_success=..., on_error=...)` returns the `Future`. An exception
    without an `on_error` is emitted as `failed`, which the controller routes to the one
    place errors are shown. `busy` is True from the first submit until the last callback
    has run; `idle` fires when it turns False (tests wait on either).

    Keys name what a screen shows ("main.client", "search.results"); they are shared by
    every widget on this runner, so each widget prefixes its own.
    """

    busy_changed = Signal(bool)
    idle = Signal()
    failed = Signal(object)
    # (task id, result, exception). Emitted from the worker thread; queued to this object's.
    _completed = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chartside-db")
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._generations: dict[str, int] = {}
        self._closed = False
        self._completed.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_success: SuccessCallback | None = None,
        on_error: ErrorCallback | None = None,
        ticket: Ticket | None = None,
    ) -> Future[Any]:
        """Run `fn(*args)` on the worker. With a `ticket` that is no longer current when
        the result is back, `on_success` is skipped and an error goes to `failed` (a
        `Cancelled` is dropped): the screen moved on, but a failed save is still told."""
        if self._closed:
            raise RuntimeError("TaskRunner.submit after shutdown")
        task_id = next(self._ids)
        was_busy = self.busy
        self._pending[task_id] = _Callbacks(on_success, on_error, ticket)
        future = self._executor.submit(fn, *args)
        future.add_done_callback(lambda f: self._report(task_id, f))
        if not was_busy:
            self.busy_changed.emit(True)
        return future

    def latest(
        self,
        key: str,
        fn: Callable[..., Any],
        *args: Any,
        on_success: SuccessCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Ticket:
        """Submit `fn` as the newest work for `key`; whatever an older ticket of `key`
        tagged goes stale. Returns the ticket, to tag more work for the same screen."""
        ticket = self.renew(key)
        self.submit(fn, *args, on_success=on_success, on_error=on_error, ticket=ticket)
        return ticket

    def renew(self, key: str) -> Ticket:
        """A new current ticket for `key`: whatever older tickets tagged goes stale."""
        self.invalidate(key)
        return self.current(key)

    def current(self, key: str) -> Ticket:
        """The ticket now current for `key`, for work that belongs to what is on screen
        (a save of the form shown) without replacing it."""
        return Ticket(self._generations, key)

    def invalidate(self, *keys: str) -> None:
        """What was submitted for `keys` no longer belongs on screen (a lock, a new form)."""
        for key in keys:
            self._generations[key] = self._generations.get(key, 0) + 1

    def shutdown(self, final: Callable[[], object] | None = None) -> None:
        """Finish queued work, then run `final` (e.g. `api.close`) on the worker and stop.

        Queued tasks are not cancelled: one of them may be a save, and a note the user saved
        must survive quitting. Callbacks no longer run: the widgets are going away.
        """
        if self._closed:
            return
        self._closed = True
        if final is not None:
            closing = self._executor.submit(final)
            closing.add_done_callback(_log_shutdown_failure)
        self._executor.shutdown(wait=True)
        self._pending.clear()

    def _report(self, task_id: int, future: Future[Any]) -> None:
        # Runs on the worker thread (or inline if the future was already done).
        exc = future.exception()
        result = None if exc is not None else future.result()
        # RuntimeError: the runner's C++ side is gone (application tear-down); nobody listens.
        with contextlib.suppress(RuntimeError):
            self._completed.emit(task_id, result, exc)

    def _dispatch(self, task_id: int, result: object, exc: object) -> None:
        callbacks = self._pending.pop(task_id, None)
        if callbacks is None:  # shut down in the meantime
            return
        try:
            stale = callbacks.ticket is not None and not callbacks.ticket.current
            if isinstance(exc, BaseException):
                _log_unexpected(exc)
                handler = None if stale else callbacks.on_error
                if handler is None:
                    if not (stale and isinstance(exc, Cancelled)):
                        self.failed.emit(exc)
                elif _receiver_alive(handler):
                    handler(exc)
            elif not stale and callbacks.on_success and _receiver_alive(callbacks.on_success):
                callbacks.on_success(result)
        finally:
            if not self._pending:
                self.busy_changed.emit(False)
                self.idle.emit()


def _receiver_alive(callback: Callable[..., object]) -> bool:
    """False when the callback is a bound method of a widget Qt already deleted.

    A dialog can be closed while its unlock call is still running; its late result must
    not touch the dead widget.
    """
    while isinstance(callback, functools.partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def _log_unexpected(exc: BaseException) -> None:
    # Only the type and the frames: an exception's text may quote a value, and logs must not
    # carry PHI (docs/security.md). ChartsideErrors are expected and never logged here.
    if isinstance(exc, ChartsideError):
        return
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("background task failed with %s\n%s", type(exc).__name__, frames)


def _log_shutdown_failure(future: Future[Any]) -> None:
    exc = future.exception()
    if exc is not None:
        log.error("closing the service failed with %s", type(exc).__name__)
