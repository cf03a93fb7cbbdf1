"""The overtime set's questions about one patient: each kind of question as a method of
`_Asker`, worded from questions_en.toml or questions_he.toml (through tables.py), its
expected answer and the visits it rests on taken from the generator's own story.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bench.timeline.sets.overtime.story import TODAY, Patient, _Gen
from bench.timeline.sets.overtime.tables import (
    ABSENT_EN,
    ABSENT_HE,
    ASK_EN,
    ASK_HE,
    CONDITIONS,
    DRUGS,
    MEASURE_EN,
    MEASURE_HE,
    NUMBER_WORDS,
    PROCEDURES,
    PRONOUNS,
    SPECIALTIES,
)

# The statuses of a drug's event that count as prescribing it.
PRESCRIBED = ("started", "continued")


class _Asker:
    def __init__(self, g: _Gen, p: Patient) -> None:
        self.g, self.p = g, p
        self.he = p.lang == "he"
        self.words = dict(PRONOUNS["F" if p.sex == "F" else "M"])

    def sid(self, v: int) -> str:
        return f"{self.p.external_id}-s{v + 1:02d}"

    def day(self, v: int) -> str:
        return self.p.dates[v].isoformat()

    def say(self, kind: str, **kw: str) -> str:
        table = ASK_HE if self.he else ASK_EN
        text = self.g.pick(f"q:{self.p.lang}:{kind}", table[kind])
        words = {**self.words, "Poss": self.words["poss"].capitalize(), **kw}
        if "m" in kw:
            words["M"] = kw["m"][:1].upper() + kw["m"][1:]
        out = text.format(**words)
        return out[:1].upper() + out[1:]

    def date_words(self, d: dt.date) -> str:
        if self.he:
            return d.isoformat()
        form = self.g.pick("dateform", ("iso", "dmy", "mdy"))
        return {
            "iso": d.isoformat(),
            "dmy": f"{d.day} {d:%B %Y}",
            "mdy": f"{d:%B} {d.day}, {d.year}",
        }[form]

    def measure_name(self, m: str) -> str:
        return (MEASURE_HE if self.he else MEASURE_EN)[m]

    def series(self, m: str) -> list[tuple[int, str]]:
        if m == "bp_systolic":
            return [(v, t.split("/")[0]) for v, t in self.p.readings["bp"]]
        return self.p.readings[m]

    def tracked(self, turn: str, systolic: bool) -> str:
        m = self.g.pick(f"m:{turn}:{self.p.external_id}", tuple(sorted(self.p.readings)))
        return "bp_systolic" if m == "bp" and systolic else m

    def latest(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self.tracked("latest", systolic=False)
        v, text = self.p.readings[m][-1]
        return self.say("latest", m=self.measure_name(m)), text.split("/"), [self.sid(v)], {}

    def last_n(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self.tracked("last_n", systolic=True)
        s = self.series(m)
        n = min(len(s), self.g.rng.randint(2, 4))
        count = str(n) if self.he or self.g.rng.random() < 0.5 else NUMBER_WORDS[n]
        q = self.say("last_n", m=self.measure_name(m), n=count)
        return q, [t for _, t in s[-n:]], [self.sid(v) for v, _ in s[-n:]], {"measure": m}

    def change(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self.tracked("change", systolic=True)
        s = self.series(m)
        i = self.g.rng.randrange(0, len(s) - 1)
        d = self.p.dates[s[i][0]]
        q = self.say("change", m=self.measure_name(m), d=self.date_words(d))
        picked = [s[i], s[-1]]
        return q, [t for _, t in picked], [self.sid(v) for v, _ in picked], {}

    def drug_words(self, name: str) -> str:
        return DRUGS[name].he if self.he else name

    def med_first(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        drug = self.p.roles[self.g.pick("first-role", ("steady", "stopped", "late", "renewed"))]
        v = min(ev for ev, d, st in self.p.meds if d == drug and st in PRESCRIBED)
        return self.say("med_first", drug=self.drug_words(drug)), [self.day(v)], [self.sid(v)], {}

    def med_last(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        drug = self.p.roles[self.g.pick("last-role", ("renewed", "renewed", "stopped"))]
        v = max(ev for ev, d, st in self.p.meds if d == drug and st in PRESCRIBED)
        return self.say("med_last", drug=drug), [self.day(v)], [self.sid(v)], {}

    def prescribed_at(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        by_visit: dict[int, set[str]] = {}
        for v, d, st in self.p.meds:
            if st in PRESCRIBED:
                by_visit.setdefault(v, set()).add(d)
        v = self.g.rng.choice(sorted(by_visit))
        q = self.say("prescribed_at", d=self.date_words(self.p.dates[v]))
        return q, sorted(by_visit[v]), [self.sid(v)], {}

    def current_meds(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        last: dict[str, tuple[int, str]] = {}
        for v, d, st in self.p.meds:
            last[d] = (v, st)
        current = sorted(d for d, (_, st) in last.items() if st != "stopped")
        return (
            self.say("current_meds"),
            current,
            sorted({self.sid(last[d][0]) for d in current}),
            {},
        )

    def dx_first(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        negated = {c for _, c, st in self.p.dx if st == "negated"}
        cond = sorted(negated)[0] if self.g.rng.random() < 0.7 else self.p.dx[0][1]
        v = min(ev for ev, c, st in self.p.dx if c == cond and st == "present")
        c = CONDITIONS[cond]
        q = self.say("dx_first", dx=c.he if self.he else c.en)
        return q, [self.day(v)], [self.sid(v)], {}

    def last_visit(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        v = len(self.p.dates) - 1
        return self.say("last_visit"), [self.day(v)], [self.sid(v)], {}

    def time_since(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        v = len(self.p.dates) - 1
        return self.say("time_since"), [self.day(v)], [self.sid(v)], {"today": TODAY.isoformat()}

    def visits_in_period(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        dates = self.p.dates
        i = self.g.rng.randrange(1, len(dates) - 3)
        start = dates[i] - dt.timedelta(days=self.g.rng.randint(1, 9))
        end = dates[i + 1] + dt.timedelta(days=self.g.rng.randint(1, 9))
        inside = [k for k, d in enumerate(dates) if start <= d <= end]
        q = self.say("visits_in_period", d1=self.date_words(start), d2=self.date_words(end))
        return q, [self.day(k) for k in inside], [self.sid(k) for k in inside], {}

    def any_record(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        names = sorted({n for _, n in self.p.done})
        name = self.g.pick(f"rec:{self.p.external_id}", tuple(names))
        at = [v for v, n in self.p.done if n == name]
        if name.startswith("referral: "):
            sp = SPECIALTIES[name.removeprefix("referral: ")]
            q = self.say("any_referral", sp=sp[1] if self.he else sp[0].removeprefix("a "))
        else:
            proc = PROCEDURES[name]
            q = self.say("any_procedure", proc=proc.question_he if self.he else proc.question_en)
        return q, [self.day(v) for v in at], [self.sid(v) for v in at], {}

    def absent(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        text = " ".join([self.p.history, *(" ".join(n.values()) for n in self.p.notes)]).lower()
        pool = ABSENT_HE if self.he else ABSENT_EN
        for _ in pool:
            term, q = self.g.pick(f"absent:{self.p.lang}", pool)
            if term not in text:
                return q.format(**self.words), [], [], {"absent": True}
        raise AssertionError(f"every absent term is in {self.p.external_id}'s notes")
