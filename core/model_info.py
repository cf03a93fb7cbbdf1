"""What a front end may know of an installed model: plain records, so the GUI can list and
switch models through `core.api.ModelsPart` without importing the `models` package."""

from __future__ import annotations

from dataclasses import dataclass

from core.messages import Message

KINDS = ("embedder", "generator", "speech")  # speech: dictation's recogniser
# The setting that, set in the system policy, fixes the generator (`ModelsPart.generator_locked`).
GENERATOR_SETTING = "models.default_generator"


@dataclass(frozen=True)
class ModelInfo:
    kind: str  # "embedder" | "generator" | "speech"
    name: str
    model_id: str  # name@first 12 hex digits of the SHA-256: what the index records
    path: str
    size: int  # bytes on disk
    sha256: str  # pinned at registration
    source: str  # "package:<dist>" for a packaged model, "user" for one added by hand
    ram_bytes: int  # estimated resident size once loaded
    available_ram: int  # free RAM when the record was read
    fits_ram: bool
    active: bool
    present: bool
    # Why the app chose it, when the user did not (English text from an older registry).
    why: Message | str | None = None
    checksum_ok: bool | None = None  # None: not checked; False: changed since registration
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CpuKernels:
    """The CPU kernels the answering model runs with (models/cpu_kernels.py): `level` the
    best instruction set they use ("AVX2", "AVX-512"), `builds` how many builds were on
    offer at run time (0: one portable build linked in), `cpu` the best this CPU has."""

    level: str
    builds: int = 0
    cpu: str | None = None
