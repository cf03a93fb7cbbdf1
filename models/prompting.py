"""Turn a prompt (a string or chat messages) into llama.cpp tokens.

Message contents are untrusted (clinical notes, user questions), so they are tokenised
with special-token parsing off: a note that contains "<|im_end|>" stays text and cannot
close the turn. Only the chat template's own text is parsed for special tokens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from core.messages import Message
from core.ports import ChatMessage, Prompt
from models.errors import ModelError

TRANSCRIPT_STOP = ("\nUser:",)
_SENTINEL = re.compile("\ue000(\\d+)\ue001")


def plain_transcript(messages: Sequence[ChatMessage]) -> str:
    """A neutral transcript for base models, which have no chat template."""
    lines: list[str] = []
    for m in messages:
        content = m["content"].strip()
        if m["role"] == "system":
            lines.append(content + "\n")
        elif m["role"] == "user":
            lines.append(f"User: {content}")
        else:
            lines.append(f"Assistant: {content}")
    lines.append("Assistant:")
    return "\n".join(lines)


def _check(messages: Sequence[ChatMessage]) -> None:
    for i, m in enumerate(messages):
        if m.get("role") not in ("system", "user", "assistant") or not isinstance(
            m.get("content"), str
        ):
            raise ModelError(f"message {i} needs a role (system/user/assistant) and text content")


class PromptRenderer:
    """Renders prompts for one loaded llama.cpp model. Runs on the model's owning thread."""

    def __init__(self, llm: Any, chat_template: str | None) -> None:
        self._llm = llm
        self._formatter: Any = None
        if chat_template:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            self._formatter = Jinja2ChatFormatter(
                template=chat_template,
                eos_token=self._token_text(llm.token_eos()),
                bos_token=self._token_text(llm.token_bos()),
                add_generation_prompt=True,
            )

    @property
    def has_chat_template(self) -> bool:
        return self._formatter is not None

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        return bytes(self._llm.detokenize([token], special=True)).decode("utf-8", "replace")

    def text_tokens(self, text: str, *, bos: bool = False) -> list[int]:
        return list(self._llm.tokenize(text.encode("utf-8"), add_bos=bos, special=False))

    def render(self, prompt: Prompt) -> tuple[list[int], tuple[str, ...]]:
        """Tokens to feed the model and the stop strings the format needs."""
        tokens, stop, _ = self.render_with_prefix(prompt)
        return tokens, stop

    def render_with_prefix(self, prompt: Prompt) -> tuple[list[int], tuple[str, ...], int]:
        """`render`, and how many leading tokens come before the last message: the
        instructions, worked examples and earlier turns, which a caller may evaluate once
        and keep. 0 when the prompt is plain text."""
        if isinstance(prompt, str):
            return self.text_tokens(prompt, bos=True), (), 0
        messages = list(prompt)
        _check(messages)
        if self._formatter is None:
            return self.text_tokens(plain_transcript(messages), bos=True), TRANSCRIPT_STOP, 0
        return self._render_template(messages)

    def _render_template(
        self, messages: list[ChatMessage]
    ) -> tuple[list[int], tuple[str, ...], int]:
        # Render with placeholders, then tokenise the template's text (specials on) and
        # each content (specials off) separately.
        placeholders = [
            {"role": m["role"], "content": f"\ue000{i}\ue001"} for i, m in enumerate(messages)
        ]
        try:
            rendered = self._formatter(messages=placeholders).prompt
        except Exception as exc:  # jinja errors, raise_exception() in the template
            raise ModelError(Message("runtime.chat_template_failed", detail=str(exc))) from exc
        pieces = _SENTINEL.split(rendered)
        seen = {int(p) for p in pieces[1::2]}
        if seen != set(range(len(messages))):
            # The template rewrote a content; fall back to plain text for everything.
            return self.text_tokens(plain_transcript(messages), bos=True), TRANSCRIPT_STOP, 0
        tokens: list[int] = []
        prefix = 0
        last = len(messages) - 1
        for i, piece in enumerate(pieces):
            if i % 2:
                tokens += self.text_tokens(messages[int(piece)]["content"])
                if int(piece) == last - 1:
                    prefix = len(tokens)
            elif piece:
                tokens += self._llm.tokenize(piece.encode("utf-8"), add_bos=False, special=True)
        return tokens, (), prefix


def build_grammar(llm: Any, json_schema: Mapping[str, Any] | None, grammar: str | None) -> Any:
    """A checked `LlamaGrammar` for a JSON schema or GBNF text, or None for free text."""
    if json_schema is None and grammar is None:
        return None
    import llama_cpp
    from llama_cpp import LlamaGrammar

    try:
        if json_schema is not None:
            built = LlamaGrammar.from_json_schema(json.dumps(json_schema), verbose=False)
        else:
            built = LlamaGrammar.from_string(str(grammar), verbose=False)
    except Exception as exc:
        raise ModelError(f"The output grammar is invalid: {exc}") from exc
    # llama-cpp-python parses the grammar only when sampling starts, and a parse error
    # there is a NULL sampler that crashes the process (SIGSEGV with 0.3.36). Build one
    # here and check it before handing the grammar over.
    probe = llama_cpp.llama_sampler_init_grammar(
        llm._model.vocab, built._grammar.encode("utf-8"), built._root.encode("utf-8")
    )
    if not probe:
        raise ModelError("The output grammar is invalid (llama.cpp could not parse it).")
    llama_cpp.llama_sampler_free(probe)
    return built
