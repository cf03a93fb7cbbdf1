"""The overtime set's patients and their notes: a patient's story drawn visit by visit
(`_Gen`, one random stream), each visit written as a note in the patient's language from
the wordings of tables.py (catalogue.toml, patients.toml, notes_en.toml, notes_he.toml).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bench.timeline.sets.overtime.tables import (
    CONDITIONS,
    DISTRACTORS_EN,
    DISTRACTORS_HE,
    DRUGS,
    DX_EN,
    DX_HE,
    EMPTY_EN,
    EMPTY_HE,
    FILLER_EN,
    FILLER_HE,
    HISTORY_EN,
    HISTORY_HE,
    LISTED_EN,
    LISTED_HE,
    MED_EN,
    MED_HE,
    NAMES,
    PROCEDURES,
    PROFILES,
    READING_EN,
    READING_HE,
    REFER_EN,
    REFER_HE,
    SPECIALTIES,
    VISIT_EN,
    VISIT_HE,
    WALKS,
)

T = TypeVar("T")
TODAY = dt.date(2025, 9, 15)


@dataclass
class Patient:
    external_id: str
    name: str
    sex: str
    lang: str
    dates: list[dt.date]
    kinds: list[str]
    readings: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    meds: list[tuple[int, str, str]] = field(default_factory=list)  # visit, drug, status
    roles: dict[str, str] = field(default_factory=dict)
    dx: list[tuple[int, str, str]] = field(default_factory=list)
    done: list[tuple[int, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    history: str = ""


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.turns: dict[str, int] = {}

    def pick(self, key: str, options: tuple[T, ...]) -> T:
        """Options in turn, each list from a random place: every wording comes round."""
        n = self.turns.setdefault(key, self.rng.randrange(len(options)))
        self.turns[key] = n + 1
        return options[n % len(options)]

    # -- the patient's story -----------------------------------------------------------
    def patient(self, i: int) -> Patient:
        r = self.rng
        name, sex, lang = NAMES[i]
        profile = PROFILES[i % len(PROFILES)]
        n = r.randint(7, 12)
        day = dt.date(2021, 1, 4) + dt.timedelta(days=r.randint(0, 400))
        dates = []
        for _ in range(n):
            dates.append(day)
            day += dt.timedelta(days=r.randint(35, 110))
        # The last visit a few weeks before "today".
        shift = TODAY - dt.timedelta(days=r.randint(6, 70)) - dates[-1]
        dates = [d + shift for d in dates]
        kinds = ["initial"] + [
            "telehealth" if 0 < v < n - 1 and r.random() < 0.15 else "follow-up"
            for v in range(1, n)
        ]
        p = Patient(f"oth-{i + 1:02d}", name, sex, lang, dates, kinds)
        in_person = [v for v in range(n) if kinds[v] != "telehealth"]
        for m in profile.measures:
            when = sorted(
                {in_person[0], in_person[-1]} | {v for v in in_person if r.random() < 0.8}
            )
            p.readings[m] = [
                (v, text) for v, text in zip(when, self._walk(m, len(when)), strict=True)
            ]
        self._meds(p, list(profile.drugs), n)
        late, first = r.sample(list(profile.conditions), 2)
        negated_at = r.randint(0, 1)
        diagnosed_at = r.randint(negated_at + 2, n // 2 + 1)
        again = [(v, first, "present") for v in range(1, n) if r.random() < 0.25]
        first_events = [(negated_at, late, "negated"), (diagnosed_at, late, "present")]
        p.dx = sorted([*first_events, (0, first, "present"), *again])
        proc = r.choice(profile.procedures)
        p.done = [(v, proc) for v in sorted(r.sample(range(1, n), r.randint(1, 2)))]
        p.done.append((r.randint(1, n - 1), f"referral: {r.choice(profile.specialties)}"))
        p.done.sort()
        for v in range(n):
            p.notes.append(self._note(p, v))
        p.history = self._history(p)
        return p

    def _walk(self, m: str, n: int) -> list[str]:
        r = self.rng
        if m == "bp":
            s, d = r.randint(126, 168), r.randint(72, 98)
            out = []
            for _ in range(n):
                out.append(f"{s}/{d}")
                s = min(176, max(104, s + r.randint(-10, 8)))
                d = min(104, max(60, min(s - 30, d + r.randint(-6, 5))))
            return out
        lo, hi, step, decimals, floor, ceiling = WALKS[m]
        v = r.uniform(lo, hi)
        out = []
        for _ in range(n):
            out.append(f"{v:.{decimals}f}")
            v = min(ceiling, max(floor, v + r.uniform(-step, step)))
        return out

    def _meds(self, p: Patient, drugs: list[str], n: int) -> None:
        r = self.rng
        r.shuffle(drugs)
        steady, renewed, stopped, late = drugs
        p.roles = {"steady": steady, "renewed": renewed, "stopped": stopped, "late": late}
        ev = [(0, steady, "started")]
        ev += [(v, steady, "continued") for v in range(1, n) if r.random() < 0.4]
        s = r.randint(0, 1)
        last = r.randint(s + 2, n - 3)
        ev.append((s, renewed, "started"))
        ev += [(v, renewed, "continued") for v in range(s + 1, last) if r.random() < 0.5]
        ev.append((last, renewed, "continued"))
        ev += [(v, renewed, "listed") for v in range(last + 1, n) if r.random() < 0.7]
        s = r.randint(1, max(1, n // 2 - 1))
        end = r.randint(s + 1, n - 2)
        ev.append((s, stopped, "started"))
        ev.append((end, stopped, "stopped"))
        ev.append((r.randint(n - 2, n - 1), late, "started"))
        p.meds = sorted(set(ev))

    def _drug(self, p: Patient, name: str) -> str:
        d = DRUGS[name]
        return d.he if p.lang == "he" else self.pick(f"brand:{name}", d.written)

    def _reading(self, p: Patient, m: str, text: str) -> str:
        table = READING_HE if p.lang == "he" else READING_EN
        template = self.pick(f"r:{p.lang}:{m}", table[m])
        if m == "bp":
            s, d = text.split("/")
            return template.format(s=s, d=d)
        return template.format(v=text)

    def _note(self, p: Patient, v: int) -> dict[str, str]:
        r, he = self.rng, p.lang == "he"
        empty = EMPTY_HE if he else EMPTY_EN
        doses = {name: DRUGS[name].doses[len(name) % len(DRUGS[name].doses)] for name in DRUGS}
        # Subjective: the visit, a filler, what is listed as taken.
        subj = [
            self.pick(f"visit:{p.lang}:{p.kinds[v]}", (VISIT_HE if he else VISIT_EN)[p.kinds[v]])
        ]
        listed = [d for ev, d, st in p.meds if ev == v and st == "listed"]
        if listed:
            items = ", ".join(f"{self._drug(p, d)} {doses[d]}" for d in listed)
            subj.append(
                self.pick(f"list:{p.lang}", LISTED_HE if he else LISTED_EN).format(list=items)
            )
        if r.random() < 0.6:
            subj.append(self.pick(f"fill:{p.lang}", FILLER_HE if he else FILLER_EN))
        # Objective: readings in any order, distractors among them.
        obj: list[str] = []
        for m, series in p.readings.items():
            obj += [self._reading(p, m, text) for ev, text in series if ev == v]
        if p.kinds[v] != "telehealth" and r.random() < 0.7:
            obj.insert(
                r.randrange(len(obj) + 1),
                self.pick(f"dist:{p.lang}", DISTRACTORS_HE if he else DISTRACTORS_EN),
            )
        r.shuffle(obj)
        obj = [o.rstrip(".") for o in obj]
        if p.kinds[v] == "telehealth" and not obj:
            obj = [empty["objective"]]
        # Assessment and plan.
        ass = [
            self.pick(f"dx:{p.lang}:{st}", (DX_HE if he else DX_EN)[st]).format(
                dx=CONDITIONS[c].he if he else CONDITIONS[c].en
            )
            for ev, c, st in p.dx
            if ev == v
        ]
        plan = [
            self.pick(f"med:{p.lang}:{st}", (MED_HE if he else MED_EN)[st]).format(
                drug=self._drug(p, d), dose=doses[d]
            )
            for ev, d, st in p.meds
            if ev == v and st != "listed"
        ]
        for ev, name in p.done:
            if ev != v:
                continue
            if name.startswith("referral: "):
                sp = SPECIALTIES[name.removeprefix("referral: ")]
                template = self.pick(f"ref:{p.lang}", REFER_HE if he else REFER_EN)
                text = template.format(sp=sp[1] if he else sp[0])
                plan.append(text[:1].upper() + text[1:])
            else:
                proc = PROCEDURES[name]
                done = proc.he if he else self.pick(f"proc:{name}", proc.en)
                obj.append(done.rstrip("."))
        r.shuffle(plan)
        sep = "\n" if r.random() < 0.5 else " "
        fix = [s[:1].upper() + s[1:] for s in plan]
        joiner = r.choice([". ", ".\n", "; "])
        return {
            "subjective": sep.join(subj),
            "objective": joiner.join(obj) + ("." if obj else ""),
            "assessment": " ".join(ass) or empty["assessment"],
            "plan": sep.join(fix) or empty["plan"],
        }

    def _history(self, p: Patient) -> str:
        others = [
            c
            for c in CONDITIONS
            if c not in {x for _, x, _ in p.dx}
            and not (p.sex == "F" and c == "benign prostatic hyperplasia")
        ]
        c = self.rng.choice(others)
        cond = CONDITIONS[c]
        if p.lang == "he":
            return HISTORY_HE.format(dx=cond.he)
        return HISTORY_EN.format(dx=cond.en)

    def to_json(self, p: Patient) -> dict[str, Any]:
        return {
            "external_id": p.external_id,
            "full_name": p.name,
            "medical_history": p.history,
            "notes": "",
            "sessions": [
                {"external_id": f"{p.external_id}-s{v + 1:02d}",
                 "date": f"{d.isoformat()}T09:15:00", **p.notes[v]}
                for v, d in enumerate(p.dates)
            ],
        }  # fmt: skip
