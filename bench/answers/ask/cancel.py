"""Cancel latency: from `cancel()` on another thread until `Cancelled` reaches the caller."""

from __future__ import annotations

import threading
import time
from typing import Any

from bench.answers.ask.corpus import QUESTIONS
from bench.answers.ask.generators import Recording
from bench.common import latency_ms

# Long answers, so a cancel lands while generating rather than after the end.
CANCEL_MAX_TOKENS = 1024
CANCEL_AFTER_PIECES = 3
CANCEL_TRIALS = 10
CANCEL_IN_PROMPT_TRIALS = 5
CANCEL_IN_PROMPT_DELAY_S = 0.03  # after stream() is called: inside prompt processing


def _cancel_trial(svc: Any, rec: Recording, client: Any, q: str, in_prompt: bool) -> Any:
    from core.assistant.types import AskRequest
    from core.errors import Cancelled
    from core.ports import CancelToken

    token = CancelToken()
    go = threading.Event()
    cancelled_at: list[float] = []
    pieces: list[str] = []

    def canceller() -> None:
        go.wait()
        if in_prompt:
            time.sleep(CANCEL_IN_PROMPT_DELAY_S)
        cancelled_at.append(time.perf_counter())
        token.cancel()

    def on_text(piece: str) -> None:
        pieces.append(piece)
        if len(pieces) == CANCEL_AFTER_PIECES and not in_prompt:
            go.set()

    rec.on_stream = go.set if in_prompt else None
    th = threading.Thread(target=canceller, daemon=True)
    th.start()
    try:
        svc.assistant.ask(AskRequest(q, client_id=client, use_cache=False), on_text, token)
    except Cancelled:
        caught = time.perf_counter()
        return {"latency_s": caught - cancelled_at[0], "pieces_before": len(pieces)}
    finally:
        rec.on_stream = None
        go.set()
        th.join()
    return {"completed": True, "pieces": len(pieces)}  # finished before the cancel landed


def _summary(trials: list[dict[str, Any]]) -> dict[str, Any]:
    lat = [t["latency_s"] for t in trials if "latency_s" in t]
    return {
        **latency_ms(lat),
        "finished_before_cancel": sum("completed" in t for t in trials),
        "pieces_before_cancel_reached_caller": [t.get("pieces_before") for t in trials],
    }


def bench_cancel(svc: Any, rec: Recording, client: Any) -> dict[str, Any]:
    cfg = svc.settings.assistant
    saved, cfg.max_answer_tokens = cfg.max_answer_tokens, CANCEL_MAX_TOKENS
    try:
        streaming = [
            _cancel_trial(svc, rec, client, QUESTIONS[i % len(QUESTIONS)], False)
            for i in range(CANCEL_TRIALS)
        ]
        in_prompt = [
            _cancel_trial(svc, rec, client, QUESTIONS[i % len(QUESTIONS)], True)
            for i in range(CANCEL_IN_PROMPT_TRIALS)
        ]
    finally:
        cfg.max_answer_tokens = saved
    return {
        "max_answer_tokens": CANCEL_MAX_TOKENS,
        "after_first_pieces": {"after_pieces": CANCEL_AFTER_PIECES, **_summary(streaming)},
        "during_prompt_processing": {
            "delay_after_stream_ms": CANCEL_IN_PROMPT_DELAY_S * 1000,
            **_summary(in_prompt),
        },
    }
