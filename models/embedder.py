"""The sentence-transformers embedder (implements `core.ports.Embedder`)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from core.errors import Cancelled
from core.messages import Message
from core.ports import CancelToken, Progress
from models.errors import ModelLoadError, ModelRuntimeMissing
from models.metrics import ModelMetrics
from models.runtime import ManagedRuntime, enforce_offline, scaled
from models.worker import LoadPolicy

T = TypeVar("T")


@dataclass(frozen=True)
class EmbedderSettings:
    # Measured on a 2-core machine: one short query embeds in ~14 ms with one torch
    # thread but 50-280 ms with two (OpenMP contention with the rest of the app), and a
    # 256-document batch ran at 58 docs/s with one thread vs 30 with two under load.
    query_threads: int = 1
    batch_threads: int = 1
    device: str = "cpu"
    # Batches of a foreground job (`chartside index`), which has the machine to itself
    # where the window's background indexer shares it (bench/retrieval/index_threads.py).
    index_threads: int = 1


def read_dimension(model_dir: Path) -> int | None:
    """The output dimension from the model's config files, without loading torch."""
    try:
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    dimension = None
    for module in modules:
        kind = str(module.get("type", "")).rsplit(".", 1)[-1]
        cfg_path = model_dir / str(module.get("path", "")) / "config.json"
        if kind not in ("Pooling", "Dense") or not cfg_path.is_file():
            continue
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        if kind == "Dense":
            dimension = int(cfg["out_features"])
        else:
            modes = sum(bool(v) for k, v in cfg.items() if k.startswith("pooling_mode_"))
            dimension = int(cfg["word_embedding_dimension"]) * max(modes, 1)
    return dimension


class QueuedEmbedder(ManagedRuntime):
    """The Embedder port's calls, queued on the runtime's owning thread; a subclass
    embeds in `_embed_query` and `_embed_documents`."""

    kind = "embedder"

    def embed_query(self, text: str) -> list[float]:
        # Ahead of queued index batches: the clinician waits on this one.
        return self._worker.call_urgent(self._embed_query, text)

    def embed_documents(
        self,
        texts: Sequence[str],
        batch_size: int = 32,
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> list[list[float]]:
        """Each batch is a job of its own on the owning thread, so a question's embedding
        waits for at most one batch, never for a whole index run."""
        if not texts:
            return []
        batch_size = max(1, batch_size)
        # Longest first across the whole call, as sentence-transformers does inside one
        # encode(): similar lengths share a batch, so little compute goes to padding.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out: list[list[float]] = [[] for _ in texts]
        done = 0
        for start in range(0, len(order), batch_size):
            if cancel is not None:
                cancel.raise_if_cancelled()
            if self._closing.is_set():
                raise Cancelled(Message("runtime.embedder_shutting_down"))
            idx = order[start : start + batch_size]
            vectors = self._worker.call(self._embed_batch, [texts[i] for i in idx])
            for i, vector in zip(idx, vectors, strict=True):
                out[i] = vector
            done += len(idx)
            if progress is not None:
                progress(done / len(texts), f"Embedded {done} of {len(texts)}")
        return out

    def _measured(self, stage: str, counted: str, n: int, embed: Callable[[], T]) -> T:
        """`embed()` timed and counted in the metrics; a failure counted, then
        `_after_failure`, then raised."""
        started = time.perf_counter()
        try:
            result = embed()
        except Exception:
            self.metrics.errors.labels(self.name, "embed").inc()
            self._after_failure()
            raise
        self.metrics.embed_seconds.labels(self.name, stage).observe(time.perf_counter() - started)
        self.metrics.embedded_texts.labels(self.name, counted).inc(n)
        return result

    def _after_failure(self) -> None:
        """What an embedding failure leaves to do (a subclass may drop a dead engine)."""

    def _embed_query(self, text: str) -> list[float]:
        raise NotImplementedError

    def _embed_batch(self, texts: list[str]) -> list[list[float]]:
        raise NotImplementedError


class SentenceTransformerEmbedder(QueuedEmbedder):
    """Embeds with a sentence-transformers model directory. Vectors are L2-normalised.

    Torch work happens on the runtime's owning thread. Tokenisation uses a separate
    Rust tokenizer, so chunking can count tokens without loading torch and without
    waiting behind an embedding batch.
    """

    def __init__(
        self,
        model_dir: Path | str,
        *,
        name: str | None = None,
        expected_sha256: str | None = None,
        settings: EmbedderSettings | None = None,
        metrics: ModelMetrics | None = None,
        load_policy: LoadPolicy | None = None,
    ) -> None:
        model_dir = Path(model_dir)
        super().__init__(
            model_dir,
            name=name or model_dir.name,
            expected_sha256=expected_sha256,
            metrics=metrics,
            load_policy=load_policy,
        )
        self.settings = settings or EmbedderSettings()
        self._threads: int | None = None
        self._tokenizer: Any = None
        self._tokenizer_lock = threading.Lock()
        self._dimension = read_dimension(model_dir) if model_dir.is_dir() else None

    # -- shape ---------------------------------------------------------------------------
    @property
    def dimension(self) -> int:
        if self._dimension is None:
            self.load()
        assert self._dimension is not None
        return self._dimension

    @property
    def max_input_tokens(self) -> int:
        limit = 512
        cfg = self.path / "sentence_bert_config.json"
        if cfg.is_file():
            limit = int(json.loads(cfg.read_text(encoding="utf-8")).get("max_seq_length", limit))
        with self._tokenizer_lock:
            specials = len(self._get_tokenizer().encode("", add_special_tokens=True).ids)
        return limit - specials

    # -- tokenisation (any thread) -------------------------------------------------------
    def tokenize(self, text: str) -> list[int]:
        with self._tokenizer_lock:
            return list(self._get_tokenizer().encode(text, add_special_tokens=False).ids)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Character (start, end) of each token, so chunks can be cut on token counts."""
        with self._tokenizer_lock:
            return [
                tuple(o)
                for o in self._get_tokenizer().encode(text, add_special_tokens=False).offsets
            ]  # type: ignore[misc]

    def _get_tokenizer(self) -> Any:
        if self._tokenizer is None:
            self._require_path()
            try:
                from tokenizers import Tokenizer
            except ImportError as exc:
                raise ModelRuntimeMissing(
                    Message("runtime.package_not_installed", name="tokenizers")
                ) from exc
            try:
                tok = Tokenizer.from_file(str(self.path / "tokenizer.json"))
            except Exception as exc:
                raise ModelLoadError(
                    Message("runtime.tokenizer_json_unreadable", name=self.name, detail=str(exc))
                ) from exc
            # The file carries the model's padding/truncation; counting needs neither.
            tok.no_truncation()
            tok.no_padding()
            self._tokenizer = tok
        return self._tokenizer

    def use_foreground_threads(self) -> None:
        """Batches from now on run on `index_threads` torch threads (see EmbedderSettings)."""
        self.settings = replace(self.settings, batch_threads=self.settings.index_threads)

    def _embed_query(self, text: str) -> list[float]:
        model = self._ensure_loaded()
        self._use_threads(self.settings.query_threads)
        return self._measured("query", "query", 1, lambda: self._encode(model, [text], 1)[0])

    def _embed_batch(self, texts: list[str]) -> list[list[float]]:
        model = self._ensure_loaded()
        self._use_threads(self.settings.batch_threads)
        return self._measured(
            "batch", "document", len(texts), partial(self._encode, model, texts, len(texts))
        )

    @staticmethod
    def _encode(model: Any, texts: list[str], batch_size: int) -> list[list[float]]:
        vectors = model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.tolist()  # type: ignore[no-any-return]

    def _use_threads(self, n: int) -> None:
        # torch's intra-op thread count is per OS thread (an OpenMP ICV), so it is set
        # here, on the owning thread, and only when it changes.
        if n != self._threads:
            import torch

            torch.set_num_threads(n)
            self._threads = n

    # -- lifecycle (owning thread) -------------------------------------------------------
    def _load_model(self, progress: Progress) -> Any:
        self._verify(scaled(progress, 0.0, 0.3))
        progress(0.3, "Starting PyTorch")
        enforce_offline()
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelRuntimeMissing(
                Message("runtime.torch_not_installed", detail=str(exc))
            ) from exc
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # it writes to stderr, outside our progress
        except ImportError:
            pass
        torch.set_num_threads(self.settings.query_threads)
        self._threads = self.settings.query_threads
        progress(0.7, f"Loading {self.name}")
        # Failures propagate to the load policy, which retries transient OS errors and
        # wraps the rest in ModelLoadError.
        model = SentenceTransformer(
            str(self.path), device=self.settings.device, local_files_only=True
        )
        model.eval()
        get_dim = getattr(model, "get_embedding_dimension", None)
        if get_dim is None:  # the older name, before sentence-transformers 6
            get_dim = model.get_sentence_embedding_dimension
        self._dimension = int(get_dim())
        return model

    def _unload_model(self, model: Any) -> None:
        import gc

        del model
        gc.collect()
