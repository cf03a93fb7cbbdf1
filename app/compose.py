"""Builds the object graph. Nothing imports `app`; `app` imports everything."""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path
from typing import Any

import migrations
from core.dictation.ports import AudioSource, Transcriber
from core.errors import ChartsideError
from core.model_info import CpuKernels
from core.services.service import ChartsideService
from core.settings import Settings, load_settings

log = logging.getLogger(__name__)

# Model libraries must never reach a hub. Set before anything can import them.
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}


def enforce_offline_env() -> None:
    os.environ.update(OFFLINE_ENV)


def migrations_dir() -> Path:
    return Path(migrations.__file__).parent


def build_settings(data_dir: Path | None = None) -> Settings:
    overrides: dict[str, Any] = {}
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    return load_settings(**overrides)


def build_service(settings: Settings) -> ChartsideService:
    from app.models_api import RegistryModelsPart
    from app.models_setup import (
        assistant_status,
        multilingual_id,
        open_embedder,
        open_embedder_by_id,
        open_multilingual,
    )
    from models.ocr import TesseractOcr

    embedder = None
    if importlib.util.find_spec("sentence_transformers") is not None:
        try:
            embedder = open_embedder(settings)  # unloaded: nothing is read yet
        except ChartsideError as exc:
            # Notes must keep working without the models; doctor and the GUI say why.
            log.warning("the local models are unavailable: %s", exc.message)
    return ChartsideService(
        settings,
        migrations_dir(),
        assistant_status=lambda: assistant_status(settings),
        embedder=embedder,
        generator=(lambda: _generator(settings)) if embedder is not None else None,
        embedder_for=(lambda model_id: open_embedder_by_id(settings, model_id))
        if embedder is not None
        else None,
        # A workspace created while the window is in Hebrew starts with it.
        multilingual=multilingual_id if embedder is not None else None,
        # Questions over time that the patterns miss are placed by meaning, in it.
        reader_embedder=(lambda: open_multilingual(settings)) if embedder is not None else None,
        # Scanned documents: tesseract as a process (models/ocr.py); text PDFs need none.
        ocr=TesseractOcr(),
        # Dictation: the speech model and the microphone open on first use.
        transcriber=lambda: _transcriber(settings),
        audio_source=_microphone,
        # The words shown while speaking come from tiny.en, fast enough on two cores.
        live_transcriber=_live_transcriber,
        # The models screen's part, over this data dir's registry; it tells the service
        # when the embedder, the generator or the speech model is switched.
        models=lambda service: RegistryModelsPart(settings, service),
        # Which CPU kernels the answering model runs with, for the health checks.
        kernels=answer_kernels,
    )


def _generator(settings: Settings) -> Any:
    from app.models_setup import open_generator

    try:
        return open_generator(settings)
    except ChartsideError as exc:
        log.warning("no text generator: answers are extractive (%s)", exc.message)
        return None


def _transcriber(settings: Settings) -> Transcriber:
    from models.factory import open_transcriber

    return open_transcriber(settings.models_dir, settings.model_cache_dir)


def _live_transcriber() -> Transcriber:
    from models.factory import open_live_transcriber

    return open_live_transcriber()


def _microphone() -> AudioSource:
    from app.microphone import Microphone

    return Microphone()


def answer_kernels() -> CpuKernels | None:
    """The CPU kernels llama.cpp runs the generator with (loading them where the build
    leaves that to run time); None without llama.cpp."""
    from models import cpu_kernels

    try:
        k = cpu_kernels.load()
    except ImportError:  # llama_cpp itself is missing: the generator says so when opened
        return None
    return CpuKernels(k.level, len(k.loadable), k.cpu)
