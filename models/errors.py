"""Model runtime errors. All are `ChartsideError`s, so the UI's one error surface shows them."""

from __future__ import annotations

from core.errors import GenerationTimeout, ModelError, PromptTooLong
from core.messages import Message

__all__ = [
    "GenerationTimeout",
    "ModelChecksumMismatch",
    "ModelError",
    "ModelLoadError",
    "ModelNotFound",
    "ModelRuntimeMissing",
    "ModelUnavailable",
    "PromptTooLong",
    "TransientModelError",
]


class ModelNotFound(ModelError):
    remedy = Message("remedy.model_not_found")


class ModelRuntimeMissing(ModelError):
    """The Python package that runs this kind of model is not installed."""

    remedy = Message("remedy.model_runtime_missing")


class ModelChecksumMismatch(ModelError):
    remedy = Message("remedy.model_checksum_mismatch")


class ModelLoadError(ModelError):
    """Loading failed for a reason that retrying will not fix."""


class TransientModelError(ModelError):
    """A failure worth retrying (a busy file, a temporarily exhausted resource)."""

    remedy = Message("remedy.transient_model_error")


class ModelUnavailable(ModelError):
    """The circuit breaker is open: the model failed to load repeatedly."""

    remedy = Message("remedy.model_unavailable")
