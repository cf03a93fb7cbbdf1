"""Audit export files for an auditor: JSON or CSV, private and written atomically."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

COLUMNS = ("seq", "ts", "actor", "action", "target", "details", "prev_hash", "hash")


def write(rows: list[dict[str, Any]], out: Path, fmt: str) -> None:
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({**r, "details": json.dumps(r["details"], sort_keys=True)})
        body = buf.getvalue()
    else:
        body = json.dumps({"format": "chartside.audit.v1", "events": rows}, indent=2) + "\n"
    tmp = out.with_name(f".{out.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write(body)
    os.replace(tmp, out)
