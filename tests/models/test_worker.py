"""The model worker runs a question's work before queued background batches (issue 28)."""

from __future__ import annotations

import threading
from concurrent.futures import CancelledError

import pytest

from models.worker import ModelWorker


def test_urgent_ran_before_the_queued_batches() -> None:
    worker = ModelWorker("test")
    started, release = threading.Event(), threading.Event()
    order: list[str] = []
    worker.submit(lambda: (started.set(), release.wait(10)))
    started.wait(10)
    batches = [worker.submit(order.append, f"batch {i}") for i in range(3)]
    question = worker._enqueue(0, lambda: order.append("question"))  # pyright: ignore[reportPrivateUsage]
    release.set()
    question.result(10)
    for f in batches:
        f.result(10)
    worker.shutdown()
    assert order == ["question", "batch 0", "batch 1", "batch 2"]


def test_shutdown_cancels_what_never_started() -> None:
    worker = ModelWorker("test")
    started, release = threading.Event(), threading.Event()
    worker.submit(lambda: (started.set(), release.wait(10)))
    started.wait(10)
    waiting = worker.submit(lambda: "never")
    threading.Timer(0.2, release.set).start()
    worker.shutdown(wait=True)
    with pytest.raises(CancelledError):
        waiting.result(10)
