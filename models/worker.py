"""The owning thread of a model runtime, and the load policy (retry + circuit breaker).

Native runtimes are not safe to drive from several threads at once, and torch's and
llama.cpp's thread settings are per thread, so every runtime gets exactly one thread that
does all its work (as GPT4All's ChatLLM does). Callers on other threads queue work on it.
"""

from __future__ import annotations

import errno
import functools
import heapq
import itertools
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from core.errors import ChartsideError
from core.messages import Message
from models.errors import ModelError, ModelLoadError, ModelUnavailable, TransientModelError

P = ParamSpec("P")
T = TypeVar("T")


class ModelWorker:
    """A single-thread executor whose thread owns one runtime.

    Work waits in order of urgency, then arrival: a question's embedding (`urgent`) goes
    before the background indexer's next batch. With one queue in arrival order it waited
    behind every batch already queued, and the window showed nothing for 14 s.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._closed = False
        self._owner = threading.local()
        self._pending: list[tuple[int, int, Future[object], Callable[[], object]]] = []
        self._pending_lock = threading.Lock()
        self._arrival = itertools.count()
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"chartside-{name}", initializer=self._mark_owner
        )

    def _mark_owner(self) -> None:
        self._owner.is_owner = True

    @property
    def on_owner_thread(self) -> bool:
        return getattr(self._owner, "is_owner", False)

    def submit(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        return self._enqueue(1, functools.partial(fn, *args, **kwargs))

    def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run `fn` on the owning thread and wait for its result."""
        if self.on_owner_thread:  # re-entrant use from inside a job would deadlock
            return fn(*args, **kwargs)
        return self.submit(fn, *args, **kwargs).result()

    def call_urgent(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`call`, ahead of every job not yet started."""
        if self.on_owner_thread:
            return fn(*args, **kwargs)
        return self._enqueue(0, functools.partial(fn, *args, **kwargs)).result()

    def _enqueue(self, urgency: int, job: Callable[[], T]) -> Future[T]:
        if self._closed:
            raise ModelError(Message("runtime.runtime_closed", name=self.name))
        future: Future[T] = Future()
        with self._pending_lock:
            heapq.heappush(self._pending, (urgency, next(self._arrival), future, job))  # type: ignore[arg-type]
        # One executor task per job, each running whichever job is most urgent by then.
        self._executor.submit(self._run_next)
        return future

    def _run_next(self) -> None:
        with self._pending_lock:
            if not self._pending:
                return
            _, _, future, job = heapq.heappop(self._pending)
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = job()
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(result)

    def shutdown(self, wait: bool = True) -> None:
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)
        with self._pending_lock:  # their executor tasks were cancelled: so are they
            left, self._pending = self._pending, []
        for _, _, future, _ in left:
            future.cancel()


# Errors that say "not now" rather than "never": a file being replaced, a full fd table.
_TRANSIENT_ERRNOS = {
    errno.EAGAIN,
    errno.EBUSY,
    errno.EINTR,
    errno.EMFILE,
    errno.ENFILE,
    errno.ETXTBSY,
    errno.ESTALE,
}


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, TransientModelError | TimeoutError | InterruptedError | BlockingIOError):
        return True
    if isinstance(exc, ChartsideError):
        return False
    return isinstance(exc, OSError) and exc.errno in _TRANSIENT_ERRNOS


class CircuitBreaker:
    """Stops hammering a model that keeps failing to load.

    After `threshold` consecutive failed loads the breaker opens and calls fail fast for
    `cooldown_s`; then one trial is let through (half-open) and decides again.
    """

    def __init__(
        self,
        threshold: int = 3,
        cooldown_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.threshold = threshold
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._lock = threading.Lock()
        self.last_error: BaseException | None = None

    @property
    def state(self) -> str:
        with self._lock:
            if self._opened_at is None:
                return "closed"
            if self._clock() - self._opened_at >= self.cooldown_s:
                return "half-open"
            return "open"

    def check(self, what: str) -> None:
        if self.state == "open":
            assert self._opened_at is not None
            left = self.cooldown_s - (self._clock() - self._opened_at)
            n, count = self._failures, round(left)
            if self.last_error is None:
                raise ModelUnavailable(
                    Message("models.failed_repeatedly_no_cause", name=what, n=n, count=count)
                )
            cause = str(self.last_error)
            raise ModelUnavailable(
                Message("models.failed_repeatedly", name=what, n=n, count=count, detail=cause)
            )

    def record_success(self) -> None:
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self.last_error = None

    def record_failure(self, exc: BaseException) -> None:
        with self._lock:
            self._failures += 1
            self.last_error = exc
            if self._failures >= self.threshold:
                self._opened_at = self._clock()


class LoadPolicy:
    """Retry transient load failures with exponential backoff; count the rest towards the
    circuit breaker. Permanent failures (missing file, bad checksum, corrupt GGUF) are not
    retried: they would fail the same way and only delay the error message."""

    def __init__(
        self,
        what: str,
        *,
        attempts: int = 3,
        backoff_s: float = 0.5,
        max_backoff_s: float = 4.0,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        self.what = what
        self.attempts = attempts
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.breaker = breaker or CircuitBreaker()

    def load(
        self, load: Callable[[], T], on_retry: Callable[[BaseException], None] | None = None
    ) -> T:
        from tenacity import (
            RetryCallState,
            Retrying,
            retry_if_exception,
            stop_after_attempt,
            wait_exponential,
        )

        self.breaker.check(self.what)

        def before_sleep(state: RetryCallState) -> None:
            if on_retry is not None and state.outcome is not None:
                exc = state.outcome.exception()
                if exc is not None:
                    on_retry(exc)

        retrying = Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=wait_exponential(multiplier=self.backoff_s, max=self.max_backoff_s),
            retry=retry_if_exception(is_transient),
            before_sleep=before_sleep,
            reraise=True,
        )
        try:
            result = retrying(load)
        except ChartsideError as exc:
            self.breaker.record_failure(exc)
            raise
        except Exception as exc:
            self.breaker.record_failure(exc)
            raise ModelLoadError(
                Message("models.could_not_load", name=self.what, detail=str(exc))
            ) from exc
        self.breaker.record_success()
        return result
