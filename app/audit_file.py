"""Audit export files for an auditor: JSON or CSV, private and written atomically."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from core.files import atomic_file

COLUMNS = ("seq", "ts", "actor", "action", "target", "details", "prev_hash", "hash")


def write(rows: list[dict[str, Any]], out: Path, fmt: str) -> None:
    if fmt == "csv":
        buf = io.StringIO()
        w: csv.DictWriter[str] = csv.DictWriter(buf, fieldnames=COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({**r, "details": json.dumps(r["details"], sort_keys=True)})
        body = buf.getvalue()
    else:
        body = json.dumps({"format": "chartside.audit.v1", "events": rows}, indent=2) + "\n"
    # 0600 from the start, synced, renamed into place; on failure the temp copy is removed.
    with atomic_file(out) as f:
        f.write(body.encode("utf-8"))
