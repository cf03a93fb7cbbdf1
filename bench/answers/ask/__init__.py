"""The assistant end to end (issue 6 §10, §3), with the default generator (Qwen2.5-Coder-
1.5B-Instruct Q4_K_M) and the low-memory fallback (SmolLM2-135M-Instruct), each with the
app's own settings (`models.*`: thread counts, context; the generator keeps its
instructions and uses repeat_penalty 1.1). `bench/answers/speed.py` runs the parts below for
each generator; each lives in its own module.

1. `latency`: `ask` p50/p95 over a small synthetic client (`corpus`), with the answer
   capped at 128 tokens (`assistant.max_answer_tokens`); time to first token, from the
   start of `ask` to the first streamed piece; the stages (embed, retrieve, generate).
   The raw library (`generators.Raw`) does the same work in the same run: the exact
   prompt `ask` built (recorded by a delegating generator), made into the same tokens
   (checked token for token), its instructions and worked examples (everything before
   the last message) evaluated once alone from an empty cache and restored per question
   by setting `n_tokens`, then `llama_cpp.Llama.create_completion` with the same stops,
   max_tokens and repeat_penalty. Ours over raw is raw's time over ours, from `stream()`
   to the end of its stream against raw's whole call; rounds alternate which side goes
   first, and the answers must match token for token. The same prompts on raw with a
   reset before each (every token evaluated, as before the instructions were kept) say
   what keeping them saves; once more with no stops and end-of-generation tokens banned,
   for the full 128-token figure. Also prompt processing with 1 and 2 threads.
2. `cache`: a fresh question (a miss: full generation) then near-identical paraphrases
   (hits); p50 of misses over p50 of hits. Refused answers are not stored, so fresh
   questions are tried until a few answers are stored.
3. `cancel`: `cancel()` from another thread after the first pieces stream (and, harder,
   while the prompt is still being processed in native code), until `Cancelled` reaches
   the caller.

Goals (issue 6): with the default model on 2 cores, `ask` p50 <= 6 s and p95 <= 10 s end
to end; ours / raw llama-cpp on the same prompt >= 0.95 (as speed); cache hits >= 50x
faster than misses; cancel p95 <= 200 ms. A goal reads null where it could not be
measured. Writes bench/results/ask.json with the commit it ran at.
"""

from __future__ import annotations

from bench.common import offline

# Before any ML import: every module of the package comes through here first.
offline()

ANSWER_TOKENS = 128
DEFAULT_GENERATOR = "qwen"  # models.default_generator "auto" where its RAM fits
GOALS = {
    "answer_tokens": ANSWER_TOKENS,
    "ask_p50_ms_max": 6000.0,
    "ask_p95_ms_max": 10000.0,
    "speed_ratio_min": 0.95,  # raw's time over ours on the same tokens
    "cache_hit_speedup_min": 50.0,
    "cancel_p95_ms_max": 200.0,
    "first_after_unlock_ms_max": 8000.0,  # the first answer once the warm-up is done
}
