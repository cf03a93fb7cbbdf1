"""Outcomes summed up per mode (extractive, or a generator) and per kind; goals; the table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bench.answers import ANSWERABLE, GOALS
from bench.common import latency_ms


def _share(rows: Sequence[dict[str, Any]], key: str, value: Any = True) -> float:
    return round(sum(r.get(key) == value for r in rows) / len(rows), 4) if rows else 0.0


def outcomes(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """n and the share of each outcome (an error counts in n and as no outcome)."""
    out: dict[str, Any] = {"n": len(rows)}
    for name in ("correct", "wrong", "refused"):
        out[name] = _share(rows, "outcome", name)
    errors = sum(r["outcome"] == "error" for r in rows)
    if errors:
        out["errors"] = errors
    return out


def summarise(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One mode's rows: outcomes over the answerable questions and per kind, the absent
    questions' refusal share, where the relevant unit was, and the timings."""
    answerable = [r for r in rows if r["kind"] != "absent"]
    absent = [r for r in rows if r["kind"] == "absent"]
    timed = [r for r in rows if r["outcome"] != "error"]
    return {
        "answerable": outcomes(answerable),
        "per_kind": {
            k: outcomes([r for r in answerable if r["kind"] == k])
            for k in ANSWERABLE
            if any(r["kind"] == k for r in answerable)
        },
        "absent": {
            "n": len(absent),
            "refused": _share(absent, "outcome", "refused"),
            **({"errors": n} if (n := sum(r["outcome"] == "error" for r in absent)) else {}),
        },
        # Of the answerable questions: a relevant unit among the sources offered, and among
        # those used (cited; in extractive mode, quoted).
        "relevant_retrieved": _share(answerable, "relevant_retrieved"),
        "relevant_used": _share(answerable, "relevant_used"),
        "why": why(answerable),
        "timings_ms": {
            stage: latency_ms([r["timings_ms"].get(stage, 0.0) / 1000 for r in timed], 0)
            for stage in ("total", "generate")
        },
    }


def why(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Counts that say where a wrong answer or a refusal came from: retrieval (no relevant
    unit among the sources), the citation (a relevant one offered, another used), or the
    value (a relevant source used, the value not stated)."""
    out = {
        "wrong_relevant_not_offered": 0,
        "wrong_relevant_offered_not_used": 0,
        "wrong_value_missing": 0,
        "refused_relevant_offered": 0,
        "refused_relevant_not_offered": 0,
    }
    for r in rows:
        offered = r.get("relevant_retrieved")
        if r["outcome"] == "wrong":
            if r.get("relevant_used"):
                out["wrong_value_missing"] += 1
            elif offered:
                out["wrong_relevant_offered_not_used"] += 1
            else:
                out["wrong_relevant_not_offered"] += 1
        elif r["outcome"] == "refused":
            out["refused_relevant_offered" if offered else "refused_relevant_not_offered"] += 1
    return out


def goals(modes: dict[str, dict[str, Any]], default: str | None) -> dict[str, Any]:
    """Each goal with its measured value and whether it is met (None: not measured)."""

    def check(value: float | None, goal: float, at_least: bool) -> dict[str, Any]:
        met = None if value is None else (value >= goal if at_least else value <= goal)
        return {"value": value, "goal": goal, "met": met}

    gen = modes.get(default or "")
    ext = modes.get("extractive")
    return {
        "default_generator": default,
        "correct": check(gen and gen["answerable"]["correct"], GOALS["correct_min"], True),
        "wrong": check(gen and gen["answerable"]["wrong"], GOALS["wrong_max"], False),
        "absent_refused": check(
            gen and gen["absent"]["refused"], GOALS["absent_refused_min"], True
        ),
        "extractive_relevant_quoted": check(
            ext and ext["relevant_used"], GOALS["extractive_relevant_quoted_min"], True
        ),
    }


def table(report: dict[str, Any]) -> str:
    modes: dict[str, dict[str, Any]] = report["modes"]
    names = list(modes)
    w = 18
    n_ans = report["dataset"]["answerable"]
    lines = [
        f"Answers: {report['dataset']['questions']} questions ({n_ans} answerable, "
        f"{report['dataset']['absent']} absent); shares correct/wrong/refused",
        f"{'':24}{'n':>4}" + "".join(f"{m[: w - 2]:>{w}}" for m in names),
    ]

    def cells(get: Any) -> str:
        return "".join(f"{get(modes[m]):>{w}}" for m in names)

    def cwr(o: dict[str, Any] | None) -> str:
        return "-" if not o else f"{o['correct']:.2f}/{o['wrong']:.2f}/{o['refused']:.2f}"

    first = modes[names[0]] if names else {"per_kind": {}}
    for kind in ANSWERABLE:
        n = first["per_kind"].get(kind, {}).get("n", 0)
        lines.append(f"{kind:24}{n:>4}" + cells(lambda s, k=kind: cwr(s["per_kind"].get(k))))
    lines.append(f"{'ALL answerable':24}{n_ans:>4}" + cells(lambda s: cwr(s["answerable"])))
    absent = report["dataset"]["absent"]
    lines.append(
        f"{'absent: refused':24}{absent:>4}" + cells(lambda s: f"{s['absent']['refused']:.2f}")
    )
    lines.append(
        f"{'relevant among sources':28}" + cells(lambda s: f"{s['relevant_retrieved']:.2f}")
    )
    lines.append(f"{'relevant used (quoted)':28}" + cells(lambda s: f"{s['relevant_used']:.2f}"))
    # Where wrong answers came from (counts): no relevant unit among the sources (retrieval),
    # one offered but another cited, a relevant one cited but the value not stated.
    lines.append(
        f"{'wrong: retrieval/cite/value':28}"
        + cells(lambda s: "{wrong_relevant_not_offered}/{wrong_relevant_offered_not_used}/"
                "{wrong_value_missing}".format(**s["why"]))
    )  # fmt: skip
    lines.append(
        f"{'refused: rel. offered/not':28}"
        + cells(lambda s: "{refused_relevant_offered}/{refused_relevant_not_offered}"
                .format(**s["why"]))
    )  # fmt: skip
    for stage in ("total", "generate"):
        lines.append(
            f"{stage + ' ms p50/p95':28}"
            + cells(
                lambda s, st=stage: (
                    f"{s['timings_ms'][st].get('p50_ms', 0):.0f}/"
                    f"{s['timings_ms'][st].get('p95_ms', 0):.0f}"
                )
            )
        )
    return "\n".join(lines)


def goal_lines(g: dict[str, Any]) -> list[str]:
    out = []
    labels = {
        "correct": ("correct", ">="),
        "wrong": ("wrong", "<="),
        "absent_refused": ("absent refused", ">="),
        "extractive_relevant_quoted": ("extractive: relevant quoted", ">="),
    }
    for key, (label, op) in labels.items():
        v = g[key]
        who = "" if key.startswith("extractive") else f" ({g['default_generator']})"
        state = "not measured" if v["met"] is None else ("met" if v["met"] else "MISSED")
        value = "-" if v["value"] is None else f"{v['value']:.3f}"
        out.append(f"goal {label}{who} {op} {v['goal']}: {value} {state}")
    return out
