"""The held-out dictation set (issue 29): short visits as clinicians dictate them, written by
a generator of their own, never by the first set's template (bench/dictation/evalset.py,
"The patient ... Start X ... Continue Y ...") and never tuned against. Each visit is about
one of 25 problems from general practice, cardiology, respiratory medicine and psychiatry
(bench/dictation/holdout_data.py, .toml), with its own drugs (80 generics, few of them in the
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

The sentence forms, voices, people and readings are holdout.toml beside this module; the
code here draws and combines them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bench.dictation.evalset import Dictation, whole_range
from bench.dictation.holdout_data import DRUGS, PROBLEMS, Problem
from bench.timeline.kit.vocab import Key, VocabFile
from core.dictation.soap import Section

SEED = 2929
VERSION = 1
COUNT = 48


@dataclass(frozen=True)
class Reading:
    """How a reading or result is drawn and written ([values] of holdout.toml): a whole
    number in `whole` (random.randrange's arguments) with one of `plus` added, a decimal
    between `span`'s ends to `places` places, or one of `words`."""

    whole: tuple[int, ...] = ()
    plus: tuple[float, ...] = ()
    span: tuple[float, float] = (0.0, 0.0)
    places: int = 0
    words: tuple[str, ...] = ()

    def draw(self, rng: random.Random) -> str:
        if self.words:
            return rng.choice(self.words)
        if self.whole:
            n = rng.randrange(*self.whole)
            return f"{n + rng.choice(self.plus):g}" if self.plus else str(n)
        x = f"{rng.uniform(*self.span):.{self.places}f}"
        return x.removesuffix(".0") if self.places == 1 else x  # 39, not 39.0


def _reading(words: VocabFile, name: str) -> Reading:
    """[values]' `name`: one of the forms holdout.toml describes."""
    how = set(words.table("values", name))
    keys: tuple[Key, ...] = ("values", name)
    if how in ({"whole"}, {"whole", "plus"}):
        whole = whole_range(words, *keys, "whole")
        return Reading(whole=whole, plus=words.numbers(*keys, "plus") if "plus" in how else ())
    if how in ({"tenths"}, {"hundredths"}):
        kind = how.pop()
        return Reading(span=words.bounds(*keys, kind), places=1 if kind == "tenths" else 2)
    if how == {"words"}:
        return Reading(words=words.strings(*keys, "words"))
    raise words.wrong(keys, "whole (and plus), tenths, hundredths or words")


def _forms(words: VocabFile, key: str) -> tuple[tuple[str, ...], ...]:
    """A list of lists of strings, each as long as it likes: the forms of each vital sign."""
    forms = words.at(key)
    if not isinstance(forms, list):
        raise words.wrong((key,), "a list of lists of strings")
    return tuple(words.strings(key, n) for n in range(len(forms)))


_words = VocabFile(Path(__file__).with_suffix(".toml"))

VOICES = _words.strings("voices")
OPENINGS = _words.strings("openings")
ASSESSMENTS = _words.strings("assessments")
STATUS = _words.strings("status")
VITALS = _forms(_words, "vitals")
START = _words.strings("start")
SWITCH = _words.strings("switch")
INCREASE = _words.strings("increase")
REDUCE = _words.strings("reduce")
STOP = _words.strings("stop")
CONTINUE = _words.strings("continue")
OTHERWISE = _words.strings("otherwise")
REASONS = _words.strings("reasons")
HOLD_DAYS = _words.strings("hold_days")
FOLLOW_UPS = _words.strings("follow_ups")
MEN_ONLY = _words.strings("people", "men_only")
CHILDREN_ONLY = _words.strings("people", "children_only")
# Both ends included, as random.randint draws them.
AGES = {age: whole_range(_words, "people", f"{age}_ages", step=False) for age in ("child", "adult")}
COMPANIONS = {age: _words.strings("people", f"{age}_companions") for age in ("child", "adult")}
# The patient's words, by sex: pronouns and what a child or an adult is called.
PERSON = {
    sex: {word: _words.text("people", sex, word) for word in ("he", "his", "him", "child", "adult")}
    for sex in ("female", "male")
}
# Drawn in this order for every visit, whether said or not.
VALUES = {name: _reading(_words, name) for name in _words.table("values")}


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
        line |= {"reason": rng.choice(REASONS), "days": rng.choice(HOLD_DAYS)}
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
        lines.append(rng.choice(OTHERWISE).format(**ctx, **line, drug=other))
        chart.append(other)
    return lines, chart, started


def _unit(spec_unit: str, dose: str) -> str:
    return spec_unit.removesuffix("s") if dose == "1" else spec_unit


def _people(problem: Problem, rng: random.Random) -> dict[str, str]:
    female = rng.random() < 0.5 and problem.name not in MEN_ONLY
    age_group = "child" if problem.name in CHILDREN_ONLY else "adult"
    age = rng.randint(*AGES[age_group])
    person = PERSON["female" if female else "male"]
    he, his, him = person["he"], person["his"], person["him"]
    return {
        "he": he, "He": he.capitalize(), "his": his, "His": his.capitalize(), "him": him,
        "age": str(age), "Age": str(age), "sex": person[age_group],
        "a": "an" if str(age)[0] == "8" else "a",  # "an 8-year-old", "an 80-year-old"
        "companion": rng.choice(COMPANIONS[age_group]),
    }  # fmt: skip


def _values(rng: random.Random) -> dict[str, str]:
    """Vital signs and results, written in numerals as a clinician's note would hold them."""
    return {name: reading.draw(rng) for name, reading in VALUES.items()}
