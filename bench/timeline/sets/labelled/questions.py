"""Questions over time with known answers, about the patients of `patients`.

Kinds (each asked of every English patient, and some of the Hebrew ones):
- latest: the most recent value of a tracked measure ("Most recent A1c");
- last_n: its last N values ("What were her last three systolic readings?"), where a value
  of that measure beyond the expected ones makes the answer wrong;
- change: two values, since a date or between two visits ("How has weight changed since
  2023-01-10?");
- med_first, med_last: the first and the last time a drug was prescribed (started or
  continued; a drug only *listed* at later visits was last prescribed earlier);
- prescribed_at: what was started or continued at a dated visit (not what was listed);
- current_meds: every drug whose last event is not "stopped";
- dx_first: when a condition was first recorded as present (an earlier "no evidence of"
  does not count);
- last_visit, visits_in_period, time_since: visit dates ("today" is `today`, fixed);
- any_record: the dates of a procedure or referral;
- absent: something no note mentions; the right answer is "I found no note that mentions".

Expected values are strings as the notes write them (numbers, drug names) or ISO dates;
expected sessions are the external ids of the visits whose notes must be cited. The wordings
are questions.toml's (read by `questions_text`); the things no note mentions, vocab.toml's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bench.timeline.kit.facts import OverTimeQuestion
from bench.timeline.sets.labelled.patients import TODAY, Patient, patients
from bench.timeline.sets.labelled.questions_text import (
    EN,
    HE,
    MEASURE_EN,
    MEASURE_HE,
    NUMBER_WORDS,
    PRONOUNS,
)
from bench.timeline.sets.labelled.vocab import (
    ABSENT_EN,
    ABSENT_HE,
    CONDITION_BY_NAME,
    DRUG_BY_NAME,
    PROCEDURES,
    SPECIALTIES,
)

SEED = 20240612
QUESTION_KINDS = (
    "latest", "last_n", "change", "med_first", "med_last", "prescribed_at", "current_meds",
    "dx_first", "last_visit", "visits_in_period", "time_since", "any_record", "absent",
)  # fmt: skip
# The kinds asked in Hebrew: answers of numbers and dates, which read the same in both.
HEBREW_KINDS = (
    "latest", "med_first", "dx_first", "last_visit", "absent",
    "last_n", "med_last", "any_record", "time_since", "change", "visits_in_period",
)  # fmt: skip
HEBREW_PER_PATIENT = 5
PRESCRIBED = ("started", "continued")


@dataclass(frozen=True)
class OverTimeSet:
    doc: dict[str, Any]  # the chartside.v1 import
    patients: list[Patient]
    questions: list[OverTimeQuestion]
    today: dt.date

    def summary(self) -> dict[str, Any]:
        return {
            "clients": len(self.patients),
            "sessions": sum(len(p.visits) for p in self.patients),
            "questions": len(self.questions),
            "hebrew_questions": sum(q.language == "he" for q in self.questions),
            "per_kind": {k: sum(q.kind == k for q in self.questions) for k in QUESTION_KINDS},
            "today": self.today.isoformat(),
        }


def _spoken(day: dt.date, turn: int) -> str:
    """A date as a question might write it."""
    return (day.isoformat(), f"{day.day} {day:%B %Y}", f"{day:%B} {day.day}, {day.year}")[turn % 3]


class _Asker:
    """The questions about one patient. Wording rotates across patients (`turn`)."""

    def __init__(self, p: Patient, today: dt.date, turns: dict[str, int]) -> None:
        self.p, self.today, self.turns = p, today, turns
        self.he = p.lang == "he"
        self.words = dict(PRONOUNS[p.sex])

    def turn(self, key: str) -> int:
        self.turns[key] = self.turns.get(key, 0) + 1
        return self.turns[key] - 1

    def phrase(self, kind: str, **kw: str) -> str:
        options = (HE if self.he else EN)[kind]
        text = options[self.turn(f"{kind}:{self.p.lang}") % len(options)]
        out = text.format(**self.words, **kw)
        return out[:1].upper() + out[1:]

    def sid(self, v: int) -> str:
        return self.p.visits[v].external_id

    def day(self, v: int) -> str:
        return self.p.visits[v].date.isoformat()

    def name(self, measure: str) -> str:
        if self.he:
            return MEASURE_HE[measure]
        options = MEASURE_EN[measure]
        return options[self.turn(f"m:{measure}") % len(options)]

    # -- the measures ------------------------------------------------------------------
    def _series(self, measure: str) -> list[tuple[int, str]]:
        if measure in ("bp_systolic", "bp_diastolic"):
            half = 0 if measure == "bp_systolic" else 1
            return [(v, t.split("/")[half]) for v, t in self.p.readings["bp"]]
        return self.p.readings[measure]

    def _measure(self, key: str) -> str:
        groups = sorted(self.p.readings)
        g = groups[self.turn(key) % len(groups)]
        return "bp_systolic" if g == "bp" and key != "latest" else g

    def latest(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self._measure("latest")
        v, text = self.p.readings[m][-1]
        values = text.split("/") if m == "bp" else [text]
        return self.phrase("latest", m=self.name(m)), values, [self.sid(v)], {}

    def last_n(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self._measure("last_n")
        series = self._series(m)
        n = 2 + self.turn("n") % min(3, len(series) - 1)
        last = series[-n:]
        words = NUMBER_WORDS["he" if self.he else "en"]
        count = words[n] if self.turn("nword") % 2 == 0 else str(n)
        q = self.phrase("last_n", m=self.name(m), n=count)
        return q, [t for _, t in last], [self.sid(v) for v, _ in last], {"measure": m}

    def change(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self._measure("change")
        series = self._series(m)
        if self.turn("change-form") % 2 == 0 or self.he:
            i, j = len(series) - 2 - self.turn("ci") % (len(series) - 1), len(series) - 1
            i = max(0, i)
            d = self.p.visits[series[i][0]].date
            q = self.phrase("change_since", m=self.name(m), d=self._date(d))
        else:
            i, j = 0, len(series) - 2
            d1, d2 = (self.p.visits[series[k][0]].date for k in (i, j))
            form = self.turn("date")  # one way of writing both dates
            q = self.phrase(
                "change_between", m=self.name(m), d1=self._date(d1, form), d2=self._date(d2, form)
            )
        picked = [series[i], series[j]]
        return q, [t for _, t in picked], [self.sid(v) for v, _ in picked], {}

    def _date(self, d: dt.date, form: int | None = None) -> str:
        if self.he:
            return d.isoformat()
        return _spoken(d, self.turn("date") if form is None else form)

    # -- medications -------------------------------------------------------------------
    def _drug_text(self, drug: str) -> str:
        return DRUG_BY_NAME[drug].he if self.he else drug

    def med_first(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        role = ("steady", "stopped", "late", "listed_later")[self.turn("first-role") % 4]
        drug = self.p.roles[role]
        v = min(ev for ev, d, st in self.p.meds if d == drug and st in PRESCRIBED)
        return (
            self.phrase("med_first", drug=self._drug_text(drug)),
            [self.day(v)],
            [self.sid(v)],
            {},
        )

    def med_last(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        role = ("listed_later", "listed_later", "stopped")[self.turn("last-role") % 3]
        drug = self.p.roles[role]
        v = max(ev for ev, d, st in self.p.meds if d == drug and st in PRESCRIBED)
        return self.phrase("med_last", drug=self._drug_text(drug)), [self.day(v)], [self.sid(v)], {}

    def prescribed_at(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        by_visit: dict[int, set[str]] = {}
        for v, d, st in self.p.meds:
            if st in PRESCRIBED:
                by_visit.setdefault(v, set()).add(d)
        listed = {v for v, _, st in self.p.meds if st == "listed"}
        # A visit where a drug is only listed besides what was prescribed, where there is one.
        ranked = sorted(by_visit, key=lambda v: (v not in listed, -len(by_visit[v]), v))
        v = ranked[self.turn("rx-visit") % min(3, len(ranked))]
        q = self.phrase("prescribed_at", d=self._date(self.p.visits[v].date))
        return q, sorted(by_visit[v]), [self.sid(v)], {}

    def current_meds(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        last: dict[str, tuple[int, str]] = {}
        for v, d, st in self.p.meds:
            last[d] = (v, st)
        current = sorted(d for d, (_, st) in last.items() if st != "stopped")
        sessions = sorted({self.sid(last[d][0]) for d in current})
        return self.phrase("current_meds"), current, sessions, {}

    # -- diagnoses, visits, records ----------------------------------------------------
    def dx_first(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        which = ("late", "initial", "late")[self.turn("dx-which") % 3]
        cond = self.p.diagnosed[which]
        v = min(ev for ev, c, st in self.p.dx if c == cond and st == "present")
        c = CONDITION_BY_NAME[cond]
        return (
            self.phrase("dx_first", dx=c.he[0] if self.he else c.en[0]),
            [self.day(v)],
            [self.sid(v)],
            {},
        )

    def last_visit(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        v = len(self.p.visits) - 1
        return self.phrase("last_visit"), [self.day(v)], [self.sid(v)], {}

    def time_since(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        v = len(self.p.visits) - 1
        return (
            self.phrase("time_since"),
            [self.day(v)],
            [self.sid(v)],
            {"today": self.today.isoformat()},
        )

    def visits_in_period(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        visits = self.p.visits
        i = 1 + self.turn("period") % (len(visits) - 4)
        j = i + 1 + self.turn("period-len") % 2
        start = visits[i].date.replace(day=1)
        end_month = visits[j].date.replace(day=28) + dt.timedelta(days=4)
        end = end_month - dt.timedelta(days=end_month.day)
        inside = [k for k, x in enumerate(visits) if start <= x.date <= end]
        if self.he or start.year != end.year or self.turn("period-form") % 3 == 0:
            q = self.phrase("visits_iso", d1=start.isoformat(), d2=end.isoformat())
        else:
            q = self.phrase("visits_months", m1=f"{start:%B}", m2=f"{end:%B}", y=str(end.year))
        return q, [self.day(k) for k in inside], [self.sid(k) for k in inside], {}

    def any_record(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        names = sorted({n for _, n in self.p.done})
        name = names[self.turn("record") % len(names)]
        at = [v for v, n in self.p.done if n == name]
        if name.startswith("referral: "):
            sp = name.removeprefix("referral: ")
            q = self.phrase("any_referral", sp=dict(SPECIALTIES)[sp] if self.he else sp)
        else:
            proc = next(x for x in PROCEDURES if x.name == name)
            he = next(a for a in proc.aliases if not a.isascii())
            q = self.phrase("any_procedure", proc=he if self.he else proc.en)
        return q, [self.day(v) for v in at], [self.sid(v) for v in at], {}

    def absent(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        pool = ABSENT_HE if self.he else ABSENT_EN
        text = "\n".join([self.p.medical_history, *(v.text for v in self.p.visits)]).lower()
        for _ in range(len(pool)):
            term, q = pool[self.turn(f"absent:{self.p.lang}") % len(pool)]
            if term not in text:
                return q.format(**self.words), [], [], {"absent": True}
        raise AssertionError(f"every absent term is in {self.p.external_id}'s notes")


def _questions(ps: list[Patient], today: dt.date) -> list[OverTimeQuestion]:
    out: list[OverTimeQuestion] = []
    turns: dict[str, int] = {}
    hebrew_turn = 0
    for p in ps:
        asker = _Asker(p, today, turns)
        if p.lang == "he":
            kinds = [HEBREW_KINDS[(hebrew_turn + k) % len(HEBREW_KINDS)] for k in range(5)]
            hebrew_turn += HEBREW_PER_PATIENT
        else:
            kinds = list(QUESTION_KINDS)
        for kind in kinds:
            text, values, sessions, extra = getattr(asker, kind)()
            out.append(
                OverTimeQuestion(
                    f"ot-{len(out) + 1:03d}",
                    p.external_id,
                    text,
                    kind,
                    values,
                    sessions,
                    language=p.lang,
                    **extra,
                )
            )
    return out


def over_time_set(seed: int = SEED, today: dt.date = TODAY) -> OverTimeSet:
    """The patients (as a chartside.v1 import) and their questions; deterministic."""
    ps = patients(seed)
    if any(v.date >= today for p in ps for v in p.visits):
        raise ValueError(f"today ({today}) must come after every visit")
    doc = {"format": "chartside.v1", "clients": [p.to_json() for p in ps]}
    return OverTimeSet(doc, ps, _questions(ps, today), today)
