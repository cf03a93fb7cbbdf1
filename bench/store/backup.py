"""Backup and checked restore of a large practice: time, throughput and file size.

The practice has IMPORT_CLIENTS x SESSIONS_PER_CLIENT sessions and the chunks the import
writes for every note, embedded as the indexer would leave them (random vectors), which
dominate the dump.
Key derivation uses the default Argon2id settings, as a real install would.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.compose import migrations_dir
from bench.common import isolate, write_result
from core.backup.archive import create_backup, restore_backup, verify_backup
from core.services.service import ChartsideService
from core.settings import load_settings
from tests.factories import document

PASSPHRASE = "benchmark passphrase"
IMPORT_CLIENTS, SESSIONS_PER_CLIENT = 1000, 10
DIM = 384


def _populate(svc: ChartsideService, root: Path) -> None:
    path = root / "import.json"
    path.write_text(json.dumps(document(IMPORT_CLIENTS, SESSIONS_PER_CLIENT)))
    svc.notes.import_file(path)  # writes each note's chunks too, with no vector yet
    with svc.db.owner.begin() as conn:
        conn.execute(
            text(
                "UPDATE chunks SET model_id = 'bench-model', dim = :dim, embedding = "
                "(SELECT array_agg(random()) FROM generate_series(1, :dim) "
                "WHERE chunks.id IS NOT NULL)::vector"
            ),
            {"dim": DIM},
        )


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chartside-bench-backup-") as tmp:
        root = Path(tmp)
        isolate(root)
        svc = ChartsideService(load_settings(data_dir=root / "data"), migrations_dir())
        svc.initialise(PASSPHRASE)
        try:
            _populate(svc, root)
            out = root / "practice.chartside-backup"
            t0 = time.perf_counter()
            res = create_backup(svc.store, out, PASSPHRASE)
            backup_s = time.perf_counter() - t0
        finally:
            svc.close()
        t0 = time.perf_counter()
        verify_backup(out, PASSPHRASE)
        verify_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        restore_backup(out, load_settings(data_dir=root / "restored"), migrations_dir(), PASSPHRASE)
        restore_s = time.perf_counter() - t0
    mib = res.manifest.dump_bytes / 2**20
    result = {
        "sessions": res.manifest.tables["sessions"],
        "chunks": res.manifest.tables["chunks"],
        "dump_mib": round(mib, 1),
        "file_mib": round(res.size / 2**20, 1),
        "backup_s": round(backup_s, 2),
        "backup_mib_per_s": round(mib / backup_s, 1),
        "verify_s": round(verify_s, 2),
        "restore_checked_s": round(restore_s, 2),
    }
    write_result("backup", result)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
    sys.exit(0)
