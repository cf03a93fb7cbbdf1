"""Audit verification of 100,000 events (goal ≤ 2 s), against raw HMAC of the same bytes.

The 2 s goal is an absolute time, which a busy machine moves; the ratio to the raw HMAC
of the same bytes, measured in alternating rounds, does not move with it, so that is what
`make bench-quick` holds: RATIO_GOAL is the 2 s goal over the raw side's 0.136 s when the
goal was set (bench/results/audit.json of 2026-11-22)."""

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

from bench.common import alternate, check, write_result
from bench.store.speed import _service
from core.security import audit

N_EVENTS = 100_000
GOAL_S = 2.0
RATIO_GOAL = 14.0  # ours / raw time


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


def run(rounds: int = 3, write: bool = True) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chartside-bench-audit-") as tmp:
        svc = _service(Path(tmp), "audit")
        try:
            messages = _fill(svc)
            key = audit.audit_key(svc.cipher())
            reports = []

            def ours() -> float:
                t = time.perf_counter()
                reports.append(svc.health.audit_verify())
                return time.perf_counter() - t

            def raw() -> float:
                t = time.perf_counter()
                for m in messages:
                    hmac.new(key, m, hashlib.sha256).digest()
                return time.perf_counter() - t

            ours_s, raw_s = alternate(rounds, ours, raw)
            assert all(r.ok for r in reports), reports[0].problems[:3]
        finally:
            svc.close()
    o, r = statistics.median(ours_s), statistics.median(raw_s)
    ratio = round(o / r, 2)
    result = {
        "events": reports[0].count,
        "rounds": rounds,
        "ours_verify_s": round(o, 3),
        "raw_hmac_only_s": round(r, 3),
        "ratio_ours_over_raw_time": ratio,
        "goal_s": GOAL_S,
        "meets_goal": o <= GOAL_S,
        "goal_ratio_max": RATIO_GOAL,
        "ours_includes": "fetching every event from PostgreSQL, canonical JSON, HMAC, links",
    }
    result["checks"] = [
        check("audit: verify time ours/raw HMAC", ratio, "<=", RATIO_GOAL),
        check("audit: verify s (100,000 events)", round(o, 3), "<=", GOAL_S, gated=False),
    ]
    if write:
        write_result("audit", result)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
