"""The offline guard refuses off-machine traffic before any packet is sent."""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests import offline_guard
from tests.offline_guard import OfflineViolation, is_local_address, is_local_host

# TEST-NET-1 (RFC 5737): never routed. The guard must refuse it before the syscall.
TEST_NET = "192.0.2.1"


@pytest.fixture(autouse=True)
def guard() -> Iterator[None]:
    offline_guard.install()
    with offline_guard.expecting_violations():
        yield


@given(st.ip_addresses(v=4))
def test_ipv4_is_local_only_on_loopback(ip: ipaddress.IPv4Address) -> None:
    assert is_local_address(socket.AF_INET, (str(ip), 5432)) == ip.is_loopback


@given(st.ip_addresses(v=6))
def test_ipv6_is_local_only_on_loopback(ip: ipaddress.IPv6Address) -> None:
    mapped = ip.ipv4_mapped
    expected = mapped.is_loopback if mapped is not None else ip.is_loopback
    assert is_local_address(socket.AF_INET6, (str(ip), 5432, 0, 0)) == expected


@pytest.mark.parametrize(
    "host, local",
    [
        ("localhost", True),
        ("LOCALHOST.", True),
        ("127.0.0.53", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:8.8.8.8", False),
        ("0.0.0.0", False),
        ("example.com", False),
        ("db.clinic.lan", False),
        ("", False),
    ],
)
def test_host_names(host: str, local: bool) -> None:
    assert is_local_host(host) is local


def test_unix_sockets_are_allowed(tmp_path) -> None:
    assert is_local_address(socket.AF_UNIX, str(tmp_path / "s"))
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with server, client:
        server.bind(str(tmp_path / "s"))
        server.listen(1)
        client.connect(str(tmp_path / "s"))  # must not raise


def test_loopback_tcp_is_allowed() -> None:
    before = len(offline_guard.violations())
    with socket.socket() as server, socket.socket() as client:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        client.connect(server.getsockname())
        accepted, _ = server.accept()
        with accepted:
            client.sendall(b"ping")
            assert accepted.recv(4) == b"ping"  # the bytes went through
    assert len(offline_guard.violations()) == before  # and nothing was counted against it


def test_connect_off_machine_is_refused_before_the_syscall() -> None:
    before = len(offline_guard.violations())
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # Belt and braces should the guard ever break: SO_DONTROUTE keeps the kernel from
        # sending to anything that is not on a directly attached network, and a zero
        # timeout means nothing waits on a handshake.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_DONTROUTE, 1)
        s.settimeout(0)
        with pytest.raises(OfflineViolation, match=re.escape(TEST_NET)):
            s.connect((TEST_NET, 9))
        # A connect that reached the kernel would have bound an ephemeral port.
        assert s.getsockname() == ("0.0.0.0", 0)
    assert len(offline_guard.violations()) == before + 1


def test_udp_sendto_off_machine_is_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_DONTROUTE, 1)
        with pytest.raises(OfflineViolation):
            s.sendto(b"x", (TEST_NET, 9))
        assert s.getsockname() == ("0.0.0.0", 0)


def test_name_lookup_is_refused_before_any_dns_query() -> None:
    with pytest.raises(OfflineViolation, match=re.escape("example.com")):
        socket.getaddrinfo("example.com", 443)
    # connect() resolves a name inside the call, before its audit event: the guard
    # must refuse it up front.
    with socket.socket() as s:
        for connect in (s.connect, s.connect_ex):
            with pytest.raises(OfflineViolation, match=re.escape("example.com")):
                connect(("example.com", 443))


def test_allowed_hosts_let_a_clinic_server_through() -> None:
    assert not is_local_host("db.clinic.lan")
    offline_guard.allow("db.clinic.lan")
    try:
        assert is_local_host("db.clinic.lan")
    finally:
        offline_guard._allowed_hosts.discard("db.clinic.lan")
