"""What the embedder and the generator share: an owning thread, a lazy, verified,
retried load, the model id, and offline enforcement."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from core.messages import Message
from core.ports import Progress
from core.progress import scaled as scaled  # the one sub-range helper, used by the runtimes
from models.errors import ModelChecksumMismatch, ModelError, ModelNotFound
from models.files import sha256_path
from models.metrics import ModelMetrics
from models.worker import LoadPolicy, ModelWorker

log = logging.getLogger("chartside.models")


def enforce_offline() -> None:
    """Switch every Hugging Face code path to offline before an ML import (docs/security.md)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    # huggingface_hub reads the variable once at import; if someone imported it before
    # us with the variable unset, its constant is stale.
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        constants.HF_HUB_OFFLINE = True


def _no_progress(fraction: float, message: str) -> None:
    pass


class ManagedRuntime:
    """Base of the runtimes. Subclasses implement `_load_model` and `_unload_model`; both
    run on the owning thread, and so must every method that touches `self._model`."""

    kind = "model"

    def __init__(
        self,
        path: Path | str,
        *,
        name: str | None,
        expected_sha256: str | None,
        metrics: ModelMetrics | None,
        load_policy: LoadPolicy | None,
    ) -> None:
        self.path = Path(path)
        self.name = name or self.path.stem
        self._expected = expected_sha256.lower() if expected_sha256 else None
        self._digest = self._expected
        self._digest_lock = threading.Lock()
        self.metrics = metrics if metrics is not None else ModelMetrics()
        self._worker = ModelWorker(f"{self.kind}-{self.name}")
        self.load_policy = load_policy or LoadPolicy(f"The {self.kind} {self.name}")
        self._model: Any = None
        self._closed = False
        self._closing = threading.Event()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r}, loaded={self.loaded})"

    @property
    def digest(self) -> str:
        with self._digest_lock:
            if self._digest is None:
                self._require_path()
                self._digest = sha256_path(self.path)
            return self._digest

    @property
    def model_id(self) -> str:
        return f"{self.name}@{self.digest[:12]}"

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self, progress: Progress | None = None) -> None:
        self._worker.call(self._ensure_loaded, progress)

    def close(self) -> None:
        """Unload the model and stop the owning thread; later calls raise `ModelError`."""
        if self._closed:
            return
        self._closing.set()  # running work stops early instead of delaying shutdown
        try:
            self._worker.call(self._drop)
        finally:
            self._closed = True
            self._worker.shutdown()

    def _drop(self) -> None:
        if self._model is not None:
            self._unload_model(self._model)
            self._model = None

    def _require_path(self) -> None:
        if not self.path.exists():
            raise ModelNotFound(
                Message(
                    "models.model_missing", kind=_kind(self.kind), name=self.name, path=self.path
                )
            )

    def _ensure_loaded(self, progress: Progress | None = None) -> Any:
        if self._closed:
            raise ModelError(Message("runtime.model_closed", kind=_kind(self.kind), name=self.name))
        if self._model is not None:
            return self._model
        report = progress or _no_progress
        started = time.perf_counter()

        def attempt() -> Any:
            self._require_path()
            return self._load_model(report)

        def retrying(exc: BaseException) -> None:
            log.warning("retrying %s load after a transient failure: %s", self.kind, exc)

        try:
            self._model = self.load_policy.load(attempt, on_retry=retrying)
        except Exception:
            self.metrics.errors.labels(self.name, "load").inc()
            raise
        self.metrics.load_seconds.labels(self.name).observe(time.perf_counter() - started)
        report(1.0, f"{self.name} is ready")
        return self._model

    def _verify(self, progress: Progress) -> None:
        """Hash the files; refuse them if they changed since they were registered."""
        digest = sha256_path(self.path, progress)
        if self._expected is not None and digest != self._expected:
            raise ModelChecksumMismatch(
                Message(
                    "models.checksum_at_load",
                    kind=_kind(self.kind),
                    name=self.name,
                    path=self.path,
                    value=digest[:12],
                    other=self._expected[:12],
                )
            )
        with self._digest_lock:
            self._digest = digest

    def _load_model(self, progress: Progress) -> Any:
        raise NotImplementedError

    def _unload_model(self, model: Any) -> None:
        pass


def _kind(kind: str) -> Message:
    """A kind of model in words (as models.registry.kind_message, without importing it)."""
    return Message("models.kind_speech" if kind == "speech" else f"assistant.{kind}")
