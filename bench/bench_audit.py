"""Audit verification of 100,000 events (goal ≤ 2 s), against raw HMAC of the same bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_store import _service
from bench.common import write_result
from core import audit

N_EVENTS = 100_000


def _fill(svc: Any) -> list[bytes]:
    """Write a valid chain straight into the table; returns the bytes each link hashes."""
    cipher = svc.cipher()
    key = audit.audit_key(cipher)
    ws = cipher.workspace_id
    with svc.db.tx(ws) as conn:
        last = conn.exec_driver_sql(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
        ).one()
        prev, start = bytes(last.hash), last.seq + 1
        t0 = dt.datetime.now(dt.UTC)
        rows, messages = [], []
        for seq in range(start, start + N_EVENTS):
            ts = t0 + dt.timedelta(microseconds=seq)
            details = audit.details_text({"count": seq % 50})
            target = f"00000000-0000-0000-0000-{seq:012d}"
            us = audit.micros(ts)
            h = audit.chain_hash(key, prev, seq, us, "bench", "client.read", target, details)
            messages.append(
                prev + audit._canonical(seq, us, "bench", "client.read", target, details)
            )
            rows.append(
                {
                    "w": ws,
                    "seq": seq,
                    "ts": ts,
                    "a": "bench",
                    "act": "client.read",
                    "t": target,
                    "d": details,
                    "p": prev,
                    "h": h,
                }
            )
            prev = h
        conn.exec_driver_sql(
            "INSERT INTO audit_events (workspace_id, seq, ts, actor, action, target, details, "
            "prev_hash, hash) VALUES (%(w)s, %(seq)s, %(ts)s, %(a)s, %(act)s, %(t)s, "
            "%(d)s, %(p)s, %(h)s)",
            rows,
        )
    svc.anchors.advance(ws, audit.Anchor(start + N_EVENTS - 1, prev.hex()))
    return messages


def run(rounds: int = 3) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chartside-bench-audit-") as tmp:
        svc = _service(Path(tmp), "audit")
        try:
            messages = _fill(svc)
            key = audit.audit_key(svc.cipher())
            ours, raw = [], []
            for _ in range(rounds):
                t = time.perf_counter()
                report = svc.audit_verify()
                ours.append(time.perf_counter() - t)
                assert report.ok, report.problems[:3]
                t = time.perf_counter()
                for m in messages:
                    hmac.new(key, m, hashlib.sha256).digest()
                raw.append(time.perf_counter() - t)
        finally:
            svc.close()
    o, r = statistics.median(ours), statistics.median(raw)
    result = {
        "events": report.count,
        "ours_verify_s": round(o, 3),
        "raw_hmac_only_s": round(r, 3),
        "ratio_ours_over_raw_time": round(o / r, 2),
        "goal_s": 2.0,
        "meets_goal": o <= 2.0,
        "ours_includes": "fetching every event from PostgreSQL, canonical JSON, HMAC, links",
    }
    write_result("audit", result)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
