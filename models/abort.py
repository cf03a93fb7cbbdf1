"""llama.cpp's in-graph abort check, for cancelling inside one long native call.

Prompt processing runs for seconds inside a single `llama_decode`; between-token checks
cannot stop it. ggml calls an abort callback between graph nodes, so cancellation lands
within milliseconds. Each check is a ctypes round trip, though (about 450 per generated
token for Gemma 3 270M, a few per cent of decoding speed), so the caller switches the
checks off while tokens come quickly enough for between-token checks to suffice.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger("chartside.models")


def abort_switch(llm: Any, should_stop: Callable[[], bool]) -> Callable[[bool], None]:
    """Install `should_stop` as `llm`'s abort callback; return `switch(on)` to enable or
    disable it. Runs on the model's owning thread."""
    import llama_cpp

    def abort(_data: Any) -> bool:
        try:
            return bool(should_stop())
        except Exception:  # never let an exception cross into C
            return False

    try:
        callback = llama_cpp.ggml_abort_callback(abort)
        no_callback = ctypes.cast(None, llama_cpp.ggml_abort_callback)
        ctx = llm._ctx.ctx  # llama-cpp-python exposes no public handle for this
    except AttributeError:
        log.warning("llama.cpp abort callback unavailable; cancelling between tokens only")
        return lambda _on: None
    enabled: list[bool] = []

    def switch(on: bool) -> None:
        # `callback` lives in this closure: ctypes must keep it alive while C holds it.
        if enabled != [on]:
            llama_cpp.llama_set_abort_callback(ctx, callback if on else no_callback, None)
            enabled[:] = [on]

    switch(True)
    return switch
