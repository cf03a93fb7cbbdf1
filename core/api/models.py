"""The models part's Protocol (`ChartsideApi.models`)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from core.model_info import ModelInfo
from core.progress import CancelToken, Progress


class ModelsPart(Protocol):
    """The local models (docs/usage.md): which are installed, which are in use and why, and
    changing that (`ChartsideApi.models`). Blocking: call off the GUI thread. Touches no
    notes and needs no unlock. `app` builds it over the model registry and gives it to the
    service at construction; it tells the service when the embedder changes so the
    background indexer re-embeds the notes (`SearchPart.index_status` shows how far)."""

    @property
    def generator_locked(self) -> bool:
        """Whether the system policy fixes the generator (`use_model` of another refuses).
        A policy that cannot be read stopped the app's start already; should it break since,
        `use_model` reports it, so it locks nothing here."""
        ...

    def list_models(self, progress: Progress | None = None) -> list[ModelInfo]:
        """Every registered model; on first use the packaged ones are registered first."""
        ...

    def verify_models(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        """Re-hash every model file (SHA-256); `checksum_ok` is False where one changed.
        `cancel` stops it, raising `Cancelled`."""
        ...

    def use_model(
        self,
        kind: str,
        path: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ModelInfo:
        """Make the registered model at `path` the active `kind`, after checking its file
        still has the registered SHA-256 (a changed file is refused)."""
        ...

    def add_model(
        self,
        kind: str,
        path: Path,
        sha256: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ModelInfo:
        """Register a model file, only when its SHA-256 is `sha256` (else `ModelError` and
        nothing is registered). It stays inactive until `use_model`."""
        ...
