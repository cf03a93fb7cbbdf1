"""The registry of installed models: a JSON file in a directory the app chooses.

Each record pins a model's path, size and SHA-256 at registration. A file whose digest has
changed since then is refused (by `resolve` here, and again by the runtime when it loads).
A model that would not fit in free RAM is registered with a warning, not refused: memory
is freed and taken all the time, and the user may know better.

`list_models`, `verify_models`, `use_embedder` and `use_generator` back the
`chartside models list|verify|use-embedder|use-generator` commands and return JSON-able
dicts.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.messages import Message
from core.ports import Progress
from models import packaged, packaged_speech
from models.e5_embedder import is_e5_model, read_e5_shape
from models.embedder import read_dimension
from models.errors import ModelChecksumMismatch, ModelError, ModelNotFound
from models.files import available_ram, sha256_path, total_size
from models.gguf import read_gguf
from models.runtime import scaled

REGISTRY_FILE = "models.json"
KINDS = ("embedder", "generator", "speech")
DEFAULT_N_CTX = 4096
# torch, tokenizers and activations for a 64-text batch, on top of the weights: measured
# 356 MiB after loading all-MiniLM-L6-v2 (87 MiB weights), 529 MiB after a batch.
_TORCH_OVERHEAD = 400 * 2**20
_E5_OVERHEAD = 150 * 2**20
# CTranslate2 and a 30 s window's activations beside the weights: whisper tiny.en (75 MB
# of float16 weights, loaded as int8) ran in about 300 MB.
_SPEECH_OVERHEAD = 230 * 2**20


@dataclass(frozen=True)
class ModelRecord:
    kind: str
    name: str
    path: str
    size: int
    sha256: str
    ram_bytes: int
    source: str = "user"
    registered_at: str = ""
    dimension: int | None = None
    context_length: int | None = None
    has_chat_template: bool | None = None
    licence: str | None = None  # the weights' licence (SPDX id), where known
    upstream: str | None = None  # where the weights come from, before their package

    @property
    def model_id(self) -> str:
        return f"{self.name}@{self.sha256[:12]}"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "model_id": self.model_id}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModelRecord:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class ModelStatus:
    record: ModelRecord
    active: bool
    present: bool
    fits_ram: bool
    available_ram: int
    checksum_ok: bool | None = None  # None: not checked (list), True/False: verify
    warnings: list[str] = field(default_factory=list)
    # Why the app made it active, when it did; a registry written before message ids
    # keeps its English text.
    why: Message | str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            **self.record.to_json(),
            "active": self.active,
            "present": self.present,
            "fits_ram": self.fits_ram,
            "available_ram": self.available_ram,
            "checksum_ok": self.checksum_ok,
            "warnings": self.warnings,
            "why": None if self.why is None else str(self.why),
        }


class ModelRegistry:
    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.file = self.directory / REGISTRY_FILE
        self._lock = threading.Lock()

    # -- storage -------------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        if not self.file.is_file():
            return {"version": 1, "models": [], "active": {}}
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(
                Message("models.registry_unreadable", path=self.file, detail=str(exc)),
                remediation=Message("models.delete_registry"),
            ) from exc
        data.setdefault("models", [])
        data.setdefault("active", {})
        return data  # type: ignore[no-any-return]

    def _write(self, data: dict[str, Any]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        # Write-then-rename: a crash never leaves a half-written registry.
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".models.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=2, sort_keys=True)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.file)
        finally:
            Path(tmp).unlink(missing_ok=True)

    # -- queries -------------------------------------------------------------------------
    def records(self) -> list[ModelRecord]:
        return [ModelRecord.from_json(m) for m in self._read()["models"]]

    def find(self, kind: str, path: Path | str) -> ModelRecord | None:
        wanted = str(Path(path).resolve())
        return next((r for r in self.records() if r.kind == kind and r.path == wanted), None)

    def active(self, kind: str) -> ModelRecord | None:
        _check_kind(kind)
        path = self._read()["active"].get(kind)
        return None if path is None else self.find(kind, path)

    def status(self, record: ModelRecord, *, check: bool = False) -> ModelStatus:
        path = Path(record.path)
        active = self.active(record.kind)
        free = available_ram()
        st = ModelStatus(
            record=record,
            active=active is not None and active.path == record.path,
            present=path.exists(),
            fits_ram=record.ram_bytes <= free,
            available_ram=free,
        )
        if st.active:
            st.why = self.why_active(record.kind)
        if not st.present:
            st.warnings.append(f"{record.path} is missing")
        elif check:
            st.checksum_ok = sha256_path(path) == record.sha256
            if not st.checksum_ok:
                st.warnings.append("the files changed since registration; it will be refused")
        if not st.fits_ram:
            st.warnings.append(_ram_warning(record, free))
        return st

    def resolve(self, kind: str, progress: Progress | None = None) -> ModelRecord:
        """The active model of `kind`, after checking its files are unchanged."""
        record = self.active(kind)
        if record is None:
            raise ModelNotFound(
                Message("models.none_registered", kind=kind_message(kind)),
                remediation=Message("models.run_use_kind", command=kind),
            )
        path = Path(record.path)
        if not path.exists():
            raise ModelNotFound(
                Message(
                    "models.registered_missing",
                    kind=kind_message(kind),
                    name=record.name,
                    path=path,
                )
            )
        digest = sha256_path(path, progress)
        if digest != record.sha256:
            raise ModelChecksumMismatch(
                Message(
                    "models.changed_since_registered",
                    kind=kind_message(kind),
                    name=record.name,
                    path=path,
                    value=digest[:12],
                    other=record.sha256[:12],
                )
            )
        return record

    # -- changes -------------------------------------------------------------------------
    def register(
        self,
        kind: str,
        path: Path | str,
        *,
        name: str | None = None,
        sha256: str | None = None,
        source: str = "user",
        activate: bool | None = None,
        progress: Progress | None = None,
        licence: str | None = None,
        upstream: str | None = None,
    ) -> ModelRecord:
        """Record `path` as a model of `kind`. Re-registering a path accepts its current
        files. `sha256`, when given, is the digest the files must have. `activate`: True
        makes it the active model, None only when no model of its kind is active."""
        _check_kind(kind)
        path = Path(path).expanduser().resolve()
        record = describe(kind, path, name=name, source=source, progress=progress)
        record = replace(record, licence=licence, upstream=upstream)
        if sha256 is not None and record.sha256 != sha256.lower():
            raise ModelChecksumMismatch(
                Message(
                    "models.checksum_not_expected",
                    path=path,
                    value=record.sha256[:12],
                    other=sha256[:12],
                ),
                remediation=Message("models.reinstall_package", source=source),
            )
        with self._lock:
            data = self._read()
            data["models"] = [
                m for m in data["models"] if not (m["kind"] == kind and m["path"] == record.path)
            ]
            data["models"].append(asdict(record))
            if activate or (activate is None and not data["active"].get(kind)):
                data["active"][kind] = record.path
                data.get("why", {}).pop(kind, None)  # the user's choice needs no reason
            self._write(data)
        return record

    def activate(self, record: ModelRecord, why: Message | None) -> None:
        """Make a registered model active without re-hashing it; `why` is shown beside it."""
        with self._lock:
            data = self._read()
            data["active"][record.kind] = record.path
            data.setdefault("why", {})[record.kind] = why.to_json() if why else ""
            self._write(data)

    def use(self, kind: str, path: Path | str, progress: Progress | None = None) -> ModelRecord:
        return self.register(kind, path, activate=True, progress=progress)

    def ensure_defaults(
        self,
        cache_dir: Path | str,
        *,
        generator: str = "auto",
        progress: Progress | None = None,
    ) -> dict[str, ModelRecord]:
        """Register the packaged models (joining Qwen into `cache_dir` if needed) and make
        them active where nothing is active yet. `generator` picks the default generator:
        "qwen" (Qwen2.5-Coder-1.5B-Instruct), "instruct" (SmolLM2-135M) or "auto": Qwen
        where its RAM fits, else SmolLM2. Why the active generator was chosen is kept beside
        it (`why_active`). Any other GGUF, Gemma 3 270M included, is the user's to register
        (`chartside models add`)."""
        report = progress or (lambda _f, _m: None)
        cache = Path(cache_dir)
        joined: dict[str, Any] = {}
        if packaged.qwen_installed():
            joined["qwen"] = lambda p: packaged.qwen_generator(cache, p)
        if packaged_speech.whisper_base_installed():
            joined["speech_base"] = lambda p: packaged_speech.whisper_base(cache, p)
        models = {"embedder": packaged.embedder(), "instruct": packaged.instruct_generator()}
        if packaged.multilingual_installed():
            # Registered, not active: `models use-embedder multilingual-e5-small` picks it.
            models["multilingual"] = packaged.multilingual_embedder()
        if packaged.speech_installed():
            models["speech"] = packaged.speech()
        for i, (key, make) in enumerate(joined.items()):
            models[key] = make(scaled(report, i * 0.6 / len(joined), (i + 1) * 0.6 / len(joined)))
        out: dict[str, ModelRecord] = {}
        for i, (key, pm) in enumerate(models.items()):
            record = self.find(pm.kind, pm.path)
            if record is None or (pm.sha256 and record.sha256 != pm.sha256):
                step = scaled(
                    report, 0.6 + 0.4 * i / len(models), 0.6 + 0.4 * (i + 1) / len(models)
                )
                record = self.register(
                    pm.kind, pm.path, name=pm.name, sha256=pm.sha256,
                    source=f"package:{pm.package}", activate=False, progress=step,
                    licence=pm.licence, upstream=pm.upstream,
                )  # fmt: skip
            out[key] = record
        chosen, why = _choose_generator(generator, out, available_ram())
        with self._lock:
            data = self._read()
            defaults = [("embedder", "embedder"), ("generator", chosen)]
            order = ("speech_base", "speech")
            order = order if packaged_speech.DEFAULT == "base" else order[::-1]
            speech = next((k for k in order if k in out), None)
            defaults += [("speech", speech)] if speech else []
            for kind, key in defaults:
                if data["active"].get(kind) is None:
                    data["active"][kind] = out[key].path
                    data.setdefault("why", {})[kind] = why.to_json() if kind == "generator" else ""
            self._write(data)
        report(1.0, "Default models registered")
        return out

    def ensure_speech(
        self, cache_dir: Path | str | None = None, progress: Progress | None = None
    ) -> ModelRecord | None:
        """The packaged speech models, registered if this registry predates them: Whisper
        base (joined into `cache_dir`; left out without one) and the lighter tiny.en. The
        default (`packaged_speech.DEFAULT`, where installed) is made active where no speech
        model is, or where the app chose the active one (the user's own choice stays).
        Returns the default's record; None when no speech package is installed."""
        makers = [packaged.speech] if packaged.speech_installed() else []
        if cache_dir is not None and packaged_speech.whisper_base_installed():
            makers.append(lambda: packaged_speech.whisper_base(Path(cache_dir), progress))
        if packaged_speech.DEFAULT != "base":
            makers.reverse()  # the last one registered is the default
        record = None
        for make in makers:
            pm = make()
            record = self.find("speech", pm.path)
            if record is None or (pm.sha256 and record.sha256 != pm.sha256):
                record = self.register(
                    "speech", pm.path, name=pm.name, sha256=pm.sha256,
                    source=f"package:{pm.package}", activate=False, progress=progress,
                    licence=pm.licence, upstream=pm.upstream,
                )  # fmt: skip
        active = self.active("speech")
        chosen_by_app = "speech" in self._read().get("why", {})
        if record is not None and (active is None or (chosen_by_app and active != record)):
            self.activate(record, None)
        return record

    def why_active(self, kind: str) -> Message | str | None:
        """Why the active model of `kind` was chosen, when the app chose it: a message, or
        the English text a registry written before message ids holds."""
        record = self.active(kind)
        why = self._read().get("why", {}).get(kind)
        if record is None or not why:
            return None
        return Message.from_json(why) if isinstance(why, dict) else str(why)


def kind_message(kind: str) -> Message:
    """A kind of model in words: "embedder", "generator", "speech model"."""
    return Message("models.kind_speech" if kind == "speech" else f"assistant.{kind}")


def _choose_generator(
    wanted: str, packaged_records: dict[str, ModelRecord], free: int
) -> tuple[str, Message]:
    """Which packaged generator becomes active, and why, in words for the status bar."""
    if wanted != "auto":
        if wanted not in packaged_records:
            raise ModelNotFound(
                Message("models.packaged_generator_missing", name=wanted),
                remediation=Message("models.run_make_run_or_choose"),
            )
        return wanted, Message("models.why_default_generator_setting")
    qwen = packaged_records.get("qwen")
    if qwen is None:
        return "instruct", Message("models.why_qwen_not_installed")
    if qwen.ram_bytes > free:
        return "instruct", Message(
            "models.why_qwen_needs_more_ram",
            name=qwen.name,
            n=round(qwen.ram_bytes / 2**30, 1),
            count=round(free / 2**30, 1),
        )
    return "qwen", Message("models.why_most_capable_that_fits")


def describe(
    kind: str,
    path: Path,
    *,
    name: str | None = None,
    source: str = "user",
    progress: Progress | None = None,
) -> ModelRecord:
    """A record for the model at `path`, checking that it is the right kind of model."""
    if not path.exists():
        raise ModelNotFound(Message("models.no_model_at", path=path))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if kind == "embedder" and path.is_file() and is_e5_model(path):
        size = path.stat().st_size
        dimension, positions = read_e5_shape(path)
        return ModelRecord(
            kind=kind,
            name=name or path.stem,
            path=str(path),
            size=size,
            sha256=sha256_path(path, progress),
            # The weights are mmapped; the child process adds Python, numpy and
            # activations (measured ~150 MiB resident after a 32-passage batch).
            ram_bytes=_E5_OVERHEAD + size,
            source=source,
            registered_at=now,
            dimension=dimension,
            context_length=positions,
        )
    if kind == "embedder":
        if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise ModelNotFound(
                Message("models.not_an_embedder", path=path),
                remediation=Message("models.point_at_embedder"),
            )
        size = total_size(path)
        return ModelRecord(
            kind=kind,
            name=name or path.name,
            path=str(path),
            size=size,
            sha256=sha256_path(path, progress),
            ram_bytes=_TORCH_OVERHEAD + 2 * size,
            source=source,
            registered_at=now,
            dimension=read_dimension(path),
            context_length=_max_seq_length(path),
        )
    if kind == "speech":
        return _describe_speech(path, name=name, source=source, now=now, progress=progress)
    if path.is_dir():
        raise ModelNotFound(Message("models.generator_needs_gguf", path=path))
    info = read_gguf(path)
    size = path.stat().st_size
    n_ctx = min(DEFAULT_N_CTX, info.context_length or DEFAULT_N_CTX)
    return ModelRecord(
        kind=kind,
        name=name or path.stem,
        path=str(path),
        size=size,
        sha256=sha256_path(path, progress),
        ram_bytes=info.ram_estimate(n_ctx, size),
        source=source,
        registered_at=now,
        context_length=info.context_length or None,
        has_chat_template=info.has_chat_template,
    )


def _describe_speech(
    path: Path, *, name: str | None, source: str, now: str, progress: Progress | None
) -> ModelRecord:
    """A Whisper model in CTranslate2's format: a directory of weights, config, tokenizer
    and vocabulary."""
    needed = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
    if not path.is_dir() or not all((path / f).is_file() for f in needed):
        raise ModelNotFound(
            Message("models.not_a_whisper_model", path=path),
            remediation=Message("models.point_at_whisper", names=", ".join(needed)),
        )
    size = total_size(path)
    return ModelRecord(
        kind="speech",
        name=name or path.name,
        path=str(path),
        size=size,
        sha256=sha256_path(path, progress),
        ram_bytes=_SPEECH_OVERHEAD + size,
        source=source,
        registered_at=now,
    )


def _max_seq_length(path: Path) -> int | None:
    cfg = path / "sentence_bert_config.json"
    try:
        return int(json.loads(cfg.read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ModelError(Message("runtime.unknown_kind", value=kind, names=", ".join(KINDS)))


def _ram_warning(record: ModelRecord, free: int) -> str:
    return (
        f"needs about {record.ram_bytes / 2**20:.0f} MiB of RAM but only "
        f"{free / 2**20:.0f} MiB is free; it may be slow or fail to load"
    )


# -- CLI entry points (`chartside models ...`); the app passes its registry directory ------
def list_models(registry_dir: Path | str) -> list[dict[str, Any]]:
    reg = ModelRegistry(registry_dir)
    return [reg.status(r).to_json() for r in reg.records()]


def verify_models(registry_dir: Path | str) -> list[dict[str, Any]]:
    """Hash every registered model; `checksum_ok` is False for changed files."""
    reg = ModelRegistry(registry_dir)
    return [reg.status(r, check=True).to_json() for r in reg.records()]


def use_embedder(registry_dir: Path | str, path: Path | str) -> dict[str, Any]:
    """`path`, or the name of a registered embedder ("multilingual-e5-small")."""
    reg = ModelRegistry(registry_dir)
    if not Path(path).expanduser().exists():
        named = [r for r in reg.records() if r.kind == "embedder" and r.name == str(path)]
        if named:
            record = reg.register(
                "embedder", named[0].path, name=named[0].name, source=named[0].source,
                activate=True,
            )  # fmt: skip
            return reg.status(record).to_json()
        if str(path) == packaged.MULTILINGUAL_NAME:  # a registry from before it shipped
            pm = packaged.multilingual_embedder()
            record = reg.register(
                "embedder", pm.path, name=pm.name, sha256=pm.sha256,
                source=f"package:{pm.package}", activate=True,
            )  # fmt: skip
            return reg.status(record).to_json()
    return reg.status(reg.use("embedder", path)).to_json()


def use_generator(registry_dir: Path | str, path: Path | str) -> dict[str, Any]:
    reg = ModelRegistry(registry_dir)
    return reg.status(reg.use("generator", path)).to_json()
