"""Model runtime errors. All are `ChartsideError`s, so the UI's one error surface shows them."""

from __future__ import annotations

from core.errors import GenerationTimeout, ModelError, PromptTooLong

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
    remediation = "Reinstall Chartside, or point the settings at an existing model file."


class ModelRuntimeMissing(ModelError):
    """The Python package that runs this kind of model is not installed."""

    remediation = "Reinstall Chartside; the model runtime is part of the package."


class ModelChecksumMismatch(ModelError):
    remediation = (
        "The model file changed since it was registered. Restore the original file, or "
        "register the new one with `chartside models use-embedder|use-generator PATH`."
    )


class ModelLoadError(ModelError):
    """Loading failed for a reason that retrying will not fix."""


class TransientModelError(ModelError):
    """A failure worth retrying (a busy file, a temporarily exhausted resource)."""

    remediation = "Try again in a moment."


class ModelUnavailable(ModelError):
    """The circuit breaker is open: the model failed to load repeatedly."""

    remediation = (
        "The model failed to load several times. Run `chartside models verify`, free some "
        "memory, or choose another model; Chartside retries later."
    )
