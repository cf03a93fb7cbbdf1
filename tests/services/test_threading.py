"""The service's threading rule (docs/architecture.md, issue 16): it may be entered from several
threads at once, as the window does (the notes runner, the assistant's own runner, the
background indexer). Unlocked state changes only under the session's lock, each call's
database work is a transaction of its own on a pooled connection, and each model runtime
sits behind its own lock. Shown here on the real database and embedder: saves, searches,
extractive asks and indexing at once lose nothing, fail nothing, and keep the audit chain
whole; a lock in the middle of it turns the rest into `Locked`, never into anything else."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from core.assistant.types import AskRequest
from core.domain import ClientData, SessionData
from core.errors import Locked
from core.retrieval.types import SearchQuery
from core.services.service import ChartsideService

SAVES = 24
ROUNDS = 8


def _at_once(*work: Callable[[], Any]) -> list[Any]:
    start = threading.Barrier(len(work))

    def run(fn: Callable[[], Any]) -> Any:
        start.wait(30)
        return fn()

    with ThreadPoolExecutor(len(work)) as pool:
        return [f.result() for f in [pool.submit(run, fn) for fn in work]]


def test_saves_searches_asks_and_indexing_at_once_lose_and_break_nothing(
    indexed_service: ChartsideService,
) -> None:
    svc = indexed_service
    client = svc.notes.create_client(ClientData("Threaded Client")).id
    day = dt.datetime(2024, 1, 1, 9)

    def save() -> list[str]:
        texts = [f"Blood pressure reading number {i} was {110 + i} over 70." for i in range(SAVES)]
        for i, text in enumerate(texts):
            svc.notes.create_session(
                client, SessionData(day + dt.timedelta(days=i), objective=text)
            )
        return texts

    def search() -> int:
        return sum(
            len(svc.search.query(SearchQuery("blood pressure", client_id=client)).hits)
            for _ in range(ROUNDS)
        )

    def ask() -> int:
        request = AskRequest("What was the blood pressure?", client_id=client, extractive=True)
        return sum(1 for _ in range(ROUNDS) if svc.assistant.ask(request) is not None)

    def index() -> int:
        return max(svc.search.index_now().current for _ in range(ROUNDS))

    texts, _, asked, _ = _at_once(save, search, ask, index)

    assert asked == ROUNDS
    stored = [svc.notes.get_session(s.id).data.objective for s in svc.notes.list_sessions(client)]
    assert sorted(stored) == sorted(texts)
    svc.search.index_now()
    assert svc.search.index_status().complete
    found = svc.search.query(SearchQuery("reading number 17 was 127", client_id=client)).hits
    assert any("number 17 " in h.snippet for h in found)
    report = svc.health.audit_verify()
    assert report.ok, report.problems


def test_a_lock_amid_concurrent_work_leaves_only_locked_errors(
    indexed_service: ChartsideService,
) -> None:
    svc = indexed_service
    client = svc.notes.create_client(ClientData("Locked Midway")).id
    day = dt.datetime(2024, 1, 1, 9)
    stop = threading.Event()
    unexpected: list[BaseException] = []

    def keep_going(fn: Callable[[int], Any]) -> Callable[[], None]:
        def loop() -> None:
            i = 0
            while not stop.is_set():
                try:
                    fn(i)
                except Locked:
                    return
                except BaseException as exc:
                    unexpected.append(exc)
                    return
                i += 1

        return loop

    def lock() -> None:
        svc.notes.list_sessions(client)  # let the others start
        svc.lock()
        stop.set()

    _at_once(
        keep_going(
            lambda i: svc.notes.create_session(client, SessionData(day, objective=f"n {i}"))
        ),
        keep_going(lambda i: svc.search.query(SearchQuery("n", client_id=client))),
        keep_going(
            lambda i: svc.assistant.ask(AskRequest("n?", client_id=client, extractive=True))
        ),
        lock,
    )
    assert unexpected == []
    assert not svc.unlocked
