"""What counts as the server being away (retried) and what does not (reported at once),
and the states a desktop shows meanwhile (core.db.connection). The server restarting
under real desktops is in test_clinic_server.py and test_clinic_desktops.py."""

from __future__ import annotations

from typing import Any, cast

import psycopg
import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import IntegrityError, OperationalError

from core.db.connection import ConnectionState, Status, is_disconnect, lost_to_another
from core.errors import ConnectionLost
from core.retrieval.indexer import BackgroundIndexer
from core.services.service import ChartsideService
from tests.clinic import free_loopback_port


def _wrapped(orig: Exception, cls: type[Exception] = OperationalError) -> Exception:
    return cls("SELECT 1", {}, orig)  # type: ignore[call-arg]


def test_a_server_gone_or_restarting_counts_as_away() -> None:
    assert is_disconnect(_wrapped(psycopg.OperationalError("connection refused")))
    assert is_disconnect(_wrapped(psycopg.errors.AdminShutdown("terminating connection")))
    assert is_disconnect(_wrapped(psycopg.errors.CannotConnectNow("starting up")))


def test_a_refusal_or_a_bad_statement_does_not() -> None:
    assert not is_disconnect(_wrapped(psycopg.errors.InvalidPassword("bad password")))
    assert not is_disconnect(_wrapped(psycopg.errors.InvalidAuthorizationSpecification("x")))
    assert not is_disconnect(_wrapped(psycopg.errors.UniqueViolation("dup"), IntegrityError))
    assert not is_disconnect(ValueError("not a database error"))


def test_nobody_listening_fails_at_once_before_the_first_connection() -> None:
    engine = create_engine(f"postgresql+psycopg://x:y@127.0.0.1:{free_loopback_port()}/db")
    state = ConnectionState(reconnect_s=30)
    seen: list[Status] = []
    state.subscribe(seen.append)
    with pytest.raises(OperationalError):
        state.connect(engine)  # a first connection is never retried: no 30 s wait
    assert seen == []


def test_after_the_first_connection_it_retries_then_says_unreachable() -> None:
    engine = create_engine(f"postgresql+psycopg://x:y@127.0.0.1:{free_loopback_port()}/db")
    state = ConnectionState(reconnect_s=0.5)
    state.reached()
    seen: list[Status] = []
    state.subscribe(seen.append)
    with pytest.raises(ConnectionLost):
        state.connect(engine)
    assert seen == [Status.RECONNECTING, Status.UNREACHABLE]
    assert state.status is Status.UNREACHABLE


def test_the_service_passes_state_changes_to_its_watcher(service: ChartsideService) -> None:
    heard: list[str] = []
    service.watch_connection(heard.append)
    state = service.session.db.state
    state.lost()  # what the store does when a connection dies under a transaction
    service.notes.list_clients("")  # the next action connects again
    assert heard == ["reconnecting", "connected"]


def test_a_deadlock_or_serialization_failure_is_lost_to_another_and_nothing_else() -> None:
    assert lost_to_another(_wrapped(psycopg.errors.DeadlockDetected("deadlock detected")))
    assert lost_to_another(_wrapped(psycopg.errors.SerializationFailure("could not serialize")))
    assert lost_to_another(psycopg.errors.DeadlockDetected("raised by psycopg itself"))
    assert not lost_to_another(_wrapped(psycopg.OperationalError("connection refused")))
    assert not lost_to_another(_wrapped(psycopg.errors.UniqueViolation("dup"), IntegrityError))
    assert not lost_to_another(ValueError("not a database error"))


def test_the_background_indexer_starts_over_after_losing_a_deadlock() -> None:
    """Two desktops' indexers on one clinic server can deadlock: the loser's thread starts
    over instead of dying, so its desktop still follows the workspace (it used to stop, and
    test_workspace_embedder's second desktop never followed)."""
    background = BackgroundIndexer(cast(Any, None), "postgresql://unused")
    calls: list[int] = []

    def run_once() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise _wrapped(psycopg.errors.DeadlockDetected("deadlock detected"))

    background._listen_and_index = run_once  # type: ignore[method-assign]
    background._main()
    assert len(calls) == 2
