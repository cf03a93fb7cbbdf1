"""Crash and load (issue 3, acceptance 6): the promise "nothing is lost" (docs/architecture.md).

Writers are separate processes (tests/crash_worker.py) that connect to the server the
test's service started and save notes: a session row, an update of the writer's client and
an audit event in one transaction. They log each id before the transaction and again once
the commit has returned. After load, and after every SIGKILL of the database or of the
writers, the database is held to those logs:

- every acknowledged save is there (0 lost), nothing is there that was never attempted;
- every row decrypts to exactly what was written;
- each saved row has exactly one audit event, and the chain verifies;
- each client names its newest saved session (the three writes were atomic);
- pg_amcheck finds the heap and every index consistent.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from core.db import schema as s
from core.db.engine import DbSecrets
from core.domain import ClientData
from core.services.service import ChartsideService
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.crash_worker import (
    ACTION,
    EXIT_DB_ERROR,
    Harness,
    OwnerConfig,
    Report,
    amcheck_relations,
    note,
    owner_loop,
    read_log,
    run_amcheck,
    save_figures,
    stop_orphan_postgres,
    wait_for_acks,
)

WRITERS, LOAD_SECONDS = 8, 10.0
ROUNDS, WRITERS_PER_ROUND = 10, 3


@pytest.fixture
def harness(service: ChartsideService, tmp_path: Path) -> Iterator[Harness]:
    h = Harness(service, tmp_path, PASSPHRASE)
    yield h
    h.kill_stragglers()


def _rng() -> tuple[random.Random, int]:
    seed = int.from_bytes(os.urandom(4), "big")
    return random.Random(seed), seed


def assert_consistent(h: Harness, context: str) -> Report:
    report = h.check()
    assert report.problems() == [], context
    assert report.audit_events == report.present, context
    res = h.amcheck()
    assert res.returncode == 0, f"{context}: pg_amcheck:\n{res.stdout[-3000:]}\n{res.stderr[-800:]}"
    assert amcheck_relations(res) >= 10, f"{context}: pg_amcheck checked too little"
    verify = h.svc.health.audit_verify()
    assert verify.ok, f"{context}: {verify.problems}"
    return report


def test_eight_writer_processes_for_ten_seconds_lose_nothing(harness: Harness) -> None:
    writers = harness.start_writers(WRITERS, LOAD_SECONDS)
    codes = harness.join(writers, timeout_s=LOAD_SECONDS + 60)
    logs = [w.log() for w in writers]
    assert codes == [0] * WRITERS, [lg.crashes + lg.errors for lg in logs]
    assert [lg.errors for lg in logs] == [[]] * WRITERS
    assert all(len(lg.acked) >= 5 for lg in logs), [len(lg.acked) for lg in logs]
    # Eight processes, side by side: a stretch where each had saved and none had finished.
    firsts = [min(t for _, t in lg.acked.values()) for lg in logs]
    lasts = [max(t for _, t in lg.acked.values()) for lg in logs]
    assert min(lasts) - max(firsts) > LOAD_SECONDS / 2, (firsts, lasts)

    report = assert_consistent(harness, "after the load")
    # Nothing crashed, so every attempt was acknowledged and is there, with its audit event.
    assert report.attempted == report.acked == report.present == report.audit_events
    figures = save_figures(logs)
    print(f"\nload: {WRITERS} writers x {LOAD_SECONDS:.0f} s: {figures}")


def test_kill_9_of_the_database_during_writes_loses_no_acknowledged_save(
    harness: Harness,
) -> None:
    rng, seed = _rng()
    recover_s, in_flight = [], 0
    for rnd in range(ROUNDS):
        ctx = f"round {rnd} (seed {seed})"
        writers = harness.start_writers(WRITERS_PER_ROUND, seconds=120)
        harness.wait_for_acks(writers, at_least=3)
        time.sleep(rng.uniform(0, 0.25))
        old_pid = harness.kill_database()
        # Each writer sees the crash on the transaction it has open, and stops.
        assert harness.join(writers) == [EXIT_DB_ERROR] * WRITERS_PER_ROUND, ctx
        in_flight += sum(len(w.log().attempted) - len(w.log().acked) for w in writers)

        recover_s.append(harness.restart_database())
        assert harness.server.pid != old_pid, ctx
        assert_consistent(harness, ctx)
    report = harness.check()
    assert in_flight >= ROUNDS * WRITERS_PER_ROUND  # every kill cut transactions short
    # Each restart was a crash recovery (WAL replay), not a clean start.
    server_log = harness.server.log_file.read_text(errors="replace")
    assert server_log.count("automatic recovery in progress") == ROUNDS
    assert report.acked >= ROUNDS * WRITERS_PER_ROUND * 3
    print(
        f"\ndb kill: {ROUNDS} rounds, {report.acked} acknowledged, {in_flight} in flight "
        f"({report.in_flight_committed} of them committed), restart "
        f"{min(recover_s):.2f}-{max(recover_s):.2f} s"
    )


def test_kill_9_of_writer_processes_loses_no_acknowledged_save(harness: Harness) -> None:
    rng, seed = _rng()
    for rnd in range(ROUNDS):
        ctx = f"round {rnd} (seed {seed})"
        # This round's writers saving at all shows that the last round's kills left no
        # lock behind (every save takes the audit chain's lock).
        writers = harness.start_writers(WRITERS_PER_ROUND, seconds=120)
        harness.wait_for_acks(writers, at_least=2)
        for w in rng.sample(writers, len(writers)):
            time.sleep(rng.uniform(0, 0.1))
            w.proc.kill()
        assert harness.join(writers) == [-signal.SIGKILL] * WRITERS_PER_ROUND, ctx
        assert_consistent(harness, ctx)
    # The app starts again and saves as before.
    after = harness.start_writers(1, seconds=1.0)
    assert harness.join(after) == [0]
    assert len(after[0].log().acked) >= 5
    report = assert_consistent(harness, f"after the last round (seed {seed})")
    print(
        f"\napp kill: {ROUNDS} rounds, {report.acked} acknowledged, "
        f"{report.attempted - report.acked} in flight "
        f"({report.in_flight_committed} of them committed)"
    )


def test_pg_amcheck_finds_a_corrupted_page(service: ChartsideService) -> None:
    """The amcheck step above can fail: flip bytes in a table's first page."""
    for i in range(20):
        service.notes.create_client(ClientData(full_name=f"Client {i}", notes="note " * 40))
    server = service.store.server
    assert server is not None
    secrets = DbSecrets.load(service.settings.data_dir)
    clean = run_amcheck(server, secrets)
    assert clean.returncode == 0 and amcheck_relations(clean) >= 10, clean.stdout
    with service.db.owner.connect() as conn:
        rel = conn.execute(text("SELECT pg_relation_filepath('clients')")).scalar_one()
    service.db.dispose()
    server.stop()
    with open(server.pg_dir / rel, "r+b") as f:
        f.seek(4096)
        chunk = f.read(64)
        f.seek(4096)
        f.write(bytes(b ^ 0xFF for b in chunk))
    server.start()
    bad = run_amcheck(server, secrets)
    assert bad.returncode != 0
    assert 'heap table "chartside.public.clients"' in bad.stdout, bad.stdout
    assert "invalid page in block 0" in bad.stdout, bad.stdout


def test_app_killed_while_it_owns_the_server_opens_again(
    service_factory: Callable[..., ChartsideService], tmp_path: Path
) -> None:
    first = service_factory()
    first.initialise(PASSPHRASE)
    client = first.notes.create_client(ClientData(full_name="Owner"))
    first.close()
    cfg = OwnerConfig(first.settings.data_dir, FAST_KDF, PASSPHRASE, client.id, tmp_path / "o.log")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["tests.crash_worker"])
    proc = ctx.Process(target=owner_loop, args=(cfg,), daemon=True)
    proc.start()
    try:
        wait_for_acks([(cfg.log, proc)], at_least=5, timeout_s=60)
        time.sleep(random.uniform(0, 0.2))
        proc.kill()
        proc.join(10)
        log = read_log(cfg.log)

        again = service_factory()
        again.unlock(PASSPHRASE)  # a user starting Chartside after the crash
        cipher = again.cipher()
        t = s.sessions
        with again.db.tx(cipher.workspace_id) as conn:
            present = set(conn.execute(select(t.c.id).where(t.c.client_id == client.id)).scalars())
        assert set(log.acked) <= present <= set(log.attempted)
        for sid in present:
            assert again.notes.get_session(sid).data == note(sid)
        events = [e for e in again.health.audit_export() if e["action"] == ACTION]
        assert sorted(e["target"] for e in events) == sorted(str(x) for x in present)
        assert again.health.audit_verify().ok
    finally:
        proc.kill()
        stop_orphan_postgres(first.settings.pg_dir)
