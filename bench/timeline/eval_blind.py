"""The timeline extractor on the blind labelled set (bench/timeline/sets/blind/data.json),
written without reading the extractor or the other sets: how it reads notes it was never
tuned on (issue 27).

Scores `core.timeline.extract.extract(text, field)`, the entry point the held-out eval
uses (a drug's other official names, SAME_DRUG, read as one), with the main set's scorer
(`bench.timeline.sets.labelled.scoring.score_extraction`), and prints aggregates only:
precision, recall and f1 per kind, the flags, by language and by field, recall per
measure, and the misses and unexpected facts counted by cause, never a text or a name (the
set must not be tuned on through its misses).

`--write` keeps them in bench/results/eval_timeline_blind.json under the key "blind", with
the dataset's summary (fields, Hebrew share, styles per measure). Exit status 1 when a
kind's precision or recall is below the goal (0.95, the held-out eval's), or when the
extractor cannot be imported.

    .venv/bin/python -m bench.timeline.eval_blind
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.timeline.eval_holdout import GOAL, causes, load_extract, summarise
from bench.timeline.sets.labelled.scoring import score_extraction

NAME = "eval_timeline_blind"
# One drug under its other official names (INN, USAN, BAN): which of them a label or the
# extractor calls "the generic name" is a convention, not a reading, so both count.
SAME_DRUG = {
    "acetaminophen": "paracetamol",
    "albuterol": "salbutamol",
    "cholecalciferol": "vitamin d",
    "colecalciferol": "vitamin d",
    "frusemide": "furosemide",
    "amoxycillin": "amoxicillin",
    "thyroxine": "levothyroxine",
    "acetylsalicylic acid": "aspirin",
    "glargine": "insulin glargine",
    "mesalamine": "mesalazine",  # USAN / INN
}


def same_drug_names(
    extract: Callable[[str, str], Any], names: Mapping[str, str] = SAME_DRUG
) -> Callable[[str, str], Any]:
    """`extract` with each medication named as this set names it (SAME_DRUG, or `names`)."""

    def run(text: str, field: str) -> Any:
        result = extract(text, field)
        facts = [
            replace(f, name=names.get(f.name, f.name)) if f.kind == "medication" else f
            for f in result.facts
        ]
        return replace(result, facts=facts)

    return run


def dataset(data: list[Any]) -> dict[str, Any]:
    """What the set holds: its size, Hebrew share, fields, facts by kind and styles."""
    kinds: Counter[str] = Counter()
    styles: dict[str, set[str]] = {}
    for f in data:
        for e in f.expected:
            kinds[f"{e.kind}/{e.status}" if e.status else e.kind] += 1
            if e.kind == "measurement" and e.style:
                styles.setdefault(e.name, set()).add(e.style)
    return {
        "fields": len(data),
        "hebrew_share": round(sum(f.language == "he" for f in data) / len(data), 4),
        "fields_by_field": dict(sorted(Counter(f.field for f in data).items())),
        "facts_by_kind": dict(sorted(kinds.items())),
        "flags": sum(len(f.expected_flags) for f in data),
        "styles_per_measure": {m: len(s) for m, s in sorted(styles.items())},
    }


def _row(name: str, k: dict[str, Any]) -> str:
    return (
        f"  {name:<16} {k['precision']:>9.3f} {k['recall']:>7.3f} {k['f1']:>6.3f} "
        f"{k['tp']:>5} {k['fp']:>5} {k['fn']:>5}"
    )


def table(s: dict[str, Any], title: str = "blind") -> str:
    lines = [f"{title} extraction: {s['fields']} fields ({s['hebrew_share']:.0%} Hebrew)"]
    head = f"  {'':<16} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    lines.append(head)
    for kind, k in s["per_kind"].items():
        lines.append(_row(kind, k))
    lines.append(_row("flags", s["flags"]))
    for title, key in (("by language", "by_language"), ("by field", "by_field")):
        lines.append(f"  {title}:")
        for group, kinds in s[key].items():
            cells = ", ".join(
                f"{k} P{v['precision']:.2f}/R{v['recall']:.2f}" for k, v in kinds.items()
            )
            lines.append(f"    {group}: {cells}")
    lines.append("  recall per measure:")
    for m, v in s["per_measure"].items():
        lines.append(f"    {m:<18} {v['recall']:.3f}  (n {v['n']}, {v['styles']} styles)")
    lines.append(f"  fields with a miss: {s['fields_with_misses']}, errors: {s['n_errors']}")
    lines.append("  misses and unexpected facts by cause:")
    for kind, counts in s["causes"].items():
        for cause, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            lines.append(f"    {kind:<12} {cause:<44} {n:>4}")
    return "\n".join(lines)


def checks(s: dict[str, Any], title: str = "blind") -> list[tuple[str, float, bool]]:
    out = []
    for kind, k in s["per_kind"].items():
        out.append((f"{title} {kind}: precision", k["precision"], k["precision"] >= GOAL))
        out.append((f"{title} {kind}: recall", k["recall"], k["recall"] >= GOAL))
    return out


def run(
    argv: list[str] | None,
    *,
    name: str,
    title: str,
    fields: Callable[[], list[Any]],
    seed: Callable[[], int],
    write: Callable[[dict[str, Any]], Path],
    same_drug: Mapping[str, str] = SAME_DRUG,
) -> int:
    """Score a blind set (`fields()`, written with `seed()`) and print it; with --write
    hand the report, under the key `title`, to `write` (bench/results/<name>.json).
    `same_drug` names a drug's other official names as the set names it."""
    parser = argparse.ArgumentParser(prog=f"python -m bench.{name}")
    parser.add_argument("--write", action="store_true", help=f"write bench/results/{name}.json")
    args = parser.parse_args(argv)
    loaded = load_extract()
    if loaded is None:
        print(f"{name}: core/timeline/extract.py does not exist yet", file=sys.stderr)
        return 1
    extract = same_drug_names(loaded, same_drug)
    data = fields()
    t0 = time.perf_counter()
    scores = score_extraction(data, extract)
    summary = summarise(scores, data, time.perf_counter() - t0)
    summary["causes"] = causes(data, extract)
    summary["dataset"] = dataset(data)
    print(table(summary, title))
    results = checks(summary, title)
    for check, value, met in results:
        print(f"{check}: {value} (goal >= {GOAL}) {'met' if met else 'MISSED'}")
    if args.write:
        from bench.common import code_state

        report = {title: summary, "seed": seed(), "code": code_state(name)}
        report["goals_met"] = all(met for _, _, met in results)
        print(f"wrote {write(report)}")
    return 0 if all(met for _, _, met in results) else 1


def _write(report: dict[str, Any]) -> Path:
    from bench.common import write_result

    return write_result("eval_timeline_blind", report)


def main(argv: list[str] | None = None) -> int:
    from bench.timeline.sets.blind import fields, seed

    return run(argv, name=NAME, title="blind", fields=fields, seed=seed, write=_write)


if __name__ == "__main__":
    sys.exit(main())
