"""Note save latency and import throughput, against raw psycopg doing the same writes."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg

from app.compose import migrations_dir
from bench.common import percentiles, write_result
from core import workspaces as w
from core.db.engine import RUNTIME_USER, DbSecrets
from core.domain import SOAP_FIELDS, ClientData, SessionData
from core.service import ChartsideService
from core.settings import load_settings
from tests.factories import document

PASSPHRASE = "benchmark passphrase"
N_SAVES = 300
IMPORT_CLIENTS, SESSIONS_PER_CLIENT = 500, 20  # 10,000 sessions


def _service(root: Path, name: str) -> ChartsideService:
    settings = load_settings(
        data_dir=root / name,
        crypto={"argon2_memory_kib": 19 * 1024, "argon2_iterations": 2, "argon2_lanes": 1},
    )
    svc = ChartsideService(settings, migrations_dir())
    svc.initialise(PASSPHRASE)
    return svc


def _raw_conn(svc: ChartsideService) -> psycopg.Connection:
    server = svc.store.server
    assert server is not None
    secrets = DbSecrets.load(svc.settings.data_dir)
    conn = psycopg.connect(
        host=str(server.socket_dir),
        port=server.port,
        user=RUNTIME_USER,
        password=secrets.app_password,
        dbname="chartside",
    )
    return conn


def bench_note_save(svc: ChartsideService) -> dict[str, Any]:
    client = svc.create_client(ClientData(full_name="Bench Client"))
    sess = svc.create_session(client.id, SessionData(date="2024-01-01T09:00:00"))
    text = "Reports low back pain 6/10 after lifting; sleeping poorly. " * 8
    ours = []
    for i in range(N_SAVES):
        data = SessionData(
            date="2024-01-01T09:00:00",
            subjective=f"{text} {i}",
            objective=text,
            assessment=text,
            plan=text,
        )
        t = time.perf_counter()
        svc.update_session(sess.id, data)
        ours.append(time.perf_counter() - t)
    # Raw: the same single-row UPDATE with blobs of the same size, no validation/encryption.
    blob = os.urandom(len(text.encode()) + 34)
    raw = []
    with _raw_conn(svc) as conn:
        for _ in range(N_SAVES):
            t = time.perf_counter()
            with conn.transaction():
                conn.execute(
                    "SELECT set_config('app.workspace_id', %s, true)", (str(svc.workspace_id),)
                )
                conn.execute(
                    "UPDATE sessions SET subjective=%s, objective=%s, assessment=%s, "
                    "plan=%s, updated_at=now() WHERE id=%s",
                    (blob, blob, blob, blob, sess.id),
                )
            raw.append(time.perf_counter() - t)
    o, r = percentiles(ours), percentiles(raw)
    return {
        "ours": o,
        "raw_psycopg": r,
        "goal_p95_ms": 15.0,
        "meets_goal": o["p95_ms"] <= 15.0,
        "p50_ratio_ours_over_raw": round(o["p50_ms"] / r["p50_ms"], 2),
    }


def _new_workspace(svc: ChartsideService) -> None:
    """Point the service at a fresh, empty workspace of the same server."""
    ws, keys, _, _ = w.create_workspace(
        svc.db, "bench", PASSPHRASE, svc.settings.crypto, f"bench-{uuid.uuid4()}"
    )
    svc.keys.install(ws, keys)
    svc.workspace_id = ws


def _avg_lengths(conn: Any, table: str, *cols: str) -> list[int]:
    exprs = ", ".join(f"avg(coalesce(length({c}), 0))" for c in cols)
    return [int(x) for x in conn.exec_driver_sql(f"SELECT {exprs} FROM {table}").one()]


def _raw_import(svc: ChartsideService, sizes: list[int], csizes: list[int]) -> float:
    """The same rows and bytes with plain psycopg: random blobs as long as our ciphertexts,
    32-byte ids where we store keyed hashes, no validation and no encryption."""
    ws = svc.workspace_id
    blobs = [os.urandom(x) for x in sizes]
    cblobs = [os.urandom(x) for x in csizes]
    n_sessions = IMPORT_CLIENTS * SESSIONS_PER_CLIENT
    t = time.perf_counter()
    with _raw_conn(svc) as conn, conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT set_config('app.workspace_id', %s, true)", (str(ws),))
        cids = [uuid.uuid4() for _ in range(IMPORT_CLIENTS)]
        cur.executemany(
            "INSERT INTO clients (id, workspace_id, external_id_hash, external_id, full_name, "
            "date_of_birth, medical_history, notes) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            [(c, ws, os.urandom(32), *cblobs) for c in cids],
        )
        cur.executemany(
            "INSERT INTO sessions (id, workspace_id, client_id, external_id_hash, external_id, "
            "session_date, subjective, objective, assessment, plan) "
            "VALUES (%s, %s, %s, %s, %s, '2024-01-01', %s, %s, %s, %s)",
            [
                (uuid.uuid4(), ws, cids[i // SESSIONS_PER_CLIENT], os.urandom(32), *blobs)
                for i in range(n_sessions)
            ],
        )
    return time.perf_counter() - t


def bench_import(root: Path, rounds: int = 3) -> dict[str, Any]:
    """Alternate our import and the raw inserts, each into a fresh workspace of one server,
    and compare medians: single runs on this shared machine swing by 2x."""
    doc = document(IMPORT_CLIENTS, SESSIONS_PER_CLIENT)
    src = root / "import.json"
    src.write_text(json.dumps(doc))
    n_sessions = IMPORT_CLIENTS * SESSIONS_PER_CLIENT
    svc = _service(root, "import")
    ours, raw = [], []
    try:
        for _ in range(rounds):
            _new_workspace(svc)
            t = time.perf_counter()
            svc.import_file(src)
            ours.append(time.perf_counter() - t)
            # The raw side writes as many rows, with blobs as large as our ciphertexts.
            with svc.db.tx(svc.workspace_id) as conn:
                sizes = _avg_lengths(conn, "sessions", "external_id", *SOAP_FIELDS)
                csizes = _avg_lengths(
                    conn,
                    "clients",
                    "external_id",
                    "full_name",
                    "date_of_birth",
                    "medical_history",
                    "notes",
                )
            _new_workspace(svc)
            raw.append(_raw_import(svc, sizes, csizes))
    finally:
        svc.close()
    ours_rate = n_sessions / statistics.median(ours)
    raw_rate = n_sessions / statistics.median(raw)
    ratio = ours_rate / raw_rate
    return {
        "sessions": n_sessions,
        "clients": IMPORT_CLIENTS,
        "rounds": rounds,
        "ours_sessions_per_s": round(ours_rate),
        "raw_psycopg_sessions_per_s": round(raw_rate),
        "ours_s": [round(x, 3) for x in ours],
        "raw_s": [round(x, 3) for x in raw],
        "ratio_ours_over_raw": round(ratio, 3),
        "goal_ratio": 0.5,
        "meets_goal": ratio >= 0.5,
        "ours_includes": "JSON parse, validation, AES-GCM of every field, keyed id hashes",
    }


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chartside-bench-") as tmp:
        root = Path(tmp)
        svc = _service(root, "save")
        try:
            save = bench_note_save(svc)
        finally:
            svc.close()
        imp = bench_import(root)
    result = {"note_save": save, "import_throughput": imp}
    write_result("store", result)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
