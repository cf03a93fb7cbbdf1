"""Shared bits: the throwaway service's settings, timing statistics and result files."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
APP_CODE = ("core", "models", "app", "migrations")
PASSPHRASE = "benchmark passphrase"
# The OWASP floor, as the test suite uses: real, but quick to derive, so key derivation
# does not swamp what a bench measures.
FAST_KDF = {"argon2_memory_kib": 19 * 1024, "argon2_iterations": 2, "argon2_lanes": 1}


def offline() -> None:
    """Never reach the network for a model (docs/security.md); call before any ML import."""
    os.environ.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})


def isolate(root: Path) -> None:
    """No developer config or machine policy may leak into the measurement."""
    os.environ["CHARTSIDE_CONFIG_FILE"] = str(root / "absent-config.toml")
    os.environ["CHARTSIDE_POLICY_FILE"] = str(root / "absent-policy.toml")


def bench_settings(data_dir: Path, **overrides: Any) -> Any:
    """Settings for a throwaway data dir with the quick KDF."""
    from core.settings import load_settings

    return load_settings(data_dir=data_dir, crypto=FAST_KDF, **overrides)


def _quantile(ms: list[float], q: int) -> float:
    # statistics.quantiles needs two samples; one sample is every percentile of itself.
    if len(ms) == 1:
        return ms[0]
    return statistics.quantiles(ms, n=100, method="inclusive")[q - 1]


def latency_ms(samples_s: list[float], digits: int = 1) -> dict[str, float]:
    """p50, p95 and max in ms; just {"n": 0} where nothing could be timed."""
    ms = [x * 1000 for x in samples_s]
    if not ms:
        return {"n": 0}
    return {
        "p50_ms": round(_quantile(ms, 50), digits),
        "p95_ms": round(_quantile(ms, 95), digits),
        "max_ms": round(max(ms), digits),
        "n": len(ms),
    }


def percentiles(samples_s: list[float]) -> dict[str, float]:
    """p50 and p95 to the microsecond: the store and search benches' format."""
    stats = latency_ms(samples_s, digits=3)
    stats.pop("max_ms", None)
    return stats


def measured_paths(name: str) -> list[str]:
    """What the figures in results/<name>.json depend on: the app's code, the shared bench
    helpers and the benchmark's own sources (bench.stale.producer_paths; all of bench/ for
    a result no producer writes)."""
    from bench.stale import producer_paths

    return [*APP_CODE, "bench/common.py", *(producer_paths(name) or ["bench"])]


def code_state(name: str) -> dict[str, Any]:
    """The commit measured, and the files it depends on that differed from it (the working
    tree is what ran): a result is current if it names the commit and nothing uncommitted."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return done.stdout if done.returncode == 0 else ""

    changed = git("status", "--porcelain", "--untracked-files=no", "--", *measured_paths(name))
    uncommitted = [ln[3:] for ln in changed.splitlines()]
    return {"commit": git("rev-parse", "HEAD").strip() or None, "uncommitted": uncommitted}


def alternate(rounds: int, *sides: Callable[[], float]) -> list[list[float]]:
    """Each side once per round, the order alternating: load on a shared machine then
    falls on every side alike, so the ratio of their medians stays put."""
    samples: list[list[float]] = [[] for _ in sides]
    order = list(enumerate(sides))
    for r in range(rounds):
        for i, side in order if r % 2 == 0 else reversed(order):
            samples[i].append(side())
    return samples


def paired_ratio(raw: list[float], ours: list[float]) -> float:
    """The median over rounds of ours/raw, from `alternate`'s samples (each round runs the
    two back to back): load that comes and goes between rounds then cancels within each
    ratio, where a ratio of the two medians can pair a quiet raw run with a busy one."""
    return statistics.median(o / r for r, o in zip(raw, ours, strict=True))


def check(name: str, value: float, op: str, goal: float, *, gated: bool = True) -> dict[str, Any]:
    """One figure beside its goal. `gated`: a miss fails `make bench-quick`. Ratios of two
    sides measured in alternating rounds are gated; absolute times (which a busy machine
    moves) are shown but not gated."""
    if op not in (">=", "<="):
        raise ValueError(op)
    met = value >= goal if op == ">=" else value <= goal
    return {"name": name, "value": value, "goal": f"{op} {goal}", "met": met, "gated": gated}


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def write_result(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    payload = {
        "benchmark": name,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **code_state(name),
        "machine": machine(),
        **payload,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2) + "\n")
    return path


def client_ids(svc: Any) -> dict[str, Any]:
    """Each imported client's id by its external id (the eval sets name clients so)."""
    out = {}
    for summary in svc.notes.list_clients():
        ext = svc.notes.get_client(summary.id).data.external_id
        if ext is not None:
            out[ext] = summary.id
    return out
