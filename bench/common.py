"""Shared bits: the throwaway service's settings, timing statistics and result files."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
PASSPHRASE = "benchmark passphrase"
# The OWASP floor, as the test suite uses: real, but quick to derive, so key derivation
# does not swamp what a bench measures.
FAST_KDF = {"argon2_memory_kib": 19 * 1024, "argon2_iterations": 2, "argon2_lanes": 1}


def offline() -> None:
    """Never reach the network for a model (DESIGN §1); call before any ML import."""
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


def write_result(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    payload = {
        "benchmark": name,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        **payload,
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2) + "\n")
    return path


def client_ids(svc: Any) -> dict[str, Any]:
    """Each imported client's id by its external id (the eval sets name clients so)."""
    out = {}
    for summary in svc.list_clients():
        ext = svc.get_client(summary.id).data.external_id
        if ext is not None:
            out[ext] = summary.id
    return out
