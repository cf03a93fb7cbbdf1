"""The first answer of a session: asked at once on a generator no one has used (it pays
for loading the model and reading the instructions), against the same question asked
after `AskService.warm`, as the window starts it at unlock. Each on a fresh generator
and a fresh service; the embedder is the bench's, already loaded, in both."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.answers.ask import corpus
from bench.answers.ask.corpus import QUESTIONS


def _first_answer(
    root: Path, name: str, pm: Any, gen_settings: Any, embedder: Any, warm: bool
) -> dict[str, Any]:
    from core.assistant.types import AskRequest
    from models.generator import LlamaCppGenerator

    gen = LlamaCppGenerator(pm.path, name=pm.name, expected_sha256=pm.sha256, settings=gen_settings)
    svc, client = corpus.service(root, name, gen, embedder)
    try:
        out: dict[str, Any] = {}
        if warm:
            t = time.perf_counter()
            svc.assistant.warm()
            out["warm_up_ms"] = round((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        r = svc.assistant.ask(AskRequest(QUESTIONS[0], client_id=client, use_cache=False))
        out["first_answer_ms"] = round((time.perf_counter() - t) * 1000)
        out["answer"] = r.answer
        return out
    finally:
        svc.close()
        gen.close()


def bench_first(root: Path, name: str, pm: Any, gen_settings: Any, embedder: Any) -> dict[str, Any]:
    cold = _first_answer(root, f"{name}-first-cold", pm, gen_settings, embedder, warm=False)
    warmed = _first_answer(root, f"{name}-first-warm", pm, gen_settings, embedder, warm=True)
    return {
        "question": QUESTIONS[0],
        "cold_first_answer_ms": cold["first_answer_ms"],
        "warm_up_ms": warmed["warm_up_ms"],
        "warmed_first_answer_ms": warmed["first_answer_ms"],
        "same_answer": cold["answer"] == warmed["answer"],
    }
