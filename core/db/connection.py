"""Whether the database server answers, and getting a connection back when it did not.

A clinic's server restarts (an upgrade, a power cut) while desktops are open. A desktop
then says "reconnecting" and keeps trying for `database.reconnect_s`, instead of failing
each action. Only opening a connection is retried: a transaction cut off mid-way is never
replayed, because its COMMIT may have reached the server (the caller learns it was not
acknowledged, with `ConnectionLost`). A first connection is never retried: a wrong
password or a server certificate the clinic's CA did not sign must fail at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_delay,
    wait_exponential,
)

from core.errors import ConnectionLost
from core.messages import Message

log = logging.getLogger(__name__)


class Status(StrEnum):
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    UNREACHABLE = "unreachable"  # gave up for now; the next action tries again


Listener = Callable[[Status], None]


def lost_to_another(exc: BaseException) -> bool:
    """A transaction the server rolled back because another one held what it needed: a
    deadlock (SQLSTATE 40P01) or a serialization failure (40001). Nothing of it was kept, so
    doing it again is safe, which is how PostgreSQL asks to be answered."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return getattr(orig, "sqlstate", None) in ("40P01", "40001")


def is_disconnect(exc: BaseException) -> bool:
    """A server that went away or is not accepting connections yet, as opposed to one
    that refused us (authentication: SQLSTATE class 28) or a bad statement."""
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate is not None and sqlstate.startswith("28"):
        return False
    # Connection failures (refused, reset, "the database system is starting up") are
    # OperationalError; SQLSTATE 57P0x is the server shutting down or restarting.
    return type(exc).__name__ == "OperationalError" and (
        sqlstate is None or sqlstate.startswith(("08", "57P"))
    )


class ConnectionState:
    """The state the GUI's status bar and the CLI show. Listeners are called on the thread
    that noticed the change, so a GUI must hop to its own thread."""

    def __init__(self, reconnect_s: float) -> None:
        self.reconnect_s = reconnect_s
        self._status = Status.CONNECTED
        self._ever_connected = False
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    @property
    def status(self) -> Status:
        return self._status

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def _set(self, status: Status) -> None:
        with self._lock:
            if status is self._status:
                return
            self._status = status
            listeners = list(self._listeners)
        if status is Status.CONNECTED:
            log.warning("the database server answers again")
        else:
            log.warning("the database server is %s", status.value)
        for listener in listeners:
            listener(status)

    def reached(self) -> None:
        """The server answered once (the store opened): from now on, retry."""
        self._ever_connected = True

    def lost(self) -> None:
        """A connection died under a transaction: say so before the caller hears of it."""
        self._set(Status.RECONNECTING)

    def connect(self, engine: Engine) -> Connection:
        """A connection from `engine`, retried while the server is away (after it was
        reached once); `ConnectionLost` when it stays away for `reconnect_s` (0: at once,
        as for the embedded server, which no one restarts while the app waits)."""
        if not self._ever_connected:
            conn = engine.connect()
            self._ever_connected = True
            return conn

        def waiting(_: RetryCallState) -> None:
            self._set(Status.RECONNECTING)

        conn: Connection | None = None
        try:
            for attempt in Retrying(
                retry=retry_if_exception(is_disconnect),
                stop=stop_after_delay(self.reconnect_s),
                wait=wait_exponential(multiplier=0.1, max=2.0),
                before_sleep=waiting,
                reraise=True,
            ):
                with attempt:
                    conn = engine.connect()
        except DBAPIError as exc:
            if not is_disconnect(exc):
                raise
            self._set(Status.UNREACHABLE)
            raise ConnectionLost(Message("db.server_no_answer", n=f"{self.reconnect_s:g}")) from exc
        assert conn is not None
        self._set(Status.CONNECTED)
        return conn
