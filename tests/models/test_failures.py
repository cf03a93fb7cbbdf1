"""Load failures: clear errors, retry only what is transient, and a circuit breaker."""

from __future__ import annotations

import errno
import logging
import re
import shutil
from pathlib import Path

import pytest

from core.errors import ChartsideError
from models import packaged
from models.embedder import SentenceTransformerEmbedder
from models.errors import (
    ModelError,
    ModelLoadError,
    ModelNotFound,
    ModelUnavailable,
    TransientModelError,
)
from models.generator import LlamaCppGenerator
from models.worker import CircuitBreaker, LoadPolicy


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def flaky(failures: list[BaseException], result: str = "loaded"):
    calls: list[int] = []

    def load() -> str:
        calls.append(1)
        if failures:
            raise failures.pop(0)
        return result

    return load, calls


def test_transient_failures_are_retried_with_backoff() -> None:
    load, calls = flaky([OSError(errno.EBUSY, "busy"), TransientModelError("again")])
    retried: list[BaseException] = []
    policy = LoadPolicy("test model", attempts=3, backoff_s=0.01)
    assert policy.load(load, on_retry=retried.append) == "loaded"
    assert len(calls) == 3 and len(retried) == 2
    assert policy.breaker.state == "closed"


def test_permanent_failures_are_not_retried() -> None:
    load, calls = flaky([FileNotFoundError(errno.ENOENT, "gone")])
    policy = LoadPolicy("test model", attempts=3, backoff_s=0.01)
    with pytest.raises(ModelLoadError, match="test model could not be loaded"):
        policy.load(load)
    assert len(calls) == 1


def test_breaker_opens_after_repeated_failures_and_half_opens_later() -> None:
    clock = FakeClock()
    policy = LoadPolicy(
        "test model", backoff_s=0.01, breaker=CircuitBreaker(3, cooldown_s=60, clock=clock)
    )
    for _ in range(3):
        load, _calls = flaky([ValueError("corrupt")])
        with pytest.raises(ModelLoadError):
            policy.load(load)
    load, calls = flaky([])
    with pytest.raises(ModelUnavailable, match="failed to load 3 times"):
        policy.load(load)
    assert not calls  # fail fast: the loader was not even tried
    clock.now += 61
    assert policy.breaker.state == "half-open"
    assert policy.load(load) == "loaded" and policy.breaker.state == "closed"


def test_corrupt_gguf_gives_a_clear_error_and_trips_the_breaker(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.gguf"
    # Header intact, tensor data cut short: only llama.cpp itself can notice.
    broken.write_bytes(packaged.instruct_generator().path.read_bytes()[:20_000_000])
    clock = FakeClock()
    policy = LoadPolicy("The generator broken", breaker=CircuitBreaker(3, 300, clock=clock))
    gen = LlamaCppGenerator(broken, name="broken", load_policy=policy)
    try:
        with caplog.at_level(logging.WARNING, logger="chartside.models"):
            for _ in range(3):
                with pytest.raises(ModelLoadError, match="broken could not be loaded"):
                    gen.load()
        assert "retrying" not in caplog.text  # a corrupt file is not a transient failure
        assert gen.metrics.value("chartside_model_errors_total", model="broken", kind="load") == 3

        # Repaired while the breaker is open: still refused until the cool-down passes.
        shutil.copyfile(packaged.instruct_generator().path, broken)
        with pytest.raises(ModelUnavailable) as err:
            gen.generate("Hello", max_tokens=2)
        assert "chartside models verify" in str(err.value)
        clock.now += 301
        assert gen.generate("Hello", max_tokens=2) is not None
    finally:
        gen.close()


def test_missing_model_file(tmp_path: Path) -> None:
    gen = LlamaCppGenerator(tmp_path / "nowhere.gguf")
    try:
        with pytest.raises(ModelNotFound, match=re.escape("nowhere.gguf")):
            gen.load()
    finally:
        gen.close()


def test_broken_embedder_directory(tmp_path: Path, embedder: SentenceTransformerEmbedder) -> None:
    # `embedder` makes sure torch is imported already, so this test only pays for the load.
    broken = tmp_path / "minilm"
    shutil.copytree(packaged.embedder().path, broken)
    (broken / "model.safetensors").write_bytes(b"\0" * 1024)
    emb = SentenceTransformerEmbedder(broken, name="broken-minilm")
    try:
        with pytest.raises(ChartsideError, match="broken-minilm could not be loaded"):
            emb.embed_query("hello")
    finally:
        emb.close()


def test_closed_runtime_refuses_work(tmp_path: Path) -> None:
    gen = LlamaCppGenerator(packaged.instruct_generator().path)
    gen.close()
    gen.close()  # idempotent
    for call in (lambda: gen.generate("x", max_tokens=1), gen.load, lambda: gen.tokenize("x")):
        with pytest.raises(ModelError, match="closed"):
            call()
