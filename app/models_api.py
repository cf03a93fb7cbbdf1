"""The models part (`core.api.ModelsPart`, `service.models`) the models screen drives, over
the `models` registry (the GUI may not import `models`); `app/compose.py` gives it to the
service. The CLI's `chartside models` runs the same registry calls.

Each file is hashed with the cancel token checked between blocks. Switching the embedder
tells the running service, whose background indexer then re-embeds the notes; switching
the generator makes the next answer open the new one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.policy_models import generator_locked, require_generator_choice
from core.errors import ModelError
from core.messages import Message
from core.model_info import KINDS, ModelInfo
from core.progress import CancelToken, Progress, scaled
from core.services.service import ChartsideService
from core.settings import Settings

if TYPE_CHECKING:
    from models.registry import ModelRegistry, ModelStatus


class RegistryModelsPart:
    def __init__(self, settings: Settings, service: ChartsideService | None = None) -> None:
        self._settings = settings
        self._service = service

    @property
    def generator_locked(self) -> bool:
        return generator_locked()

    def _registry(self, progress: Progress | None = None) -> ModelRegistry:
        from models.registry import ModelRegistry  # light: no runtime is imported

        reg = ModelRegistry(self._settings.models_dir)
        if not reg.records():
            # First use, as `chartside models list` does: the packaged defaults.
            self._settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            reg.ensure_defaults(
                self._settings.model_cache_dir,
                generator=self._settings.models.default_generator,
                progress=progress,
            )
        return reg

    def list_models(self, progress: Progress | None = None) -> list[ModelInfo]:
        reg = self._registry(progress)
        reg.ensure_speech(
            self._settings.model_cache_dir
        )  # a registry from before dictation lists it too
        return [_info(reg.status(r)) for r in reg.records()]

    def verify_models(
        self, progress: Progress | None = None, cancel: CancelToken | None = None
    ) -> list[ModelInfo]:
        from models.files import sha256_path

        reg = self._registry()
        records = reg.records()
        total = max(sum(r.size for r in records), 1)
        done = 0
        out: list[ModelInfo] = []
        for record in records:
            status = reg.status(record)
            if status.present:
                step = _checked(progress, done / total, (done + record.size) / total, cancel)
                status.checksum_ok = sha256_path(Path(record.path), step, cancel) == record.sha256
                if not status.checksum_ok:
                    status.warnings.append(
                        "the files changed since registration; it will be refused"
                    )
            done += record.size
            out.append(_info(status))
        return out

    def use_model(
        self,
        kind: str,
        path: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ModelInfo:
        _check_kind(kind)
        if kind == "generator":
            require_generator_choice(self._settings)
        reg = self._registry()
        record = reg.find(kind, path)
        if record is None:
            from models.registry import kind_message

            raise ModelError(
                Message("models.none_registered_at", kind=kind_message(kind), path=path)
            )
        # Pinned to the registered digest: a file changed since is refused, not re-accepted.
        used = reg.register(
            kind, record.path, name=record.name, sha256=record.sha256, source=record.source,
            activate=True, progress=_checked(progress, 0.0, 1.0, cancel),
        )  # fmt: skip
        self._tell_service(kind)
        return _info(reg.status(used))

    def add_model(
        self,
        kind: str,
        path: Path,
        sha256: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ModelInfo:
        _check_kind(kind)
        digest = sha256.strip().lower()
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ModelError(
                Message("models.sha256_malformed"), remediation=Message("models.copy_sha256")
            )
        reg = self._registry()
        record = reg.register(
            kind, path, sha256=digest, activate=False,
            progress=_checked(progress, 0.0, 1.0, cancel),
        )  # fmt: skip
        return _info(reg.status(record))

    def _tell_service(self, kind: str) -> None:
        svc = self._service
        if svc is None:
            return
        if kind == "generator":
            svc.assistant.reopen_generator()
        elif kind == "speech":
            svc.dictation.reopen()
        elif svc.embedder is not None:  # no embedding runtime: nothing indexes anyway
            from app.models_setup import open_embedder

            svc.search.use_embedder(open_embedder(self._settings))


def _checked(
    progress: Progress | None, start: float, end: float, cancel: CancelToken | None
) -> Progress:
    """`progress` mapped onto start..end, raising `Cancelled` once `cancel` trips (hashing
    reports after every block, so it stops within one)."""
    report = scaled(progress, start, end) if progress is not None else None

    def step(fraction: float, message: str) -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()
        if report is not None:
            report(fraction, message)

    return step


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ModelError(Message("runtime.unknown_kind", value=kind, names=", ".join(KINDS)))


def _info(status: ModelStatus) -> ModelInfo:
    """The registry's status as core's plain record."""
    r = status.record
    return ModelInfo(
        kind=r.kind,
        name=r.name,
        model_id=r.model_id,
        path=r.path,
        size=r.size,
        sha256=r.sha256,
        source=r.source,
        ram_bytes=r.ram_bytes,
        available_ram=status.available_ram,
        fits_ram=status.fits_ram,
        active=status.active,
        present=status.present,
        why=status.why,
        checksum_ok=status.checksum_ok,
        warnings=tuple(status.warnings),
    )
