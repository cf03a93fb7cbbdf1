"""The timeline extractor on a blind labelled set, one written without reading the extractor
or the other sets: how it reads notes it was never tuned on (issue 27).

    .venv/bin/python -m bench.timeline.eval_blind blind9 [--write]
    .venv/bin/python -m bench.timeline.eval_blind bench/timeline/sets/blind9 [--write]

A set is a folder of data in bench/timeline/sets/: its data.json (each field with its
labels) and its set.toml (what it is, and its drugs' other official names, read as one).
A new blind set needs no code: its folder, a producer in bench/producers.py and a line in
the Makefile's eval. A set whose package has `fields()` and `seed()` (the first sets, in
formats of their own) is read through them.

Scores `core.timeline.extract.extract(text, field)`, the entry point the held-out eval
uses, with the main set's scorer (`bench.timeline.kit.scoring.score_extraction`),
and prints aggregates only: precision, recall and f1 per kind, the flags, by language and
by field, recall per measure, and the misses and unexpected facts counted by cause, never
a text or a name (the set must not be tuned on through its misses).

`--write` keeps them in bench/results/eval_timeline_<set>.json under the key <set>, with
the dataset's summary (fields, Hebrew share, styles per measure). Exit status 1 when a
kind's precision or recall is below the goal (0.95, the held-out eval's), or when the
extractor cannot be imported; 2 when the set cannot be read.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bench.common import code_state, write_result
from bench.timeline.eval_holdout import GOAL, causes, load_extract, summarise
from bench.timeline.kit.scoring import score_extraction
from bench.timeline.kit.vocab import VocabError, read_toml

SETS = Path(__file__).resolve().parent / "sets"
SHARED_NAMES = Path(__file__).resolve().parent / "kit" / "same_drug.toml"
_KEYS = {"about", "extends", "same_drug"}


# A set that cannot be read: the message names its file.
SetError = VocabError


@dataclass(frozen=True)
class BlindSet:
    """A blind set as its folder holds it."""

    name: str
    folder: Path
    about: str
    same_drug: Mapping[str, str]
    fields: Callable[[], list[Any]]
    seed: Callable[[], int]


def _names(path: Path, table: Any) -> dict[str, str]:
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in table.items()
    ):
        raise SetError(f"{path}: [same_drug] maps a drug's name to its name in the labels")
    return dict(table)


def same_drug_of(folder: Path, seen: tuple[Path, ...] = ()) -> dict[str, str]:
    """The drug names a set reads as one: every set's (same_drug.toml), those of the set it
    extends, then its own."""
    path = folder / "set.toml"
    spec = read_toml(path)
    unknown = sorted(set(spec) - _KEYS)
    if unknown:
        raise SetError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    parent = spec.get("extends")
    if parent is None:
        names = _names(SHARED_NAMES, read_toml(SHARED_NAMES).get("same_drug", {}))
    elif folder in seen or not isinstance(parent, str):
        raise SetError(f"{path}: extends {parent!r}, which leads back to this set")
    else:
        names = same_drug_of(folder.parent / parent, (*seen, folder))
    return {**names, **_names(path, spec.get("same_drug", {}))}


def load_set(which: str) -> BlindSet:
    """A set by its name in bench/timeline/sets/ or by its folder."""
    folder = Path(which) if "/" in which else SETS / which
    folder = folder.resolve()
    if not (folder / "data.json").is_file():
        raise SetError(f"{folder}: no data.json, so no blind set")
    about = read_toml(folder / "set.toml").get("about", "")
    same = same_drug_of(folder)
    own = _package(folder)
    if own is not None:
        return BlindSet(folder.name, folder, about, same, own.fields, own.seed)
    from bench.timeline.kit.stored import StoredSet

    seed = int(json.loads((folder / "data.json").read_text(encoding="utf-8"))["seed"])
    stored = StoredSet(seed, folder / "data.json")
    return BlindSet(folder.name, folder, about, same, stored.fields, stored.seed)


def _package(folder: Path) -> Any:
    """The set's package where it reads its data itself (fields and seed), else None."""
    if folder.parent != SETS or not (folder / "__init__.py").is_file():
        return None
    module = importlib.import_module(f"bench.timeline.sets.{folder.name}")
    return module if hasattr(module, "fields") and hasattr(module, "seed") else None


def same_drug_names(
    extract: Callable[[str, str], Any], names: Mapping[str, str]
) -> Callable[[str, str], Any]:
    """`extract` with each medication named as the set names it."""

    def named(text: str, field: str) -> Any:
        result = extract(text, field)
        facts = [
            replace(f, name=names.get(f.name, f.name)) if f.kind == "medication" else f
            for f in result.facts
        ]
        return replace(result, facts=facts)

    return named


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


def run(blind: BlindSet) -> dict[str, Any] | None:
    """Score the set and print it: the report (the summary under the set's name, the seed
    and whether every goal was met), or None when the extractor cannot be imported."""
    loaded = load_extract()
    if loaded is None:
        return None
    extract = same_drug_names(loaded, blind.same_drug)
    data = blind.fields()
    t0 = time.perf_counter()
    scores = score_extraction(data, extract)
    summary = summarise(scores, data, time.perf_counter() - t0)
    summary["causes"] = causes(data, extract)
    summary["dataset"] = dataset(data)
    print(table(summary, blind.name))
    results = checks(summary, blind.name)
    for check, value, met in results:
        print(f"{check}: {value} (goal >= {GOAL}) {'met' if met else 'MISSED'}")
    met = all(ok for _, _, ok in results)
    return {blind.name: summary, "seed": blind.seed(), "goals_met": met}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeline.eval_blind")
    parser.add_argument("set", help="a set's name in bench/timeline/sets/ (blind9) or its folder")
    parser.add_argument(
        "--write", action="store_true", help="write bench/results/eval_timeline_<set>.json"
    )
    args = parser.parse_args(argv)
    try:
        blind = load_set(args.set)
    except SetError as exc:
        print(f"eval_blind: {exc}", file=sys.stderr)
        return 2
    name = f"eval_timeline_{blind.name}"
    report = run(blind)
    if report is None:
        print(f"{name}: core/timeline/extract.py does not exist yet", file=sys.stderr)
        return 1
    met = bool(report.pop("goals_met", False))
    if args.write:
        report |= {"code": code_state(name), "goals_met": met}
        print(f"wrote {write_result(name, report)}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
