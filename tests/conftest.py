"""Shared fixtures. Integration tests run the real embedded PostgreSQL with pgvector."""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import platformdirs
import pytest
from _pytest.faulthandler import fault_handler_stderr_fd_key

# Before anything can import a model library.
os.environ.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests import offline_guard

# The whole suite runs with connections off the machine refused before they happen.
offline_guard.install()

from app.compose import migrations_dir
from core.model_info import CpuKernels
from core.services.service import ChartsideService
from core.settings import Settings, load_settings
from models import packaged
from models.embedder import SentenceTransformerEmbedder
from models.generator import LlamaCppGenerator
from models.metrics import ModelMetrics
from models.ocr import TesseractOcr

PASSPHRASE = "correct horse battery staple"
# The OWASP floor: real, but fast enough to derive once per test.
FAST_KDF = {"argon2_memory_kib": 19 * 1024, "argon2_iterations": 2, "argon2_lanes": 1}


@pytest.fixture(scope="session", autouse=True)
def _no_connection_left_the_machine() -> Iterator[None]:
    yield
    leaked = offline_guard.violations()
    assert not leaked, f"attempted connections off the machine: {leaked}"


@pytest.fixture(autouse=True)
def _crash_tracebacks_reach_the_terminal(request: pytest.FixtureRequest) -> Iterator[None]:
    """A segfault prints every thread's traceback, whatever a test did to faulthandler: the
    crash log's `close()` turns it off, and CI once showed only "Segmentation fault"."""
    yield
    if not faulthandler.is_enabled():
        fd = request.config.stash.get(fault_handler_stderr_fd_key, None)
        if fd is not None:
            faulthandler.enable(fd, all_threads=True)


@pytest.fixture(autouse=True)
def _isolated_settings_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads the developer's config.toml or the machine's policy file."""
    d = tmp_path_factory.getbasetemp() / "no-settings"
    monkeypatch.setenv("CHARTSIDE_CONFIG_FILE", str(d / "config.toml"))
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(d / "policy.toml"))
    for key in list(os.environ):
        if key.startswith("CHARTSIDE_") and key not in {
            "CHARTSIDE_CONFIG_FILE",
            "CHARTSIDE_POLICY_FILE",
        }:
            monkeypatch.delenv(key)


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    return load_settings(data_dir=data_dir, crypto=FAST_KDF, **overrides)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def service_factory(tmp_path: Path) -> Iterator[Callable[..., ChartsideService]]:
    made: list[ChartsideService] = []

    def make(
        name: str = "data",
        embedder: SentenceTransformerEmbedder | None = None,
        generator: Callable[[], LlamaCppGenerator | None] | None = None,
        kernels: Callable[[], CpuKernels | None] | None = None,
        **overrides: object,
    ) -> ChartsideService:
        settings = make_settings(tmp_path / name, **overrides)
        svc = ChartsideService(
            settings, migrations_dir(), embedder=embedder, generator=generator, kernels=kernels
        )
        made.append(svc)
        return svc

    yield make
    for svc in made:
        svc.close()


@pytest.fixture
def docs(tmp_path: Path) -> Iterator[ChartsideService]:
    """A fresh, unlocked service that reads scans with the real tesseract (documents)."""
    svc = ChartsideService(make_settings(tmp_path / "data"), migrations_dir(), ocr=TesseractOcr())
    svc.initialise(PASSPHRASE)
    yield svc
    svc.close()


@pytest.fixture
def service(service_factory: Callable[..., ChartsideService]) -> ChartsideService:
    """A fresh, initialised and unlocked service on its own embedded server."""
    svc = service_factory()
    svc.initialise(PASSPHRASE)
    return svc


@pytest.fixture
def indexed_service(
    service_factory: Callable[..., ChartsideService], embedder: SentenceTransformerEmbedder
) -> ChartsideService:
    """Like `service`, with the real packaged embedder: notes get chunked by its tokenizer
    and can be indexed and searched."""
    svc = service_factory(embedder=embedder)
    svc.initialise(PASSPHRASE)
    return svc


@pytest.fixture
def notes_api(service: ChartsideService) -> ChartsideService:
    """Initialised but locked: what the GUI sees at start-up."""
    service.lock()
    return service


@pytest.fixture(scope="module")
def service_for_fuzz(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChartsideService]:
    """One server for a module's many hypothesis examples (function-scoped would restart it)."""
    svc = ChartsideService(
        make_settings(tmp_path_factory.mktemp("fuzz") / "data"), migrations_dir()
    )
    svc.initialise(PASSPHRASE)
    yield svc
    svc.close()


# -- the real packaged models, each loaded once per session --------------------------
@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="session")
def base_model_file(model_cache: Path) -> Path:
    """SmolLM2-135M-Instruct with its chat template taken out: a GGUF without one, as a base
    model that `chartside models add` registers (Gemma 3 270M, say) is. The template's
    metadata key is renamed in place, to one of the same length, so nothing else moves and
    the header still parses."""
    target = model_cache / "SmolLM2-135M-no-template.gguf"
    if not target.is_file():
        data = bytearray(packaged.instruct_generator().path.read_bytes())
        key = b"tokenizer.chat_template"
        at = data.find(key)
        assert at > 0 and data.find(key, at + 1) == -1
        data[at + len(key) - 1] = ord("X")  # tokenizer.chat_templatX: a key no one reads
        target.write_bytes(bytes(data))
    return target


@pytest.fixture(scope="session")
def embedder() -> Iterator[SentenceTransformerEmbedder]:
    pm = packaged.embedder()
    e = SentenceTransformerEmbedder(pm.path, name=pm.name, metrics=ModelMetrics())
    e.load()
    yield e
    e.close()


@pytest.fixture(scope="session")
def base_smollm(base_model_file: Path) -> Iterator[LlamaCppGenerator]:
    """A generator without a chat template: messages reach it as a plain transcript."""
    g = LlamaCppGenerator(base_model_file, name="SmolLM2-135M-base")
    g.load()
    yield g
    g.close()


@pytest.fixture(scope="session")
def qwen() -> Iterator[LlamaCppGenerator]:
    """The default generator (Qwen2.5-Coder-1.5B-Instruct), joined once per computer."""
    cache = Path(platformdirs.user_cache_dir("Chartside", appauthor=False)) / "models"
    pm = packaged.qwen_generator(cache)  # where the app joins it: once per computer
    g = LlamaCppGenerator(pm.path, name=pm.name, expected_sha256=pm.sha256)
    g.load()
    yield g
    g.close()


@pytest.fixture(scope="session")
def smollm() -> Iterator[LlamaCppGenerator]:
    pm = packaged.instruct_generator()
    g = LlamaCppGenerator(pm.path, name=pm.name, expected_sha256=pm.sha256)
    g.load()
    yield g
    g.close()
