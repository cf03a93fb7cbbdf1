"""Note fields of six clinics (GP, physiotherapy, psychiatry/psychology, endocrinology,
cardiology, paediatrics), each assembled from the sentences of the sibling modules in one
of several layouts: lists, headed lines, run-on prose, numbered plans. The headings and
joining words are notes.toml; what each clinic measures, refers to and does, clinics.toml
(vocab.py). The separators and the weights of a plan's kinds of lines are layout and stay
here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bench.timeline.sets.blind import distract
from bench.timeline.sets.blind.measures import STYLES
from bench.timeline.sets.blind.meds import Meds
from bench.timeline.sets.blind.problems import Care, Problems, next_visit, visit
from bench.timeline.sets.blind.seg import Part, Pick, Seg, cat, join
from bench.timeline.sets.blind.tables import LANGUAGES, by_language, read
from bench.timeline.sets.blind.values import flagged_lead, mention, n_styles
from bench.timeline.sets.blind.vocab import CLINICS, Clinic

_NOTES = read("notes.toml")
LABS = frozenset(_NOTES.strings("labs"))
AND = {lang: _NOTES.text("and", lang) for lang in LANGUAGES}
# language -> "vitals" or "labs" -> an objective's headings
OBJECTIVE_HEADS = {
    lang: {kind: _NOTES.strings("objective_heads", lang, kind) for kind in ("vitals", "labs")}
    for lang in LANGUAGES
}
PLAN_HEADS = by_language(_NOTES, "plan_heads")
HISTORY_HEADS = by_language(_NOTES, "history_heads")  # over a background list
PROBLEM_HEADS = by_language(_NOTES, "problem_heads")  # over the active problems
_NOTES.known(LABS, STYLES, "labs")


@dataclass
class Ctx:
    p: Pick
    meds: Meds
    dx: Problems
    care: Care
    lang: str
    clinic: str

    def en(self) -> bool:
        return self.lang == "en"

    @property
    def here(self) -> Clinic:
        """The clinic's own tables and habits."""
        return CLINICS[self.clinic]

    def measures(self, n: int, only: frozenset[str] | None = None) -> list[Seg]:
        names = self.here.measures
        pool = sorted({m for m in names if only is None or m in only})
        pool = pool or sorted(set(names))
        self.p.rng.shuffle(pool)
        # The measures least written so far, for their number of styles, come first: every
        # style is then written at least once.
        pool.sort(key=lambda m: self.p.drawn[f"{m}/{self.lang}"] / n_styles(m, self.lang))
        return [mention(self.p, m, self.lang) for m in pool[:n]]

    def sep(self) -> str:
        return self.p.one((", ", "; ", ",  ", " | ", "\n", ". "))


def _sentences(c: Ctx, parts: list[Part]) -> Seg:
    """Sentences run on or a line each; a part that ends in its own stop takes no other."""
    sep = c.p.one((". ", ". ", ".\n", "\n"))
    out: list[Part] = []
    for i, x in enumerate(parts):
        if i:
            prev = out[-1]
            ended = (prev if isinstance(prev, str) else prev.text).rstrip()[-1:] in ".:-"
            out.append(sep.lstrip(".") or " " if ended else sep)
        out.append(x)
    return cat(*out)


def subjective(c: Ctx) -> Seg:
    parts: list[Part] = []
    if c.p.chance(0.8):
        parts.append(visit(c.p, c.lang))
    opener = c.p.rng.random()
    if opener < 0.45:
        parts.append(c.dx.complaint(c.lang))
    elif opener < 0.75:
        parts.append(c.dx.present(c.lang))
    if c.here.subjective_pain and c.p.chance(0.5):
        parts.append(mention(c.p, "pain", c.lang))
    if c.p.chance(0.5):
        parts.append(c.dx.negated(c.lang))
    if c.p.chance(0.45):
        parts.append(c.meds.event(c.p.one(("listed", "stopped", "listed")), c.lang, c.clinic))
    extra = c.p.rng.random()
    if extra < 0.2:
        parts.append(distract.past(c.p, c.lang))
    elif extra < 0.35:
        parts.append(c.dx.not_dx(c.lang))
    elif extra < 0.45:
        parts.append(c.meds.void(c.lang, c.clinic))
    if len(parts) < 2:
        parts.append(c.dx.history(c.lang))
    return _sentences(c, parts)


def objective(c: Ctx) -> Seg:
    labs_first = c.here.objective_labs and c.p.chance(0.5)
    items = c.measures(c.p.rng.randint(2, 5), LABS if labs_first else None)
    if c.p.chance(0.3):
        items.insert(c.p.rng.randint(0, len(items)), flagged_lead(c.p, c.lang))
    extras: list[Seg] = []
    for chance, make in ((0.3, distract.untracked), (0.2, distract.target), (0.15, distract.past)):
        if c.p.chance(chance):
            extras.append(make(c.p, c.lang))
    layout = c.p.rng.randrange(4)
    head = c.p.one(OBJECTIVE_HEADS[c.lang]["labs" if labs_first else "vitals"])
    if layout == 0:
        body = cat(head, join([*items, *extras], c.sep()))
    elif layout == 1:
        body = join([*items, *extras], "\n")
    elif layout == 2:
        lead = distract.exam(c.p, c.lang)
        body = cat(lead, " ", head, join(items, c.p.one((", ", " ", ","))))
        if extras:
            body = cat(body, ". ", join(extras, ", "))
    else:
        mid = len(items) // 2 or 1
        first = join(items[:mid], ", ")
        rest = items[mid:]
        glue = AND[c.lang]
        if rest and not c.en() and rest[0].text[:1].isascii():
            glue += "-"
        body = cat(first, glue, join(rest, ", ")) if rest else first
        if extras:
            body = cat(body, ". ", join(extras, ". "))
        if c.p.chance(0.5):
            body = cat(distract.exam(c.p, c.lang), " ", body)
    if c.here.objective_procedure and c.p.chance(0.15):
        body = cat(body, "\n", c.care.procedure(c.lang, c.here.procedures))
    return body


def assessment(c: Ctx) -> Seg:
    parts: list[Part] = [c.dx.present(c.lang)]
    for chance, make in (
        (0.45, c.dx.present),
        (0.35, c.dx.history),
        (0.35, c.dx.negated),
        (0.25, c.dx.not_dx),
    ):
        if c.p.chance(chance):
            parts.append(make(c.lang))
    if c.here.assessment_measure and c.p.chance(0.4):
        parts.append(c.measures(1)[0])
    c.p.rng.shuffle(parts)
    if c.p.chance(0.4):
        return join([cat(f"{i}. ", x) for i, x in enumerate(parts, 1)], "\n")
    return _sentences(c, parts)


def plan(c: Ctx) -> Seg:
    makers: list[Callable[[], Seg]] = [
        lambda: c.meds.event("started", c.lang, c.clinic),
        lambda: c.meds.event("stopped", c.lang, c.clinic),
        lambda: c.meds.event("continued", c.lang, c.clinic),
        lambda: c.meds.event("titrated", c.lang, c.clinic),
        lambda: c.meds.switch(c.lang, c.clinic),
        lambda: c.meds.void(c.lang, c.clinic),
        lambda: c.care.referral(c.lang, c.here.referrals),
        lambda: c.care.procedure(c.lang, c.here.procedures),
        lambda: c.care.later(c.lang),
        lambda: c.care.referral_later(c.lang),
        lambda: distract.target(c.p, c.lang),
    ]
    weights = [5, 3, 4, 2, 1, 3, 5, 3, 2, 1, 1]
    n = c.p.rng.randint(2, 4)
    parts: list[Part] = [m() for m in c.p.rng.choices(makers, weights, k=n)]
    if c.p.chance(0.6):
        parts.append(next_visit(c.p, c.lang))
    style = c.p.rng.randrange(3)
    if style == 0:
        return join([cat(f"{i}. ", x) for i, x in enumerate(parts, 1)], "\n")
    if style == 1:
        head = c.p.one(PLAN_HEADS[c.lang])
        return cat(head, join(parts, "\n- "))
    return _sentences(c, parts)


def medical_history(c: Ctx) -> Seg:
    parts: list[Part] = []
    r = c.p.rng.random()
    if r < 0.4:
        head = c.p.one(HISTORY_HEADS[c.lang])
        parts.append(c.dx.section(c.lang, head, "history", c.p.rng.randint(2, 4)))
    elif r < 0.75:
        head = c.p.one(PROBLEM_HEADS[c.lang])
        parts.append(c.dx.section(c.lang, head, "present", c.p.rng.randint(2, 4)))
        if c.p.chance(0.5):
            parts.append(c.dx.history(c.lang))
    else:
        parts.extend(c.dx.history(c.lang) for _ in range(c.p.rng.randint(1, 2)))
        parts.append(c.dx.present(c.lang))
    if c.p.chance(0.5):
        parts.append(c.meds.med_list(c.lang, c.clinic, c.p.rng.randint(2, 4)))
    if c.p.chance(0.35):
        parts.append(c.meds.void(c.lang, c.clinic))
    if c.p.chance(0.4):
        parts.append(c.dx.not_dx(c.lang))
    if c.p.chance(0.2):
        parts.append(c.dx.negated(c.lang))
    return join(parts, "\n")


BUILDERS: dict[str, Callable[[Ctx], Seg]] = {
    "subjective": subjective,
    "objective": objective,
    "assessment": assessment,
    "plan": plan,
    "medical_history": medical_history,
}
