"""The assistant end to end (issue 6 §10, §3): `ask` latency and time to first token,
ours against raw llama-cpp on the same tokens, what keeping the instructions saves, cache
hit against miss, cancel latency; for the default generator (Qwen2.5-Coder-1.5B-Instruct)
and the low-memory fallback (SmolLM2-135M-Instruct). How each part is measured is in
`bench/answers/ask/`. Writes bench/results/ask.json.

Run alone with `python -m bench ask`. For a smoke run (nothing written):
BENCH_ASK_QUESTIONS=1 BENCH_ASK_GENERATORS=qwen BENCH_ASK_PARTS=e2e python -m bench ask
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.answers.ask import DEFAULT_GENERATOR, GOALS, corpus
from bench.answers.ask.cache import bench_cache
from bench.answers.ask.cancel import bench_cancel
from bench.answers.ask.first import bench_first
from bench.answers.ask.generators import Raw, Recording, app_models
from bench.answers.ask.latency import bench_batch_threads, bench_end_to_end
from bench.common import isolate, write_result

PARTS = ("first", "e2e", "threads", "cache", "cancel")
REPO = Path(__file__).resolve().parents[2]


def _smoke() -> dict[str, Any]:
    """Knobs for a quick development run; any of them set means nothing is written."""
    env = os.environ
    out: dict[str, Any] = {}
    if env.get("BENCH_ASK_QUESTIONS"):
        out["questions"] = int(env["BENCH_ASK_QUESTIONS"])
    if env.get("BENCH_ASK_GENERATORS"):
        out["generators"] = env["BENCH_ASK_GENERATORS"].split(",")
    if env.get("BENCH_ASK_PARTS"):
        out["parts"] = env["BENCH_ASK_PARTS"].split(",")
    return out


def _one_generator(
    root: Path, name: str, pm: Any, gen_settings: Any, embedder: Any, smoke: dict[str, Any]
) -> dict[str, Any]:
    from bench.answers.ask.corpus import QUESTIONS
    from models.generator import LlamaCppGenerator

    parts = smoke.get("parts", PARTS)
    questions = QUESTIONS[: smoke.get("questions", len(QUESTIONS))]
    # Before this generator is loaded: the first answer of a session, cold and warmed.
    first = bench_first(root, name, pm, gen_settings, embedder) if "first" in parts else None
    gen = LlamaCppGenerator(pm.path, name=pm.name, expected_sha256=pm.sha256, settings=gen_settings)
    gen.load()
    rec = Recording(gen)
    raw = Raw(gen)
    svc, client = corpus.service(root, name, rec, embedder)
    started = time.perf_counter()
    out: dict[str, Any] = {"model": pm.name, "chat_template": gen.has_chat_template}
    if first is not None:
        out["first_answer"] = first
    s = gen.settings
    out["generator_settings"] = {
        "n_threads": s.n_threads, "n_threads_batch": s.n_threads_batch,
        "n_ctx": gen.context_length, "keep_instructions": s.keep_instructions,
        "repeat_penalty": s.repeat_penalty,
    }  # fmt: skip
    try:
        e2e = bench_end_to_end(svc, rec, raw, client, questions)
        prompts = e2e.pop("prompts")
        out["end_to_end"] = e2e
        if "threads" in parts:
            out["prompt_processing_threads"] = bench_batch_threads(gen, raw, prompts)
        if "cache" in parts:
            out["cache"] = bench_cache(svc, client)
        if "cancel" in parts:
            out["cancel"] = bench_cancel(svc, rec, client)
    finally:
        svc.close()
        raw.close()
        gen.close()
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def _meets(g: dict[str, Any]) -> dict[str, Any]:
    e2e = g["end_to_end"]
    total = e2e["ours_total"]
    vs = e2e["ours_vs_raw"]
    n = e2e["questions"]
    out: dict[str, Any] = {
        "ask_p50": total["p50_ms"] <= GOALS["ask_p50_ms_max"],
        "ask_p95": total["p95_ms"] <= GOALS["ask_p95_ms_max"],
        "speed_ratio": vs["speed_ratio"] >= GOALS["speed_ratio_min"],
        "same_text_as_raw": vs["same_text"] == f"{n}/{n}",
        "same_tokens_as_raw": vs["same_tokens"] == f"{n}/{n}",
    }
    if "first_answer" in g:
        warmed = g["first_answer"]["warmed_first_answer_ms"]
        out["first_after_unlock"] = warmed <= GOALS["first_after_unlock_ms_max"]
    if "cache" in g:
        cache = g["cache"]["speedup_p50_miss_over_hit"]
        # None: no answer was stored (every one refused), so nothing could hit.
        out["cache_hit_speedup"] = (
            None if cache is None else cache >= GOALS["cache_hit_speedup_min"]
        )
    if "cancel" in g:
        for key, part in (("cancel_after_pieces", "after_first_pieces"),
                          ("cancel_during_prompt", "during_prompt_processing")):  # fmt: skip
            c = g["cancel"][part]
            out[key] = None if c["n"] == 0 else c["p95_ms"] <= GOALS["cancel_p95_ms_max"]
    return out


def _word(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "MISSED")


def _summary(name: str, g: dict[str, Any], meets: dict[str, Any]) -> list[str]:
    """The figures with their goals met or missed, one line each."""
    e2e = g["end_to_end"]
    tot, ttft, vs, kept = (
        e2e["ours_total"],
        e2e["ours_ttft"],
        e2e["ours_vs_raw"],
        e2e["instructions_kept"],
    )
    head = f"{name} ({g['model']})"
    lines = [
        f"{head}: ask p50 {tot['p50_ms'] / 1000:.2f} s (goal <= "
        f"{GOALS['ask_p50_ms_max'] / 1000:g} s: {_word(meets['ask_p50'])}), p95 "
        f"{tot['p95_ms'] / 1000:.2f} s (goal <= {GOALS['ask_p95_ms_max'] / 1000:g} s: "
        f"{_word(meets['ask_p95'])}), n={tot['n']}",
        f"{head}: time to first token (ask start to first piece) p50 "
        f"{ttft.get('p50_ms', 0) / 1000:.2f} s, p95 {ttft.get('p95_ms', 0) / 1000:.2f} s",
        f"{head}: ours / raw speed {vs['speed_ratio']:.3f} (goal >= {GOALS['speed_ratio_min']}: "
        f"{_word(meets['speed_ratio'])}); ours {vs['ours_ms_median']:.0f} ms, raw "
        f"{vs['raw_ms_median']:.0f} ms median (CPU time: {vs['cpu_ratio']:.3f}); same text "
        f"{vs['same_text']}, same tokens "
        f"{vs['same_tokens']}, same prompt tokens {vs['same_prompt_tokens']}",
        f"{head}: our generator alone (stream() without ask) / raw "
        f"{vs['generator_alone_speed_ratio']:.3f}; same text {vs['generator_alone_same_text']}",
        f"{head}: instructions kept: {kept['prefix_tokens']} tokens evaluated once "
        f"({kept['prefix_evaluated_once_ms']:.0f} ms); per question "
        f"{kept['evaluated_tokens_median_kept']:g} tokens evaluated instead of "
        f"{kept['evaluated_tokens_median_reset']:g}; first piece {kept['ttfp_ms_median_kept']:.0f}"
        f" ms instead of {kept['ttfp_ms_median_reset']:.0f} ms (saves "
        f"{kept['saved_ms_median']:.0f} ms a question, median); same text kept vs reset "
        f"{kept['same_text_kept_vs_reset']}",
    ]
    if "first_answer" in g:
        f = g["first_answer"]
        lines.append(
            f"{head}: the first answer of a session {f['warmed_first_answer_ms'] / 1000:.1f} s "
            f"after the warm-up at unlock ({f['warm_up_ms'] / 1000:.1f} s; goal <= "
            f"{GOALS['first_after_unlock_ms_max'] / 1000:g} s: "
            f"{_word(meets['first_after_unlock'])}), {f['cold_first_answer_ms'] / 1000:.1f} s "
            f"cold; same answer {f['same_answer']}"
        )
    if "cache" in g:
        c = g["cache"]
        lines.append(
            f"{head}: cache hit {c['speedup_p50_miss_over_hit']}x faster than a miss (goal >= "
            f"{GOALS['cache_hit_speedup_min']:g}x: {_word(meets['cache_hit_speedup'])})"
        )
    if "cancel" in g:
        a, p = g["cancel"]["after_first_pieces"], g["cancel"]["during_prompt_processing"]
        lines.append(
            f"{head}: cancel p95 {a.get('p95_ms')} ms while streaming "
            f"({_word(meets['cancel_after_pieces'])}), {p.get('p95_ms')} ms while reading the "
            f"prompt ({_word(meets['cancel_during_prompt'])}); goal <= "
            f"{GOALS['cancel_p95_ms_max']:g} ms"
        )
    return lines


def _git() -> dict[str, Any]:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, check=False
        ).stdout.rstrip("\n")

    # What ran is the working tree: name what differed from the commit where it matters.
    dirty = git("status", "--porcelain", "--", "core", "models", "app", "bench/answers/ask",
                "bench/answers/speed.py")  # fmt: skip
    return {"commit": git("rev-parse", "HEAD"), "uncommitted": dirty.splitlines()}


def run() -> dict[str, Any]:
    import llama_cpp

    from models import packaged

    smoke = _smoke()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="chartside-bench-ask-") as tmp:
        root = Path(tmp)
        isolate(root)
        settings, gen_settings, embedder = app_models(root)
        try:
            gens = {
                "qwen": lambda: packaged.qwen_generator(settings.model_cache_dir),
                "smollm": packaged.instruct_generator,
            }
            wanted = smoke.get("generators", list(gens))
            per = {
                k: _one_generator(root, k, gens[k](), gen_settings, embedder, smoke) for k in wanted
            }
        finally:
            embedder.close()
    meets = {k: _meets(g) for k, g in per.items()}
    summary = [line for k, g in per.items() for line in _summary(k, g, meets[k])]
    result = {
        **_git(),
        "llama_cpp_python": llama_cpp.__version__,
        "default_generator": DEFAULT_GENERATOR,
        "goals": GOALS,
        "summary": summary,
        "generators": per,
        "meets_goals": meets,
        "seconds": round(time.perf_counter() - started, 1),
    }
    print("\n".join(summary), flush=True)
    if smoke:
        print(f"smoke run {smoke}: bench/results/ask.json not written", flush=True)
    else:
        write_result("ask", result)
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
