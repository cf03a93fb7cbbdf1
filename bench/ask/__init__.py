"""The assistant end to end (issue 6 §10, §3), with each packaged generator.
`bench/bench_ask.py` runs the parts below for each generator; each lives in its own module.

1. `latency`: `ask` p50/p95 over a small synthetic client (`corpus`): embed, retrieve,
   generate, total, with the answer capped at 128 tokens (`assistant.max_answer_tokens`).
   The tokens each answer really got are counted with the model's tokenizer, and the
   prompt-processing share of the generate stage is the time from `Generator.stream()` to
   the first streamed piece over the whole stage. The raw library (`generators.Raw`) does
   the same work in the same run: the exact prompt `ask` built (recorded by a delegating
   generator) through `llama_cpp.Llama.create_completion` with the same stops,
   max_tokens=128 and a fresh KV cache, as ours resets it; and once more with no stops and
   end-of-generation tokens banned, for the full 128-token figure. Rounds alternate which
   side goes first.
2. `cache`: a fresh question (a miss: full generation) then near-identical paraphrases
   (hits); p50 of misses over p50 of hits. Refused answers are not stored, so fresh
   questions are tried until a few answers are stored.
3. `cancel`: `cancel()` from another thread after the first pieces stream (and, harder,
   while the prompt is still being processed in native code), until `Cancelled` reaches
   the caller.

Goals: cache hits >= 50x faster than misses; cancel p95 <= 200 ms. A goal reads null
where it could not be measured. Writes bench/results/ask.json.
"""

from __future__ import annotations

from bench.common import offline

# Before any ML import: every module of the package comes through here first.
offline()

ANSWER_TOKENS = 128
GOALS = {
    "answer_tokens": ANSWER_TOKENS,
    "cache_hit_speedup_min": 50.0,
    "cancel_p95_ms_max": 200.0,
}
