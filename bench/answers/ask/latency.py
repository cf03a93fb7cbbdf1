"""`ask` end to end against the raw library on the same tokens; what keeping the
instructions saves; prompt-processing threads."""

from __future__ import annotations

import statistics
import time
from typing import Any

from bench.answers.ask import ANSWER_TOKENS
from bench.answers.ask.corpus import QUESTIONS
from bench.answers.ask.generators import Raw, Recording
from bench.common import latency_ms

BATCH_THREADS_PROMPTS = 4  # prompts replayed with the other prompt-processing thread count
REPEAT_WARNING = "answer.repeats_cut"  # core.services.ask_ops: the repetition guard cut the answer


def _our_ask(svc: Any, rec: Recording, client: Any, q: str) -> dict[str, Any]:
    from core.assistant.types import AskRequest

    stamps: list[float] = []
    pieces: list[str] = []

    def on_text(piece: str) -> None:
        stamps.append(time.perf_counter())
        pieces.append(piece)

    t0 = time.perf_counter()
    r = svc.assistant.ask(AskRequest(q, client_id=client, use_cache=False), on_text)
    end = time.perf_counter()
    text = "".join(pieces)
    return {
        "result": r, "t0": t0, "end": end, "stream_start": rec.last.get("started"),
        "stream_end": rec.last.get("ended"),
        "stream_cpu_s": rec.last["cpu_ended"] - rec.last["cpu_started"],
        "first": stamps[0] if stamps else None, "last": stamps[-1] if stamps else None,
        "tokens": rec.inner.count_tokens(text) if text else 0, "text": text,
    }  # fmt: skip


def _prompt_for(svc: Any, rec: Recording, client: Any, q: str) -> tuple[Any, tuple[str, ...]]:
    """The prompt and stops `ask` builds for `q`: an ask cancelled as generation starts."""
    from core.assistant.types import AskRequest
    from core.errors import Cancelled
    from core.ports import CancelToken

    token = CancelToken()
    rec.on_stream = token.cancel
    try:
        svc.assistant.ask(AskRequest(q, client_id=client, use_cache=False), cancel=token)
    except Cancelled:
        pass
    finally:
        rec.on_stream = None
    return rec.last["prompt"], rec.last["stop"]


def _decode_rate(tokens: int, first: float | None, last: float | None) -> float | None:
    if tokens < 2 or first is None or last is None or last <= first:
        return None
    return (tokens - 1) / (last - first)


def _med(xs: list[Any]) -> float | None:
    vals = [x for x in xs if x is not None]
    return round(statistics.median(vals), 3) if vals else None


def _ms(xs: list[Any]) -> float | None:
    vals = [x for x in xs if x is not None]
    return round(statistics.median(vals) * 1000, 1) if vals else None


def bench_batch_threads(gen: Any, raw: Raw, prompts: list[Any]) -> dict[str, Any]:
    """Prompt processing after the kept instructions (what each question evaluates), raw,
    with our prompt-processing thread count against the other of 1 and 2."""
    ours_n = raw.n_threads_batch
    other = Raw(gen, n_threads_batch=1 if ours_n != 1 else 2)
    times: dict[int, list[float]] = {ours_n: [], other.n_threads_batch: []}
    try:
        for i, (prompt, _stop) in enumerate(prompts[:BATCH_THREADS_PROMPTS]):
            sides = [raw, other]
            for side in sides if i % 2 == 0 else reversed(sides):
                side.prime(prompt)  # untimed: the instructions are evaluated once per model
                r = side.run(prompt, (), ban_eog=False, max_tokens=1)
                times[side.n_threads_batch].append(r["first"] - r["t0"])
    finally:
        other.close()
    med = {n: statistics.median(ts) * 1000 for n, ts in times.items()}
    return {
        "prompts": len(times[ours_n]),
        "ours_n_threads_batch": ours_n,
        "raw_ttfp_ms_median_by_batch_threads": {
            str(n): round(v, 1) for n, v in sorted(med.items())
        },
        "ratio_2_over_1": round(med[2] / med[1], 3) if {1, 2} <= med.keys() else None,
    }


def _alone(rec: Recording, prompt: Any, stop: Any) -> dict[str, Any]:
    """Our generator alone on `ask`'s prompt, with the keywords `ask` gives it, no service
    around it: tells the generator's own cost from what happens around it in `ask`."""
    kw = {**rec.last["kw"], "stop": stop}
    t0 = time.perf_counter()
    text = "".join(rec.inner.stream(prompt, **kw))
    return {"s": time.perf_counter() - t0, "text": text}


def _row(
    svc: Any, rec: Recording, raw: Raw, client: Any, i: int, q: str, prompt: Any, stop: Any
) -> dict[str, Any]:
    """One question: ours; raw on the same tokens with the kept instructions and the same
    stops; raw with a reset (everything evaluated); raw for the full 128 tokens."""
    raw.prime(prompt)  # untimed, as ours evaluated it during the warm-up
    # Alternate the order, so neither side always runs in the warmer slot.
    if i % 2 == 0:
        ours = _our_ask(svc, rec, client, q)
        ours_ids = rec.context_ids()
        same = raw.run(prompt, stop, ban_eog=False)
        alone = _alone(rec, prompt, stop)
    else:
        alone = _alone(rec, prompt, stop)
        same = raw.run(prompt, stop, ban_eog=False)
        ours = _our_ask(svc, rec, client, q)
        ours_ids = rec.context_ids()
    assert rec.last["prompt"] == prompt and rec.last["stop"] == stop
    our_prompt_ids, our_prefix = rec.prompt_ids(prompt)
    fresh = raw.run(prompt, stop, ban_eog=False, keep=False)
    raw.prime(prompt)
    full = raw.run(prompt, (), ban_eog=True)
    r = ours["result"]
    t = r.timings_ms
    stream_s = ours["stream_end"] - ours["stream_start"]
    raw_s = same["end"] - same["t0"]
    same_tokens = rec.inner.count_tokens(same["text"]) if same["text"] else 0
    full_tokens = rec.inner.count_tokens(full["text"]) if full["text"] else 0
    return {
        "question": q,
        "refused": r.refused,
        "cut_repeating": any(w.id == REPEAT_WARNING for w in r.warnings),
        "prompt_tokens": len(our_prompt_ids),
        "prefix_tokens": our_prefix,
        "same_prompt_tokens_as_raw": our_prompt_ids == same["prompt_ids"]
        and our_prefix == same["prefix_tokens"],
        "tokens": ours["tokens"],
        "raw_tokens": same_tokens,
        "raw_no_stop_tokens": full_tokens,
        "same_text_as_raw": ours["text"] == same["text"],
        # Prompt and answer as evaluated (the last sampled token is never evaluated).
        "same_tokens_as_raw": ours_ids == same["ids"],
        "total_s": t["total"] / 1000,
        "embed_s": t["embed"] / 1000,
        "retrieve_s": t["retrieve"] / 1000,
        "generate_s": t["generate"] / 1000,  # the stage: prompt building, model, grounding
        "ttft_s": (ours["first"] - ours["t0"]) if ours["first"] else None,  # ask to 1st piece
        "stream_ttfp_s": (ours["first"] - ours["stream_start"]) if ours["first"] else None,
        "stream_s": stream_s,  # stream() called until its stream ended: the model alone
        "tokens_per_s": _decode_rate(ours["tokens"], ours["first"], ours["last"]),
        "raw_s": raw_s,
        "raw_ttfp_s": same["first"] - same["t0"],
        "raw_tokens_per_s": _decode_rate(same_tokens, same["first"], same["last"]),
        "speed_ratio": raw_s / stream_s,  # >1: ours faster
        "alone_s": alone["s"],
        "alone_same_text_as_raw": alone["text"] == same["text"],
        # CPU seconds of the whole process over the same spans: less at the mercy of
        # whatever else the 2 cores run than the wall clock is.
        "stream_cpu_s": ours["stream_cpu_s"],
        "raw_cpu_s": same["cpu_s"],
        "kept_evaluated_tokens": same["evaluated_tokens"],
        "reset_evaluated_tokens": fresh["evaluated_tokens"],
        "reset_s": fresh["end"] - fresh["t0"],
        "reset_ttfp_s": fresh["first"] - fresh["t0"],
        "reset_same_text_as_kept": fresh["text"] == same["text"],
        "raw_128_s": full["end"] - full["t0"],
        "raw_128_ttfp_s": full["first"] - full["t0"],
        "raw_128_tokens_per_s": _decode_rate(full_tokens, full["first"], full["last"]),
    }


def bench_end_to_end(
    svc: Any, rec: Recording, raw: Raw, client: Any, questions: list[str] | None = None
) -> dict[str, Any]:
    questions = questions or QUESTIONS
    _our_ask(svc, rec, client, "How is her mood?")  # warm-up: first-call costs, instructions
    prompts = [_prompt_for(svc, rec, client, q) for q in questions]
    # The instructions' one evaluation per model, on raw after a warm-up of its own.
    raw.run(prompts[0][0], (), ban_eog=False, max_tokens=1, keep=False)
    once = raw.prime(prompts[0][0])
    rows = [_row(svc, rec, raw, client, i, q, *prompts[i]) for i, q in enumerate(questions)]
    col = {k: [row[k] for row in rows] for k in rows[0]}
    n = len(rows)
    raw_med, stream_med = statistics.median(col["raw_s"]), statistics.median(col["stream_s"])
    raw128_med = statistics.median(col["raw_128_s"])
    retr_med = statistics.median(col["embed_s"]) + statistics.median(col["retrieve_s"])
    saved = [a - b for a, b in zip(col["reset_s"], col["raw_s"], strict=True)]
    saved_ttfp = [a - b for a, b in zip(col["reset_ttfp_s"], col["raw_ttfp_s"], strict=True)]
    return {
        "questions": n,
        "refused": sum(col["refused"]),
        "cut_repeating": sum(col["cut_repeating"]),
        "answer_tokens": {
            "cap": ANSWER_TOKENS,
            "ours": col["tokens"],
            "raw": col["raw_tokens"],
            "raw_no_stops_eog_banned": col["raw_no_stop_tokens"],
        },
        "prompt_tokens_median": statistics.median(col["prompt_tokens"]),
        "ours_total": latency_ms(col["total_s"]),
        # From the start of `ask` to the first streamed piece.
        "ours_ttft": latency_ms([x for x in col["ttft_s"] if x is not None]),
        "ours_stages_median_ms": {
            k: _ms(col[f"{k}_s"])
            for k in ("embed", "retrieve", "generate", "stream_ttfp", "stream")
        },
        "ours_tokens_per_s_median": _med(col["tokens_per_s"]),
        "ours_vs_raw": {
            "what": "raw llama-cpp-python on the same tokens, instructions kept the same way, "
            "same stops and repeat_penalty; time from stream() to its end vs raw's call",
            "same_prompt_tokens": f"{sum(col['same_prompt_tokens_as_raw'])}/{n}",
            "same_text": f"{sum(col['same_text_as_raw'])}/{n}",
            "same_tokens": f"{sum(col['same_tokens_as_raw'])}/{n}",
            "ours_ms_median": round(stream_med * 1000, 1),
            "raw_ms_median": round(raw_med * 1000, 1),
            "ours_ttfp_ms_median": _ms(col["stream_ttfp_s"]),
            "raw_ttfp_ms_median": _ms(col["raw_ttfp_s"]),
            "raw_tokens_per_s_median": _med(col["raw_tokens_per_s"]),
            # Speed, ours over raw: raw's time over ours (>= 0.95 is the goal).
            "speed_ratio": round(raw_med / stream_med, 3),
            "speed_ratio_per_question_median": _med(col["speed_ratio"]),
            "speed_ratio_per_question": [round(x, 3) for x in col["speed_ratio"]],
            "cpu_s_median_ours": _med(col["stream_cpu_s"]),
            "cpu_s_median_raw": _med(col["raw_cpu_s"]),
            "cpu_ratio": round(
                statistics.median(col["raw_cpu_s"]) / statistics.median(col["stream_cpu_s"]), 3
            ),
            # Our generator's stream() called directly on the same prompt, no `ask` around
            # it: where the time between the two ratios goes.
            "generator_alone_ms_median": _ms(col["alone_s"]),
            "generator_alone_speed_ratio": round(raw_med / statistics.median(col["alone_s"]), 3),
            "generator_alone_same_text": f"{sum(col['alone_same_text_as_raw'])}/{n}",
        },
        "instructions_kept": {
            "what": "raw, the same prompts: the instructions kept (evaluated once, restored "
            "per question) against a reset and every token evaluated per question",
            "prefix_tokens": once["prefix_tokens"],
            "prefix_evaluated_once_ms": round(once["seconds"] * 1000, 1),
            "evaluated_tokens_median_kept": statistics.median(col["kept_evaluated_tokens"]),
            "evaluated_tokens_median_reset": statistics.median(col["reset_evaluated_tokens"]),
            "ttfp_ms_median_kept": _ms(col["raw_ttfp_s"]),
            "ttfp_ms_median_reset": _ms(col["reset_ttfp_s"]),
            "ms_median_kept": round(raw_med * 1000, 1),
            "ms_median_reset": _ms(col["reset_s"]),
            "saved_ms_median": _ms(saved),
            "saved_ttfp_ms_median": _ms(saved_ttfp),
            # A different evaluation order can change a greedy answer in the last bits.
            "same_text_kept_vs_reset": f"{sum(col['reset_same_text_as_kept'])}/{n}",
        },
        "raw_128_tokens": {
            "ms_median": round(raw128_med * 1000, 1),
            "ttfp_ms_median": _ms(col["raw_128_ttfp_s"]),
            "tokens_per_s_median": _med(col["raw_128_tokens_per_s"]),
            # A full 128-token answer: our embed+retrieve plus raw's 128 tokens over the
            # same prompt (ours cannot be forced past a stop).
            "est_ask_ms": round((retr_med + raw128_med) * 1000, 1),
        },
        "prompts": prompts,
        "rows": [
            {k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()}
            for row in rows
        ],
    }
