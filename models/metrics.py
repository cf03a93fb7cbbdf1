"""Prometheus metrics for the model runtimes, kept in a registry the caller owns.

The global default registry is never used: tests and several app instances in one process
must not share counters, and the app decides what (if anything) it exposes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry

# Queries embed in ~15 ms; a cold model load takes seconds; generation up to minutes.
_FAST = (0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_SLOW = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)


class ModelMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        from prometheus_client import CollectorRegistry, Counter, Histogram

        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.load_seconds = Histogram(
            "chartside_model_load_seconds", "Time to load a model", ["model"],
            buckets=_SLOW, registry=r,
        )  # fmt: skip
        self.embed_seconds = Histogram(
            "chartside_embed_seconds", "Time to embed one query or one document batch",
            ["model", "kind"], buckets=_FAST, registry=r,
        )  # fmt: skip
        self.embedded_texts = Counter(
            "chartside_embedded_texts", "Texts embedded", ["model", "kind"], registry=r
        )
        self.generation_seconds = Histogram(
            "chartside_generation_seconds", "Wall time of one generation",
            ["model"], buckets=_SLOW, registry=r,
        )  # fmt: skip
        self.first_token_seconds = Histogram(
            "chartside_time_to_first_token_seconds", "Time from request to first text piece",
            ["model"], buckets=(*_FAST, 30.0), registry=r,
        )  # fmt: skip
        self.tokens = Counter(
            "chartside_llm_tokens", "Tokens processed by the generator",
            ["model", "kind"], registry=r,
        )  # fmt: skip
        self.errors = Counter(
            "chartside_model_errors", "Model failures by kind", ["model", "kind"], registry=r
        )

    def value(self, name: str, **labels: str) -> float:
        """A sample's current value (0.0 when absent); handy for doctor output and tests."""
        v = self.registry.get_sample_value(name, labels)
        return 0.0 if v is None else v
