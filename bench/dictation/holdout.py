"""The held-out dictation set (issue 29): short visits as clinicians dictate them, written by
a generator of their own, never by the first set's template (bench/dictation/evalset.py,
"The patient ... Start X ... Continue Y ...") and never tuned against. Each visit is about
one of 25 problems from general practice, cardiology, respiratory medicine and psychiatry
(bench/dictation/holdout_data.py), with its own drugs (80 generics, few of them in the
first set), and is said in one of many styles: a dozen ways to start a drug ("I'm going to
start her on", "commence", "put him on", "we'll add"), switches, increases, reductions,
stops, holds and continuations; doses in milligrams, micrograms, units and puffs with
their frequencies said in words; vital signs and results in several forms ("BP 128 over
76", "temp 37.8", "weight 71.5 kilograms", "A1c 7.2"); one to four drugs a visit; about
12 to 50 seconds each. A fixed seed: the same 48 scripts every run.

The client's lists are the chart's before the visit: every drug the visit continues,
changes, stops or switches from, and 3-6 others, never one it starts; the problem assessed
and 1-2 others. The key words (drug names and numbers) are marked as the first set's are:
every drug named is in `drugs_said`, and numbers count by themselves (core/dictation/wer.py).
"""

from __future__ import annotations

import random
from typing import Literal

from bench.dictation.evalset import Dictation
from bench.dictation.holdout_data import DRUGS, PROBLEMS, Problem
from core.dictation.soap import Section

SEED = 2929
VERSION = 1
COUNT = 48
VOICES = ("en-us+m1", "en-gb-x-rp", "en-us+f3", "en-gb+m5", "en-us+f4", "en-gb+f2", "en-us")

OPENINGS = (
    "{Age}-year-old {sex} seen today about {his} {problem}.",
    "Follow-up visit for {his} {problem}.",
    "Telephone review of {his} {problem}.",
    "{He} comes in today for {his} {problem} review.",
    "This is {a} {age}-year-old {sex} with {problem}.",
    "Seen with {his} {companion} today.",
)
ASSESSMENTS = (
    "{Problem}, {status}.",
    "Impression is {problem}, {status}.",
    "I think this is {problem}, {status}.",
    "{His} {problem} is {status}.",
    "Assessment: {problem}, {status}.",
)
STATUS = ("not well controlled", "improving", "stable", "worse since the last visit")
VITALS = (
    ("BP {s} over {d}.", "Blood pressure today {s} over {d}.",
     "{His} blood pressure is {s} over {d} sitting."),
    ("Pulse {p}.", "Pulse {p} and regular.", "Heart rate {p}."),
    ("Temp {t}.", "Temperature {t} degrees."),
    ("Sats {o} percent on air.", "Oxygen saturation {o}% on room air."),
    ("Weight {w} kilograms.", "{He} weighs {w} kilos today.", "Weight is down to {w} kilograms."),
)  # fmt: skip
START = (
    "I'm going to start {him} on {drug} {dose} {unit} {freq}.",
    "Commence {drug} {dose} {unit} {freq}.",
    "Begin {drug} {dose} {unit} {freq}.",
    "Put {him} on {drug} {dose} {unit} {freq}.",
    "Initiate {drug} at {dose} {unit} {freq}.",
    "We'll add {drug} {dose} {unit} {freq}.",
    "Start {drug} {dose} {unit} {freq}.",
    "Plan is to try {drug} {dose} {unit} {freq}.",
    "New prescription for {drug} {dose} {unit} {freq}.",
)
SWITCH = (
    "Switch from {old} to {drug} {dose} {unit} {freq}.",
    "Change the {old} to {drug} {dose} {unit} {freq}.",
    "Swap {his} {old} for {drug} {dose} {unit} {freq}.",
)
INCREASE = (
    "Increase {drug} to {dose} {unit} {freq}.",
    "Go up on the {drug} to {dose} {unit}.",
    "Titrate {drug} up to {dose} {unit} {freq}.",
)
REDUCE = (
    "Reduce {drug} to {dose} {unit} {freq}.",
    "Cut the {drug} down to {dose} {unit}.",
    "Lower the {drug} to {dose} {unit}.",
)
STOP = (
    "Stop {drug}.",
    "Stop the {drug} because of {reason}.",
    "Discontinue {drug}.",
    "{He} can come off the {drug}.",
    "Hold the {drug} for {days} days.",
    "Withhold {drug} until the bloods are back.",
)
CONTINUE = (
    "Continue {drug} {dose} {unit} {freq}.",
    "Carry on with {drug} {dose} {unit} {freq}.",
    "Keep {him} on {drug} {dose} {unit}.",
    "No change to {his} {drug} {dose} {unit}.",
    "{He} should stay on {drug} {dose} {unit} {freq}.",
)
REASONS = ("the cough", "dizziness", "nausea", "a rash", "low sodium", "ankle swelling")
FOLLOW_UPS = (
    "Review in {weeks} weeks.",
    "Recheck bloods in {months} months.",
    "See {him} again in a month.",
    "Safety netting advice given.",
    "Follow up by phone next week.",
    "Come back sooner if things get worse.",
)


def dictations() -> list[Dictation]:
    rng = random.Random(SEED)
    return [_visit(n, rng) for n in range(COUNT)]


def half(name: str) -> Literal["dev", "test"]:
    """The half of the set a visit ("holdout-07", "piper-holdout-07") is in. Fixes made
    after this set was first scored were made against the even visits' misses only
    ("dev"); the odd visits ("test") stay unseen, and say how the fixes generalise."""
    return "dev" if int(name.rsplit("-", 1)[1]) % 2 == 0 else "test"


def _visit(n: int, rng: random.Random) -> Dictation:
    problem = PROBLEMS[n % len(PROBLEMS)] if n < len(PROBLEMS) else rng.choice(PROBLEMS)
    size = rng.choice((1, 2, 3))  # short, medium, long
    ctx = _people(problem, rng) | _values(rng) | {"problem": problem.name}
    ctx["Problem"] = problem.name[0].upper() + problem.name[1:]
    said: list[tuple[str, Section]] = []
    if size > 1 or rng.random() < 0.7:
        said.append((rng.choice(OPENINGS).format(**ctx), "subjective"))
    for c in rng.sample(problem.complaints, min(len(problem.complaints), max(1, size - 1))):
        said.append((c.format(**ctx) + ".", "subjective"))
    for v in rng.sample(VITALS, size):
        said.append((rng.choice(v).format(**ctx), "objective"))
    for f in rng.sample(problem.findings, min(len(problem.findings), size - 1)):
        said.append((f.format(**ctx) + ".", "objective"))
    status = rng.choice(STATUS)
    said.append((rng.choice(ASSESSMENTS).format(**ctx, status=status), "assessment"))
    plan, chart, started = _plan(problem, size, ctx, rng)
    said.extend((p, "plan") for p in plan)
    if size > 1:
        said.append((rng.choice(FOLLOW_UPS).format(**ctx), "plan"))
    names = [d for d in DRUGS if d not in chart and d not in started]
    medications = [*chart, *rng.sample(names, rng.randint(3, 6))]
    rng.shuffle(medications)
    others = sorted({p.name for p in PROBLEMS} - {problem.name})
    problems = [problem.name, *rng.sample(others, rng.randint(1, 2))]
    rng.shuffle(problems)
    return Dictation(
        name=f"holdout-{n:02d}",
        voice=VOICES[n % len(VOICES)],
        speed=rng.randrange(130, 180, 5),
        sentences=tuple(said),
        medications=tuple(medications),
        problems=tuple(problems),
        drugs_said=tuple(dict.fromkeys([*chart, *started])),
    )


def _plan(
    problem: Problem, size: int, ctx: dict[str, str], rng: random.Random
) -> tuple[list[str], list[str], list[str]]:
    """The plan's drug sentences, the chart's drugs they name, and the drugs they start."""
    pool = list(problem.drugs)
    rng.shuffle(pool)
    current = pool[: rng.randint(0, min(2, len(pool) - 1))]  # on the chart already
    fresh = pool[len(current) :]  # never on the chart
    lines: list[str] = []
    chart: list[str] = []
    started: list[str] = []
    for drug in current:
        spec = DRUGS[drug]
        action = rng.choice(("continue", "continue", "change", "stop", "switch"))
        if action == "change" and len(spec.doses) < 2:
            action = "continue"
        if action == "switch" and not fresh:
            action = "stop"
        dose = rng.choice(spec.doses)
        line = {"dose": dose, "unit": spec.unit, "freq": rng.choice(spec.frequencies)}
        line |= {"reason": rng.choice(REASONS), "days": rng.choice(("two", "three", "five"))}
        chart.append(drug)
        if action == "change":
            up = rng.random() < 0.6
            line["dose"] = max(spec.doses, key=float) if up else min(spec.doses, key=float)
            template = rng.choice(INCREASE if up else REDUCE)
        elif action == "switch":
            new = fresh.pop(0)
            started.append(new)
            nspec = DRUGS[new]
            line |= {"old": drug, "dose": rng.choice(nspec.doses), "unit": nspec.unit}
            line["freq"] = rng.choice(nspec.frequencies)
            drug, template = new, rng.choice(SWITCH)
        else:
            template = rng.choice(CONTINUE if action == "continue" else STOP)
        line["unit"] = _unit(line["unit"], line["dose"])
        lines.append(template.format(**ctx, **line, drug=drug))
    wanted = max(1, size - len(lines)) if fresh else 0
    for drug in fresh[:wanted]:
        spec = DRUGS[drug]
        line = {"dose": rng.choice(spec.doses), "unit": spec.unit}
        line["freq"], line["unit"] = rng.choice(spec.frequencies), _unit(spec.unit, line["dose"])
        lines.append(rng.choice(START).format(**ctx, **line, drug=drug))
        started.append(drug)
    if size == 3:  # a long visit also carries on with a drug for something else
        other = rng.choice([d for d in DRUGS if d not in problem.drugs and d not in chart])
        spec = DRUGS[other]
        line = {"dose": rng.choice(spec.doses), "unit": spec.unit}
        line["freq"], line["unit"] = rng.choice(spec.frequencies), _unit(spec.unit, line["dose"])
        lines.append("Otherwise " + rng.choice(CONTINUE[:2]).format(**ctx, **line, drug=other)
                     .replace("Continue", "continue").replace("Carry", "carry"))  # fmt: skip
        chart.append(other)
    return lines, chart, started


def _unit(spec_unit: str, dose: str) -> str:
    return spec_unit.removesuffix("s") if dose == "1" else spec_unit


def _people(problem: Problem, rng: random.Random) -> dict[str, str]:
    female = rng.random() < 0.5 and problem.name != "enlarged prostate"
    child = problem.name == "ADHD"
    age = rng.randint(8, 15) if child else rng.randint(19, 88)
    sex = ("girl" if female else "boy") if child else ("woman" if female else "man")
    he, his, him = ("she", "her", "her") if female else ("he", "his", "him")
    return {
        "he": he, "He": he.capitalize(), "his": his, "His": his.capitalize(), "him": him,
        "age": str(age), "Age": str(age), "sex": sex, "a": "an" if str(age)[0] == "8" else "a",
        "companion": rng.choice(
            ("mother", "father") if child else ("daughter", "son", "husband", "wife", "carer")
        ),
    }  # fmt: skip


def _values(rng: random.Random) -> dict[str, str]:
    """Vital signs and results, written in numerals as a clinician's note would hold them."""

    def dec(lo: float, hi: float) -> str:
        return f"{rng.uniform(lo, hi):.1f}".removesuffix(".0")  # 39, not 39.0

    weight = rng.randrange(48, 120) + rng.choice((0, 0, 0.5))
    return {
        "s": str(rng.randrange(102, 178, 2)), "d": str(rng.randrange(58, 104, 2)),
        "p": str(rng.randrange(52, 124)), "t": dec(36.2, 39.4), "o": str(rng.randrange(88, 100)),
        "w": f"{weight:g}", "k": dec(3.4, 5.6), "cr": str(rng.randrange(58, 160)),
        "ldl": dec(1.6, 4.8), "chol": dec(3.9, 7.8), "a1c": dec(6.0, 10.5),
        "egfr": str(rng.randrange(32, 90)), "pf": str(rng.randrange(220, 520, 10)),
        "rr": str(rng.randrange(14, 30)), "phq": str(rng.randrange(5, 25)),
        "gad": str(rng.randrange(5, 21)), "li": f"{rng.uniform(0.4, 1.1):.2f}",
        "tsh": dec(0.5, 6.5), "prl": str(rng.randrange(250, 950, 10)),
        "urate": str(rng.randrange(360, 620, 10)), "psa": dec(0.6, 7.0),
        "crp": str(rng.randrange(3, 80)), "weeks": rng.choice(("two", "four", "six")),
        "months": rng.choice(("three", "six")),
    }  # fmt: skip
