"""Both sides of the comparison: our generator, recorded, and the same GGUF driven raw."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from bench.ask import ANSWER_TOKENS


class Recording:
    """The real generator, delegating everything; remembers the prompt `ask` built and
    when `stream()` began, so the bench can replay it raw and time the prompt phase."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.last: dict[str, Any] = {}
        self.on_stream: Callable[[], None] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def stream(self, prompt: Any, **kw: Any) -> Iterator[str]:
        self.last = {"prompt": prompt, "stop": tuple(kw.get("stop", ())), "kw": kw}
        self.last["started"] = time.perf_counter()
        if self.on_stream is not None:
            self.on_stream()
        yield from self.inner.stream(prompt, **kw)


class Raw:
    """The same GGUF driven directly through llama-cpp-python, with our load settings."""

    def __init__(self, gen: Any, n_threads_batch: int | None = None) -> None:
        import llama_cpp

        s = gen.settings
        self.llm = llama_cpp.Llama(
            str(gen.path), n_ctx=gen.context_length, n_batch=s.n_batch, n_threads=s.n_threads,
            n_threads_batch=n_threads_batch or s.n_threads_batch, seed=s.seed, verbose=False,
        )  # fmt: skip
        self.seed = s.seed
        self.formatter = None
        template = gen.info.metadata.get("tokenizer.chat_template")
        if template:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            def text(tok: int) -> str:
                return bytes(self.llm.detokenize([tok], special=True)).decode("utf-8", "replace")

            self.formatter = Jinja2ChatFormatter(
                template=template, eos_token=text(self.llm.token_eos()),
                bos_token=text(self.llm.token_bos()), add_generation_prompt=True,
            )  # fmt: skip
        vocab = self.llm._model.vocab
        self.no_eog = {
            t: float("-inf")
            for t in range(self.llm.n_vocab())
            if llama_cpp.llama_vocab_is_eog(vocab, t)
        }

    def tokens(self, prompt: Any) -> list[int]:
        if isinstance(prompt, str):
            return list(self.llm.tokenize(prompt.encode(), add_bos=True, special=False))
        assert self.formatter is not None
        rendered = self.formatter(messages=list(prompt)).prompt
        return list(self.llm.tokenize(rendered.encode(), add_bos=False, special=True))

    def run(
        self, prompt: Any, stop: tuple[str, ...], ban_eog: bool, max_tokens: int = ANSWER_TOKENS
    ) -> dict[str, Any]:
        t0 = time.perf_counter()
        toks = self.tokens(prompt)
        self.llm.reset()  # ours evaluates every prompt afresh (reuse_prompt_cache=False)
        first = last = None
        pieces = []
        for chunk in self.llm.create_completion(
            toks, max_tokens=max_tokens, temperature=0.0, stop=list(stop), stream=True,
            seed=self.seed, logit_bias=self.no_eog if ban_eog else None,
        ):  # fmt: skip
            piece = chunk["choices"][0]["text"]
            if piece:
                last = time.perf_counter()
                first = first or last
                pieces.append(piece)
        end = time.perf_counter()
        return {"t0": t0, "first": first or end, "last": last, "end": end,
                "text": "".join(pieces), "prompt_tokens": len(toks)}  # fmt: skip

    def close(self) -> None:
        self.llm.close()
