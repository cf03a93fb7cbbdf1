"""The llama.cpp generator (implements `core.ports.Generator`)."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import Cancelled, ChartsideError
from core.messages import Message
from core.ports import CancelToken, Progress, Prompt
from models import cpu_kernels
from models.abort import abort_switch
from models.errors import GenerationTimeout, ModelError, ModelRuntimeMissing, PromptTooLong
from models.gguf import GgufInfo, read_gguf
from models.metrics import ModelMetrics
from models.prompting import PromptRenderer, build_grammar
from models.runtime import ManagedRuntime, scaled
from models.worker import LoadPolicy

log = logging.getLogger("chartside.models")

_END = object()
# How often a waiting consumer re-checks its cancel token and deadline. Bounds how late
# `Cancelled` can surface to the caller even while the worker is inside native code.
_POLL_S = 0.02
# Tokens slower than this keep llama.cpp's in-graph abort checks on during decoding.
_SLOW_TOKEN_S = 0.1


@dataclass(frozen=True)
class GeneratorSettings:
    # Gemma 3 270M on a 2-core machine: ~65 tok/s decoding with one thread; two threads
    # gave 19-77 tok/s depending on what else ran (the embedder, the database).
    n_threads: int = 1
    n_threads_batch: int = 1
    # Capped at the model's training context. 4096 holds a question, ~8 sources and an
    # answer; the KV cache then costs 72-90 MB for the packaged models.
    n_ctx: int = 4096
    n_batch: int = 512
    seed: int = 0
    # Reusing the KV cache of the previous prompt's shared prefix saves its processing, but
    # a tiny model's greedy answer then depends on what was asked before (the numerics of
    # a partial evaluation differ): the same question over the same notes gave a cited
    # answer or a refusal depending on history. Same prompt, same answer wins by default.
    reuse_prompt_cache: bool = False
    # What comes before a chat prompt's last message (the instructions and worked examples)
    # is evaluated once, alone, and its KV cache kept: each question then evaluates only
    # its own sources and words, always from that same state, so the same prompt still
    # gives the same answer whatever was asked before. ~300 tokens a question, 5-10 s of a
    # 1.5B model's prompt reading on 2 cores.
    keep_instructions: bool = True
    # >1 makes a token just generated less likely again: small models otherwise loop
    # ("sertraline, sertraline, ..."). llama.cpp's default window (the last 64 tokens).
    repeat_penalty: float = 1.1


@dataclass(frozen=True)
class _Request:
    prompt: Prompt
    max_tokens: int
    temperature: float
    stop: tuple[str, ...]
    json_schema: Mapping[str, Any] | None = None
    grammar: str | None = None
    on_read: Callable[[int, int], None] | None = None


class LlamaCppGenerator(ManagedRuntime):
    """Generates with a GGUF model through llama-cpp-python, on one owning thread.

    Uses the model's chat template when the GGUF has one (SmolLM2); base models (Gemma 3
    270M) get chat messages as a plain transcript.
    """

    kind = "generator"

    def __init__(
        self,
        gguf_path: Path | str,
        *,
        name: str | None = None,
        expected_sha256: str | None = None,
        settings: GeneratorSettings | None = None,
        metrics: ModelMetrics | None = None,
        load_policy: LoadPolicy | None = None,
    ) -> None:
        super().__init__(
            gguf_path,
            name=name,
            expected_sha256=expected_sha256,
            metrics=metrics,
            load_policy=load_policy,
        )
        self.settings = settings or GeneratorSettings()
        self._info: GgufInfo | None = None
        self._renderer: PromptRenderer | None = None
        self._should_stop: Callable[[], bool] = _never
        self._abort_checks: Callable[[bool], None] = _ignore
        self._kept_prefix: list[int] | None = None  # tokens whose KV state is in the cache

    # -- shape (cheap: read from the GGUF header, no load) --------------------------------
    @property
    def info(self) -> GgufInfo:
        if self._info is None:
            self._require_path()
            self._info = read_gguf(self.path)
        return self._info

    @property
    def context_length(self) -> int:
        if self._model is not None:
            return int(self._model.n_ctx())
        trained = self.info.context_length or self.settings.n_ctx
        return min(self.settings.n_ctx, trained)

    @property
    def has_chat_template(self) -> bool:
        return self.info.has_chat_template

    # -- tokenisation (queued on the owning thread) --------------------------------------
    def tokenize(self, text: str) -> list[int]:
        return self._worker.call(lambda: self._loaded_renderer().text_tokens(text))

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    def count_prompt_tokens(self, prompt: Prompt) -> int:
        return self._worker.call(lambda: len(self._loaded_renderer().render(prompt)[0]))

    def _loaded_renderer(self) -> PromptRenderer:
        self._ensure_loaded()
        assert self._renderer is not None
        return self._renderer

    # -- generation ----------------------------------------------------------------------
    def prepare(self, prompt: Prompt, progress: Progress | None = None) -> None:
        """Load, and read the prompt's leading messages (the instructions and worked
        examples) into the kept state: the next answer whose prompt starts the same reads
        only its own notes and question. Waits until done; without kept instructions, or
        for a plain-text prompt, it only loads."""
        self._worker.call(self._prepare, prompt, progress)

    def _prepare(self, prompt: Prompt, progress: Progress | None) -> None:
        said = progress or (lambda _share, _what: None)
        llm = self._ensure_loaded(scaled(said, 0.0, 0.8))
        assert self._renderer is not None
        tokens, _, prefix = self._renderer.render_with_prefix(prompt)
        if self.settings.keep_instructions and 0 < prefix < len(tokens):
            said(0.8, "Reading the instructions")
            self._restore_prefix(llm, tokens[:prefix])
        said(1.0, "Ready")

    def stream(
        self,
        prompt: Prompt,
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        stop: Sequence[str] = (),
        cancel: CancelToken | None = None,
        timeout_s: float | None = None,
        on_read: Callable[[int, int], None] | None = None,
    ) -> Iterator[str]:
        request = _Request(prompt, max_tokens, temperature, tuple(stop), on_read=on_read)
        return self._stream(request, cancel or CancelToken(), _deadline(timeout_s), timeout_s)

    def generate(
        self,
        prompt: Prompt,
        *,
        max_tokens: int = 512,
        temperature: float = 0.0,
        stop: Sequence[str] = (),
        json_schema: Mapping[str, Any] | None = None,
        grammar: str | None = None,
        cancel: CancelToken | None = None,
        timeout_s: float | None = None,
    ) -> str:
        if json_schema is not None and grammar is not None:
            raise ModelError("Give a JSON schema or a grammar, not both.")
        request = _Request(prompt, max_tokens, temperature, tuple(stop), json_schema, grammar)
        pieces = self._stream(request, cancel or CancelToken(), _deadline(timeout_s), timeout_s)
        return "".join(pieces)

    def _stream(
        self,
        request: _Request,
        cancel: CancelToken,
        deadline: float | None,
        timeout_s: float | None,
    ) -> Iterator[str]:
        sink: queue.SimpleQueue[object] = queue.SimpleQueue()
        abandoned = threading.Event()
        self._worker.submit(self._run, request, sink, cancel, abandoned, deadline, timeout_s)
        try:
            while True:
                try:
                    item = sink.get(timeout=_POLL_S)
                except queue.Empty:
                    # Don't wait for the worker to notice: answer the user now.
                    _raise_if_stopped(cancel, deadline, timeout_s)
                    continue
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise item
                _raise_if_stopped(cancel, deadline, timeout_s)
                yield str(item)
        finally:
            abandoned.set()  # closing the iterator early stops the worker too

    def _run(
        self,
        request: _Request,
        sink: queue.SimpleQueue[object],
        cancel: CancelToken,
        abandoned: threading.Event,
        deadline: float | None,
        timeout_s: float | None,
    ) -> None:
        def should_stop() -> bool:
            return (
                cancel.cancelled
                or abandoned.is_set()
                or self._closing.is_set()
                or (deadline is not None and time.monotonic() >= deadline)
            )

        started = time.perf_counter()
        try:
            if should_stop():
                _raise_if_stopped(cancel, deadline, timeout_s)
                return
            llm = self._ensure_loaded()
            assert self._renderer is not None
            tokens, format_stop, prefix = self._renderer.render_with_prefix(request.prompt)
            room = int(llm.n_ctx()) - len(tokens)
            if room <= 0:
                raise PromptTooLong(
                    Message("models.prompt_exceeds_context", n=len(tokens), total=int(llm.n_ctx()))
                )
            self._should_stop = should_stop
            completion_tokens = self._decode(
                llm, request, tokens, prefix, format_stop, room, sink, should_stop, started
            )
            self.metrics.tokens.labels(self.name, "prompt").inc(len(tokens))
            self.metrics.tokens.labels(self.name, "completion").inc(completion_tokens)
            if should_stop() and not abandoned.is_set():
                _raise_if_stopped(cancel, deadline, timeout_s)
                if self._closing.is_set():
                    raise Cancelled(Message("runtime.generator_shutting_down"))
            self.metrics.generation_seconds.labels(self.name).observe(time.perf_counter() - started)
        except BaseException as exc:
            sink.put(self._classify(exc, cancel, abandoned, deadline, timeout_s))
        finally:
            self._should_stop = _never
            sink.put(_END)

    def _decode(
        self,
        llm: Any,
        request: _Request,
        tokens: list[int],
        prefix: int,
        format_stop: tuple[str, ...],
        room: int,
        sink: queue.SimpleQueue[object],
        should_stop: Callable[[], bool],
        started: float,
    ) -> int:
        from llama_cpp import StoppingCriteriaList

        # Called once per sampled token with the evaluated context, which lags the sampled
        # token by one (and once more after the loop, with the same context). The longest
        # context seen therefore counts completion tokens exactly, however the loop ended.
        longest = 0

        last = time.perf_counter()

        def per_token(ids: Any, _logits: Any) -> bool:
            nonlocal longest, last
            longest = max(longest, len(ids))
            now = time.perf_counter()
            # Each abort check is a ctypes round trip, ~450 per token for Gemma 270M (a few
            # per cent of decoding speed). Keep them only while a token takes so long that
            # checking between tokens alone could miss the cancel target.
            self._abort_checks(now - last > _SLOW_TOKEN_S)
            last = now
            return should_stop()

        self._abort_checks(True)  # prompt processing is one long native call

        stops = list(dict.fromkeys(request.stop + format_stop))
        if self.settings.keep_instructions and 0 < prefix < len(tokens):
            self._restore_prefix(llm, tokens[:prefix])
            self._read(llm, tokens, prefix, request.on_read, should_stop)
        elif not self.settings.reuse_prompt_cache:
            llm.reset()
            self._read(llm, tokens, 0, request.on_read, should_stop)
        completion = llm.create_completion(
            tokens,
            max_tokens=max(1, min(request.max_tokens, room)),
            temperature=request.temperature,
            repeat_penalty=self.settings.repeat_penalty,
            stop=stops,
            stream=True,
            seed=self.settings.seed,
            stopping_criteria=StoppingCriteriaList([per_token]),
            grammar=build_grammar(llm, request.json_schema, request.grammar),
        )
        first = True
        try:
            for chunk in completion:
                text = chunk["choices"][0]["text"]
                if text:
                    if first:
                        first = False
                        self.metrics.first_token_seconds.labels(self.name).observe(
                            time.perf_counter() - started
                        )
                    sink.put(text)
                if should_stop():
                    break
        finally:
            completion.close()
        return max(0, longest - len(tokens) + 1) if longest else 0

    def _read(
        self,
        llm: Any,
        tokens: list[int],
        start: int,
        on_read: Callable[[int, int], None] | None,
        should_stop: Callable[[], bool],
    ) -> None:
        """Evaluate the prompt after the `start` tokens already in the cache, in about ten
        steps, saying after each how far it has got: on a busy 2-core laptop reading a
        prompt takes tens of seconds. The last token is left to `create_completion`, which
        finds the rest as its cached prefix and needs that token's logits to sample."""
        if on_read is None:
            return
        end = len(tokens) - 1
        step = max(_READ_STEP_MIN, -(-(end - start) // _READ_STEPS))
        on_read(0, end - start)
        for at in range(start, end, step):
            if should_stop():
                return
            llm.eval(tokens[at : min(at + step, end)])
            on_read(min(at + step, end) - start, end - start)

    def _restore_prefix(self, llm: Any, head: list[int]) -> None:
        """Leave exactly `head` in the KV cache, evaluated on its own from an empty cache.

        `create_completion` then finds it as the prompt's cached prefix and evaluates only
        the rest (llama-cpp-python drops every cached position after it first)."""
        if self._kept_prefix == head:
            llm.n_tokens = len(head)  # forget the last question and answer after it
            return
        self._kept_prefix = None  # an evaluation cut short must not be taken for whole
        llm.reset()
        llm.eval(head)
        self._kept_prefix = head
        self.metrics.tokens.labels(self.name, "instructions").inc(len(head))

    def _classify(
        self,
        exc: BaseException,
        cancel: CancelToken,
        abandoned: threading.Event,
        deadline: float | None,
        timeout_s: float | None,
    ) -> BaseException:
        expired = deadline is not None and time.monotonic() >= deadline
        stopped = cancel.cancelled or abandoned.is_set() or self._closing.is_set() or expired
        if stopped and not isinstance(exc, Cancelled | GenerationTimeout):
            # An abort from our callback surfaces as a bare RuntimeError from llama_decode.
            if expired and not cancel.cancelled:
                exc = GenerationTimeout(Message("models.generation_timed_out", n=f"{timeout_s:g}"))
            else:
                exc = Cancelled()
        if isinstance(exc, Cancelled):
            self.metrics.errors.labels(self.name, "cancelled").inc()
            return exc
        if isinstance(exc, GenerationTimeout):
            self.metrics.errors.labels(self.name, "timeout").inc()
            return exc
        if isinstance(exc, ChartsideError) or not isinstance(exc, Exception):
            return exc  # load failures were counted by the load path
        self.metrics.errors.labels(self.name, "generate").inc()
        log.error("generation failed: %s", type(exc).__name__)
        wrapped = ModelError(Message("runtime.generator_failed", name=self.name, detail=str(exc)))
        wrapped.__cause__ = exc
        return wrapped

    # -- lifecycle (owning thread) -------------------------------------------------------
    def _load_model(self, progress: Progress) -> Any:
        self._verify(scaled(progress, 0.0, 0.5))
        info = self.info
        progress(0.5, f"Loading {self.name}")
        try:
            import llama_cpp
        except ImportError as exc:
            raise ModelRuntimeMissing(
                Message("runtime.llama_cpp_not_installed", detail=str(exc))
            ) from exc
        cpu_kernels.load()
        s = self.settings
        llm = llama_cpp.Llama(
            str(self.path),
            n_ctx=min(s.n_ctx, info.context_length or s.n_ctx),
            n_batch=s.n_batch,
            n_threads=s.n_threads,
            n_threads_batch=s.n_threads_batch,
            seed=s.seed,
            verbose=False,
        )
        progress(0.9, "Preparing the chat template")
        template = info.metadata.get("tokenizer.chat_template") or None
        self._renderer = PromptRenderer(llm, template)
        self._abort_checks = abort_switch(llm, lambda: self._should_stop())
        return llm

    def _unload_model(self, model: Any) -> None:
        self._renderer = None
        self._kept_prefix = None
        model.close()
        self._abort_checks = _ignore  # only now may the ctypes callback be freed


_READ_STEPS = 10  # progress reports while a prompt is read
_READ_STEP_MIN = 32  # tokens: smaller batches would slow the reading itself


def _never() -> bool:
    return False


def _ignore(_on: bool) -> None:
    pass


def _deadline(timeout_s: float | None) -> float | None:
    return None if timeout_s is None else time.monotonic() + timeout_s


def _raise_if_stopped(cancel: CancelToken, deadline: float | None, timeout_s: float | None) -> None:
    cancel.raise_if_cancelled()
    if deadline is not None and time.monotonic() >= deadline:
        raise GenerationTimeout(Message("models.generation_timed_out", n=f"{timeout_s:g}"))
