"""The bench of model answers beside a busy process: its spinner, and its goals read."""

from __future__ import annotations

import time

from bench.answers.busy import GOALS, _lines, _result, busy_core


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime + stime, in clock ticks


def test_the_busy_process_spins_until_the_block_ends() -> None:
    with busy_core() as spinner:
        time.sleep(0.5)
        assert spinner.poll() is None
        assert _cpu_seconds(spinner.pid) > 0.1
    assert spinner.poll() is not None


def _row(ask: float, words: float | None) -> dict[str, object]:
    return {
        "id": "q",
        "kind": "lab",
        "path": "model",
        "ask_s": ask,
        "first_words_s": words,
        "raw_s": ask - 0.5,
        "raw_first_words_s": 0.8,
    }


KERNELS = "llama.cpp CPU kernels: AVX2 (one portable build)"
FIRST = {"warmed_first_answer_ms": 5000, "cold_first_answer_ms": 20000}


def test_goals_are_read_from_the_rows() -> None:
    fast = [_row(3.0, 1.0) for _ in range(10)]
    slow = [*fast[:-1], _row(15.0, 2.0)]  # one slow answer: the p95 misses, the p50 holds
    met = _result(fast, FIRST, 40, time.perf_counter(), KERNELS)
    assert all(met["meets_goals"].values())
    late = {**FIRST, "warmed_first_answer_ms": 9000}
    missed = _result(slow, late, 40, time.perf_counter(), KERNELS)
    assert missed["meets_goals"] == {
        "ask_p50": True,
        "ask_p95": False,
        "first_words_p95": False,
        "first_after_unlock": False,
    }
    assert missed["goals"] == GOALS and missed["model_path_timed"] == 10


def test_an_answer_with_no_words_misses_the_first_words_goal() -> None:
    result = _result([_row(3.0, None)], FIRST, 1, time.perf_counter(), KERNELS)
    assert result["meets_goals"]["first_words_p95"] is False
    assert "first words" in "\n".join(_lines(result))
