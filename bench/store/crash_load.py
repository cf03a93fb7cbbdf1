"""Crash and load figures (issue 3, acceptance 6): the runs of tests/db/test_crash_load.py,
measured. `python -m bench bench_crash_load` writes bench/results/crash_load.json."""

from __future__ import annotations

import random
import signal
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from app.compose import migrations_dir
from bench.common import write_result
from core.services.service import ChartsideService
from core.settings import load_settings
from tests.crash_worker import Harness, Report, amcheck_relations, save_figures

PASSPHRASE = "benchmark passphrase"
FAST_KDF = {"argon2_memory_kib": 19 * 1024, "argon2_iterations": 2, "argon2_lanes": 1}
WRITERS, LOAD_SECONDS = 8, 10.0
ROUNDS, WRITERS_PER_ROUND = 10, 3


def _service(root: Path, name: str) -> ChartsideService:
    svc = ChartsideService(load_settings(data_dir=root / name, crypto=FAST_KDF), migrations_dir())
    svc.initialise(PASSPHRASE)
    return svc


def _checked(h: Harness) -> tuple[Report, dict[str, Any]]:
    report = h.check()
    amcheck = h.amcheck()
    audit = h.svc.health.audit_verify()
    return report, {
        "problems": report.problems(),
        "amcheck_ok": amcheck.returncode == 0,
        "amcheck_relations": amcheck_relations(amcheck),
        "audit_chain_ok": audit.ok,
        "audit_chain_events": audit.count,
    }


def _summary(report: Report, checks: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "attempted": report.attempted,
        "acknowledged": report.acked,
        "present": report.present,
        "lost": len(report.lost),
        "phantom": len(report.phantom),
        "undecryptable": len(report.undecryptable),
        "wrong_content": len(report.wrong_content),
        "audit_events_for_saves": report.audit_events,
        "in_flight_committed": report.in_flight_committed,
        "in_flight_absent": report.in_flight_absent,
        "problems": [p for c in checks for p in c["problems"]],
        "amcheck_ok_rounds": sum(c["amcheck_ok"] for c in checks),
        "audit_chain_ok_rounds": sum(c["audit_chain_ok"] for c in checks),
    }


def bench_load(h: Harness) -> dict[str, Any]:
    t0 = time.perf_counter()
    writers = h.start_writers(WRITERS, LOAD_SECONDS)
    codes = h.join(writers, timeout_s=LOAD_SECONDS + 60)
    wall = time.perf_counter() - t0
    report, checks = _checked(h)
    return {
        "writers": WRITERS,
        "seconds": LOAD_SECONDS,
        "wall_s": round(wall, 2),
        "exit_codes": codes,
        **save_figures([w.log() for w in writers]),
        **_summary(report, [checks]),
    }


def bench_db_kill(h: Harness, rng: random.Random) -> dict[str, Any]:
    restarts, checks = [], []
    for _ in range(ROUNDS):
        writers = h.start_writers(WRITERS_PER_ROUND, seconds=120)
        h.wait_for_acks(writers, at_least=3)
        time.sleep(rng.uniform(0, 0.25))
        h.kill_database()
        h.join(writers)
        restarts.append(h.restart_database())
        checks.append(_checked(h)[1])
    report, _ = _checked(h)
    return {
        "rounds": ROUNDS,
        "writers_per_round": WRITERS_PER_ROUND,
        "restart_s_median": round(statistics.median(restarts), 3),
        "restart_s_max": round(max(restarts), 3),
        **_summary(report, checks),
    }


def bench_app_kill(h: Harness, rng: random.Random) -> dict[str, Any]:
    checks, codes = [], []
    for _ in range(ROUNDS):
        writers = h.start_writers(WRITERS_PER_ROUND, seconds=120)
        h.wait_for_acks(writers, at_least=2)
        for w in rng.sample(writers, len(writers)):
            time.sleep(rng.uniform(0, 0.1))
            w.proc.kill()
        codes += h.join(writers)
        checks.append(_checked(h)[1])
    report, _ = _checked(h)
    return {
        "rounds": ROUNDS,
        "writers_per_round": WRITERS_PER_ROUND,
        "writers_killed": codes.count(-signal.SIGKILL),
        **_summary(report, checks),
    }


def run() -> dict[str, Any]:
    seed = random.SystemRandom().getrandbits(32)
    rng = random.Random(seed)
    out: dict[str, Any] = {"seed": seed}
    with tempfile.TemporaryDirectory(prefix="chartside-crash-") as tmp:
        root = Path(tmp)
        for name, fn in (
            ("load", bench_load),
            ("db_kill", lambda h: bench_db_kill(h, rng)),
            ("app_kill", lambda h: bench_app_kill(h, rng)),
        ):
            svc = _service(root, name)
            work = root / f"{name}-logs"
            work.mkdir()
            h = Harness(svc, work, PASSPHRASE)
            try:
                out[name] = fn(h)
            finally:
                h.kill_stragglers()
                svc.close()
    write_result("crash_load", out)
    return out


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
