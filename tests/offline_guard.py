"""A process-wide guard that refuses network traffic off the machine (docs/security.md).

`install()` adds a `sys.addaudithook` hook. CPython raises the `socket.connect`,
`socket.sendto`, `socket.sendmsg` and `socket.getaddrinfo` audit events *before* the
system call, so a refused connection never leaves the process: no SYN, no DNS query.
Allowed: Unix sockets, netlink, loopback addresses, and `localhost`.

One gap in the audit events: `sock.connect(("name", port))` resolves the name inside
the call, before `socket.connect` is raised, and that resolution is not audited. So
`install()` also wraps `socket.socket.connect`/`connect_ex` to refuse names first.

Limits: this sees Python's socket module only. Native code that opens its own sockets
(libpq inside psycopg, a C library's resolver) is not seen; the end-to-end test therefore
also runs inside a network namespace with nothing but loopback.

Audit hooks cannot be removed, so `install()` is idempotent and `allow()` / `reset()`
adjust the one installed guard.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any


class OfflineViolation(RuntimeError):
    """Not an OSError on purpose: libraries swallow OSErrors and retry quietly."""


_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
_LOCAL_FAMILIES = {getattr(socket, "AF_UNIX", -1), getattr(socket, "AF_NETLINK", -2)}
_lock = threading.Lock()
_installed = False
_allowed_hosts: set[str] = set()
_violations: list[str] = []


def is_local_host(host: Any) -> bool:
    """True for loopback IP literals, `localhost` and hosts passed to `allow()`."""
    if host is None:
        return True  # getaddrinfo(None, port): the local wildcard, no lookup
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip().lower().rstrip(".")
    if host in _LOCAL_NAMES or host in _allowed_hosts:
        return True
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return False  # any other name would need a DNS query to resolve
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def is_local_address(family: int, address: Any) -> bool:
    """Decide for one socket address as passed to connect/sendto."""
    if family in _LOCAL_FAMILIES:
        return True
    if family in (socket.AF_INET, socket.AF_INET6):
        if isinstance(address, tuple) and address:
            return is_local_host(address[0])
        return False
    return False  # unknown families (packet, bluetooth, ...) are off-machine by default


def _family(sock: Any) -> int:
    try:
        return int(sock.family)
    except Exception:
        return -1


def _refuse(what: str) -> None:
    with _lock:
        _violations.append(what)
    raise OfflineViolation(f"offline guard: refused {what}")


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.connect" or event == "socket.sendto":
        sock, address = args[0], args[1]
        if not is_local_address(_family(sock), address):
            _refuse(f"{event} to {address!r}")
    elif event == "socket.sendmsg":
        sock, address = args[0], args[1]
        # sendmsg on a connected socket carries no address; the connect was checked.
        if address is not None and not is_local_address(_family(sock), address):
            _refuse(f"{event} to {address!r}")
    elif event == "socket.getaddrinfo":
        host = args[0]
        if not is_local_host(host):
            _refuse(f"name lookup of {host!r}")
    elif event in ("socket.gethostbyname", "socket.gethostbyaddr"):
        host = args[0]
        if not is_local_host(host):
            _refuse(f"{event} of {host!r}")


def _wrap_connect(name: str) -> None:
    original = getattr(socket.socket, name)

    def connect(self: socket.socket, address: Any) -> Any:
        if not is_local_address(_family(self), address):
            _refuse(f"socket.{name} to {address!r}")
        return original(self, address)

    connect.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(socket.socket, name, connect)


def install(allowed_hosts: Iterable[str] = ()) -> None:
    """Refuse non-local network access for the rest of this process."""
    global _installed
    allow(*allowed_hosts)
    with _lock:
        if _installed:
            return
        sys.addaudithook(_hook)
        _wrap_connect("connect")
        _wrap_connect("connect_ex")
        _installed = True


def installed() -> bool:
    return _installed


def allow(*hosts: str) -> None:
    """Permit extra hosts, e.g. a clinic's configured database server."""
    with _lock:
        _allowed_hosts.update(h.strip().lower().rstrip(".") for h in hosts)


def violations() -> list[str]:
    """Everything refused so far, including attempts whose exception was swallowed."""
    with _lock:
        return list(_violations)


@contextmanager
def expecting_violations() -> Iterator[None]:
    """For tests of the guard itself: refusals inside the block are not kept, so a
    suite-wide `assert not violations()` still holds."""
    with _lock:
        mark = len(_violations)
    try:
        yield
    finally:
        with _lock:
            del _violations[mark:]


def reset() -> None:
    with _lock:
        _violations.clear()
        _allowed_hosts.clear()
