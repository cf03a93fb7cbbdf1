"""Writer processes and their checks, for tests/db/test_crash_load.py and bench/store/crash_load.py.

A writer is a process of its own. It connects to the server that the parent started,
unwraps the workspace key itself and saves notes. Each save is one transaction: a new
session row, an update of the writer's own client (its `notes` name the newest save) and
an audit event. Before the transaction the writer logs `A <id>` (attempted); after the
commit has returned, `K <id> <latency µs> <unix time>` (acknowledged). The lines go
straight to the kernel with `os.write`, so a SIGKILL loses none of them.

The checks then hold the database to the logs: every acknowledged id is there, nothing is
there that was never attempted, every row decrypts to exactly what was written, each row
has exactly one audit event, and each client names its newest saved session.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import signal
import statistics
import subprocess
import time
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from core.db import schema as s
from core.db.engine import DB_NAME, RUNTIME_USER, Database, DbSecrets
from core.db.server import SUPERUSER, EmbeddedServer, bin_dir, child_env
from core.domain import ClientData, SessionData
from core.errors import ChartsideError
from core.records.repos import ClientRepo, SessionRepo
from core.records.workspaces import unlock_workspace
from core.security.audit import AnchorStore, AuditWriter
from core.security.crypto import CellCipher
from core.services.service import ChartsideService

ACTION = "session.create"
ACTOR = "crash-writer"
ANCHOR_FILE = "audit-anchor.json"  # as ChartsideService keeps it
EXIT_DB_ERROR = 3
_FILLER = "Reports pain 6/10 after lifting; sleeps poorly. Schmerz ÄÖÜ ✓ 痛み. "


# -- what a writer writes ------------------------------------------------------------------
def note(sid: UUID) -> SessionData:
    """The session saved under `sid`: derived from the id alone, so a checker can rebuild it."""
    n = sid.int
    filler = _FILLER * (1 + n % 8)
    return SessionData(
        date=dt.datetime(2024, 1, 1, 9) + dt.timedelta(minutes=n % 500_000),
        subjective=f"S {sid} {filler}",
        objective=f"O {sid}",
        assessment=f"A {sid} {filler[: n % 97]}",
        plan=f"P {sid}",
    )


def client_notes(sid: UUID) -> str:
    return f"newest save {sid}"


@dataclass(frozen=True)
class WriterConfig:
    data_dir: Path
    socket_dir: Path
    port: int
    workspace_id: UUID
    client_id: UUID
    passphrase: str
    log: Path
    seconds: float


def _line(fd: int, text: str) -> None:
    os.write(fd, (text + "\n").encode())


def write_loop(cfg: WriterConfig) -> None:
    """Process entry point. Stops at the deadline, or with EXIT_DB_ERROR at the first
    database error (a crashed server), after logging `E <id> <error type>`."""
    fd = os.open(cfg.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    db: Database | None = None
    try:
        secrets = DbSecrets.load(cfg.data_dir)
        url = URL.create(
            "postgresql+psycopg",
            username=RUNTIME_USER,
            password=secrets.app_password,
            database=DB_NAME,
            query={
                "host": str(cfg.socket_dir),
                "port": str(cfg.port),
                "application_name": ACTOR,  # so the checks can wait for its backend to end
            },
        )
        db = Database(url, url)
        keys = unlock_workspace(db, cfg.workspace_id, cfg.passphrase)
        cipher = keys.cipher(cfg.workspace_id)
        anchors = AnchorStore(cfg.data_dir / ANCHOR_FILE)
        sessions, clients = SessionRepo(cipher), ClientRepo(cipher)
        with db.tx(cfg.workspace_id) as conn:
            base = clients.get(conn, cfg.client_id).data
        _line(fd, "R")  # ready
        deadline = time.monotonic() + cfg.seconds
        i = 0
        while time.monotonic() < deadline:
            sid = uuid.uuid4()
            _line(fd, f"A {sid}")
            writer = AuditWriter(cipher, ACTOR)
            t0 = time.perf_counter()
            try:
                with db.tx(cfg.workspace_id) as conn:
                    sessions.insert(conn, cfg.client_id, note(sid), session_id=sid)
                    clients.update(conn, cfg.client_id, replace(base, notes=client_notes(sid)))
                    writer.append(conn, ACTION, sid, {"writer": str(cfg.client_id), "i": i})
            except (SQLAlchemyError, ChartsideError) as exc:
                _line(fd, f"E {sid} {type(exc).__name__}")
                raise SystemExit(EXIT_DB_ERROR) from None
            latency_us = round((time.perf_counter() - t0) * 1e6)
            if writer.head is not None:  # as ChartsideService.run: anchor, then answer
                anchors.advance(cfg.workspace_id, writer.head)
            _line(fd, f"K {sid} {latency_us} {time.time():.6f}")
            i += 1
    except SystemExit:
        raise
    except BaseException as exc:
        # The parent's checks report this; a writer's stderr may go nowhere visible.
        _line(fd, "X " + " | ".join(traceback.format_exception_only(exc)).replace("\n", " "))
        raise
    finally:
        if db is not None:
            db.dispose()
        os.close(fd)


# -- reading a writer's log ----------------------------------------------------------------
@dataclass
class WriterLog:
    ready: bool = False
    attempted: list[UUID] = field(default_factory=list)  # in the order they were tried
    acked: dict[UUID, tuple[int, float]] = field(default_factory=dict)  # latency µs, time
    errors: list[str] = field(default_factory=list)  # E: database errors (a crash)
    crashes: list[str] = field(default_factory=list)  # X: anything else (a bug)


def read_log(path: Path) -> WriterLog:
    log = WriterLog()
    try:
        raw = path.read_text()
    except FileNotFoundError:
        return log
    for line in raw.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "R":
            log.ready = True
        elif kind == "A":
            log.attempted.append(UUID(rest))
        elif kind == "K":
            sid, lat, when = rest.split()
            log.acked[UUID(sid)] = (int(lat), float(when))
        elif kind == "E":
            log.errors.append(rest)
        elif kind == "X":
            log.crashes.append(rest)
    return log


@dataclass
class Writer:
    cfg: WriterConfig
    proc: BaseProcess

    def log(self) -> WriterLog:
        return read_log(self.cfg.log)


# -- the parent's side ---------------------------------------------------------------------
def wait_for_acks(
    writers: list[tuple[Path, BaseProcess]], at_least: int, timeout_s: float = 30
) -> None:
    """Until every writer has `at_least` acknowledged saves; fails early if one exits."""
    deadline = time.monotonic() + timeout_s
    while True:
        logs = [read_log(path) for path, _ in writers]
        if all(len(lg.acked) >= at_least for lg in logs):
            return
        exited = sum(1 for _, proc in writers if not proc.is_alive())
        if exited or time.monotonic() > deadline:
            raise AssertionError(
                f"writers did not reach {at_least} acknowledged saves (acks "
                f"{[len(lg.acked) for lg in logs]}, {exited} exited): "
                f"{[c for lg in logs for c in lg.crashes + lg.errors]}"
            )
        time.sleep(0.01)


@dataclass
class Report:
    """The database held against every writer's log."""

    attempted: int
    acked: int
    present: int
    lost: list[UUID]  # acknowledged, not in the database
    phantom: list[UUID]  # in the database, never attempted
    undecryptable: list[UUID]
    wrong_content: list[UUID]
    audit_mismatch: list[str]  # ids whose audit events are not exactly one per row
    wrong_client_notes: list[UUID]  # clients whose notes do not name their newest save
    crashes: list[str]
    audit_events: int  # events the writers' saves left in the log

    @property
    def in_flight_committed(self) -> int:
        """Attempted, not acknowledged, yet committed (the commit beat the crash)."""
        return self.present - self.acked

    @property
    def in_flight_absent(self) -> int:
        return self.attempted - self.present

    def problems(self) -> list[str]:
        out = []
        for name in (
            "lost",
            "phantom",
            "undecryptable",
            "wrong_content",
            "audit_mismatch",
            "wrong_client_notes",
            "crashes",
        ):
            items = getattr(self, name)
            if items:
                out.append(f"{len(items)} {name}: {[str(x) for x in items[:5]]}")
        return out


class Harness:
    """Starts writers against a service's embedded server, crashes things, and checks."""

    def __init__(self, svc: ChartsideService, workdir: Path, passphrase: str) -> None:
        self.svc = svc
        self.workdir = workdir
        self.passphrase = passphrase
        self.writers: list[Writer] = []
        # Forked from a server that has imported this module already: a writer is up in
        # milliseconds, not the ~0.6 s an interpreter takes to import SQLAlchemy & co.
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload([__name__])

    @property
    def server(self) -> EmbeddedServer:
        server = self.svc.store.server
        assert server is not None, "the crash tests need the embedded server"
        return server

    def start_writers(self, n: int, seconds: float) -> list[Writer]:
        ws = self.svc.workspace_id
        assert ws is not None, "the service must be unlocked"
        started = []
        for _ in range(n):
            k = len(self.writers)
            client = self.svc.notes.create_client(ClientData(full_name=f"Writer {k}"))
            cfg = WriterConfig(
                data_dir=self.svc.settings.data_dir,
                socket_dir=self.server.socket_dir,
                port=self.server.port,
                workspace_id=ws,
                client_id=client.id,
                passphrase=self.passphrase,
                log=self.workdir / f"writer-{k}.log",
                seconds=seconds,
            )
            proc = self.ctx.Process(target=write_loop, args=(cfg,), daemon=True)
            proc.start()
            w = Writer(cfg, proc)
            self.writers.append(w)
            started.append(w)
        return started

    def wait_for_acks(self, writers: list[Writer], at_least: int, timeout_s: float = 30) -> None:
        wait_for_acks([(w.cfg.log, w.proc) for w in writers], at_least, timeout_s)

    def join(self, writers: list[Writer], timeout_s: float = 30) -> list[int | None]:
        deadline = time.monotonic() + timeout_s
        for w in writers:
            w.proc.join(max(0.0, deadline - time.monotonic()))
        codes = [w.proc.exitcode for w in writers]
        self.kill_stragglers()
        return codes

    def kill_stragglers(self) -> None:
        for w in self.writers:
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(10)

    # -- crashing ----------------------------------------------------------------------
    def kill_database(self, timeout_s: float = 10) -> int:
        """SIGKILL the postmaster; returns its pid once it is dead."""
        pid = self.server.pid
        assert pid is not None
        self.server.kill()
        deadline = time.monotonic() + timeout_s
        while self.server.running:
            assert time.monotonic() < deadline, "the killed postmaster did not die"
            time.sleep(0.005)
        return pid

    def restart_database(self) -> float:
        """Start the server again (it recovers the stale postmaster.pid) and reconnect the
        parent's service, as a restarted app would. Returns the seconds it took."""
        t0 = time.perf_counter()
        self.server.start()
        store = self.svc.store
        if store.db is not None:
            store.db.dispose()
            store.db = None
        store.open()
        return time.perf_counter() - t0

    # -- checking ----------------------------------------------------------------------
    def wait_for_writer_backends(self, timeout_s: float = 30) -> None:
        """Until no server process of a writer is left. A writer killed just after it sent
        COMMIT leaves a backend that still commits; checked before it has, the database
        shows the session row absent to one statement and its audit event present to the
        next."""
        q = text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :a")
        deadline = time.monotonic() + timeout_s
        while True:
            with self.svc.db.runtime.connect() as conn:
                left = conn.execute(q, {"a": ACTOR}).scalar_one()
            if left == 0:
                return
            assert time.monotonic() < deadline, f"{left} writer backends outlived their writers"
            time.sleep(0.01)

    def check(self) -> Report:
        self.wait_for_writer_backends()
        logs = [(w, w.log()) for w in self.writers]
        attempted = {sid for _, lg in logs for sid in lg.attempted}
        acked = {sid for _, lg in logs for sid in lg.acked}
        client_ids = [w.cfg.client_id for w, _ in logs]
        cipher = self.svc.cipher()
        srepo, crepo = SessionRepo(cipher), ClientRepo(cipher)
        t, a = s.sessions, s.audit_events
        undecryptable, wrong = [], []
        with self.svc.db.tx(cipher.workspace_id) as conn:
            rows = conn.execute(select(t.c.id).where(t.c.client_id.in_(client_ids))).all()
            present = {r.id for r in rows}
            for sid in sorted(present):
                try:
                    got = srepo.get(conn, sid).data
                except ChartsideError:
                    undecryptable.append(sid)
                    continue
                if got != note(sid):
                    wrong.append(sid)
            audit = Counter(
                {
                    r.target: r.n
                    for r in conn.execute(
                        select(a.c.target, func.count().label("n"))
                        .where(a.c.action == ACTION, a.c.actor == ACTOR)
                        .group_by(a.c.target)
                    )
                }
            )
            wrong_notes = []
            for w, lg in logs:
                saved = [sid for sid in lg.attempted if sid in present]
                want = client_notes(saved[-1]) if saved else ""
                try:
                    if crepo.get(conn, w.cfg.client_id).data.notes != want:
                        wrong_notes.append(w.cfg.client_id)
                except ChartsideError:
                    wrong_notes.append(w.cfg.client_id)
        expected_audit = Counter({str(sid): 1 for sid in present})
        audit_mismatch = sorted((audit - expected_audit) + (expected_audit - audit))
        return Report(
            attempted=len(attempted),
            acked=len(acked),
            present=len(present),
            lost=sorted(acked - present),
            phantom=sorted(present - attempted),
            undecryptable=undecryptable,
            wrong_content=wrong,
            audit_mismatch=audit_mismatch,
            wrong_client_notes=wrong_notes,
            crashes=[c for _, lg in logs for c in lg.crashes],
            audit_events=sum(audit.values()),
        )

    def amcheck(self) -> subprocess.CompletedProcess[str]:
        return run_amcheck(self.server, DbSecrets.load(self.svc.settings.data_dir))


def save_figures(logs: list[WriterLog]) -> dict[str, float]:
    """Throughput and commit latency over the writers' acknowledged saves."""
    lat_ms = sorted(us / 1000 for lg in logs for us, _ in lg.acked.values())
    times = [t for lg in logs for _, t in lg.acked.values()]
    if len(lat_ms) < 2:
        return {"saves": len(lat_ms)}
    q = statistics.quantiles(lat_ms, n=100, method="inclusive")
    span = max(times) - min(times)
    return {
        "saves": len(lat_ms),
        "saves_per_s": round(len(lat_ms) / span, 1) if span > 0 else 0.0,
        "commit_p50_ms": round(q[49], 2),
        "commit_p95_ms": round(q[94], 2),
        "commit_max_ms": round(lat_ms[-1], 2),
    }


def run_amcheck(server: EmbeddedServer, secrets: DbSecrets) -> subprocess.CompletedProcess[str]:
    """pg_amcheck as the superuser over the socket: every table (TOAST too) and every
    B-tree index, with each heap tuple looked up in its indexes."""
    env = child_env() | {"PGPASSWORD": secrets.admin_password, "PGCONNECT_TIMEOUT": "10"}
    return subprocess.run(
        [
            str(bin_dir() / "pg_amcheck"),
            "-h",
            str(server.socket_dir),
            "-p",
            str(server.port),
            "-U",
            SUPERUSER,
            "-d",
            DB_NAME,
            "--heapallindexed",
            "--install-missing",  # the amcheck extension, into schema pg_amcheck
            "--verbose",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def amcheck_relations(res: subprocess.CompletedProcess[str]) -> int:
    """How many relations a --verbose run says it checked (so a clean run is not empty)."""
    return sum(1 for line in res.stderr.splitlines() if "checking " in line)


# -- an app process that owns the server ---------------------------------------------------
@dataclass(frozen=True)
class OwnerConfig:
    data_dir: Path
    crypto: dict[str, int]
    passphrase: str
    client_id: UUID
    log: Path


def owner_loop(cfg: OwnerConfig) -> None:
    """Process entry point: the whole app, as `chartside` runs it. It starts the embedded
    server itself and saves notes through ChartsideService.run until it is killed."""
    from app.compose import migrations_dir
    from core.settings import load_settings

    fd = os.open(cfg.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        svc = ChartsideService(
            load_settings(data_dir=cfg.data_dir, crypto=cfg.crypto), migrations_dir()
        )
        svc.unlock(cfg.passphrase)
        _line(fd, "R")
        while True:
            sid = uuid.uuid4()
            _line(fd, f"A {sid}")
            t0 = time.perf_counter()

            def work(c: Any, k: CellCipher, sid: UUID = sid) -> UUID:
                return SessionRepo(k).insert(c, cfg.client_id, note(sid), session_id=sid)

            svc.session.run(work, ACTION, sid)
            _line(fd, f"K {sid} {round((time.perf_counter() - t0) * 1e6)} {time.time():.6f}")
    except BaseException as exc:
        _line(fd, "X " + " | ".join(traceback.format_exception_only(exc)).replace("\n", " "))
        raise


def stop_orphan_postgres(pg_dir: Path, timeout_s: float = 30) -> bool:
    """Fast-shutdown a postmaster left running in `pg_dir` by a killed owner. True if one
    was running. It is not our child, so wait for it to vanish (or turn into a zombie)."""
    from core.db.server import _is_live_postgres, _process_state

    try:
        pid = int((pg_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return False
    if not _is_live_postgres(pid, grace_s=0):
        return False
    os.kill(pid, signal.SIGINT)
    deadline = time.monotonic() + timeout_s
    while _process_state(pid) not in (None, "Z"):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + timeout_s
        time.sleep(0.05)
    return True
