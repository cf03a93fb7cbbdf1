"""Semantic cache: a fresh question (a miss), then its paraphrases (hits, we hope)."""

from __future__ import annotations

import time
from typing import Any

from bench.answers.ask.corpus import CACHE_SETS
from bench.common import latency_ms

CACHE_STORED = 3  # enough stored answers for a median; more only lengthens the run


def bench_cache(svc: Any, client: Any) -> dict[str, Any]:
    from core.assistant.types import AskRequest

    misses, hits, refused, stored, tried = [], [], 0, 0, 0
    paraphrases_hit, paraphrases_asked = 0, 0
    for fresh, paraphrases in CACHE_SETS:
        if stored >= CACHE_STORED:
            break
        tried += 1
        t = time.perf_counter()
        r = svc.assistant.ask(AskRequest(fresh, client_id=client))
        misses.append(time.perf_counter() - t)
        assert not r.cache_hit
        if r.refused:  # not stored: its paraphrases would only be more misses
            refused += 1
            continue
        stored += 1
        for p in paraphrases:
            t = time.perf_counter()
            r = svc.assistant.ask(AskRequest(p, client_id=client))
            took = time.perf_counter() - t
            paraphrases_asked += 1
            paraphrases_hit += r.cache_hit
            (hits if r.cache_hit else misses).append(took)
    miss, hit = latency_ms(misses), latency_ms(hits)
    ratio = miss["p50_ms"] / hit["p50_ms"] if hits else None
    return {
        "misses": miss,
        "hits": hit,
        "fresh_questions": tried,
        "fresh_refused_not_stored": refused,
        "paraphrases_hit": f"{paraphrases_hit}/{paraphrases_asked}",
        "speedup_p50_miss_over_hit": round(ratio, 1) if ratio else None,
    }
