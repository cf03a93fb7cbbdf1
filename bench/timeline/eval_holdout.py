"""The timeline extractor on the held-out labelled set (bench/timeline/sets/holdout/): does it
generalise beyond the set its author tunes on (bench/timeline/sets/labelled/)?

Scores `core.timeline.extract.extract(text, field)` with the main set's scorer
(`bench.timeline.kit.scoring.score_extraction`) and prints aggregates only: precision,
recall and f1 per kind of fact, the flags, per language, and recall per measure. It never
prints a field's text nor which phrasings were missed: whoever tunes the extractor must
not tune on this set (the main eval shows its misses). What it prints of the misses is
their cause, counted (`causes`): per kind, a fact not read at all, read with another
status or value, or read where none was expected, with no name, text or field.

`--write` keeps the aggregates in bench/results/eval_timeline_holdout.json under the key
"holdout" (no texts). Exit status 1 when a kind's precision or recall is below the main
eval's goal (0.95), or when the extractor cannot be imported.

    .venv/bin/python -m bench.timeline.eval_holdout
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from bench.timeline.kit.scoring import (
    fact_matches,
    labelled,
    names_match,
    score_extraction,
)

NAME = "eval_timeline_holdout"
GOAL = 0.95


def load_extract() -> Callable[[str, str], Any] | None:
    try:
        from core.timeline.extract import extract
    except ModuleNotFoundError as exc:
        if exc.name in ("core.timeline.extract", "core.timeline"):
            return None
        raise
    return extract


def measure_recall(style_recall: dict[str, dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """Recall per measure over all its written styles (the styles themselves stay unshown)."""
    out: dict[str, Any] = {}
    for measure, styles in sorted(style_recall.items()):
        n = sum(s["n"] for s in styles.values())
        hit = sum(round(s["recall"] * s["n"]) for s in styles.values())
        out[measure] = {"n": n, "styles": len(styles), "recall": round(hit / n, 4) if n else 1.0}
    return out


def _miss_cause(e: Any, unused: list[Any], flagged: set[str]) -> str:
    """Why the expected fact `e` found no match among the extracted facts left over."""
    same_kind = [x for x in unused if getattr(x, "kind", None) == e.kind]
    if e.kind == "measurement":
        if any(getattr(x, "name", None) == e.name for x in same_kind):
            return "read with another value or unit"
        return "flagged instead" if e.name in flagged else "not read"
    if e.kind in ("medication", "diagnosis"):
        fuzzy = e.kind == "diagnosis"
        for x in same_kind:
            if names_match(str(getattr(x, "name", "")), e.name, e.aliases, fuzzy=fuzzy):
                return f"{e.status} read as {getattr(x, 'status', None)}"
        return f"{e.status} not read"
    if e.kind == "procedure":
        return "referral not read" if e.name.startswith("referral") else "procedure not read"
    return "not read"


def causes(fields: list[Any], extract: Callable[[str, str], Any]) -> dict[str, dict[str, int]]:
    """Counts of each kind's misses and unexpected facts by cause (the scorer's matching,
    redone): never a name or a text, so the set cannot be tuned on through them."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for f in fields:
        try:
            result = extract(f.text, f.field)
        except Exception:  # counted as errors by the scorer
            continue
        facts = list(result.facts)
        flagged = {str(getattr(x, "name", "")) for x in result.flags}
        unused = list(range(len(facts)))
        missed: list[Any] = []
        for e in f.expected:
            hit = next((i for i in unused if fact_matches(facts[i], e)), None)
            if hit is None:
                missed.append(e)
            else:
                unused.remove(hit)
        left = [facts[i] for i in unused if labelled(facts[i])]
        for e in missed:
            out[e.kind][_miss_cause(e, left, flagged)] += 1
        for x in left:
            kind = str(getattr(x, "kind", "?"))
            status = getattr(x, "status", None)
            near = [e for e in missed if e.kind == kind]
            if kind in ("medication", "diagnosis") and any(
                names_match(str(getattr(x, "name", "")), e.name, e.aliases, fuzzy=True)
                for e in near
            ):
                out[kind][f"unexpected: {status}, a missed one's name"] += 1
            else:
                label = f"{status} " if status else ""
                out[kind][f"unexpected: {label}where none was expected"] += 1
    return {k: dict(sorted(c.items())) for k, c in sorted(out.items())}


def summarise(scores: dict[str, Any], fields: list[Any], run_s: float) -> dict[str, Any]:
    he = sum(f.language == "he" for f in fields)
    by_lang_n: dict[str, int] = defaultdict(int)
    for f in fields:
        by_lang_n[f.language] += 1
    return {
        "fields": scores["fields"],
        "hebrew_share": round(he / len(fields), 4) if fields else 0.0,
        "fields_per_language": dict(sorted(by_lang_n.items())),
        "run_s": round(run_s, 2),
        "per_kind": scores["per_kind"],
        "flags": scores["flags"],
        "by_language": scores["by_language"],
        "by_field": scores["by_field"],
        "per_measure": measure_recall(scores["style_recall"]),
        "fields_with_misses": scores["fields_with_misses"],
        "n_errors": scores["n_errors"],
    }


def table(s: dict[str, Any]) -> str:
    lines = [f"holdout extraction: {s['fields']} fields ({s['hebrew_share']:.0%} Hebrew)"]
    lines.append(
        f"  {'kind':<12} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    )
    for kind, k in [*s["per_kind"].items(), ("flags", s["flags"])]:
        lines.append(
            f"  {kind:<12} {k['precision']:>9.3f} {k['recall']:>7.3f} {k['f1']:>6.3f} "
            f"{k['tp']:>5} {k['fp']:>5} {k['fn']:>5}"
        )
    for lang, kinds in s["by_language"].items():
        cells = ", ".join(f"{k} P{v['precision']:.2f}/R{v['recall']:.2f}" for k, v in kinds.items())
        lines.append(f"  {lang}: {cells}")
    lines.append("  recall per measure:")
    for m, v in s["per_measure"].items():
        lines.append(f"    {m:<18} {v['recall']:.3f}  (n {v['n']}, {v['styles']} styles)")
    lines.append(f"  fields with a miss: {s['fields_with_misses']}, errors: {s['n_errors']}")
    if s.get("causes"):
        lines.append("  misses and unexpected facts by cause:")
        for kind, counts in s["causes"].items():
            for cause, n in counts.items():
                lines.append(f"    {kind:<12} {cause:<44} {n:>4}")
    return "\n".join(lines)


def checks(s: dict[str, Any]) -> list[tuple[str, float, bool]]:
    out = []
    for kind, k in s["per_kind"].items():
        out.append((f"holdout {kind}: precision", k["precision"], k["precision"] >= GOAL))
        out.append((f"holdout {kind}: recall", k["recall"], k["recall"] >= GOAL))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeline.eval_holdout")
    parser.add_argument("--write", action="store_true", help=f"write bench/results/{NAME}.json")
    args = parser.parse_args(argv)
    extract = load_extract()
    if extract is None:
        print(f"{NAME}: core/timeline/extract.py does not exist yet", file=sys.stderr)
        return 1
    from bench.timeline.sets.holdout import SEED, fields

    data = fields()
    t0 = time.perf_counter()
    scores = score_extraction(data, extract)
    summary = summarise(scores, data, time.perf_counter() - t0)
    summary["causes"] = causes(data, extract)
    print(table(summary))
    results = checks(summary)
    for name, value, met in results:
        print(f"{name}: {value} (goal >= {GOAL}) {'met' if met else 'MISSED'}")
    if args.write:
        from bench.common import code_state, write_result

        report = {"holdout": summary, "seed": SEED, "code": code_state(NAME)}
        report["goals_met"] = all(met for _, _, met in results)
        path = write_result("eval_timeline_holdout", report)
        print(f"wrote {path}")
    return 0 if all(met for _, _, met in results) else 1


if __name__ == "__main__":
    sys.exit(main())
