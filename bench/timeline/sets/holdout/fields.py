"""The holdout fields: note fields of five kinds of clinic (GP, physiotherapy,
psychotherapy, diabetes, cardiology), a medical-history field and whole notes typed into
one field, in English and Hebrew, from the pieces of the sibling modules, combined by one
seeded random.Random (the same list every call). How many of each, the measures each
clinic writes, and the headings and separators: `layout` (layout.toml)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from bench.timeline.kit.facts import LabelledField
from bench.timeline.sets.holdout import care, meds, problems
from bench.timeline.sets.holdout.base import Cycler, Piece, join
from bench.timeline.sets.holdout.layout import (
    ASSESSED,
    CARDIO,
    DM_OBJ,
    HEADINGS,
    LABS,
    LAYOUT,
    PLAN_STATUSES,
    PSYCH,
    SCHEDULE,
    SEPARATORS,
    VITALS,
    WHOLE_NOTE_HEADINGS,
)
from bench.timeline.sets.holdout.measures import FLAGS, flag_piece, mention, spec_key

SEED = 5_170_331

# The flag groups: which implausible values a field of each kind may hold.
_GROUP = {
    **{k: "vitals" for k in ("bp_systolic", "bp_diastolic", *VITALS)},
    **{k: "labs" for k in LABS},
    **{k: "psych" for k in PSYCH},
    "rom": "rom",
}


@dataclass(frozen=True)
class Holdout:
    """A field and, for the tests, the implausible numbers it holds (measure, number)."""

    field: LabelledField
    flag_numbers: tuple[tuple[str, str], ...]


class Flagger:
    """Hands the implausible values out to every other field of a fitting group."""

    def __init__(self) -> None:
        self.pending: dict[tuple[str, str], list[int]] = {}
        for i, (lang, _, _, (measure, _)) in enumerate(FLAGS):
            self.pending.setdefault((lang, _GROUP[measure]), []).append(i)
        self.calls: dict[tuple[str, str], int] = {}

    def take(self, lang: str, group: str) -> int | None:
        key = (lang, group)
        n = self.calls.get(key, 0)
        self.calls[key] = n + 1
        q = self.pending.get(key)
        return q.pop(0) if q and n % 2 == 0 else None


class Ctx:
    """One field being written: its language, clinic, and what it already names."""

    def __init__(self, cyc: Cycler, md: meds.Meds, flagger: Flagger, lang: str, clinic: str):
        self.cyc, self.rng, self.meds, self.flagger = cyc, cyc.rng, md, flagger
        self.lang, self.clinic = lang, clinic
        self.drugs: set[str] = set()
        self.conditions: set[str] = set()
        self.procs: set[str] = set()
        self.refs: set[str] = set()
        self.covered: set[str] = set()
        self.rom_styles: set[str] = set()

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def flag(self, group: str) -> list[Piece]:
        i = self.flagger.take(self.lang, group)
        if i is None:
            return []
        piece, measure = flag_piece(i)
        if spec_key(measure) != "rom":
            self.covered.add(spec_key(measure))
        return [piece]

    def measures(self, keys: tuple[str, ...], n: int) -> list[Piece]:
        out: list[Piece] = []
        for _ in range(4 * n):
            if len(out) == n:
                break
            key = self.cyc.pick(f"group:{keys}", keys)
            if key in self.covered:
                continue
            p = mention(self.cyc, key, self.lang)
            style = str(p.facts[0].style)
            if key == "rom" and style in self.rom_styles:
                continue
            if key == "rom":
                self.rom_styles.add(style)
            named = {spec_key(f.name) for f in p.facts}
            if key != "rom" and named & self.covered:
                continue
            if key != "rom":
                self.covered |= named
            out.append(p)
        return out

    def med(self, status: str) -> Piece:
        return self.meds.phrase(status, self.clinic, self.lang, self.drugs)

    def plan_med(self) -> Piece:
        if self.chance(0.15) and (p := self.meds.switch(self.clinic, self.lang, self.drugs)):
            return p
        status = self.cyc.pick("plan_status", PLAN_STATUSES)
        return self.med(status)

    def med_list(self, n: int) -> Piece:
        return self.meds.listing(self.clinic, self.lang, self.drugs, n)

    def dx(self, status: str, kind: str | None = None) -> Piece:
        return problems.diagnosis(self.cyc, self.clinic, status, self.lang, self.conditions, kind)

    def problem_list(self, n: int) -> Piece:
        return problems.in_list(self.cyc, self.clinic, self.lang, self.conditions, n)

    def proc(self) -> Piece:
        return care.procedure(self.cyc, self.clinic, self.lang, self.procs)

    def ref(self) -> Piece:
        return care.referral_to(self.cyc, self.clinic, self.lang, self.refs)

    def visit(self) -> Piece:
        kind = self.cyc.pick("visit_kind", tuple(care.VISITS))
        return care.visit_line(self.cyc, kind, self.lang)

    def say(self, kind: str) -> Piece:
        """Words that hold no fact: future, target, lab_order, exam, filler."""
        return care.no_fact(self.cyc, kind, self.lang)

    def sep(self, kind: str) -> str:
        return self.rng.choice(SEPARATORS[kind])

    def prefix(self, kind: str) -> str:
        return self.rng.choice(HEADINGS[kind][self.lang])


def _vav_not_first(parts: list[Piece]) -> list[Piece]:
    """A Hebrew "and-" item ("ודופק 72") cannot open a list."""
    if len(parts) > 1 and parts[0].text.startswith(meds.PREFIX["and"]):
        return [*parts[1:], parts[0]]
    return parts


def sentences(c: Ctx, parts: list[Piece], prefix: str = "") -> Piece:
    parts = _vav_not_first(parts)
    sep = c.sep("sentence")
    if sep != "\n":
        parts = [Piece(p.text.rstrip("."), p.facts, p.flags, p.flag_numbers) for p in parts]
    return join(parts, sep, prefix, "." if sep.startswith(".") and c.chance(0.5) else "")


def items(c: Ctx, parts: list[Piece], prefix: str = "") -> Piece:
    parts = _vav_not_first(parts)
    if parts and ":" in parts[0].text[:14]:  # no "Imp: Impression: ..."
        prefix = ""
    if c.chance(0.2) and len(parts) > 1:  # a numbered list
        numbered = [
            Piece(f"{i}. {p.text}", p.facts, p.flags, p.flag_numbers)
            for i, p in enumerate(parts, 1)
        ]
        return join(numbered, "\n", prefix)
    return join(parts, c.sep("list"), prefix)


def _opt(c: Ctx, p: float, make: Callable[[], Piece]) -> list[Piece]:
    return [make()] if c.chance(p) else []


# -- the builders: one field each ------------------------------------------------------------
def subjective(c: Ctx) -> Piece:
    parts = _opt(c, 0.6, c.visit)
    if c.clinic == "psych":
        parts += c.flag("psych") + c.measures(PSYCH, 2) + [c.dx("negated")]
    elif c.clinic == "physio":
        parts += [c.dx("present"), *c.measures(("pain",), 1)]
    else:
        parts += [c.dx("present"), *_opt(c, 0.6, lambda: c.dx("negated"))]
    parts += _opt(c, 0.4, lambda: c.med("listed")) + _opt(c, 0.35, lambda: c.say("filler"))
    return sentences(c, parts)


def objective(c: Ctx) -> Piece:
    if c.clinic == "physio":
        parts = c.flag("rom") + c.measures(("rom",), c.rng.randint(2, 3))
        parts += c.measures(("pain",), 1) if c.chance(0.5) else []
        parts += _opt(c, 0.35, lambda: c.say("exam"))
        return items(c, parts, c.prefix("objective"))
    if c.clinic == "dm":
        parts = c.flag("labs") + c.measures(DM_OBJ, c.rng.randint(4, 6))
        parts += _opt(c, 0.3, lambda: c.say("target"))
        c.rng.shuffle(parts)
        return items(c, parts, c.prefix(c.rng.choice(("labs", "objective"))))
    keys = CARDIO if c.clinic == "cardio" else VITALS
    parts = c.flag("vitals") + c.measures(keys, c.rng.randint(3, 5))
    c.rng.shuffle(parts)
    parts += _opt(c, 0.3, lambda: c.say("exam"))
    if c.clinic == "cardio":
        parts += _opt(c, 0.45, c.proc)
    return items(c, parts, c.prefix("objective"))


def assessment(c: Ctx) -> Piece:
    parts = [c.dx("present"), *_opt(c, 0.4, lambda: c.dx("present"))]
    parts += _opt(c, 0.45, lambda: c.dx("history")) + _opt(c, 0.4, lambda: c.dx("negated"))
    if c.clinic in ASSESSED and c.chance(0.4):
        parts += c.measures(ASSESSED[c.clinic], 1)
    return items(c, parts, c.prefix("assessment"))


def plan(c: Ctx) -> Piece:
    parts = [c.plan_med(), *_opt(c, 0.5, c.plan_med)]
    if c.clinic != "psych":
        parts += _opt(c, 0.5 if c.clinic in ("physio", "cardio") else 0.3, c.proc)
    parts += _opt(c, 0.45, c.ref)
    if c.clinic == "dm":
        parts += _opt(c, 0.4, lambda: c.say("target")) + _opt(c, 0.3, lambda: c.say("lab_order"))
    parts += _opt(c, 0.15, lambda: meds.distractor(c.cyc, "declined", c.lang))
    parts += _opt(c, 0.4, lambda: c.say("future"))
    return items(c, parts, c.prefix("plan"))


def history(c: Ctx) -> Piece:
    parts = [c.problem_list(c.rng.randint(2, 3))]
    parts += _opt(c, 0.6, lambda: c.dx("history"))
    parts += _opt(c, 0.5, lambda: problems.family(c.cyc, c.lang))
    parts += _opt(c, 0.6, lambda: meds.distractor(c.cyc, "allergy", c.lang))
    parts += _opt(c, 0.6, lambda: c.med_list(c.rng.randint(1, 3)))
    bulleted = any("\n" in p.text for p in parts)
    return join(parts, "\n" if bulleted else c.sep("history"))


def whole_note(c: Ctx) -> Piece:
    """A whole SOAP note typed into one field, with its own headings."""
    s, o, a, p = WHOLE_NOTE_HEADINGS[c.lang]
    subj = join([c.visit(), c.dx("present", "symptom")], " ", s)
    obj = join(c.measures(VITALS, c.rng.randint(2, 3)), ", ", o)
    ass = join([c.dx("present", "chronic"), *_opt(c, 0.4, lambda: c.dx("history"))], ", ", a)
    pl = join([c.plan_med(), *_opt(c, 0.5, lambda: c.say("future"))], ". ", p)
    return join([subj, obj, ass, pl], c.sep("whole_note"))


BUILDERS: dict[str, Callable[[Ctx], Piece]] = {
    "subjective": subjective,
    "objective": objective,
    "assessment": assessment,
    "plan": plan,
    "medical_history": history,
    "whole_note": whole_note,
}


if unknown := sorted({builder for _, builder, _, _ in SCHEDULE} - set(BUILDERS)):
    raise LAYOUT.wrong(("schedule",), f"fields of {', '.join(BUILDERS)}, not {unknown}")


def labelled(seed: int = SEED) -> list[Holdout]:
    """Every field with the implausible numbers it holds."""
    rng = random.Random(seed)
    cyc = Cycler(rng)
    md = meds.Meds(cyc)
    flagger = Flagger()
    jobs = [
        (clinic, builder, lang)
        for clinic, builder, n_en, n_he in SCHEDULE
        for lang, n in (("en", n_en), ("he", n_he))
        for _ in range(n)
    ]
    rng.shuffle(jobs)
    out: list[Holdout] = []
    for i, (clinic, builder, lang) in enumerate(jobs, 1):
        c = Ctx(cyc, md, flagger, lang, clinic)
        piece = BUILDERS[builder](c)
        field = "subjective" if builder == "whole_note" else builder
        lf = LabelledField(
            id=f"holdout-{i:03d}-{lang}-{clinic}-{builder}",
            language=lang,  # type: ignore[arg-type]
            field=field,  # type: ignore[arg-type]
            text=piece.text,
            expected=list(piece.facts),
            expected_flags=list(piece.flags),
        )
        out.append(Holdout(lf, piece.flag_numbers))
    return out


def fields(seed: int = SEED) -> list[LabelledField]:
    """The holdout set: about 250 labelled fields, 39% in Hebrew."""
    return [h.field for h in labelled(seed)]
