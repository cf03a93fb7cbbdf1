"""Prometheus metrics for answering (docs/architecture.md, ask step 8), in a registry the
service owns.

Latency is kept as a small ring of recent samples per stage: the diagnostics view shows
exact p50/p95 from it, which histogram bucket bounds would blur at these latencies."""

from __future__ import annotations

import threading
from collections import deque

from prometheus_client import CollectorRegistry, Counter

STAGES = ("embed", "retrieve", "generate", "total")
_RECENT = 500


class AssistantMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.tokens = Counter(
            "chartside_ask_tokens", "Tokens in prompts and answers", ["kind"], registry=r
        )
        self.cache = Counter("chartside_ask_cache", "Answer cache look-ups", ["result"], registry=r)
        self.outcomes = Counter(
            "chartside_ask_outcomes", "Answers by outcome", ["outcome"], registry=r
        )
        # What the grounding check did that the clinician is not told in these words: the
        # corrections it made (a marker moved, a value distrusted) and the sentences it
        # could not support. The messages themselves are in `AskResult.details`.
        self.checks = Counter(
            "chartside_ask_checks", "What the grounding check did", ["what"], registry=r
        )
        self._recent: dict[str, deque[float]] = {s: deque(maxlen=_RECENT) for s in STAGES}
        self._lock = threading.Lock()

    def observe(self, timings_ms: dict[str, float]) -> None:
        with self._lock:
            for stage, ms in timings_ms.items():
                if stage in self._recent:
                    self._recent[stage].append(ms)

    def snapshot(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        with self._lock:
            for stage, values in self._recent.items():
                ordered = sorted(values)
                out[f"latency_{stage}_ms"] = {
                    "count": float(len(ordered)),
                    "p50": _percentile(ordered, 0.50),
                    "p95": _percentile(ordered, 0.95),
                }
        out["tokens"] = {
            k: self._value("chartside_ask_tokens_total", kind=k) for k in ("prompt", "answer")
        }
        out["cache"] = {
            k: self._value("chartside_ask_cache_total", result=k) for k in ("hit", "miss")
        }
        out["checks"] = {
            k: self._value("chartside_ask_checks_total", what=k)
            for k in ("corrections", "unsupported")
        }
        out["outcomes"] = {
            k: self._value("chartside_ask_outcomes_total", outcome=k)
            for k in ("answered", "timeline", "refused", "extractive", "cancelled", "failed")
        }
        return out

    def _value(self, name: str, **labels: str) -> float:
        v = self.registry.get_sample_value(name, labels)
        return 0.0 if v is None else v


def _percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
