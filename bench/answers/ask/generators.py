"""Both sides of the comparison: our generator, recorded, and the same GGUF driven raw."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.answers.ask import ANSWER_TOKENS
from bench.common import bench_settings


class Recording:
    """The real generator, delegating everything; remembers the prompt `ask` built, when
    `stream()` began and when its stream ended, so the bench can replay it raw and time
    the generator alone."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.last: dict[str, Any] = {}
        self.on_stream: Callable[[], None] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def stream(self, prompt: Any, **kw: Any) -> Iterator[str]:
        self.last = {"prompt": prompt, "stop": tuple(kw.get("stop", ())), "kw": kw}
        self.last["started"] = time.perf_counter()
        self.last["cpu_started"] = time.process_time()  # every thread of the process
        if self.on_stream is not None:
            self.on_stream()
        try:
            yield from self.inner.stream(prompt, **kw)
        finally:  # also when `ask` leaves early (a repetition cut, a cancel)
            self.last["ended"] = time.perf_counter()
            self.last["cpu_ended"] = time.process_time()

    def context_ids(self) -> list[int]:
        """Every token in our model's evaluated context now (prompt, then the answer but
        its last token), read on the model's owning thread."""
        gen = self.inner
        return gen._worker.call(
            lambda: [int(t) for t in gen._model.input_ids[: gen._model.n_tokens]]
        )

    def prompt_ids(self, prompt: Any) -> tuple[list[int], int]:
        """Our renderer's tokens for `prompt` and how many of them are the kept prefix."""
        gen = self.inner
        tokens, _stop, prefix = gen._worker.call(
            lambda: gen._loaded_renderer().render_with_prefix(prompt)
        )
        return list(tokens), prefix


class Raw:
    """The same GGUF driven directly through llama-cpp-python, with our load settings.

    The prompt becomes tokens the way ours does (models.prompting.PromptRenderer on this
    Llama: the chat template's text tokenised with special tokens on, message contents
    with them off); the bench checks they equal ours token for token. Everything after
    that is the library's own API: with `keep=True` the tokens before the last message
    are evaluated once, alone, from an empty cache (`reset(); eval(prefix)`), and each
    prompt sets `n_tokens` back to that prefix before `create_completion`, which then
    evaluates only the rest, as ours does; with `keep=False` every prompt is evaluated
    afresh after a reset (what ours did before the instructions were kept).
    """

    def __init__(self, gen: Any, n_threads_batch: int | None = None) -> None:
        import llama_cpp

        from models.prompting import PromptRenderer

        s = gen.settings
        self.llm = llama_cpp.Llama(
            str(gen.path), n_ctx=gen.context_length, n_batch=s.n_batch, n_threads=s.n_threads,
            n_threads_batch=n_threads_batch or s.n_threads_batch, seed=s.seed, verbose=False,
        )  # fmt: skip
        self.seed = s.seed
        self.repeat_penalty = s.repeat_penalty
        self.n_threads_batch = n_threads_batch or s.n_threads_batch
        template = gen.info.metadata.get("tokenizer.chat_template") or None
        self.renderer = PromptRenderer(self.llm, template)
        self.kept: list[int] | None = None  # the prefix whose KV state is in the cache
        vocab = self.llm._model.vocab
        self.no_eog = {
            t: float("-inf")
            for t in range(self.llm.n_vocab())
            if llama_cpp.llama_vocab_is_eog(vocab, t)
        }

    def tokens(self, prompt: Any) -> tuple[list[int], tuple[str, ...], int]:
        tokens, stop, prefix = self.renderer.render_with_prefix(prompt)
        return list(tokens), stop, prefix

    def prime(self, prompt: Any) -> dict[str, Any]:
        """Evaluate `prompt`'s prefix alone from an empty cache, unless it is kept already;
        the seconds it took (0 when kept)."""
        toks, _stop, prefix = self.tokens(prompt)
        head = toks[:prefix]
        t = time.perf_counter()
        if 0 < prefix < len(toks) and self.kept != head:
            self.kept = None
            self.llm.reset()
            self.llm.eval(head)
            self.kept = head
        return {"prefix_tokens": prefix, "seconds": time.perf_counter() - t}

    def run(
        self,
        prompt: Any,
        stop: tuple[str, ...],
        ban_eog: bool,
        max_tokens: int = ANSWER_TOKENS,
        keep: bool = True,
    ) -> dict[str, Any]:
        t0, cpu0 = time.perf_counter(), time.process_time()
        toks, format_stop, prefix = self.tokens(prompt)
        if keep and 0 < prefix < len(toks):
            head = toks[:prefix]
            if self.kept == head:
                self.llm.n_tokens = prefix  # forget the last prompt and answer after it
            else:
                self.kept = None
                self.llm.reset()
                self.llm.eval(head)
                self.kept = head
            evaluated = len(toks) - prefix
        else:
            self.kept = None
            self.llm.reset()
            evaluated = len(toks)
        first = last = None
        pieces = []
        for chunk in self.llm.create_completion(
            toks, max_tokens=max_tokens, temperature=0.0, repeat_penalty=self.repeat_penalty,
            stop=list(dict.fromkeys(stop + format_stop)), stream=True, seed=self.seed,
            logit_bias=self.no_eog if ban_eog else None,
        ):  # fmt: skip
            piece = chunk["choices"][0]["text"]
            if piece:
                last = time.perf_counter()
                first = first or last
                pieces.append(piece)
        end, cpu = time.perf_counter(), time.process_time() - cpu0
        ids = [int(t) for t in self.llm.input_ids[: self.llm.n_tokens]]
        return {
            "t0": t0, "first": first or end, "last": last, "end": end, "cpu_s": cpu,
            "text": "".join(pieces),
            "prompt_tokens": len(toks), "prefix_tokens": prefix, "evaluated_tokens": evaluated,
            "ids": ids, "prompt_ids": toks,
        }  # fmt: skip

    def close(self) -> None:
        self.llm.close()


def app_models(root: Path) -> tuple[Any, Any, Any]:
    """The app's own settings under `root` (its thread counts, context and model cache: Qwen
    is joined there once per computer, as the app does), the generator's settings from
    them, and the packaged embedder loaded with theirs."""
    from app.models_setup import runtime_settings
    from models import packaged
    from models.embedder import SentenceTransformerEmbedder

    settings = bench_settings(root / "settings")
    emb_settings, gen_settings = runtime_settings(settings)
    pe = packaged.embedder()
    embedder = SentenceTransformerEmbedder(pe.path, name=pe.name, settings=emb_settings)
    embedder.load()
    return settings, gen_settings, embedder
