"""Patients with 8 to 14 visits each, for the questions over time.

Each patient follows a profile (cardiometabolic, mood, musculoskeletal, thyroid, kidney):
a few measures tracked across visits as random walks, four drugs with distinct histories,
two conditions, a procedure and a referral. The notes are written by the same writer as the
labelled fields, so they vary in style the same way; what a question asks about is written
in its canonical unit, so that its expected value stands in the note as written.

The drugs' histories put the traps in place: one is started and renewed, then only
*listed* at later visits (its last prescription is earlier than its last mention); one is
stopped (so it is not current); one is started late. A condition is negated ("no evidence
of hypertension") before it is first diagnosed. Plans state targets ("Target BP <
130/80"), and one visit restates the previous visit's reading ("BP was 142/90 at the last
visit").

The profiles, the walks the readings take, the names and the sentences of this module are
patients.toml's.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from dataclasses import fields as dc_fields
from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import Lang
from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.labelled import LANGS
from bench.timeline.sets.labelled.vocab import (
    CONDITION_BY_NAME,
    CONDITIONS,
    DRUG_BY_NAME,
    PROCEDURES,
    SPECIALTIES,
)
from bench.timeline.sets.labelled.writer import Piece, Writer, join, vitals_label

TODAY = dt.date(2025, 6, 30)  # "now" for questions of time since; never the wall clock
SOAP = ("subjective", "objective", "assessment", "plan")


@dataclass(frozen=True)
class Profile:
    name: str
    vitals: tuple[str, ...]  # measured at most in-person visits
    labs: tuple[str, ...]  # every few visits
    scores: tuple[str, ...]  # reported in the subjective, telehealth too
    drugs: tuple[str, ...]
    conditions: tuple[str, ...]
    procedures: tuple[str, ...]
    specialties: tuple[str, ...]


_DATA = VocabFile(Path(__file__).with_name("patients.toml"))


def _profiles() -> tuple[Profile, ...]:
    lists = [f.name for f in dc_fields(Profile)][1:]
    known = {
        "drugs": DRUG_BY_NAME,
        "conditions": CONDITION_BY_NAME,
        "procedures": {p.name for p in PROCEDURES},
        "specialties": dict(SPECIALTIES),
    }
    out: list[Profile] = []
    for name in _DATA.table("profiles"):
        got = {k: _DATA.strings("profiles", name, k) for k in lists}
        for k, allowed in known.items():
            _DATA.known(got[k], allowed, "profiles", name, k)
        out.append(Profile(name, **got))
    return tuple(out)


def _walks() -> dict[str, tuple[float, float, float, int, float, float]]:
    out: dict[str, tuple[float, float, float, int, float, float]] = {}
    for g in _DATA.table("walks"):
        lo, hi = (_DATA.number("walks", g, "start", i) for i in (0, 1))
        step, floor, ceiling = (_DATA.number("walks", g, k) for k in ("step", "floor", "ceiling"))
        out[g] = (lo, hi, step, _DATA.whole("walks", g, "decimals"), floor, ceiling)
    return out


def _names(lang: Lang) -> tuple[tuple[str, str], ...]:
    names = tuple(_DATA.texts("names", lang).items())
    _DATA.known((sex for _, sex in names), ("F", "M"), "names", lang)
    return names


PROFILES = _profiles()
# (start low, start high, step, decimals, floor, ceiling) of each tracked measure's walk.
WALKS = _walks()
EXTRAS = _DATA.strings("extras")  # untracked vitals, any unit
NAMES_EN = _names("en")
NAMES_HE = _names("he")
NOTES: dict[Lang, tuple[str, ...]] = {lang: _DATA.strings("notes", lang) for lang in LANGS}
# How a visit says the previous reading again, by measure group: a patient restates the
# first of these groups it tracks.
RESTATED: dict[str, dict[Lang, tuple[str, ...]]] = {
    g: {lang: _DATA.strings("restated", g, lang) for lang in LANGS} for g in _DATA.table("restated")
}
NO_EXAM: dict[Lang, str] = {lang: _DATA.text("no_exam", lang) for lang in LANGS}


@dataclass
class Visit:
    external_id: str
    date: dt.date
    kind: str  # "initial" | "follow-up" | "telehealth"
    fields: dict[str, str] = field(default_factory=dict[str, str])

    @property
    def text(self) -> str:
        return "\n".join(self.fields.get(f, "") for f in SOAP)


@dataclass
class Patient:
    external_id: str
    full_name: str
    sex: str
    lang: Lang
    profile: Profile
    date_of_birth: str
    visits: list[Visit]
    medical_history: str = ""
    notes: str = ""
    # What the notes say, by visit index: readings as written (measure -> number text),
    # medication events, diagnoses, procedures and referrals.
    readings: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    meds: list[tuple[int, str, str]] = field(default_factory=list)  # (visit, drug, status)
    dx: list[tuple[int, str, str]] = field(default_factory=list)  # (visit, condition, status)
    done: list[tuple[int, str]] = field(default_factory=list)  # (visit, procedure name)
    roles: dict[str, str] = field(default_factory=dict)  # role -> drug
    diagnosed: dict[str, str] = field(default_factory=dict)  # "late" | "initial" -> condition

    def to_json(self) -> dict[str, Any]:
        return {
            "external_id": self.external_id,
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth,
            "medical_history": self.medical_history,
            "notes": self.notes,
            "sessions": [
                {"external_id": v.external_id, "date": f"{v.date.isoformat()}T10:00:00", **v.fields}
                for v in self.visits
            ],
        }


def _dates(rng: random.Random, n: int) -> list[dt.date]:
    day = dt.date(2022, 1, 10) + dt.timedelta(days=rng.randint(0, 330))
    out = [day]
    for _ in range(n - 1):
        day += dt.timedelta(days=rng.randint(24, 62))
        out.append(day)
    return out


def _med_plan(
    rng: random.Random, n: int, drugs: list[str]
) -> tuple[dict[str, str], list[tuple[int, str, str]]]:
    """Each drug's events by visit, and the drugs' roles."""
    steady, listed_later, stopped, late = drugs
    events: list[tuple[int, str, str]] = []
    s = rng.randint(0, 1)
    events.append((s, steady, "started"))
    events += [(v, steady, "continued") for v in range(s + 1, n) if rng.random() < 0.45]
    s = rng.randint(0, 2)
    last = rng.randint(s + 2, n - 4)
    events.append((s, listed_later, "started"))
    events += [(v, listed_later, "continued") for v in range(s + 1, last) if rng.random() < 0.4]
    events.append((last, listed_later, "continued"))
    after = list(range(last + 1, n))
    for v in sorted(rng.sample(after, k=max(2, len(after) * 2 // 3))):
        events.append((v, listed_later, "listed"))
    s = rng.randint(1, n // 2 - 1)
    end = rng.randint(s + 2, n - 2)
    events.append((s, stopped, "started"))
    events += [(v, stopped, "continued") for v in range(s + 1, end) if rng.random() < 0.3]
    events.append((end, stopped, "stopped"))
    events.append((rng.randint(n - 3, n - 1), late, "started"))
    roles = {"steady": steady, "listed_later": listed_later, "stopped": stopped, "late": late}
    return roles, sorted(events)


def _walk(rng: random.Random, group: str, n: int) -> list[float]:
    lo, hi, step, decimals, floor, ceiling = WALKS[group]
    v = rng.uniform(lo, hi)
    out = []
    for _ in range(n):
        out.append(round(v, decimals))
        v = min(ceiling, max(floor, v + rng.uniform(-step, step)))
    return out


def _bp_walk(rng: random.Random, n: int) -> list[dict[str, float]]:
    s, d = rng.randint(128, 165), rng.randint(74, 96)
    out = []
    for _ in range(n):
        out.append({"s": s, "d": d})
        s = min(178, max(104, s + rng.randint(-9, 7)))
        d = min(102, max(62, d + rng.randint(-6, 5)))
        d = min(d, s - 30)
    return out


def _restated(group: str, number: dict[str, str], lang: Lang, turn: int) -> Piece:
    """The previous visit's reading, said again: a fact of this note, not a new reading."""
    bp = group == "bp"
    value = f"{number['bp_systolic']}/{number['bp_diastolic']}" if bp else number[group]
    options = RESTATED[group][lang]
    return Piece(options[turn % len(options)].format(value=value))


class _Build:
    def __init__(self, rng: random.Random, w: Writer, p: Patient) -> None:
        self.rng, self.w, self.p = rng, w, p

    def reading(self, group: str, visit: int, written: dict[str, float]) -> Piece:
        piece = self.w.measure(group, self.p.lang, written, canonical_only=True)
        if group == "bp":
            number = f"{piece.numbers['bp_systolic']}/{piece.numbers['bp_diastolic']}"
        else:
            number = piece.numbers[group]
        self.p.readings.setdefault(group, []).append((visit, number))
        return piece


def _number_dict(group: str, text: str) -> dict[str, str]:
    if group == "bp":
        s, d = text.split("/")
        return {"bp_systolic": s, "bp_diastolic": d}
    return {group: text}


def make_patient(
    rng: random.Random, w: Writer, index: int, lang: Lang, profile: Profile
) -> Patient:
    names = NAMES_HE if lang == "he" else NAMES_EN
    name, sex = names[index % len(names)]
    n = rng.randint(8, 14)
    dates = _dates(rng, n)
    pid = f"tl-{lang}-{index + 1:02d}"
    kinds = ["initial"] + [
        "telehealth" if 0 < v < n - 1 and rng.random() < 0.15 else "follow-up" for v in range(1, n)
    ]
    visits = [Visit(f"{pid}-v{v + 1:02d}", dates[v], kinds[v]) for v in range(n)]
    dob = dt.date(rng.randint(1945, 1995), rng.randint(1, 12), rng.randint(1, 28))
    p = Patient(pid, name, sex, lang, profile, dob.isoformat(), visits)
    b = _Build(rng, w, p)
    in_person = [v for v in range(n) if kinds[v] != "telehealth"]

    # Which visit measures what: vitals at most in-person visits, labs at a few (three at
    # least), scores at most visits; every tracked measure at the first.
    when: dict[str, set[int]] = {}
    for g in profile.vitals:
        when[g] = {0} | {v for v in in_person if rng.random() < 0.85}
    for g in profile.labs:
        chosen = {0} | {v for v in in_person if rng.random() < 0.35}
        while len(chosen) < 3:
            chosen.add(rng.choice(in_person))
        when[g] = chosen
    for g in profile.scores:
        when[g] = {0} | {v for v in range(n) if rng.random() < 0.8}
    series = {g: (_bp_walk(rng, n) if g == "bp" else _walk(rng, g, n)) for g in when}

    drugs = rng.sample(list(profile.drugs), 4)
    p.roles, p.meds = _med_plan(rng, n, drugs)
    doses = {d: rng.choice(DRUG_BY_NAME[d].doses) for d in drugs}

    late_dx, first_dx = rng.sample(list(profile.conditions), 2)
    p.diagnosed = {"late": late_dx, "initial": first_dx}
    negated_at = rng.randint(0, 1)
    diagnosed_at = rng.randint(negated_at + 2, n // 2 + 1)
    p.dx = [
        (negated_at, late_dx, "negated"),
        (diagnosed_at, late_dx, "present"),
        (0, first_dx, "present"),
    ]
    p.dx += [(v, late_dx, "present") for v in range(diagnosed_at + 1, n) if rng.random() < 0.35]
    p.dx += [(v, first_dx, "present") for v in range(1, n) if rng.random() < 0.3]
    p.dx.sort()

    proc = rng.choice(profile.procedures)
    for v in sorted(rng.sample(range(1, n), rng.randint(1, 2))):
        p.done.append((v, proc))
    p.done.append((rng.randint(1, n - 1), f"referral: {rng.choice(profile.specialties)}"))
    p.done.sort()

    restate_group = next((g for g in RESTATED if g in when), None)
    restate_at = None
    if restate_group:
        pairs = sorted(when[restate_group])
        later = [b2 for _, b2 in itertools.pairwise(pairs) if b2 >= 2]
        restate_at = rng.choice(later) if later else None

    for v, visit in enumerate(visits):
        _write_visit(b, v, visit, when, series, doses, restate_group, restate_at)

    others = [c for c in CONDITIONS if not c.symptom and c.name not in profile.conditions]
    hist = rng.sample(others, 2)
    negated = rng.choice([c for c in others if c not in hist])
    pieces = [w.history_list(hist, lang), w.dx(negated, "negated", lang)]
    p.medical_history = " ".join(x.text for x in pieces)
    p.notes = rng.choice(NOTES[lang])
    return p


def _write_visit(
    b: _Build,
    v: int,
    visit: Visit,
    when: dict[str, set[int]],
    series: dict[str, list[Any]],
    doses: dict[str, str],
    restate_group: str | None,
    restate_at: int | None,
) -> None:
    rng, w, p, lang = b.rng, b.w, b.p, b.p.lang
    profile = p.profile

    def written(g: str) -> dict[str, float]:
        x = series[g][v]
        return x if isinstance(x, dict) else {"v": x}

    # -- subjective: the visit's type, scores, what the patient takes, a restated reading
    subj = [w.visit(visit.kind, lang)]
    subj += [b.reading(g, v, written(g)) for g in profile.scores if v in when[g]]
    listed = [d for (ev, d, st) in p.meds if ev == v and st == "listed"]
    if listed:
        subj.append(w.med_list([DRUG_BY_NAME[d] for d in listed], lang, doses))
    if restate_group and v == restate_at:
        prev = [n for (ev, n) in p.readings[restate_group] if ev < v][-1]
        subj.append(_restated(restate_group, _number_dict(restate_group, prev), lang, v))
    if rng.random() < 0.4:
        subj.append(w.dx(rng.choice([c for c in CONDITIONS if c.symptom]), "negated", lang))
    subj += [w.noise(lang) for _ in range(rng.randint(0, 1))]
    visit.fields["subjective"] = _prose(subj, rng, lang)

    # -- objective: vitals and labs (none by video), a spare vital in any unit
    if visit.kind == "telehealth":
        visit.fields["objective"] = NO_EXAM[lang]
    else:
        vit = [b.reading(g, v, written(g)) for g in profile.vitals if v in when[g]]
        vit += [w.measure(g, lang) for g in EXTRAS if rng.random() < 0.5]
        labs = [b.reading(g, v, written(g)) for g in profile.labs if v in when[g]]
        parts = [join(vit, lang, rng, vitals_label(lang, False))]
        if labs:
            parts.append(join(labs, lang, rng, vitals_label(lang, True)))
        visit.fields["objective"] = "\n".join(x for x in parts if x)

    # -- assessment: the conditions as they stand
    ass = [w.dx(CONDITION_BY_NAME[c], st, lang) for (ev, c, st) in p.dx if ev == v]
    if not ass:
        ass.append(w.noise(lang))
    visit.fields["assessment"] = _prose(ass, rng, lang)

    # -- plan: orders, procedures and referrals, targets and such
    plan = [
        w.med(DRUG_BY_NAME[d], st, lang, doses[d])
        for (ev, d, st) in p.meds
        if ev == v and st != "listed"
    ]
    for ev, name in p.done:
        if ev == v and name.startswith("referral: "):
            plan.append(w.referral(name.removeprefix("referral: "), lang))
        elif ev == v:
            plan.append(w.procedure(next(x for x in PROCEDURES if x.name == name), lang))
    plan += [w.noise(lang, "plan") for _ in range(rng.randint(1, 2))]
    visit.fields["plan"] = _prose(plan, rng, lang)


def _prose(pieces: list[Piece], rng: random.Random, lang: Lang) -> str:
    texts = [x.text + "." if x.inline else x.text for x in pieces]
    return ("\n" if rng.random() < 0.3 else " ").join(texts)


def patients(seed: int, english: int = 13, hebrew: int = 4) -> list[Patient]:
    rng = random.Random(seed)
    w = Writer(rng)
    out = []
    for i in range(english):
        out.append(make_patient(rng, w, i, "en", PROFILES[i % len(PROFILES)]))
    for i in range(hebrew):
        out.append(make_patient(rng, w, i, "he", PROFILES[(i + 2) % len(PROFILES)]))
    return out
